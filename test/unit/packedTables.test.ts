// The header and message tables pack most of a row into a few words and keep a row whose numbers
// do not fit aside: every accessor must answer what plain numbers would, through trims and
// splices, and a parse or an edit of text with such rows must find what the text says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { HeaderTable } from '../../server/src/sip/headerTable';
import { MessageTable } from '../../server/src/sip/messageTable';
import { parseTrace } from '../../server/src/sip/parser';
import { reparse } from '../../server/src/sip/reparse';
import { SipMessage, StartLine, Trace } from '../../server/src/sip/model';

/** Rows [from, to) of a table of `length` rows, to splice out, from two arbitrary numbers. */
function range(length: number, a: number, b: number): [number, number] {
  const from = Math.min(a, b) % (length + 1);
  return [from, Math.min(length, from + (Math.max(a, b) % (length + 1)))];
}

/** Edits of `text` near `spots`, each through reparse; `same` compares each result with a fresh parse of its text. */
function checkEdits(text: string, spots: readonly number[], inserts: readonly string[], same: (edited: Trace, fresh: Trace) => void): void {
  const edit = fc.record({
    spot: fc.constantFrom(...spots),
    shift: fc.integer({ min: -3, max: 20 }),
    removed: fc.nat({ max: 30 }),
    insert: fc.constantFrom('', 'x', ' ', '\r\n', ...inserts),
  });
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
      let trace = parseTrace(text);
      for (const e of edits) {
        const offset = Math.max(0, Math.min(trace.text.length, e.spot + e.shift));
        const removed = Math.min(e.removed, trace.text.length - offset);
        const edited = trace.text.slice(0, offset) + e.insert + trace.text.slice(offset + removed);
        trace = reparse(trace, edited, { offset, removed, inserted: e.insert.length }).trace;
        same(trace, parseTrace(edited));
      }
    }),
    { numRuns: 60 },
  );
}

/** A field as six plain numbers, the layout the packed table must answer as. */
interface Row {
  id: number;
  offset: number;
  nameEnd: number;
  valueOffset: number;
  valueEnd: number;
  end: number;
}

/** Mostly the small numbers of real fields, often ones too large for a packed word. */
const row: fc.Arbitrary<Row> = fc
  .record({
    id: fc.oneof(fc.nat({ max: 30 }), fc.integer({ min: 4000, max: 4200 })),
    offset: fc.nat({ max: 50_000_000 }),
    nameLength: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 250, max: 400 })),
    gap: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 60, max: 5000 })),
    valueLength: fc.oneof(fc.nat({ max: 200 }), fc.integer({ min: 65_000, max: 70_000 })),
    tail: fc.oneof(fc.constant(0), fc.nat({ max: 100 })),
  })
  .map(({ id, offset, nameLength, gap, valueLength, tail }) => {
    const nameEnd = offset + nameLength;
    const valueOffset = nameEnd + gap;
    return { id, offset, nameEnd, valueOffset, valueEnd: valueOffset + valueLength, end: valueOffset + valueLength + tail };
  });

const NAMES = Array.from({ length: 4201 }, (_, i) => `name-${i}`);

/** A table with every name of NAMES (so each id has one) and `rows`. */
function headerTableOf(rows: readonly Row[], sharing?: HeaderTable): HeaderTable {
  const table = new HeaderTable(sharing, 4);
  if (!sharing) for (const name of NAMES) table.idOf(name);
  for (const r of rows) table.add(r.id, r.offset, r.nameEnd, r.valueOffset, r.valueEnd, r.end);
  return table;
}

function assertRows(table: HeaderTable, rows: readonly Row[]): void {
  assert.equal(table.count, rows.length);
  rows.forEach((r, i) => {
    assert.deepEqual(table.header(i), { name: NAMES[r.id], offset: r.offset, nameEnd: r.nameEnd, valueOffset: r.valueOffset, valueEnd: r.valueEnd, end: r.end }, `row ${i}`);
    assert.equal(table.nameIdOf(i), r.id);
    assert.equal(table.nameOf(i), NAMES[r.id]);
    assert.equal(table.valueOffsetOf(i), r.valueOffset);
    assert.equal(table.valueEndOf(i), r.valueEnd);
    assert.equal(table.rowOf(0, rows.length, r.id), rows.findIndex((s) => s.id === r.id));
  });
}

test('header rows, those set aside included, read back as added, before and after trim and through a splice', () => {
  fc.assert(
    fc.property(fc.array(row, { maxLength: 30 }), fc.array(row, { maxLength: 10 }), fc.nat(), fc.nat(), fc.integer({ min: -1000, max: 1000 }), (old, inserted, a, b, delta) => {
      const [from, to] = range(old.length, a, b);
      const table = headerTableOf(old);
      assertRows(table, old);
      table.trim();
      const spliced = table.spliced(from, to, headerTableOf(inserted, table), delta);
      const moved = (r: Row): Row => ({ id: r.id, offset: r.offset + delta, nameEnd: r.nameEnd + delta, valueOffset: r.valueOffset + delta, valueEnd: r.valueEnd + delta, end: r.end + delta });
      assertRows(spliced, [...old.slice(0, from), ...inserted, ...old.slice(to).map(moved)]);
      // The tables spliced from stay as they were.
      assertRows(table, old);
    }),
  );
});

const LONG_NAME = 'X-' + 'Long'.repeat(75);
const LONG_VALUE = 'v'.repeat(70_000);
const BLANKS = ' '.repeat(100);
const FOLD = '\r\n' + ' '.repeat(70);

/** A message with a field of each kind that does not fit a packed word, between usual ones. */
function wideFieldsMessage(n: number): string {
  return (
    `INVITE sip:bob@example.com SIP/2.0\r\n` +
    `Via: SIP/2.0/UDP h;branch=z9hG4bK${n}\r\n` +
    `${LONG_NAME}: long name\r\n` +
    `Subject: ${LONG_VALUE}\r\n` +
    `Call-ID: call-${n}${BLANKS}\r\n` +
    `Organization:${FOLD}folded far below\r\n` +
    `CSeq: 1 INVITE\r\n` +
    `Content-Length: 0\r\n\r\n`
  );
}

const FIELDS_TEXT = wideFieldsMessage(1) + wideFieldsMessage(2) + wideFieldsMessage(3);

/** Each header field as the text gives it: the written name, value and rest of the line. */
function fieldsInText(trace: Trace): Array<{ name: string; value: string; after: string }> {
  const { text, headers } = trace;
  return [...trace.messages].flatMap((m) =>
    headers.headersOf(m).map((h) => ({ name: text.slice(h.offset, h.nameEnd), value: text.slice(h.valueOffset, h.valueEnd), after: text.slice(h.valueEnd, h.end) })),
  );
}

test('a parse finds the fields whose numbers do not fit a packed word exactly where the text has them', () => {
  const fields = fieldsInText(parseTrace(FIELDS_TEXT));
  const expected = [1, 2, 3].flatMap((n) => [
    { name: 'Via', value: `SIP/2.0/UDP h;branch=z9hG4bK${n}`, after: '' },
    { name: LONG_NAME, value: 'long name', after: '' },
    { name: 'Subject', value: LONG_VALUE, after: '' },
    { name: 'Call-ID', value: `call-${n}`, after: BLANKS },
    { name: 'Organization', value: 'folded far below', after: '' },
    { name: 'CSeq', value: '1 INVITE', after: '' },
    { name: 'Content-Length', value: '0', after: '' },
  ]);
  assert.deepEqual(fields, expected);
});

test('edits around header fields set aside give what a fresh parse of the edited text gives', () => {
  const second = FIELDS_TEXT.indexOf('INVITE', 1);
  const spots = [LONG_NAME, 'Subject', 'call-2', 'Organization', 'folded'].map((s) => FIELDS_TEXT.indexOf(s, second));
  checkEdits(FIELDS_TEXT, spots, [': ', 'Via: a\r\n', BLANKS, '\r\n' + LONG_NAME + ': y', 'SIP/2.0 200 OK\r\n'], (edited, fresh) => {
    assert.deepEqual(
      [...edited.messages].map((m) => edited.headers.headersOf(m)),
      [...fresh.messages].map((m) => fresh.headers.headersOf(m)),
    );
    assert.deepEqual(fieldsInText(edited), fieldsInText(fresh));
  });
});

/** A distance in a start line: mostly a few chars, sometimes more than 16 bits hold. */
const step = fc.oneof(fc.nat({ max: 40 }), fc.nat({ max: 40 }), fc.integer({ min: 60_000, max: 70_000 }));

/** A message as the plain object the table must give back, at index 0 (assertMessages expects each at its own). */
const message: fc.Arbitrary<SipMessage> = fc
  .record({
    offset: fc.nat({ max: 50_000_000 }),
    request: fc.boolean(),
    // The first element starts where the message does, but the table must not count on it.
    lead: fc.oneof(fc.constant(0), fc.constant(0), fc.nat({ max: 3 })),
    steps: fc.array(step, { minLength: 6, maxLength: 6 }),
    code: fc.oneof(fc.constant(0), fc.integer({ min: 100, max: 699 })),
    firstHeader: fc.nat({ max: 1_000_000 }),
    headerCount: fc.oneof(fc.nat({ max: 40 }), fc.nat({ max: 100_000 })),
    headers: fc.nat({ max: 70_000 }),
    blank: fc.nat({ max: 70 }),
    body: fc.nat({ max: 70_000 }),
    headersUnterminated: fc.boolean(),
    lf: fc.boolean(),
  })
  .map((m) => {
    const p: number[] = [m.offset + m.lead];
    for (const s of m.steps) p.push(p[p.length - 1] + s);
    const [a, b, c, d, e, f, end] = p;
    const startLine: StartLine = m.request
      ? { kind: 'request', offset: m.offset, end, methodOffset: a, methodEnd: b, uriOffset: c, uriEnd: d, versionOffset: e, versionEnd: f }
      : { kind: 'response', offset: m.offset, end, versionOffset: a, versionEnd: b, codeOffset: c, codeEnd: d, code: m.code, reasonOffset: e, reasonEnd: f };
    const headersEnd = end + m.headers;
    const bodyOffset = headersEnd + m.blank;
    return {
      index: 0,
      offset: m.offset,
      end: bodyOffset + m.body,
      startLine,
      firstHeader: m.firstHeader,
      headerCount: m.headerCount,
      headersEnd,
      headersUnterminated: m.headersUnterminated,
      eol: m.lf ? '\n' : '\r\n',
      bodyOffset,
      bodyEnd: bodyOffset + m.body,
    };
  });

function messageTableOf(messages: readonly SipMessage[]): MessageTable {
  const table = new MessageTable(1);
  for (const m of messages) table.add(m.offset, m.end, m.startLine, m.firstHeader, m.headerCount, m.headersEnd, m.headersUnterminated, m.eol === '\n', m.bodyOffset);
  return table;
}

function assertMessages(table: MessageTable, messages: readonly SipMessage[]): void {
  assert.equal(table.length, messages.length);
  messages.forEach((m, i) => {
    assert.deepEqual(table.at(i), { ...m, index: i }, `message ${i}`);
    assert.equal(table.offsetOf(i), m.offset);
    assert.equal(table.endOf(i), m.end);
    assert.equal(table.firstHeaderOf(i), m.firstHeader);
  });
}

/** `m` with its offsets moved by `delta` and its first header by `headers`. */
function movedMessage(m: SipMessage, delta: number, headers: number): SipMessage {
  const line = Object.fromEntries(Object.entries(m.startLine).map(([k, v]) => [k, typeof v === 'number' && k !== 'code' ? v + delta : v])) as unknown as StartLine;
  return {
    ...m,
    offset: m.offset + delta,
    end: m.end + delta,
    startLine: line,
    firstHeader: m.firstHeader + headers,
    headersEnd: m.headersEnd + delta,
    bodyOffset: m.bodyOffset + delta,
    bodyEnd: m.bodyEnd + delta,
  };
}

test('messages, start lines set aside included, read back as added, before and after trim and through a splice', () => {
  fc.assert(
    fc.property(
      fc.array(message, { maxLength: 20 }),
      fc.array(message, { maxLength: 8 }),
      fc.nat(),
      fc.nat(),
      fc.integer({ min: -1000, max: 1000 }),
      fc.integer({ min: -50, max: 50 }),
      fc.nat({ max: 100 }),
      (old, inserted, a, b, delta, headerDelta, base) => {
        const [from, to] = range(old.length, a, b);
        const table = messageTableOf(old);
        assertMessages(table, old);
        table.trim();
        const spliced = table.spliced(from, to, messageTableOf(inserted), base, delta, headerDelta);
        assertMessages(spliced, [...old.slice(0, from), ...inserted.map((m) => movedMessage(m, 0, base)), ...old.slice(to).map((m) => movedMessage(m, delta, headerDelta))]);
        // The tables spliced from stay as they were.
        assertMessages(table, old);
      },
    ),
  );
});

const LONG_URI = 'sip:' + 'u'.repeat(70_000) + '@example.com';
const LONG_REASON = 'Busy'.repeat(20_000);

/** Two messages whose start lines are too long to pack, between usual ones. */
const LINES_TEXT = [
  `INVITE sip:bob@example.com SIP/2.0\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n`,
  `INVITE ${LONG_URI} SIP/2.0\r\nCSeq: 2 INVITE\r\nContent-Length: 0\r\n\r\n`,
  `SIP/2.0 486 ${LONG_REASON}\r\nCSeq: 2 INVITE\r\nContent-Length: 0\r\n\r\n`,
  `SIP/2.0 200 OK\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n`,
].join('');

/** Each message's start line as the text gives it, element by element. */
function startLines(trace: Trace): string[][] {
  return [...trace.messages].map(({ startLine: s }) => {
    const parts = s.kind === 'request' ? [s.methodOffset, s.methodEnd, s.uriOffset, s.uriEnd, s.versionOffset, s.versionEnd] : [s.versionOffset, s.versionEnd, s.codeOffset, s.codeEnd, s.reasonOffset, s.reasonEnd];
    return [0, 2, 4].map((k) => trace.text.slice(parts[k], parts[k + 1])).concat(trace.text.slice(s.offset, s.end));
  });
}

test('a parse finds start lines too long to pack exactly where the text has them', () => {
  const trace = parseTrace(LINES_TEXT);
  assert.deepEqual(startLines(trace), [
    ['INVITE', 'sip:bob@example.com', 'SIP/2.0', 'INVITE sip:bob@example.com SIP/2.0'],
    ['INVITE', LONG_URI, 'SIP/2.0', `INVITE ${LONG_URI} SIP/2.0`],
    ['SIP/2.0', '486', LONG_REASON, `SIP/2.0 486 ${LONG_REASON}`],
    ['SIP/2.0', '200', 'OK', 'SIP/2.0 200 OK'],
  ]);
  assert.deepEqual(
    [...trace.messages].map((m) => (m.startLine.kind === 'response' ? m.startLine.code : m.startLine.kind)),
    ['request', 'request', 486, 200],
  );
});

test('edits around start lines set aside give what a fresh parse of the edited text gives', () => {
  const spots = ['sip:bob', LONG_URI.slice(0, 10), 'CSeq: 2', '486', 'SIP/2.0 200'].map((s) => LINES_TEXT.indexOf(s));
  checkEdits(LINES_TEXT, spots, ['\r\n\r\n', 'Via: a\r\n', 'SIP/2.0 180 Ringing\r\n', `BYE ${LONG_URI} SIP/2.0\r\n`], (edited, fresh) => {
    assert.deepEqual([...edited.messages], [...fresh.messages]);
    assert.deepEqual(startLines(edited), startLines(fresh));
  });
});

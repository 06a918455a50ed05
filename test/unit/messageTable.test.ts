// The message table packs a start line into distances from the message's offset and keeps one that
// does not fit aside: every message must read back as added, through splices and trims, and a
// parse or an edit of text with such a start line must find what the text says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MessageTable } from '../../server/src/sip/messageTable';
import { parseTrace } from '../../server/src/sip/parser';
import { reparse } from '../../server/src/sip/reparse';
import { SipMessage, StartLine, Trace } from '../../server/src/sip/model';

/** A distance in a start line: mostly a few chars, sometimes more than 16 bits hold. */
const step = fc.oneof(fc.nat({ max: 40 }), fc.nat({ max: 40 }), fc.integer({ min: 60_000, max: 70_000 }));

/** A message as the plain object the table must give back, at index 0 (moved by `messageAt`). */
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

function tableOf(messages: readonly SipMessage[]): MessageTable {
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
function moved(m: SipMessage, delta: number, headers: number): SipMessage {
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

test('messages, start lines set aside included, read back as added, before and after trim', () => {
  fc.assert(
    fc.property(fc.array(message, { maxLength: 30 }), (messages) => {
      const table = tableOf(messages);
      assertMessages(table, messages);
      table.trim();
      assertMessages(table, messages);
    }),
  );
});

test('a splice keeps each message, set aside or not, where it lands, with offsets and first headers after it moved', () => {
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
        const from = Math.min(a, b) % (old.length + 1);
        const to = Math.min(old.length, from + (Math.max(a, b) % (old.length + 1)));
        const table = tableOf(old);
        table.trim();
        const spliced = table.spliced(from, to, tableOf(inserted), base, delta, headerDelta);
        assertMessages(spliced, [...old.slice(0, from), ...inserted.map((m) => moved(m, 0, base)), ...old.slice(to).map((m) => moved(m, delta, headerDelta))]);
        // The tables spliced from stay as they were.
        assertMessages(table, old);
      },
    ),
  );
});

const LONG_URI = 'sip:' + 'u'.repeat(70_000) + '@example.com';
const LONG_REASON = 'Busy'.repeat(20_000);

/** Two messages whose start lines are too long to pack, between usual ones. */
const TEXT = [
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
  const trace = parseTrace(TEXT);
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
  const spots = ['sip:bob', LONG_URI.slice(0, 10), 'CSeq: 2', '486', 'SIP/2.0 200'].map((s) => TEXT.indexOf(s));
  const edit = fc.record({
    spot: fc.constantFrom(...spots),
    shift: fc.integer({ min: -3, max: 20 }),
    removed: fc.nat({ max: 30 }),
    insert: fc.constantFrom('', 'x', ' ', '\r\n', '\r\n\r\n', 'Via: a\r\n', 'SIP/2.0 180 Ringing\r\n', `BYE ${LONG_URI} SIP/2.0\r\n`),
  });
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
      let trace = parseTrace(TEXT);
      for (const e of edits) {
        const offset = Math.max(0, Math.min(trace.text.length, e.spot + e.shift));
        const removed = Math.min(e.removed, trace.text.length - offset);
        const text = trace.text.slice(0, offset) + e.insert + trace.text.slice(offset + removed);
        trace = reparse(trace, text, { offset, removed, inserted: e.insert.length }).trace;
        const fresh = parseTrace(text);
        assert.deepEqual([...trace.messages], [...fresh.messages]);
        assert.deepEqual(startLines(trace), startLines(fresh));
      }
    }),
    { numRuns: 60 },
  );
});

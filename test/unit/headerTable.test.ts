// The header table packs most of a field into one word and keeps fields whose numbers do not fit
// aside: every accessor must answer what six plain numbers per field would, through splices and
// trims, and a parse or an edit of text with such fields must find what the text says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { HeaderTable } from '../../server/src/sip/headerTable';
import { parseTrace } from '../../server/src/sip/parser';
import { reparse } from '../../server/src/sip/reparse';
import { Trace } from '../../server/src/sip/model';

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
function tableOf(rows: readonly Row[], sharing?: HeaderTable): HeaderTable {
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

test('packed rows, those set aside included, read back as the six numbers they were added with, before and after trim', () => {
  fc.assert(
    fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
      const table = tableOf(rows);
      assertRows(table, rows);
      table.trim();
      assertRows(table, rows);
    }),
  );
});

test('a splice keeps each row, set aside or not, where it lands, with the offsets after it moved', () => {
  fc.assert(
    fc.property(fc.array(row, { maxLength: 30 }), fc.array(row, { maxLength: 10 }), fc.nat(), fc.nat(), fc.integer({ min: -1000, max: 1000 }), (old, inserted, a, b, delta) => {
      const from = Math.min(a, b) % (old.length + 1);
      const to = Math.min(old.length, from + (Math.max(a, b) % (old.length + 1)));
      const table = tableOf(old);
      table.trim();
      const spliced = table.spliced(from, to, tableOf(inserted, table), delta);
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
function message(n: number): string {
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

const TEXT = message(1) + message(2) + message(3);

/** Each header field as the text gives it: the written name, value and rest of the line. */
function fieldsInText(trace: Trace): Array<{ name: string; value: string; after: string }> {
  const { text, headers } = trace;
  return [...trace.messages].flatMap((m) =>
    headers.headersOf(m).map((h) => ({ name: text.slice(h.offset, h.nameEnd), value: text.slice(h.valueOffset, h.valueEnd), after: text.slice(h.valueEnd, h.end) })),
  );
}

test('a parse finds the fields whose numbers do not fit a packed word exactly where the text has them', () => {
  const fields = fieldsInText(parseTrace(TEXT));
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

test('edits around fields set aside give what a fresh parse of the edited text gives', () => {
  // Places in and around the second message's wide fields, where the edits go.
  const second = TEXT.indexOf('INVITE', 1);
  const spots = [LONG_NAME, 'Subject', 'call-2', 'Organization', 'folded'].map((s) => TEXT.indexOf(s, second));
  const edit = fc.record({
    spot: fc.constantFrom(...spots),
    shift: fc.integer({ min: -3, max: 20 }),
    removed: fc.nat({ max: 30 }),
    insert: fc.constantFrom('', 'x', ' ', '\r\n', ': ', 'Via: a\r\n', BLANKS, '\r\n' + LONG_NAME + ': y', 'SIP/2.0 200 OK\r\n'),
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
        assert.deepEqual(
          [...trace.messages].map((m) => trace.headers.headersOf(m)),
          [...fresh.messages].map((m) => fresh.headers.headersOf(m)),
        );
        assert.deepEqual(fieldsInText(trace), fieldsInText(fresh));
      }
    }),
    { numRuns: 60 },
  );
});

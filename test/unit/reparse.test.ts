// An edit re-reads only what it touched, and the result is exactly a fresh parse of the new text:
// random edit sequences on real traces of every format, compared message by message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { TraceReader, parseTrace } from '../../server/src/sip/parser';
import { reparse } from '../../server/src/sip/reparse';
import { Trace } from '../../server/src/sip/model';
import { Analysis } from '../../server/src/sip/analysis';
import { runRules } from '../../server/src/sip/diagnose';
import { ROOT } from '../helpers';

const FORMATS = join(ROOT, 'test', 'fixtures', 'formats');
const BEHAVIOUR = join(ROOT, 'test', 'fixtures', 'behaviour');

/** One file of each format, and plain traces. */
const FILES = [
  ...readdirSync(FORMATS, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !['scenarios', 'pcap', 'tools', 'robustness', 'prefixed'].includes(d.name))
    .map((d) => join(FORMATS, d.name, readdirSync(join(FORMATS, d.name)).sort()[0])),
  join(BEHAVIOUR, 'redirect-followed.sip'),
  join(BEHAVIOUR, 'no-ack.sip'),
  // Behind another logger's prefix, framed and plain.
  ...readdirSync(join(FORMATS, 'prefixed')).filter((f) => /logcat|syslog-plain|cri/.test(f)).map((f) => join(FORMATS, 'prefixed', f)),
];

/** Everything a parse yields, in a form deepEqual can compare. */
function snapshot(trace: Trace) {
  return {
    format: trace.format?.id,
    messages: [...trace.messages].map((m) => ({ ...m, headers: trace.headers.headersOf(m) })),
    meta: [...trace.messages].map((m) => trace.meta[m.index]),
    findings: [...trace.findings].sort((a, b) => a.offset - b.offset || a.code.localeCompare(b.code)),
  };
}

const PIECES = [
  '',
  '\r\n',
  '\n',
  '\r\n\r\n',
  'INVITE sip:bob@example.com SIP/2.0\r\n',
  'SIP/2.0 200 OK\r\n',
  'SIP/2.0 503 Service Unavailable\r\nRetry-After: 5\r\n',
  'Content-Length: 3\r\n',
  'Content-Type: multipart/mixed\r\n',
  'Via: SIP/2.0/UDP h;branch=z9hG4bK1\r\n',
  ' folded',
  'x',
  'v=0\r\n',
  '----------------------------------------------- 2026-11-26 01:35:48.281249\n',
  '2026/11/26 01:40:59.133034 127.0.0.1:5060 -> 127.0.0.1:5070\n',
  '\0',
];

interface Edit {
  at: number;
  /** Edit near a start line (where message boundaries move) rather than anywhere. */
  nearStartLine: boolean;
  back: number;
  cut: number;
  insert: string;
  /** Replace as many characters as are inserted (typing over), so nothing after the edit moves. */
  overwrite: boolean;
  /** Copy a piece of the text itself (a paste), from this fraction of it. */
  copyFrom: number | undefined;
}

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  nearStartLine: fc.boolean(),
  back: fc.nat({ max: 40 }),
  cut: fc.nat({ max: 60 }),
  insert: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 })),
  overwrite: fc.boolean(),
  copyFrom: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
});

const START_LINE = /^(?:[A-Z]+ \S+ SIP\/2\.0|SIP\/2\.0 \d{3})/gm;

function apply(text: string, e: Edit): { text: string; change: { offset: number; removed: number; inserted: number } } {
  let offset = Math.floor(e.at * text.length);
  if (e.nearStartLine) {
    const starts = [...text.matchAll(START_LINE)].map((m) => m.index!);
    if (starts.length > 0) offset = Math.max(0, starts[Math.min(starts.length - 1, Math.floor(e.at * starts.length))] - e.back + 20);
  }
  offset = Math.min(offset, text.length);
  const copy = e.copyFrom !== undefined ? text.slice(Math.floor(e.copyFrom * text.length), Math.floor(e.copyFrom * text.length) + 200) : '';
  const insert = e.insert + copy;
  const removed = Math.min(e.overwrite ? insert.length : e.cut, text.length - offset);
  return { text: text.slice(0, offset) + insert + text.slice(offset + removed), change: { offset, removed, inserted: insert.length } };
}

for (const file of FILES) {
  test(`reparse after random edits equals a fresh parse: ${file.slice(ROOT.length + 1)}`, () => {
    const original = readFileSync(file, 'utf8');
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        let trace = parseTrace(original);
        for (const e of edits) {
          const { text, change } = apply(trace.text, e);
          const result = reparse(trace, text, change);
          trace = result.trace;
          assert.deepEqual(snapshot(trace), snapshot(parseTrace(text)));
        }
      }),
      { numRuns: Number(process.env.REPARSE_RUNS ?? 150), seed: process.env.REPARSE_SEED ? Number(process.env.REPARSE_SEED) : undefined },
    );
  });
}

test('an edit inside one message of a large plain trace re-reads a few messages, not the trace', () => {
  const one = readFileSync(join(BEHAVIOUR, 'redirect-followed.sip'), 'utf8');
  const text = Array.from({ length: 50 }, () => one).join('\r\n');
  const trace = parseTrace(text);
  const at = text.indexOf('Max-Forwards: 70', text.length >> 1);
  const edited = text.slice(0, at) + 'Max-Forwards: 69' + text.slice(at + 16);
  const result = reparse(trace, edited, { offset: at, removed: 16, inserted: 16 });
  assert.ok(result.oldTo - result.from <= 3 && result.newTo - result.from <= 3, `re-read ${result.from}..${result.oldTo}`);
  assert.deepEqual(snapshot(result.trace), snapshot(parseTrace(edited)));
});

test('an edit in one frame of a log re-reads that frame only', () => {
  const text = readFileSync(join(FORMATS, 'sngrep', 'all-dialogs.txt'), 'utf8');
  const trace = parseTrace(text);
  const at = text.indexOf('CSeq: ', text.length >> 1);
  const edited = text.slice(0, at) + 'CSeq:  ' + text.slice(at + 6);
  const result = reparse(trace, edited, { offset: at, removed: 6, inserted: 7 });
  assert.ok(result.oldTo - result.from === 1 && result.newTo - result.from === 1, `re-read ${result.from}..${result.oldTo}`);
  assert.deepEqual(snapshot(result.trace), snapshot(parseTrace(edited)));
});

test('findings after a sequence of edits are those of a fresh open of the same text', () => {
  const files = [join(BEHAVIOUR, 'contact-cached_messages.log'), join(BEHAVIOUR, 'retry-too-early.sip'), join(FORMATS, 'sngrep', 'all-dialogs.txt')];
  for (const file of files) {
    const original = readFileSync(file, 'utf8');
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), fc.nat({ max: 50 }), (edits, firstChunk) => {
        let analysis = new Analysis(parseTrace(original));
        // Part of the trace is checked before the first edit, as when typing starts during an open.
        analysis.checkMessages(firstChunk);
        for (const e of edits) {
          const { text, change } = apply(analysis.trace.text, e);
          analysis = analysis.edited(reparse(analysis.trace, text, change));
          if (e.overwrite) analysis.checkMessages(Infinity);
        }
        analysis.checkMessages(Infinity);
        analysis.checkTrace();
        assert.deepEqual(analysis.findings(), runRules(parseTrace(analysis.trace.text)));
      }),
      { numRuns: 40 },
    );
  }
});

test('a trace read a part at a time is the trace read at once', () => {
  for (const file of FILES) {
    const text = readFileSync(file, 'utf8');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 10 }), (parts) => {
        const reader = new TraceReader(text);
        for (const count of parts) {
          const before = reader.partial().messages.length;
          reader.read(count);
          const now = reader.partial().messages.length;
          assert.ok(reader.done || now >= before + count || now > before, 'each part reads on');
        }
        assert.deepEqual(snapshot(reader.finish()), snapshot(parseTrace(text)));
      }),
      { numRuns: 20 },
    );
  }
});

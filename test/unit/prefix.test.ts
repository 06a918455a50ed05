// Logs passed on through another logger (syslog, journald, logcat, Kubernetes, Asterisk's full log,
// the Asterisk console): the prefix on the lines is recognised by its shape, framed or not, and
// the messages are those of the log without it (see test/fixtures/formats/README.md, "Prefixed").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseTrace } from '../../server/src/sip/parser';
import { Trace } from '../../server/src/sip/model';
import { ROOT } from '../helpers';

const DIR = join(ROOT, 'test', 'fixtures', 'formats');
const read = (file: string) => readFileSync(join(DIR, file), 'latin1');

function firstLines(trace: Trace): string[] {
  const lines: string[] = [];
  for (let i = 0; i < trace.messages.length; i++) {
    const at = trace.messages.offsetOf(i);
    lines.push(trace.text.slice(at, trace.text.indexOf('\n', at)).replace(/\r$/, ''));
  }
  return lines;
}

/** The start of the line `offset` lies in. */
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

const PJSIP = 'asterisk-pjsip/pjsip-handmade-console.log';
const CHAN_SIP = 'asterisk-chan_sip/chan_sip-handmade-console.log';
const FREESWITCH = 'freeswitch/freeswitch-handmade-siptrace.log';

// Each prefixed file, the log it was made from (`bare` = the PJSIP log's messages alone), and
// the prefix of its first message's line, whose time that message must take when the framing has none.
const CASES: Array<{ file: string; source: string; format?: string; prefix: RegExp; timestamp?: string }> = [
  { file: 'syslog-unframed.log', source: 'bare', prefix: /^Mar 30 13:35:40 pbx asterisk\[1234\]: $/, timestamp: 'Mar 30 13:35:40' },
  // FreeSWITCH's framing has a time of its own; its indent follows the prefix.
  { file: 'syslog-framed.log', source: FREESWITCH, format: 'freeswitch', prefix: /^Mar 30 13:35:40 pbx asterisk\[1234\]: {4}$/, timestamp: '01:41:05.149387' },
  { file: 'journald-short-iso-unframed.log', source: 'bare', prefix: /^2026-03-30T13:35:40\+0000 pbx asterisk\[1234\]: $/, timestamp: '2026-03-30T13:35:40' },
  { file: 'journald-short-iso-framed.log', source: PJSIP, format: 'asterisk-pjsip', prefix: /^2026-03-30T13:35:40\+0000 pbx asterisk\[1234\]: $/, timestamp: '2026-03-30T13:35:40' },
  { file: 'asterisk-date-unframed.log', source: 'bare', prefix: /^\[Mar 30 13:35:40\] $/, timestamp: 'Mar 30 13:35:40' },
  { file: 'asterisk-date-framed.log', source: CHAN_SIP, format: 'asterisk-chan_sip', prefix: /^\[Mar 30 13:35:4\d\] $/, timestamp: 'Mar 30 13:35:40' },
  { file: 'asterisk-full-unframed.log', source: 'bare', prefix: /^\[2026-03-30 13:35:40\.273\] VERBOSE\[2081\]\[C-00000001\] chan_sip\.c: $/, timestamp: '2026-03-30 13:35:40.273' },
  { file: 'asterisk-full-framed.log', source: CHAN_SIP, format: 'asterisk-chan_sip', prefix: /^\[2026-03-30 13:35:4\d\.\d{3}\] VERBOSE\[2081\](?:\[C-00000001\])? chan_sip\.c: $/, timestamp: '2026-03-30 13:35:40.273' },
  { file: 'logcat-unframed.log', source: 'bare', prefix: /^03-30 13:35:40\.273 {2}9915 10262 D PjSipLogWriter: $/, timestamp: '03-30 13:35:40.273' },
  { file: 'logcat-framed.log', source: PJSIP, format: 'asterisk-pjsip', prefix: /^03-30 13:35:40\.273 {2}9915 10262 D PjSipLogWriter: $/, timestamp: '03-30 13:35:40.273' },
  { file: 'cri-unframed.log', source: 'bare', prefix: /^2026-03-30T13:35:40\.273456789Z stdout F $/, timestamp: '2026-03-30T13:35:40.273456789' },
  { file: 'cri-framed.log', source: PJSIP, format: 'asterisk-pjsip', prefix: /^2026-03-30T13:35:40\.273456789Z stdout F $/, timestamp: '2026-03-30T13:35:40.273456789' },
  { file: 'cli-prompt-unframed.log', source: 'bare', prefix: /^\*CLI> $/ },
  { file: 'cli-prompt-framed.log', source: PJSIP, format: 'asterisk-pjsip', prefix: /^$/ },
];

for (const c of CASES) {
  test(`prefixed/${c.file}: the messages of the log without the prefix, with the prefix's time`, () => {
    const trace = parseTrace(read(`prefixed/${c.file}`));
    const source = parseTrace(read(c.source === 'bare' ? PJSIP : c.source));
    assert.equal(trace.format?.id, c.format);
    assert.equal(trace.messages.length, source.messages.length);
    assert.deepEqual(firstLines(trace), firstLines(source));
    const first = trace.messages.offsetOf(0);
    assert.match(trace.text.slice(lineStart(trace.text, first), first), c.prefix);
    assert.equal(trace.meta[0]?.timestamp, c.timestamp);
    if (c.timestamp) for (let i = 0; i < trace.messages.length; i++) assert.notEqual(trace.meta[i]?.time, undefined, `time of message ${i}`);
    assert.deepEqual(trace.findings.map((f) => f.code), source.findings.map((f) => f.code));
  });
}

test('the time comes from the prefix: absolute for dates, in order', () => {
  const trace = parseTrace(read('prefixed/logcat-framed.log'));
  assert.equal(trace.meta[0]?.time, Date.UTC(2000, 2, 30, 13, 35, 40, 273));
  assert.equal(trace.meta[1]?.time, Date.UTC(2000, 2, 30, 13, 35, 40, 410));
  const cri = parseTrace(read('prefixed/cri-unframed.log'));
  assert.equal(Math.floor(cri.meta[0]!.time!), Date.UTC(2026, 2, 30, 13, 35, 40, 273));
});

test('CR-less PJSIP and FreeSWITCH logs: byte counts of the CRLF message are right, a wrong one is still reported', () => {
  for (const file of ['crless/pjsip-crless.log', 'crless/freeswitch-crless.log']) {
    const trace = parseTrace(read(file));
    assert.ok(trace.messages.length > 10, file);
    assert.deepEqual(trace.findings.filter((f) => f.code === 'sip.framing.byte-count-mismatch'), [], file);
  }
  for (const file of ['crless/pjsip-crless-wrong-count.log', 'crless/freeswitch-crless-wrong-count.log']) {
    const text = read(file);
    const mismatches = parseTrace(text).findings.filter((f) => f.code === 'sip.framing.byte-count-mismatch');
    assert.equal(mismatches.length, 1, file);
    assert.equal(text.slice(mismatches[0].offset, mismatches[0].offset + mismatches[0].length), '633', file);
  }
});

// Prefixes of the shapes loggers write, with digits, padding and names that change from line to line.
const digits = (n: number) => fc.stringOf(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n });
const name = fc.stringOf(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz_'), { minLength: 1, maxLength: 8 });
const loggers = [
  (d: string, n: string) => `Mar ${d.slice(0, 2)} ${d.slice(0, 2)}:${d.slice(2, 4)}:${d.slice(4, 6)} ${n} asterisk[${d.slice(1, 4)}]: `,
  (d: string) => `[Mar ${d.slice(0, 2)} ${d.slice(0, 2)}:${d.slice(2, 4)}:${d.slice(4, 6)}] `,
  (d: string, n: string) => `${d.slice(0, 2)}-${d.slice(2, 4)} 13:20:40.${d.slice(3, 6)} ${d.slice(0, 5)} ${d.slice(1, 6)} D ${n}: `,
  (d: string) => `2026-11-26T10:${d.slice(0, 2)}:00.${d}Z stdout F `,
  (d: string, n: string) => `2026-03-30T13:35:40+${d.slice(0, 4)} ${n} kamailio[${d}]: `,
];

test('a prefix on every line of a plain trace neither loses nor adds a message', () => {
  const bare = read(PJSIP).split(/^<--- .*\n/m).slice(1).join('\n');
  const plain = parseTrace(bare);
  const lines = bare.split('\n');
  fc.assert(
    fc.property(fc.integer({ min: 0, max: loggers.length - 1 }), fc.array(fc.tuple(digits(6), name), { minLength: lines.length, maxLength: lines.length }), (logger, values) => {
      const text = lines.map((line, i) => loggers[logger](values[i][0], values[i][1]) + line).join('\n');
      const trace = parseTrace(text);
      assert.equal(trace.messages.length, plain.messages.length);
      assert.deepEqual(firstLines(trace), firstLines(plain));
    }),
    { numRuns: 60 },
  );
});

// Golden tests on logs written by the real tools (see test/fixtures/formats/README.md): every
// message found where the manifest says, with its metadata, and diagnosed as in a plain trace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTrace } from '../../server/src/sip/parser';
import { runRules } from '../../server/src/sip/diagnose';
import { RULES_BY_CODE } from '../../server/src/sip/rules';
import { lineOf, ROOT } from '../helpers';
import { scanLines } from '../../server/src/sip/formats/format';

interface ManifestMessage {
  startLine: number;
  direction?: string;
  src?: string;
  dst?: string;
  timestamp?: string;
  transport?: string;
  firstLine: string;
  truncated?: true;
}
interface ManifestEntry {
  file: string;
  format: string;
  producedBy: string;
  scenarios: string[];
  messages: ManifestMessage[];
}

const DIR = join(ROOT, 'test', 'fixtures', 'formats');
const manifest: ManifestEntry[] = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8'));
const FORMAT_ID: Record<string, string> = {
  'sipp-messages-log': 'sipp',
  'sngrep-txt': 'sngrep',
  'ngrep-byline': 'ngrep',
  'tshark-follow-ascii': 'tshark-follow',
  'kamailio-sipdump-text': 'kamailio-sipdump',
  'asterisk-chan_sip-debug': 'asterisk-chan_sip',
  'asterisk-pjsip-logger': 'asterisk-pjsip',
  'freeswitch-sofia-siptrace': 'freeswitch',
};
/** Robustness files whose damage is the point: they must be diagnosed, not read cleanly. */
const DAMAGED = /robustness\/truncated\//;

test('every format of the issue has a fixture', () => {
  assert.deepEqual([...new Set(manifest.map((e) => FORMAT_ID[e.format]))].sort(), Object.values(FORMAT_ID).sort());
});

for (const entry of manifest) {
  test(`${entry.file}: ${entry.messages.length} messages, metadata, diagnostics`, () => {
    const text = readFileSync(join(DIR, entry.file), 'utf8');
    const trace = parseTrace(text);
    assert.equal(trace.format?.id, FORMAT_ID[entry.format]);
    const messages = [...trace.messages];
    assert.deepEqual(
      messages.map((m) => lineOf(text, m.offset)),
      entry.messages.map((m) => m.startLine),
    );
    messages.forEach((m, i) => {
      const expected = entry.messages[i];
      assert.equal(text.slice(m.startLine.offset, m.startLine.end), expected.firstLine);
      const meta = trace.meta[i];
      for (const key of ['direction', 'src', 'dst', 'timestamp', 'transport'] as const) {
        if (expected[key] !== undefined) assert.equal(meta?.[key], expected[key], `message ${i + 1} ${key}`);
      }
    });
    const findings = runRules(trace);
    const has = (code: string) => findings.some((f) => f.code === code);
    if (entry.scenarios.includes('302-with-contact')) {
      assert.ok(has('sip.302.moved-temporarily'));
      assert.ok(!has('sip.302.missing-contact'));
    }
    if (entry.scenarios.includes('503-without-retry-after')) assert.ok(has('sip.503.missing-retry-after'));
    if (entry.scenarios.includes('503-with-retry-after')) {
      assert.ok(findings.some((f) => f.code === 'sip.503.service-unavailable' && /Retry-After: \d+/.test(f.message)));
    }
    const problems = findings.filter((f) => ['error', 'warning'].includes(RULES_BY_CODE.get(f.code)?.severity ?? ''));
    if (DAMAGED.test(entry.file)) {
      const lastStart = messages[messages.length - 1].offset;
      assert.ok(problems.some((f) => f.offset >= lastStart || f.code === 'sip.framing.byte-count-mismatch'), 'the cut-off message is diagnosed');
    } else {
      // Framing lines are not SIP, and these are real, well-formed messages.
      assert.deepEqual(problems.map((f) => `${f.code} at line ${lineOf(text, f.offset)}`), []);
    }
  });
}

test('a SIPp message whose logged byte count disagrees is reported on the count', () => {
  const text = readFileSync(join(DIR, 'sipp', 'redirect-uac_messages.log'), 'utf8').replace('UDP message sent (627 bytes):', 'UDP message sent (600 bytes):');
  const finding = parseTrace(text).findings.find((f) => f.code === 'sip.framing.byte-count-mismatch');
  assert.ok(finding);
  assert.equal(text.slice(finding.offset, finding.offset + finding.length), '600');
});

test('times of day that cross midnight keep counting (FreeSWITCH)', () => {
  const trace = parseTrace(readFileSync(join(DIR, 'robustness', 'midnight', 'freeswitch-handmade-midnight.log'), 'utf8'));
  const times = trace.meta.map((m) => m?.time ?? NaN);
  for (let i = 1; i < times.length; i++) assert.ok(times[i] >= times[i - 1], `message ${i + 1} is not earlier than ${i}`);
  assert.ok(times[times.length - 1] > 24 * 3600 * 1000, 'the last messages are on the next day');
  assert.ok(times[times.length - 1] - times[0] < 3600 * 1000, 'and the whole trace spans minutes, not a day');
});

test('absolute timestamps across a year boundary stay ordered (ngrep)', () => {
  const trace = parseTrace(readFileSync(join(DIR, 'robustness', 'midnight', 'ngrep-byline-midnight.txt'), 'utf8'));
  assert.ok(trace.meta.every((m) => m?.absolute === true && m.time !== undefined));
  const times = trace.meta.map((m) => m!.time!);
  assert.ok(Math.max(...times) - Math.min(...times) < 3600 * 1000);
});

test('a plain trace is not mistaken for a log format', () => {
  const trace = parseTrace(readFileSync(join(ROOT, 'examples', 'redirect-and-overload.sip'), 'utf8'));
  assert.equal(trace.format, undefined);
  assert.ok(trace.meta.every((m) => m === undefined));
});

test('scanLines visits exactly the lines that start with one of the chars, with their extents (LF and CRLF, first and last lines)', () => {
  const texts = ['Fa\nb\nFc', 'x\r\nFy\r\nF\r\n\r\nFz\r\n', '\nF\nFF\nG\n F', 'F', '', 'abc\nFrame 1\r\nFrom: x\n'];
  for (const text of texts) {
    for (const chars of ['F', 'FG']) {
      const expected: Array<[string, number, number, number]> = [];
      for (let start = 0; start <= text.length; ) {
        const lf = text.indexOf('\n', start);
        const end = lf < 0 ? text.length : lf > start && text[lf - 1] === '\r' ? lf - 1 : lf;
        const next = lf < 0 ? text.length : lf + 1;
        if (end > start && chars.includes(text[start])) expected.push([text.slice(start, end), start, end, next]);
        if (lf < 0) break;
        start = next;
      }
      const seen: Array<[string, number, number, number]> = [];
      scanLines(text, chars, (line, start, end, next) => seen.push([line, start, end, next]));
      assert.deepEqual(seen, expected, `${JSON.stringify(text)} with ${chars}`);
    }
  }
});

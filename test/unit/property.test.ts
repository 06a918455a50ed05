// Random and mutated traces: the parser and every rule never throw, and every range stays in the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseTrace } from '../../server/src/sip/parser';
import { diagnose } from '../../server/src/sip/diagnose';
import { findingsAt, fixFor } from '../../server/src/sip/fixes';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, request, response } from '../helpers';

const SEEDS = [
  request('INVITE', ['Contact: <sip:a@192.0.2.1>', 'Content-Type: application/sdp']).replace('Content-Length: 0', 'Content-Length: 12') + 'v=0\r\ns=-\r\nt=0',
  response('302 Moved Temporarily', ['Contact: "X" <sip:b@192.0.2.4>;expires=60', 'Expires: 60']),
  response('503 Service Unavailable', ['Retry-After: 120 (maintenance);duration=30']),
  'REGISTER sip:r SIP/2.0\nv: SIP / 2.0 / TCP h ;\n branch=z9hG4bK1\nf: a <sip:a@h>;tag=1\nt: <sip:a@h>\ni: x\nCSeq: 1 REGISTER\nl: 0\n\n',
];

const fragment = fc.oneof(
  fc.constantFrom(...SEEDS),
  fc.constantFrom('\r\n', '\n', '\r', ' ', '\t', ':', ';', ',', '"', '<', '>', '\\', 'SIP/2.0 ', 'INVITE ', 'Content-Length: ', '99999', '-1', '\0', '\uFFFD', '\uD83D', 'é', '=', 'z9hG4bK'),
  fc.string({ maxLength: 40 }),
  fc.fullUnicodeString({ maxLength: 20 }),
);

function checkTrace(text: string): void {
  const trace = parseTrace(text);
  let previousEnd = 0;
  for (const m of trace.messages) {
    assert.ok(m.offset >= previousEnd && m.offset < text.length && m.end <= text.length && m.end >= m.startLine.end, 'message inside the text, in order');
    assert.ok(m.bodyOffset <= m.bodyEnd || m.bodyEnd === m.end, 'body ordered');
    for (const h of trace.headers.headersOf(m)) assert.ok(h.offset <= h.nameEnd && h.nameEnd <= h.valueOffset && h.valueOffset <= h.valueEnd && h.valueEnd <= h.end && h.end <= text.length);
    previousEnd = m.offset + 1;
  }
  const { findings } = diagnose(trace, { maxFindings: Infinity });
  for (const f of findings) {
    assert.ok(f.offset >= 0 && f.length >= 0 && f.offset + f.length <= text.length, `${f.code} range inside the text`);
    for (const again of findingsAt(trace, f.code, f.offset)) {
      const fix = fixFor(trace, again, { retryAfterSeconds: 30 });
      for (const e of fix?.edits ?? []) assert.ok(e.offset >= 0 && e.offset + e.length <= text.length, 'fix edit inside the text');
    }
  }
}

/** Applies the mutations, then checks the result and its truncation. */
function checkMutated(base: string, mutations: ReadonlyArray<{ at: number; cut: number; insert: string }>, truncateAt: number): void {
  let text = base;
  for (const m of mutations) {
    const at = Math.min(m.at, text.length);
    text = text.slice(0, at) + m.insert + text.slice(at + m.cut);
  }
  checkTrace(text);
  checkTrace(text.slice(0, truncateAt));
}

test('random concatenations of SIP fragments and noise', () => {
  fc.assert(fc.property(fc.array(fragment, { maxLength: 30 }), (parts) => checkTrace(parts.join(''))), { numRuns: 400 });
});

test('mutations of well-formed traces: deletions, insertions, truncations', () => {
  const base = SEEDS.join('\r\n');
  fc.assert(
    fc.property(
      fc.array(fc.record({ at: fc.nat(base.length), cut: fc.nat(20), insert: fragment }), { maxLength: 8 }),
      fc.nat(base.length),
      (mutations, truncateAt) => checkMutated(base, mutations, truncateAt),
    ),
    { numRuns: 400 },
  );
});

test('arbitrary binary input decoded as UTF-8', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => checkTrace(new TextDecoder().decode(bytes))), { numRuns: 200 });
});

// The same properties for logs in every supported format, cut and mutated at random.
const FRAMED = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'formats', 'manifest.json'), 'utf8'))
  .filter((e: { file: string }) => !e.file.startsWith('robustness/'))
  .map((e: { file: string }) => readFileSync(join(ROOT, 'test', 'fixtures', 'formats', e.file), 'utf8').slice(0, 6000));

test('mutations of real logs in every format', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...FRAMED),
      fc.array(fc.record({ at: fc.nat(6000), cut: fc.nat(40), insert: fragment }), { maxLength: 6 }),
      fc.nat(6000),
      (base: string, mutations, truncateAt) => checkMutated(base, mutations, truncateAt),
    ),
    { numRuns: 300 },
  );
});

// The value rules (Rule.checkValue) read each distinct header value once per run: what is
// remembered must never hide a finding. And the number reader they and the call model share.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lintText, request } from '../helpers';
import { parseDigits } from '../../server/src/sip/values';
import { parseTrace } from '../../server/src/sip/parser';
import { RULES } from '../../server/src/sip/rules';
import { ValueChecker } from '../../server/src/sip/rules/valueRules';
import { generateTrace } from '../bench/generateTrace';

const spans = (text: string, code: string) => lintText(text).filter((f) => f.code === code).map((f) => f.offset);

test('a malformed value repeated in several messages is reported in each of them', () => {
  const bad = 'From: Bell, Alexander <sip:a.g.bell@example.com>;tag=43';
  const text = request('OPTIONS', [bad]) + request('OPTIONS', [bad]) + request('OPTIONS', [bad]);
  const offsets = spans(text, 'sip.address.malformed');
  assert.equal(offsets.length, 3);
  assert.equal(new Set(offsets).size, 3, 'one finding in each message, not three in one');
});

test('a value that was clean under one header name is still checked under another', () => {
  // As a Supported list the text splits at the comma into two harmless elements; as a From it is a display name that needs quotes.
  const value = 'Bell, Alexander <sip:a.g.bell@example.com>';
  const text = request('OPTIONS', [`Supported: ${value}`]) + request('OPTIONS', [`From: ${value}`]);
  const offsets = spans(text, 'sip.address.malformed');
  assert.equal(offsets.length, 1);
  assert.ok(offsets[0] > text.indexOf('From: Bell'), 'reported on the From, in the second message');
});

test('a clean value seen again stays clean, and a different value after it is still checked', () => {
  const good = 'Contact: <sip:alice@192.0.2.1>';
  const text = request('OPTIONS', [good]) + request('OPTIONS', [good]) + request('OPTIONS', ['Contact: <sip:alice@192.0.2.1>;;']);
  assert.equal(spans(text, 'sip.header.empty-element').length, 1);
  assert.equal(spans(text, 'sip.address.malformed').length, 0);
});

test('a table of clean values that fills up and starts again finds what a fresh check of every value finds', () => {
  // A 1 MB trace has thousands of distinct values: with 1024 slots the table empties itself many times.
  const { text } = generateTrace(1024 * 1024, 7);
  const lines = text.split('\r\n');
  // Malformed values, each twice, spread over the trace: after every 50th request line.
  const requestLines = lines.flatMap((line, k) => (/^[A-Z]+ sip:\S+ SIP\/2\.0$/.test(line) ? [k] : []));
  for (let n = requestLines.length - 1; n >= 0; n -= 50) lines.splice(requestLines[n] + 1, 0, 'Contact: <sip:a@example.com>;;', 'Contact: <sip:a@example.com>;;');
  const trace = parseTrace(lines.join('\r\n'));
  const valueRules = RULES.filter((r) => r.checkValue);
  const all = (checker: ValueChecker) => [...trace.messages].flatMap((m) => checker.check(trace, m) ?? []);
  const small = all(new ValueChecker(valueRules, 1024));
  assert.ok(small.length >= 4, 'the malformed values are found');
  assert.deepEqual(small, all(new ValueChecker(valueRules)));
  // Against no memory at all: one checker per message.
  assert.deepEqual(small, [...trace.messages].flatMap((m) => new ValueChecker(valueRules).check(trace, m) ?? []));
});

test('parseDigits reads what Number() reads, for short and long numbers alike, and nothing else', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^[0-9]{1,25}$/), fc.string({ maxLength: 3 }), (digits, around) => {
      const text = `${around}${digits}${around}`;
      assert.equal(parseDigits(text, around.length, around.length + digits.length), Number(digits));
    }),
  );
  assert.equal(parseDigits('4294967296', 0, 10), 2 ** 32);
  // Summing digit by digit in doubles rounds differently past 2^53: this one would come out 9562075620855233000.
  assert.equal(parseDigits('9562075620855231357', 0, 19), 9562075620855231357);
  assert.equal(parseDigits('12a', 0, 3), undefined);
  assert.equal(parseDigits(' 1', 0, 2), undefined);
  assert.equal(parseDigits('1', 0, 0), undefined);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTrace } from '../../../server/src/sip/parser';
import { check } from './check';

const code = 'sip.trace.no-messages';

test(`${code}: fires at the top of a file without a start line, on an empty span`, () => {
  const found = parseTrace('2026-11-26 01:35:48 nothing but log lines\nand more of them\n').findings.filter((f) => f.code === code);
  assert.deepEqual(found.map((f) => [f.offset, f.length]), [[0, 0]]);
});

test(`${code}: silent when a message is there`, () => {
  check(code, `
OPTIONS sip:bob@biloxi.example.com SIP/2.0
Content-Length: 0

`);
});

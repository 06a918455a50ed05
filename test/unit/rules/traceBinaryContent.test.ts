import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTrace } from '../../../server/src/sip/parser';
import { check } from './check';
import { request } from '../../helpers';

const code = 'sip.trace.binary-content';

test(`${code}: fires on the first NUL outside any message`, () => {
  const [finding] = parseTrace('pcap\u0000\u0001 header\n' + request()).findings.filter((f) => f.code === code);
  assert.deepEqual([finding.offset, finding.length], [4, 1]);
});

test(`${code}: silent on a text trace`, () => {
  check(code, `
OPTIONS sip:bob@biloxi.example.com SIP/2.0
Content-Length: 0

`);
});

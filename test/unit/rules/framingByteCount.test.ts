import { test } from 'node:test';
import { check } from './check';

const code = 'sip.framing.byte-count-mismatch';

test(`${code}: fires on the count a SIPp framing line prints when the message has another length`, () => {
  check(code, `
----------------------------------------------- 2026-11-26 01:35:48.281249
UDP message sent (99 bytes):
                  ^^ sip.framing.byte-count-mismatch

OPTIONS sip:bob@example.com SIP/2.0
Content-Length: 0

`);
});

test(`${code}: silent when the count is the message's length, CRLFs included`, () => {
  check(code, `
----------------------------------------------- 2026-11-26 01:35:48.281249
UDP message sent (58 bytes):

OPTIONS sip:bob@example.com SIP/2.0
Content-Length: 0

`);
});

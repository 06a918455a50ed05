import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, check } from './check';

const code = 'sip.cseq.method-mismatch';

const FIRES = `
OPTIONS sip:bob@biloxi.example.com SIP/2.0
Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds
Max-Forwards: 70
To: Bob <sip:bob@biloxi.example.com>
From: Alice <sip:alice@atlanta.example.com>;tag=1928301774
Call-ID: a84b4c76e66710@pc33.atlanta.example.com
CSeq: 314159 INVITE
             ^^^^^^ sip.cseq.method-mismatch
Contact: <sip:alice@pc33.atlanta.example.com>
Content-Length: 0

`;

test(`${code}: fires on the marked span`, () => {
  check(code, FIRES);
});

test(`${code}: silent where the message is right`, () => {
  check(code, `
OPTIONS sip:bob@biloxi.example.com SIP/2.0
Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds
Max-Forwards: 70
To: Bob <sip:bob@biloxi.example.com>
From: Alice <sip:alice@atlanta.example.com>;tag=1928301774
Call-ID: a84b4c76e66710@pc33.atlanta.example.com
CSeq: 314159 OPTIONS
Contact: <sip:alice@pc33.atlanta.example.com>
Content-Length: 0

`);
});

test(`${code}: the quick fix removes the finding`, () => {
  assert.ok(applyFix(code, FIRES).includes('CSeq: 314159 OPTIONS\r\n'));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, check } from './check';

const code = 'sip.content-length.extra-body';

const FIRES = `
INVITE sip:bob@biloxi.example.com SIP/2.0
Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds
Max-Forwards: 70
To: Bob <sip:bob@biloxi.example.com>
From: Alice <sip:alice@atlanta.example.com>;tag=1928301774
Call-ID: a84b4c76e66710@pc33.atlanta.example.com
CSeq: 314159 INVITE
Contact: <sip:alice@pc33.atlanta.example.com>
Content-Type: application/sdp
Content-Length: 3
                ^ sip.content-length.extra-body

v=0
s=-
`;

test(`${code}: fires on the marked span`, () => {
  check(code, FIRES);
});

test(`${code}: silent where the message is right`, () => {
  check(code, `
INVITE sip:bob@biloxi.example.com SIP/2.0
Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds
Max-Forwards: 70
To: Bob <sip:bob@biloxi.example.com>
From: Alice <sip:alice@atlanta.example.com>;tag=1928301774
Call-ID: a84b4c76e66710@pc33.atlanta.example.com
CSeq: 314159 INVITE
Contact: <sip:alice@pc33.atlanta.example.com>
Content-Type: application/sdp
Content-Length: 10

v=0
s=-
`);
});

test(`${code}: the quick fix removes the finding`, () => {
  assert.ok(applyFix(code, FIRES).includes('Content-Length: 10\r\n'));
});

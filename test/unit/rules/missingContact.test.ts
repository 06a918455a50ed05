import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, check } from './check';

const code = 'sip.302.missing-contact';

const FIRES = `
SIP/2.0 302 Moved Temporarily
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ sip.302.missing-contact
Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds
To: Bob <sip:bob@biloxi.example.com>;tag=a6c85cf
From: Alice <sip:alice@atlanta.example.com>;tag=1928301774
Call-ID: a84b4c76e66710@pc33.atlanta.example.com
CSeq: 314159 INVITE
Content-Length: 0

`;

test(`${code}: fires on the marked span`, () => {
  check(code, FIRES);
});

test(`${code}: silent where the message is right`, () => {
  check(code, `
SIP/2.0 302 Moved Temporarily
Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds
To: Bob <sip:bob@biloxi.example.com>;tag=a6c85cf
From: Alice <sip:alice@atlanta.example.com>;tag=1928301774
Call-ID: a84b4c76e66710@pc33.atlanta.example.com
CSeq: 314159 INVITE
m: <sip:b@192.0.2.4>
Content-Length: 0

`);
});

test(`${code}: the quick fix removes the finding`, () => {
  assert.ok(applyFix(code, FIRES).includes('\r\nContact: <sip:new-target@example.invalid>\r\n\r\n'));
});

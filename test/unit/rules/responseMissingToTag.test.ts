import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, check } from './check';

const code = 'sip.response.missing-to-tag';

const FIRES = `
SIP/2.0 486 Busy Here
Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds
To: Bob <sip:bob@biloxi.example.com>
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ sip.response.missing-to-tag
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
SIP/2.0 100 Trying
Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds
To: Bob <sip:bob@biloxi.example.com>
From: Alice <sip:alice@atlanta.example.com>;tag=1928301774
Call-ID: a84b4c76e66710@pc33.atlanta.example.com
CSeq: 314159 INVITE
Content-Length: 0

`);
});

test(`${code}: the quick fix removes the finding`, () => {
  assert.ok(applyFix(code, FIRES).includes('To: Bob <sip:bob@biloxi.example.com>;tag=to-tag-placeholder\r\n'));
});

test(`${code}: a tag inside the To URI is not the To tag`, () => {
  check(code, `
SIP/2.0 486 Busy Here
To: <sip:bob@biloxi.example.com;tag=x>
    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ sip.response.missing-to-tag
Content-Length: 0

`);
});

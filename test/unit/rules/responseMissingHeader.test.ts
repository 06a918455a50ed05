import { test } from 'node:test';
import { check } from './check';

const code = 'sip.response.missing-header';

test(`${code}: fires on the marked span`, () => {
  check(code, `
SIP/2.0 200 OK
^^^^^^^^^^^^^^ sip.response.missing-header
Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds
To: Bob <sip:bob@biloxi.example.com>;tag=a6c85cf
From: Alice <sip:alice@atlanta.example.com>;tag=1928301774
CSeq: 314159 INVITE
Content-Length: 0

`);
});

test(`${code}: silent where the message is right`, () => {
  check(code, `
SIP/2.0 200 OK
Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds
To: Bob <sip:bob@biloxi.example.com>;tag=a6c85cf
From: Alice <sip:alice@atlanta.example.com>;tag=1928301774
Call-ID: a84b4c76e66710@pc33.atlanta.example.com
CSeq: 314159 INVITE
Content-Length: 0

`);
});

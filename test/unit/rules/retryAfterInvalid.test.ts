import { test } from 'node:test';
import { check } from './check';

const code = 'sip.retry-after.invalid';

test(`${code}: fires on the marked span`, () => {
  check(code, `
SIP/2.0 503 Service Unavailable
Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds
To: Bob <sip:bob@biloxi.example.com>;tag=a6c85cf
From: Alice <sip:alice@atlanta.example.com>;tag=1928301774
Call-ID: a84b4c76e66710@pc33.atlanta.example.com
CSeq: 314159 INVITE
Retry-After: tomorrow
             ^^^^^^^^ sip.retry-after.invalid
Content-Length: 0

`);
});

test(`${code}: silent where the message is right`, () => {
  check(code, `
SIP/2.0 503 Service Unavailable
Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds
To: Bob <sip:bob@biloxi.example.com>;tag=a6c85cf
From: Alice <sip:alice@atlanta.example.com>;tag=1928301774
Call-ID: a84b4c76e66710@pc33.atlanta.example.com
CSeq: 314159 INVITE
Retry-After: 18000;duration=3600
Content-Length: 0

`);
});

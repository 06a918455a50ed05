import { test } from 'node:test';
import { check } from './check';

const code = 'sip.delta-seconds.out-of-range';

test(`${code}: fires on the marked span`, () => {
  check(code, `
SIP/2.0 503 Service Unavailable
Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds
To: Bob <sip:bob@biloxi.example.com>;tag=a6c85cf
From: Alice <sip:alice@atlanta.example.com>;tag=1928301774
Call-ID: a84b4c76e66710@pc33.atlanta.example.com
CSeq: 314159 INVITE
Retry-After: 4294967296
             ^^^^^^^^^^ sip.delta-seconds.out-of-range
Content-Length: 0

`);
});

test(`${code}: silent where the message is right`, () => {
  check(code, `
REGISTER sip:bob@biloxi.example.com SIP/2.0
Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds
Max-Forwards: 70
To: Bob <sip:bob@biloxi.example.com>
From: Alice <sip:alice@atlanta.example.com>;tag=1928301774
Call-ID: a84b4c76e66710@pc33.atlanta.example.com
CSeq: 314159 REGISTER
Contact: <sip:alice@pc33.atlanta.example.com>
Expires: 4294967295
Content-Length: 0

`);
});

test(`${code}: an expires inside <…> is the URI's, not the Contact's, so it is not checked`, () => {
  check(code, `
REGISTER sip:registrar.example.com SIP/2.0
Contact: <sip:a@h;expires=99999999999>;expires=99999999999
                                               ^^^^^^^^^^^ sip.delta-seconds.out-of-range
Content-Length: 0

`);
});

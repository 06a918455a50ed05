import { test } from 'node:test';
import { check } from './check';

const code = 'sip.content-length.invalid';

test(`${code}: fires on the marked span`, () => {
  check(code, `
OPTIONS sip:bob@biloxi.example.com SIP/2.0
Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds
Max-Forwards: 70
To: Bob <sip:bob@biloxi.example.com>
From: Alice <sip:alice@atlanta.example.com>;tag=1928301774
Call-ID: a84b4c76e66710@pc33.atlanta.example.com
CSeq: 314159 OPTIONS
Contact: <sip:alice@pc33.atlanta.example.com>
Content-Length: zero
                ^^^^ sip.content-length.invalid

`);
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

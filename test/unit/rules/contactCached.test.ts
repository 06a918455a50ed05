import { test } from 'node:test';
import { checkFixture } from './check';

const code = 'sip.302.contact-cached';

test(`${code}: fires on the start line of the message, in a SIPp trace that reuses a temporary Contact later`, () => {
  checkFixture(code, 'behaviour/contact-cached.sip', [[144, 'INVITE sip:bob@127.0.0.1:5080 SIP/2.0']]);
});

test(`${code}: silent in the well-behaved counterpart`, () => {
  checkFixture(code, 'behaviour/redirect-followed.sip', []);
});

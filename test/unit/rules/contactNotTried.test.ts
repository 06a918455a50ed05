import { test } from 'node:test';
import { checkFixture } from './check';

const code = 'sip.302.contact-not-tried';

test(`${code}: fires on the start line of the message, in a SIPp trace that never tries the 302's Contact`, () => {
  checkFixture(code, 'behaviour/contact-not-tried.sip', [[25, 'SIP/2.0 302 Moved Temporarily']]);
});

test(`${code}: silent in the well-behaved counterpart`, () => {
  checkFixture(code, 'behaviour/redirect-followed.sip', []);
});

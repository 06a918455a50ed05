import { test } from 'node:test';
import { checkFixture } from './check';

const code = 'sip.proxy.forwarded-503';

test(`${code}: fires on the start line of the message, in a SIPp trace that passes a 503 upstream`, () => {
  checkFixture(code, 'behaviour/proxy-forwarded-503.sip', [[89, 'SIP/2.0 503 Service Unavailable']]);
});

test(`${code}: silent in the well-behaved counterpart`, () => {
  checkFixture(code, 'behaviour/proxy-503-remapped.sip', []);
});

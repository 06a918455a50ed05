import { test } from 'node:test';
import { checkFixture } from './check';

const code = 'sip.503.persistent';

test(`${code}: fires on the start line of the message, in a SIPp trace that gets 503 from one server for half a minute`, () => {
  checkFixture(code, 'behaviour/persistent-503_messages.log', [[20, 'SIP/2.0 503 Service Unavailable']]);
});

test(`${code}: silent in the well-behaved counterpart`, () => {
  checkFixture(code, 'behaviour/retry-too-early_messages.log', []);
});

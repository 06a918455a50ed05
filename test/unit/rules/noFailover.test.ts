import { test } from 'node:test';
import { checkFixture } from './check';

const code = 'sip.503.no-failover';

test(`${code}: fires on the start line of the message, in a SIPp trace that retries the same server after a 503 without Retry-After`, () => {
  checkFixture(code, 'behaviour/no-failover.sip', [[54, 'INVITE sip:bob@127.0.0.1:5070 SIP/2.0']]);
});

test(`${code}: silent in the well-behaved counterpart`, () => {
  checkFixture(code, 'behaviour/failover.sip', []);
});

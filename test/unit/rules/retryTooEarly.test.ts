import { test } from 'node:test';
import { checkFixture } from './check';

const code = 'sip.503.retry-too-early';

test(`${code}: fires on the start line of the message, in a SIPp trace that retries before Retry-After`, () => {
  checkFixture(code, 'behaviour/retry-too-early_messages.log', [[70, 'INVITE sip:bob@127.0.0.1:5070 SIP/2.0']]);
});

test(`${code}: silent in the well-behaved counterpart`, () => {
  checkFixture(code, 'behaviour/retry-after-respected_messages.log', []);
});

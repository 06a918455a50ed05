import { test } from 'node:test';
import { checkFixture } from './check';

const code = 'sip.503.sent-during-retry-after';

test(`${code}: fires on the start line of the message, in a SIPp trace that sends new calls to a server during its Retry-After`, () => {
  checkFixture(code, 'behaviour/overlap-retry-after-respected_messages.log', [[47, 'INVITE sip:bob@127.0.0.1:5070 SIP/2.0'], [90, 'INVITE sip:bob@127.0.0.1:5070 SIP/2.0'], [362, 'INVITE sip:bob@127.0.0.1:5070 SIP/2.0'], [432, 'INVITE sip:bob@127.0.0.1:5070 SIP/2.0']]);
});

test(`${code}: silent in the well-behaved counterpart`, () => {
  checkFixture(code, 'behaviour/retry-after-respected_messages.log', []);
});

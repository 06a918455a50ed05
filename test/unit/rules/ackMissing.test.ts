import { test } from 'node:test';
import { checkFixture } from './check';

const code = 'sip.ack.missing';

test(`${code}: fires on the start line of the message, in a SIPp trace that never ACKs a final response`, () => {
  checkFixture(code, 'behaviour/no-ack.sip', [[34, 'SIP/2.0 486 Busy Here']]);
});

test(`${code}: silent in the well-behaved counterpart`, () => {
  checkFixture(code, 'behaviour/redirect-followed.sip', []);
});

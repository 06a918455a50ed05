import { test } from 'node:test';
import { checkFixture } from './check';

const code = 'sip.retry.same-branch';

test(`${code}: fires on the start line of the message, in a SIPp trace that reuses the failed transaction's branch`, () => {
  checkFixture(code, 'behaviour/reused-branch.sip', [[47, 'z9hG4bK-sipp-fixed-branch-4711']]);
});

test(`${code}: silent in the well-behaved counterpart`, () => {
  checkFixture(code, 'behaviour/redirect-followed.sip', []);
});

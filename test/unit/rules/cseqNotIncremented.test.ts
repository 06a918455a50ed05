import { test } from 'node:test';
import { checkFixture } from './check';

const code = 'sip.cseq.not-incremented';

test(`${code}: fires on the start line of the message, in a SIPp trace that does not raise CSeq in a dialog`, () => {
  checkFixture(code, 'behaviour/cseq-not-incremented.sip', [[83, '1']]);
});

test(`${code}: silent in the well-behaved counterpart`, () => {
  checkFixture(code, 'behaviour/redirect-followed.sip', []);
});

import { defineRule, rfcUrl } from './rule';
import { startLineOf } from '../calls/locate';
import { retries } from '../calls/callModel';

export const rule = defineRule({
  code: 'sip.retry.same-branch',
  severity: 'error',
  rfc: 'RFC 3261 §8.1.3.4',
  url: rfcUrl(3261, '8.1.3.4'),
  title: "Retry reuses the failed transaction's branch",
  doc: `A retry after a 3xx or 503 is a new request and so a new client transaction, whose Via branch MUST be new (RFC 3261 §8.1.1.7, §8.1.3.4). Reusing the branch makes servers match the retry to the finished transaction: it is absorbed as a retransmission or answered with the old response.

Example: INVITE \`branch=z9hG4bK776\` → 302 → ACK → INVITE to the Contact, again with \`branch=z9hG4bK776\`.`,
  checkTrace({ calls, report }) {
    for (const { request, response, retry } of retries(calls)) {
      if (!retry.branch || retry.branch !== request.branch || retry.branchOffset === undefined) continue;
      report(
        retry.branchOffset,
        retry.branch.length,
        `This retry after the ${response.code} reuses the Via branch ${retry.branch} of the failed transaction. A retry is a new transaction and MUST get a new branch (RFC 3261 §8.1.1.7, §8.1.3.4); otherwise the server matches it to the old transaction.`,
        [startLineOf(request, 'the failed request with the same branch'), startLineOf(response, `the ${response.code} that caused the retry`)],
      );
    }
  },
});

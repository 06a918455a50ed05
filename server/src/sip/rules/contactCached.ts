import { defineRule, rfcUrl } from './rule';
import { seconds, startLineOf, startLineSpan } from '../calls/locate';
import { cachedContactUses } from '../calls/redirects';

export const rule = defineRule({
  code: 'sip.302.contact-cached',
  severity: 'warning',
  rfc: 'RFC 3261 §21.3.3',
  url: rfcUrl(3261, '21.3.3'),
  title: 'Temporary Contact of a 302 reused later',
  doc: `A 302's Contact is where the target is *temporarily*; without an Expires header or \`expires\` parameter it is valid for the one retry only, and later requests must go to the original URI again. Reported on every later, unrelated request (another Call-ID) for the same target (To) sent straight to that Contact, each with the 302 it came from.

Example: 302 \`Contact: <sip:bob@192.0.2.4>\` with no Expires; minutes later a new INVITE goes to \`sip:bob@192.0.2.4\` instead of \`sip:bob@example.com\`.`,
  checkTrace({ calls, report }) {
    const { summaries, transactions } = calls;
    // Each use is reported once, against the latest 302 that handed out its Contact.
    const redirectOf = new Map<number, number>();
    for (const t of transactions) {
      if (t.request < 0 || t.final < 0) continue;
      for (const use of cachedContactUses(calls, t.final)) if ((redirectOf.get(use) ?? -1) < t.final) redirectOf.set(use, t.final);
    }
    for (const [use, responseIndex] of [...redirectOf].sort((a, b) => a[0] - b[0])) {
      const response = summaries.at(responseIndex);
      const request = summaries.at(transactions.ofMessage(responseIndex)!.request);
      const q = summaries.at(use);
      const [offset, length] = startLineSpan(q);
      const later = q.time !== undefined && response.time !== undefined ? ` ${seconds(q.time - response.time)} after the 302` : '';
      report(
        offset,
        length,
        `This new request goes straight to ${q.requestUri}, the temporary Contact of an earlier 302${later}, which gave no Expires: that Contact was valid for one retry only. Later requests must use the original URI ${request.requestUri} (RFC 3261 §21.3.3).`,
        [startLineOf(response, 'the 302 with the temporary Contact'), startLineOf(request, 'the original request')],
      );
    }
  },
});

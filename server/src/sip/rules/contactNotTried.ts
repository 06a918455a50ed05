import { defineRule, rfcUrl } from './rule';
import { startLineOf, startLineSpan } from '../calls/locate';
import { nextAttempt, retriedAtContact } from '../calls/redirects';

export const rule = defineRule({
  code: 'sip.302.contact-not-tried',
  severity: 'warning',
  rfc: 'RFC 3261 §8.1.3.4',
  url: rfcUrl(3261, '8.1.3.4'),
  title: '302 whose Contact the client never tried',
  doc: `After a 302 the client should send the request again to the URI(s) in Contact. Reported when the same client later sends the same kind of request to the same target (To), but never to a Contact of the 302: the redirect was ignored. Silent when the trace ends after the 302, and on a log written at the server that sent the 302.

Example: INVITE → 302 \`Contact: <sip:bob@192.0.2.4>\` → ACK, then the client's next INVITE for bob goes to the original URI again (or elsewhere), never to \`sip:bob@192.0.2.4\`.`,
  checkTrace({ calls, report }) {
    const { summaries, transactions } = calls;
    for (const t of transactions) {
      if (t.request < 0 || t.final < 0 || summaries.at(t.final).code !== 302) continue;
      const response = summaries.at(t.final);
      const request = summaries.at(t.request);
      if (response.contacts.length === 0) continue;
      // A log written where the 302 was sent sees the server's side only: the retry went elsewhere.
      if (summaries.metaOf(response.index)?.direction === 'sent') continue;
      // The client went on trying to reach the same target, but not at the Contact.
      const next = nextAttempt(calls, t);
      if (next === undefined || retriedAtContact(calls, t.final)) continue;
      const [offset, length] = startLineSpan(response);
      report(
        offset,
        length,
        `The client never retried at the Contact of this 302 (${response.contacts.join(', ')}), although it sent more requests later: the redirect was ignored. A correct client retries the ${request.method} at the Contact URI in a new transaction (RFC 3261 §8.1.3.4).`,
        [startLineOf(request, 'the redirected request'), startLineOf(summaries.at(next), `the client's next ${request.method} for this target, not sent to the Contact`)],
      );
    }
  },
});

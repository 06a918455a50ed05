import { Rule, rfcUrl } from './rule';
import { seconds, startLineOf, startLineSpan } from '../calls/locate';
import { uriKey } from '../calls/summary';
import { firstAfter } from '../calls/callModel';

export const rule: Rule = {
  code: 'sip.302.contact-cached',
  severity: 'warning',
  rfc: 'RFC 3261 §21.3.3',
  url: rfcUrl(3261, '21.3.3'),
  title: 'Temporary Contact of a 302 reused later',
  doc: `A 302's Contact is where the target is *temporarily*; without an Expires header or \`expires\` parameter it is valid for the one retry only, and later requests must go to the original URI again. Reported on a later, unrelated request (another Call-ID) for the same target (To) sent straight to that Contact.

Example: 302 \`Contact: <sip:bob@192.0.2.4>\` with no Expires; minutes later a new INVITE goes to \`sip:bob@192.0.2.4\` instead of \`sip:bob@example.com\`.`,
  checkTrace({ trace, calls, report }) {
    const { summaries, transactions, followUps } = calls;
    const retries = new Set(followUps.values());
    for (const t of transactions) {
      if (t.request < 0 || t.final < 0) continue;
      const response = summaries[t.final];
      if (response.code !== 302 || response.explicitExpiry || response.contacts.length === 0) continue;
      const request = summaries[t.request];
      const retry = followUps.get(t.final);
      const related = new Set([request.callId, retry !== undefined ? summaries[retry].callId : request.callId]);
      const toContact = response.contacts.flatMap((contact) => {
        const list = calls.requestsTo.get(uriKey(contact) ?? '') ?? [];
        return list.slice(firstAfter(list, t.final));
      });
      for (const i of toContact.sort((a, b) => a - b)) {
        const q = summaries[i];
        // Requests of the retried call, retries that follow another redirect, and requests inside a
        // dialog (To tag: they go to the dialog's remote target) may all go there.
        if (related.has(q.callId) || retries.has(i) || q.toTag !== undefined || uriKey(q.toUri) !== uriKey(request.toUri)) continue;
        const [offset, length] = startLineSpan(trace, q);
        const later = q.time !== undefined && response.time !== undefined ? ` ${seconds(q.time - response.time)} after the 302` : '';
        report(
          offset,
          length,
          `This new request goes straight to ${q.requestUri}, the temporary Contact of an earlier 302${later}, which gave no Expires: that Contact was valid for one retry only. Later requests must use the original URI ${request.requestUri} (RFC 3261 §21.3.3).`,
          [startLineOf(trace, response, 'the 302 with the temporary Contact'), startLineOf(trace, request, 'the original request')],
        );
        break;
      }
    }
  },
};

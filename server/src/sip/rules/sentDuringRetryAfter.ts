import { defineRule, rfcUrl } from './rule';
import { seconds, startLineOf, startLineSpan } from '../calls/locate';
import { serverOf } from '../calls/callModel';
import { requestsDuringRetryAfter } from '../calls/retryAfter';

export const rule = defineRule({
  code: 'sip.503.sent-during-retry-after',
  severity: 'information',
  rfc: 'RFC 3261 §21.5.4',
  url: rfcUrl(3261, '21.5.4'),
  title: 'New request to a server while its 503 Retry-After still runs',
  doc: `A 503 with Retry-After asks the client to leave that server alone for a while: RFC 3261 §21.5.4 says it SHOULD NOT forward *any other* requests to it for that duration, not only the one that failed. Reported on each new out-of-dialog request (not the retry of a request, which \`sip.503.retry-too-early\` judges) that the same client sends to the same server before the Retry-After of that server's latest 503 has passed, with the 503 as related information. Needs timestamps, so it stays silent on traces without them. Typical of load generators and trunks that keep sending new calls into an overloaded server.

Example: call 1 gets a 503 with \`Retry-After: 10\`; 0.3 s later the same client sends call 2's INVITE to the same server.`,
  checkTrace({ calls, report }) {
    const { summaries } = calls;
    for (const [index, pause] of requestsDuringRetryAfter(calls)) {
      const s = summaries.at(index);
      const response = summaries.at(pause.response);
      const [offset, length] = startLineSpan(s);
      report(
        offset,
        length,
        `New ${s.method} to ${serverOf(s)} ${seconds(s.time! - response.time!)} after that server answered 503 with Retry-After: ${response.retryAfter}, while it still asked to be left alone (${seconds(pause.until - s.time!)} to go). A client should send no other requests to a server during its Retry-After; send them to another server, or hold them (RFC 3261 §21.5.4).`,
        [startLineOf(response, `503 with Retry-After: ${response.retryAfter}`), startLineOf(summaries.at(pause.request), 'the request that got the 503')],
      );
    }
  },
});

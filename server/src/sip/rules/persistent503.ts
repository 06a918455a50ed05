import { defineRule, rfcUrl } from './rule';
import { seconds, startLineOf, startLineSpan } from '../calls/locate';
import { serverOf } from '../calls/callModel';

/** Related locations listed at most: a night of load testing may hold thousands of 503s. */
const MAX_RELATED = 50;

export const rule = defineRule({
  code: 'sip.503.persistent',
  severity: 'information',
  rfc: 'RFC 3261 §21.5.4',
  url: rfcUrl(3261, '21.5.4'),
  title: 'One server keeps answering 503',
  doc: `One 503 is a moment of overload; a server that answers 503 to request after request for half a minute or more has a capacity or maintenance problem that retrying will not fix. Reported on the first 503 of a server that answered 503 to at least \`sipTrace.persistent503.minResponses\` requests (default 3) spread over at least \`sipTrace.persistent503.minSpanSeconds\` (default 30 s; 0 also counts traces without timestamps), with the other 503s as related information. The advice: check the server's capacity and spread the load over several proxies (several DNS SRV targets, RFC 3263), so clients have somewhere to fail over to.

Example: \`127.0.0.1:5070\` answers 503 to four INVITEs over 36 s.`,
  checkTrace({ calls, report, parameters }) {
    const { summaries, transactions } = calls;
    const minResponses = Math.max(1, parameters.persistent503MinResponses);
    const minSpan = parameters.persistent503MinSpanSeconds * 1000;
    // Final 503s by the server that gave them, one per request (retransmissions are not finals).
    const byServer = new Map<string, number[]>();
    for (const t of transactions) {
      if (t.request < 0 || t.final < 0 || summaries.at(t.final).code !== 503) continue;
      const server = serverOf(summaries.at(t.request));
      if (server === undefined) continue;
      const list = byServer.get(server);
      if (list) list.push(t.final);
      else byServer.set(server, [t.final]);
    }
    for (const [server, list] of byServer) {
      if (list.length < minResponses) continue;
      list.sort((a, b) => a - b);
      const first = summaries.at(list[0]);
      const last = summaries.at(list[list.length - 1]);
      const span = first.time !== undefined && last.time !== undefined ? last.time - first.time : undefined;
      if (minSpan > 0 && (span === undefined || span < minSpan)) continue;
      const [offset, length] = startLineSpan(first);
      const over = span !== undefined ? ` over ${seconds(span)}` : '';
      report(
        offset,
        length,
        `${server} answered 503 Service Unavailable to ${list.length} requests${over}: this is not a passing overload. Check the server's capacity, and spread the load over several proxies (several DNS SRV targets, RFC 3263) so that clients can fail over instead of waiting for this one (RFC 3261 §21.5.4).`,
        list.slice(1, MAX_RELATED + 1).map((i, n) => startLineOf(summaries.at(i), `503 number ${n + 2} of ${list.length} from ${server}`)),
      );
    }
  },
});

import { defineRule, rfcUrl } from './rule';
import { startLineOf, startLineSpan } from '../calls/locate';
import { MessageSummary } from '../calls/summary';

export const rule = defineRule({
  code: 'sip.proxy.forwarded-503',
  severity: 'information',
  rfc: 'RFC 3261 §16.7',
  url: rfcUrl(3261, '16.7'),
  title: 'Proxy passed a 503 upstream',
  doc: `A proxy whose best response is a 503 should not forward it: it answers 500 instead (RFC 3261 §16.7), because to the upstream client a 503 means *this proxy* is overloaded and should be avoided. Reported where the trace shows both legs: a 503 with one Via fewer than a 503 of the same request further downstream.

Example: UAS → proxy \`503\` (two Vias), proxy → UAC \`503\` (one Via).`,
  checkTrace({ calls, report }) {
    // A 503 seen below a proxy is keyed by what the proxy's upstream copy would look like.
    const below = new Map<string, MessageSummary>();
    for (const s of calls.summaries) {
      if (s.kind !== 'response' || s.code !== 503) continue;
      const downstream = below.get(`${s.callId}|${s.cseq}|${s.viaCount}|${s.topVia}`);
      if (s.viaCount > 1) {
        const key = `${s.callId}|${s.cseq}|${s.viaCount - 1}|${s.secondVia}`;
        if (!below.has(key)) below.set(key, s);
      }
      if (!downstream) continue;
      const upstream = s;
      const [offset, length] = startLineSpan(upstream);
      report(
        offset,
        length,
        'A proxy forwarded this 503 upstream. A proxy should send 500 Server Internal Error instead, so that upstream clients do not take the proxy itself for overloaded (RFC 3261 §16.7).',
        [startLineOf(downstream, 'the 503 the proxy received')],
      );
    }
  },
});

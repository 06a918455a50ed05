import { defineRule, rfcUrl } from './rule';
import { missingHeaders } from '../access';

const COPIED: ReadonlyArray<[string, string]> = [
  ['from', 'From'],
  ['to', 'To'],
  ['call-id', 'Call-ID'],
  ['cseq', 'CSeq'],
  ['via', 'Via'],
];

export const rule = defineRule({
  code: 'sip.response.missing-header',
  severity: 'error',
  rfc: 'RFC 3261 §8.2.6.2',
  url: rfcUrl(3261, '8.2.6.2'),
  title: 'Response without a header it must copy from the request',
  doc: `A response MUST copy From, Call-ID, CSeq and the Via headers from its request and carry To (RFC 3261 §8.2.6.2). Without them the client cannot match the response to its transaction (§17.1.3) and drops it.

Example: \`SIP/2.0 200 OK\` with no \`Via\`.`,
  check({ message, header, report }) {
    const line = message.startLine;
    if (line.kind !== 'response') return;
    const missing = missingHeaders(header, COPIED);
    if (missing.length === 0) return;
    report(
      line.offset,
      line.end - line.offset,
      `This response lacks ${missing.join(', ')}; a response MUST copy From, Call-ID, CSeq and Via from its request and carry To (RFC 3261 §8.2.6.2), or the client cannot match it to its request.`,
    );
  },
});

import { defineRule, rfcUrl } from './rule';
import { insertHeaderLine } from '../edits';
import { missingHeaders } from '../access';

const MANDATORY: ReadonlyArray<[string, string]> = [
  ['to', 'To'],
  ['from', 'From'],
  ['cseq', 'CSeq'],
  ['call-id', 'Call-ID'],
  ['max-forwards', 'Max-Forwards'],
  ['via', 'Via'],
];

export const rule = defineRule({
  code: 'sip.request.missing-header',
  severity: 'error',
  rfc: 'RFC 3261 §8.1.1',
  url: rfcUrl(3261, '8.1.1'),
  title: 'Request without a mandatory header',
  doc: `Every request MUST contain To, From, CSeq, Call-ID, Max-Forwards and Via. A server answers a request that lacks one with 400 Bad Request (RFC 4475 §3.3.1). When Max-Forwards is among the missing, the quick fix inserts it with the customary 70 (§8.1.1.6).

Example: an INVITE without \`Max-Forwards\` or \`Via\`.`,
  fix: {
    title: 'Insert Max-Forwards: 70',
    edits: ({ trace, message, header }) => (header('max-forwards') ? undefined : [insertHeaderLine(trace, message, 'Max-Forwards: 70')]),
  },
  check({ message, header, report }) {
    const line = message.startLine;
    if (line.kind !== 'request') return;
    const missing = missingHeaders(header, MANDATORY);
    if (missing.length === 0) return;
    report(
      line.offset,
      line.end - line.offset,
      `This request lacks ${missing.join(', ')}; every request MUST carry To, From, CSeq, Call-ID, Max-Forwards and Via (RFC 3261 §8.1.1). A server answers it with 400 Bad Request.`,
      { missing: missing.join(',') },
    );
  },
});

import { defineRule, rfcUrl } from './rule';
import { replaceSpan } from '../edits';

/** Reported by the parser while it reads the trace. */
export const rule = defineRule({
  code: 'sip.content-length.extra-body',
  severity: 'warning',
  rfc: 'RFC 3261 §18.3',
  url: rfcUrl(3261, '18.3'),
  title: 'Content-Length smaller than the body',
  doc: `More text follows the header section than Content-Length covers. Over UDP the receiver discards the extra bytes (RFC 3261 §18.3), so the body it sees is truncated; over TCP the extra bytes are read as the next message. The quick fix sets Content-Length to the body length measured in the trace.

Example: \`Content-Length: 0\` followed by an SDP body.`,
  fix: {
    title: 'Correct Content-Length',
    titleFor: (finding) => `Correct Content-Length to ${finding.data?.actual}`,
    edits: (_, finding) => (typeof finding.data?.actual === 'number' ? [replaceSpan(finding, String(finding.data.actual))] : undefined),
  },
});

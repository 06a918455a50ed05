import { defineRule, rfcUrl } from './rule';
import { replaceSpan } from '../edits';

/** Reported by the parser while it reads the trace. */
export const rule = defineRule({
  code: 'sip.content-length.truncated-body',
  severity: 'error',
  rfc: 'RFC 3261 §18.3',
  url: rfcUrl(3261, '18.3'),
  title: 'Content-Length larger than the body',
  doc: `Content-Length promises more bytes than follow the header section, so the message is cut short. Over UDP the receiver MUST reject it with 400 Bad Request; over TCP it waits for bytes that never come (RFC 4475 §3.1.2.2). The quick fix sets Content-Length to the body length measured in the trace.

Example: \`Content-Length: 9999\` before a 150-byte SDP body.`,
  fix: {
    title: 'Correct Content-Length',
    titleFor: (finding) => `Correct Content-Length to ${finding.data?.actual}`,
    edits: (_, finding) => (typeof finding.data?.actual === 'number' ? [replaceSpan(finding, String(finding.data.actual))] : undefined),
  },
});

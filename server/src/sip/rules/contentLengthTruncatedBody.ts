import { Rule, rfcUrl } from './rule';

/** Reported by the parser while it reads the trace. */
export const rule: Rule = {
  code: 'sip.content-length.truncated-body',
  severity: 'error',
  rfc: 'RFC 3261 §18.3',
  url: rfcUrl(3261, '18.3'),
  title: 'Content-Length larger than the body',
  doc: `Content-Length promises more bytes than follow the header section, so the message is cut short. Over UDP the receiver MUST reject it with 400 Bad Request; over TCP it waits for bytes that never come (RFC 4475 §3.1.2.2). The quick fix sets Content-Length to the body length measured in the trace.

Example: \`Content-Length: 9999\` before a 150-byte SDP body.`,
  fix: 'Correct Content-Length',
};

import { defineRule, rfcUrl } from './rule';

/** Reported by the parser while it reads the trace. */
export const rule = defineRule({
  code: 'sip.content-length.invalid',
  severity: 'error',
  rfc: 'RFC 3261 §20.14',
  url: rfcUrl(3261, '20.14'),
  title: 'Invalid Content-Length',
  doc: `Content-Length is a non-negative decimal count of body bytes. The body is then measured from the text (RFC 4475 §3.1.2.3).

Example: \`Content-Length: -999\`.`,
});

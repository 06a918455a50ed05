import { defineRule, rfcUrl } from './rule';

/** Reported by the parser while it reads the trace. */
export const rule = defineRule({
  code: 'sip.request-line.malformed',
  severity: 'error',
  rfc: 'RFC 3261 §7.1',
  url: rfcUrl(3261, '7.1'),
  title: 'Malformed request line',
  doc: `The request line must be exactly \`Method SP Request-URI SP SIP-Version\`: one space between elements, no whitespace inside the Request-URI, nothing after the version. A server answers such a request with 400 Bad Request (RFC 4475 §3.1.2.8–3.1.2.10).

Example: \`INVITE  sip:bob@example.com  SIP/2.0\` (two spaces), \`INVITE sip:bob@example.com; lr SIP/2.0\`.`,
});

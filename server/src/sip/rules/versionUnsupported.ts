import { defineRule, rfcUrl } from './rule';

/** Reported by the parser while it reads the trace. */
export const rule = defineRule({
  code: 'sip.version.unsupported',
  severity: 'error',
  rfc: 'RFC 3261 §8.1.1.7',
  url: rfcUrl(3261, '8.1.1.7'),
  title: 'Unsupported SIP version',
  doc: `The start line or a Via header names a protocol version other than SIP/2.0. A SIP/2.0 element answers a request like this with 505 Version Not Supported (RFC 4475 §3.1.2.16).

Example: \`OPTIONS sip:t.watson@example.org SIP/7.0\`.`,
});

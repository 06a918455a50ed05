import { defineRule, rfcUrl } from './rule';

/** Reported by the parser while it reads the trace. */
export const rule = defineRule({
  code: 'sip.request-line.invalid-uri',
  severity: 'error',
  rfc: 'RFC 3261 §19.1.1',
  url: rfcUrl(3261, '19.1.1'),
  title: 'Invalid Request-URI',
  doc: `The Request-URI must be a bare absolute URI: no \`<>\` around it (RFC 4475 §3.1.2.7) and, for sip/sips, no URI headers (\`?Route=...\`, RFC 4475 §3.1.2.11).

Example: \`INVITE <sip:bob@example.com> SIP/2.0\`.`,
});

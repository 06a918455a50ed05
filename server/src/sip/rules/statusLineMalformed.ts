import { defineRule, rfcUrl } from './rule';

/** Reported by the parser while it reads the trace. */
export const rule = defineRule({
  code: 'sip.status-line.malformed',
  severity: 'error',
  rfc: 'RFC 3261 §7.2',
  url: rfcUrl(3261, '7.2'),
  title: 'Malformed status line',
  doc: `A status line is \`SIP/2.0 SP 3DIGIT SP Reason-Phrase\`; the code is three digits from 100 to 699. A client discards a response whose code it cannot read (RFC 4475 §3.1.2.19).

Example: \`SIP/2.0 4294967301 better not break the receiver\`.`,
});

import { defineRule, rfcUrl } from './rule';

/** Reported by the parser while it reads a log whose framing lines count bytes. */
export const rule = defineRule({
  code: 'sip.framing.byte-count-mismatch',
  severity: 'warning',
  rfc: 'RFC 3261 §18.3',
  url: rfcUrl(3261, '18.3'),
  title: 'Log byte count disagrees with the message',
  doc: `SIPp, tshark, Asterisk PJSIP and FreeSWITCH print how many bytes each message had on the wire. When the message in the log has a different length, the log was cut, edited or mangled by copying (line endings changed), or the message itself was truncated on the wire; its Content-Length and body deserve a look.

Example: \`UDP message sent (627 bytes):\` followed by a 610-byte message.`,
});

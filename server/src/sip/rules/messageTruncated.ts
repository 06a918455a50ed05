import { defineRule, rfcUrl } from './rule';

/** Reported by the parser while it reads the trace. */
export const rule = defineRule({
  code: 'sip.message.truncated',
  severity: 'warning',
  rfc: 'RFC 3261 §7',
  url: rfcUrl(3261, '7'),
  title: 'Message cut off',
  doc: `A SIP message's header section ends with an empty line. Here the text stops in the middle of a header line instead: the trace was cut (a full disk, a rotated log, a partial copy), so the rest of this message, and whatever followed it, is missing. Headers that should come later may be reported as missing too.

Example: a trace whose last line is \`CSeq: 2 INV\`.`,
});

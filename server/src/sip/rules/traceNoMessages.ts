import { defineRule, rfcUrl } from './rule';

/** Reported by the parser while it reads the trace. */
export const rule = defineRule({
  code: 'sip.trace.no-messages',
  severity: 'warning',
  rfc: 'RFC 3261 §7',
  url: rfcUrl(3261, '7'),
  title: 'No SIP message found',
  doc: `Nothing in the file starts like a SIP message (a request line \`METHOD uri SIP/2.0\` or a status line \`SIP/2.0 code reason\` at the beginning of a line).

Example: an empty log or a file in another format.`,
});

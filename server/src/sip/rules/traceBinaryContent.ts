import { defineRule, rfcUrl } from './rule';

/** Reported by the parser while it reads the trace. */
export const rule = defineRule({
  code: 'sip.trace.binary-content',
  severity: 'warning',
  rfc: 'RFC 3261 §7',
  url: rfcUrl(3261, '7'),
  title: 'Binary content in the trace',
  doc: `NUL bytes or invalid UTF-8 outside any message: the file is probably a packet capture or another binary format, not a text trace. Export it as text (tshark, sngrep "Save as .txt") and open that. Messages found in the text are still checked.

Example: opening a \`.pcap\` file.`,
});

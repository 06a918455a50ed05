import { defineRule, rfcUrl } from './rule';

/** Reported by the parser while it reads the trace. */
export const rule = defineRule({
  code: 'sip.header.malformed',
  severity: 'error',
  rfc: 'RFC 3261 §7.3',
  url: rfcUrl(3261, '7.3'),
  title: 'Malformed header line',
  doc: `Inside a header section every line is \`Name: value\` (the name a token), or a continuation line starting with whitespace that folds the previous header. Anything else usually means a missing blank line before the body or a damaged copy of the trace.

Example: \`this is not a header\` between \`Via:\` and \`To:\`.`,
});

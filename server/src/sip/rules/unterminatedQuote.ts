import { defineRule, rfcUrl } from './rule';

export const rule = defineRule({
  code: 'sip.header.unterminated-quote',
  severity: 'error',
  rfc: 'RFC 3261 §25.1',
  url: rfcUrl(3261, '25.1'),
  title: 'Unterminated quoted string',
  doc: `A quoted string (a display name, a parameter value) opens with \`"\` and must close with one; \`\\\\\` escapes the next character. An unclosed quote swallows the rest of the header, URI included, and the request is rejected with 400 Bad Request (RFC 4475 §3.1.2.6).

Example: \`To: "Mr. J. User <sip:j.user@example.com>\`.`,
  checkValue: {
    names: 'structured',
    check({ header, structure, report }) {
      if (!structure || structure.unterminatedQuote < 0) return;
      report(
        structure.unterminatedQuote,
        header.valueEnd - structure.unterminatedQuote,
        'This quoted string is never closed, so the rest of the header (the URI included) is read as part of it (RFC 3261 §25.1). Add the closing double quote.',
      );
    },
  },
});

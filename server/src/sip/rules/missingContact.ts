import { defineRule, rfcUrl } from './rule';
import { insertHeaderLine } from '../edits';

export const rule = defineRule({
  code: 'sip.302.missing-contact',
  severity: 'warning',
  rfc: 'RFC 3261 §21.3.3',
  url: rfcUrl(3261, '21.3.3'),
  title: '302 without Contact',
  doc: `A 302 tells the client to retry at the Contact URI; §21.3.3 says the response SHOULD carry it. Without a Contact the client has nowhere to retry and the call fails. Fix the redirect server so it returns the new location. The quick fix inserts a placeholder Contact (\`sip:new-target@example.invalid\`) to replace with the real target.

Example: \`SIP/2.0 302 Moved Temporarily\` with no \`Contact:\` header.`,
  fix: {
    title: 'Insert a Contact to fill in',
    edits: ({ trace, message, header }) => (header('contact') ? undefined : [insertHeaderLine(trace, message, 'Contact: <sip:new-target@example.invalid>')]),
  },
  check({ message, header, report }) {
    const line = message.startLine;
    if (line.kind !== 'response' || line.code !== 302 || header('contact')) return;
    report(
      line.offset,
      line.end - line.offset,
      '302 without a Contact header: the client has no address to retry at, so the redirect cannot be followed. The redirect server should put the new location in Contact (RFC 3261 §21.3.3).',
    );
  },
});

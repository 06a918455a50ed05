import { defineRule, rfcUrl } from './rule';
import { insertHeaderLine } from '../edits';

export const rule = defineRule({
  code: 'sip.503.missing-retry-after',
  severity: 'information',
  rfc: 'RFC 3261 §21.5.4',
  url: rfcUrl(3261, '21.5.4'),
  title: '503 without Retry-After',
  doc: `The server MAY add \`Retry-After\` to a 503 to say when it will be back. Without it clients cannot pace their retries: they fail over to other servers, or, badly written, hammer the same one. When you control the server, have it send Retry-After. The quick fix inserts \`Retry-After\` with the number of seconds in \`sipTrace.quickFix.retryAfterSeconds\`.

Example: \`SIP/2.0 503 Service Unavailable\` with no \`Retry-After:\` header.`,
  fix: {
    title: 'Insert Retry-After',
    edits: ({ trace, message, header, options }) => (header('retry-after') ? undefined : [insertHeaderLine(trace, message, `Retry-After: ${Math.max(0, Math.floor(options.retryAfterSeconds))}`)]),
  },
  check({ message, header, report }) {
    const line = message.startLine;
    if (line.kind !== 'response' || line.code !== 503 || header('retry-after')) return;
    report(
      line.offset,
      line.end - line.offset,
      '503 without Retry-After: the client cannot tell when this server will accept requests again, so it should fail over to another server. A server that knows its recovery time should say so in Retry-After (RFC 3261 §21.5.4).',
    );
  },
});

import { defineRule, rfcUrl } from './rule';

const STREAMS = /^SIP\s*\/\s*2\.0\s*\/\s*(TCP|TLS|SCTP|WS|WSS)\b/i;

export const rule = defineRule({
  code: 'sip.content-length.missing-stream',
  severity: 'error',
  rfc: 'RFC 3261 §20.14',
  url: rfcUrl(3261, '20.14'),
  title: 'No Content-Length over a stream transport',
  doc: `Over TCP, TLS, SCTP and WebSocket the receiver finds the end of a message only through Content-Length, which is therefore mandatory there (RFC 3261 §18.3, §20.14). The transport is read from the top Via.

Example: \`Via: SIP/2.0/TCP …\` and no \`Content-Length\`.`,
  check({ text, message, header, headers, report }) {
    if (header('content-length')) return;
    const [top] = headers('via');
    const transport = top ? STREAMS.exec(text.slice(top.valueOffset, top.valueEnd)) : null;
    if (!transport) return;
    const line = message.startLine;
    report(line.offset, line.end - line.offset, `This message went over ${transport[1].toUpperCase()} (top Via) but has no Content-Length, which stream transports need to find where the message ends (RFC 3261 §18.3, §20.14).`);
  },
});

import { defineRule, rfcUrl } from './rule';
import { headerValue, requestFor } from '../access';

export const rule = defineRule({
  code: 'sip.503.service-unavailable',
  severity: 'information',
  rfc: 'RFC 3261 §21.5.4',
  url: rfcUrl(3261, '21.5.4'),
  title: '503 Service Unavailable: wait for Retry-After or fail over',
  doc: `Marks every 503 and says what a correct client does: the server is overloaded or in maintenance. With \`Retry-After\`, do not send requests to that server again before the delay has passed. Without it, treat the 503 like a 500 and fail over to the next server (the next DNS SRV target or another proxy, RFC 3263 §4.3) rather than retrying the same one. A proxy that gets a 503 does not pass it upstream; it answers 500 (§16.7).

Example: \`SIP/2.0 503 Service Unavailable\` with \`Retry-After: 120\`.`,
  check({ text, trace, message, header, report }) {
    const line = message.startLine;
    if (line.kind !== 'response' || line.code !== 503) return;
    const retryAfter = header('retry-after');
    const request = requestFor(trace, message);
    const server =
      request && request.startLine.kind === 'request'
        ? ` (${text.slice(request.startLine.uriOffset, request.startLine.uriEnd)})`
        : '';
    const action = retryAfter
      ? `Retry-After: ${headerValue(text, retryAfter)}. A correct client does not send this request to the same server${server} before that delay has passed; it may try another server meanwhile.`
      : `There is no Retry-After, so a correct client treats this like 500 and fails over to another server (next DNS SRV target or alternate proxy) instead of retrying the same one${server}.`;
    report(
      line.offset,
      line.end - line.offset,
      `503 Service Unavailable: the server is temporarily overloaded or down for maintenance. ${action}`,
    );
  },
});

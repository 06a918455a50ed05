import { defineRule, rfcUrl } from './rule';
import { startLineOf, startLineSpan } from '../calls/locate';
import { retries, serverOf } from '../calls/callModel';

export const rule = defineRule({
  code: 'sip.503.no-failover',
  severity: 'information',
  rfc: 'RFC 3263 §4.3',
  url: rfcUrl(3263, '4.3'),
  title: 'After a 503 without Retry-After, retried the same server',
  doc: `A 503 without Retry-After is treated like a 500: the client should fail over to the next server (the next DNS SRV target, another proxy) rather than send the request to the same server again (RFC 3263 §4.3, RFC 3261 §21.5.4). A MAY-level recommendation, so this is information.

Example: 503 with no Retry-After, then the same INVITE to the same server.`,
  checkTrace({ calls, report }) {
    for (const { request, response, retry } of retries(calls)) {
      if (response.code !== 503 || response.retryAfter !== undefined || serverOf(retry) !== serverOf(request)) continue;
      const [offset, length] = startLineSpan(retry);
      report(
        offset,
        length,
        `After a 503 without Retry-After the client sent the request to the same server (${serverOf(request)}) again instead of failing over to another one (RFC 3263 §4.3).`,
        [startLineOf(response, '503 without Retry-After'), startLineOf(request, 'the request that got the 503')],
      );
    }
  },
});

import { defineRule, rfcUrl } from './rule';
import { seconds, startLineOf, startLineSpan } from '../calls/locate';
import { retries, serverOf } from '../calls/callModel';

export const rule = defineRule({
  code: 'sip.503.retry-too-early',
  severity: 'warning',
  rfc: 'RFC 3261 §21.5.4',
  url: rfcUrl(3261, '21.5.4'),
  title: 'Retried a 503 server before Retry-After',
  doc: `A 503 with Retry-After tells clients when the server will take requests again. Sending the request to the same server sooner adds load to a server that is already overloaded. Needs timestamps, so it stays silent on traces without them.

Example: 503 with \`Retry-After: 10\`, and the client retries the same server 1 s later.`,
  checkTrace({ calls, report }) {
    for (const { request, response, retry } of retries(calls)) {
      if (response.code !== 503 || response.retryAfter === undefined || response.time === undefined || retry.time === undefined || serverOf(retry) !== serverOf(request)) continue;
      const waited = retry.time - response.time;
      if (waited >= response.retryAfter * 1000) continue;
      const [offset, length] = startLineSpan(retry);
      report(
        offset,
        length,
        `Retried the same server ${seconds(waited)} after its 503, although Retry-After asked for ${response.retryAfter} s. A correct client waits at least that long before sending to this server again, and may try another server meanwhile (RFC 3261 §21.5.4).`,
        [startLineOf(response, `503 with Retry-After: ${response.retryAfter}`), startLineOf(request, 'the request that got the 503')],
      );
    }
  },
});

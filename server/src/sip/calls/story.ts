// What the client did after a 302 or a 503, told for the hover: "retried at … 4.2 s later (line 88) ✔".
import { Trace } from '../model';
import { CallModel, serverOf } from './callModel';
import { cachedContactUse } from './redirects';
import { seconds } from './locate';
import { uriKey } from './summary';

export type LineOf = (offset: number) => number;

export function storyOf(trace: Trace, calls: CallModel, responseIndex: number, lineOf: LineOf): string[] {
  const { summaries, followUps, transactionOf, transactions } = calls;
  const response = summaries[responseIndex];
  const t = transactions[transactionOf[responseIndex]];
  if (!t || t.request < 0 || t.final !== responseIndex) return [];
  const request = summaries[t.request];
  const lines: string[] = [];
  const line = (index: number) => `line ${lineOf(summaries[index].offset)}`;
  const after = (index: number) => {
    const q = summaries[index];
    return q.time !== undefined && response.time !== undefined ? ` ${seconds(q.time - response.time)} later` : '';
  };
  if (t.method === 'INVITE' && response.code >= 300) lines.push(t.ack >= 0 ? `ACKed (${line(t.ack)}) ✔` : 'never ACKed ✘');
  const retryIndex = followUps.get(responseIndex);
  const retry = retryIndex !== undefined ? summaries[retryIndex] : undefined;
  if (response.code === 302) {
    const targets = new Set(response.contacts.map(uriKey));
    if (!retry) lines.push('not retried in this trace');
    else if (targets.has(uriKey(retry.requestUri))) lines.push(`retried at ${retry.requestUri}${after(retry.index)} (${line(retry.index)}) ✔`);
    else lines.push(`retried at ${retry.requestUri}, which is not a Contact of this 302 (${line(retry.index)}) ✘`);
    if (retry && request.branch && retry.branch === request.branch) lines.push('the retry reuses the failed branch ✘');
    if (!response.explicitExpiry) {
      const cached = cachedContactUse(calls, responseIndex);
      lines.push(cached !== undefined ? `a later call went straight to the temporary Contact (${line(cached)}) ✘` : 'later calls did not reuse the temporary Contact ✔');
    }
  } else if (response.code === 503) {
    if (!retry) lines.push('not retried in this trace');
    else if (serverOf(retry) !== serverOf(request)) lines.push(`failed over to ${serverOf(retry)}${after(retry.index)} (${line(retry.index)}) ✔`);
    else if (response.retryAfter !== undefined && retry.time !== undefined && response.time !== undefined) {
      const waited = retry.time - response.time;
      lines.push(
        waited >= response.retryAfter * 1000
          ? `retried the same server after ${seconds(waited)}, once Retry-After (${response.retryAfter} s) had passed (${line(retry.index)}) ✔`
          : `retried the same server after ${seconds(waited)} although Retry-After was ${response.retryAfter} s (${line(retry.index)}) ✘`,
      );
    } else if (response.retryAfter === undefined) lines.push(`retried the same server instead of failing over (${line(retry.index)}) ✘`);
    else lines.push(`retried the same server (${line(retry.index)}); the trace has no times to check Retry-After`);
  }
  return lines;
}

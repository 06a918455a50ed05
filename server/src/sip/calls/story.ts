// What the client did after a 302 or a 503, told for the hover: "retried at … 4.2 s later (line 88) ✔".
import { Trace } from '../model';
import { CallModel, serverOf } from './callModel';
import { cachedContactUses, nextAttempt } from './redirects';
import { seconds } from './locate';
import { requestsDuringRetryAfter } from './retryAfter';
import { uriKey } from './summary';

export type LineOf = (offset: number) => number;

export function storyOf(calls: CallModel, responseIndex: number, lineOf: LineOf): string[] {
  const { summaries, followUps, transactions } = calls;
  const response = summaries.at(responseIndex);
  const t = transactions.ofMessage(responseIndex);
  if (!t || t.request < 0 || t.final !== responseIndex) return [];
  const request = summaries.at(t.request);
  const lines: string[] = [];
  const line = (index: number) => `line ${lineOf(summaries.at(index).offset)}`;
  const someLines = (indexes: readonly number[]) => `${indexes.slice(0, 5).map(line).join(', ')}${indexes.length > 5 ? ', …' : ''}`;
  const after = (index: number) => {
    const q = summaries.at(index);
    return q.time !== undefined && response.time !== undefined ? ` ${seconds(q.time - response.time)} later` : '';
  };
  if (t.method === 'INVITE' && response.code >= 300) lines.push(t.ack >= 0 ? `ACKed (${line(t.ack)}) ✔` : 'never ACKed ✘');
  const retryIndex = followUps.get(responseIndex);
  const retry = retryIndex !== undefined ? summaries.at(retryIndex) : undefined;
  if (response.code === 302) {
    const targets = new Set(response.contacts.map(uriKey));
    const next = retry ? undefined : nextAttempt(calls, t);
    if (next !== undefined) lines.push(`never tried the Contact: the next ${request.method} for this target went to ${summaries.at(next).requestUri} (${line(next)}) ✘`);
    else if (!retry) lines.push('not retried in this trace');
    else if (targets.has(retry.requestUriKey)) lines.push(`retried at ${retry.requestUri}${after(retry.index)} (${line(retry.index)}) ✔`);
    else lines.push(`retried at ${retry.requestUri}, which is not a Contact of this 302 (${line(retry.index)}) ✘`);
    if (retry && request.branch && retry.branch === request.branch) lines.push('the retry reuses the failed branch ✘');
    if (!response.explicitExpiry) {
      const cached = cachedContactUses(calls, responseIndex);
      lines.push(
        cached.length > 0
          ? `${cached.length === 1 ? 'a later call' : `${cached.length} later calls`} went straight to the temporary Contact (${someLines(cached)}) ✘`
          : 'later calls did not reuse the temporary Contact ✔',
      );
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
    if (response.retryAfter !== undefined && response.time !== undefined) {
      const meanwhile = [...requestsDuringRetryAfter(calls)].filter(([, pause]) => pause.response === responseIndex).map(([index]) => index);
      if (meanwhile.length > 0) lines.push(`${meanwhile.length} new request${meanwhile.length === 1 ? '' : 's'} went to the same server during its Retry-After (${someLines(meanwhile)}) ✘`);
    }
  }
  return lines;
}

/** The responses a request got, with their lines and, where the log has times, how long each took. */
export function responsesOf(trace: Trace, calls: CallModel, requestIndex: number, lineOf: LineOf): string | undefined {
  const { summaries, transactions, retransmission } = calls;
  const t = transactions.ofMessage(requestIndex);
  if (!t || t.request !== requestIndex) return retransmission[requestIndex] ? 'A retransmission of an earlier request.' : undefined;
  if (t.responses.length === 0) return 'No response to this request in the trace.';
  const request = summaries.at(requestIndex);
  const parts = t.responses.map((i) => {
    const r = summaries.at(i);
    const reason = trace.messages.at(i).startLine;
    const text = reason.kind === 'response' ? trace.text.slice(reason.codeOffset, reason.reasonEnd) : String(r.code);
    const latency = r.time !== undefined && request.time !== undefined ? `, ${seconds(r.time - request.time)}` : '';
    return `${text} (line ${lineOf(r.offset)}${latency}${retransmission[i] ? ', retransmitted' : ''})`;
  });
  const retransmitted = t.retransmissions.length > 0 ? ` The request was retransmitted ${t.retransmissions.length} time${t.retransmissions.length === 1 ? '' : 's'}.` : '';
  return `**Responses:** ${parts.join(', ')}.${retransmitted}`;
}

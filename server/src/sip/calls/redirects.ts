// After a 302: was its temporary Contact reused by a later, unrelated request?
import { CallModel, windowAfter } from './callModel';
import { uriKey } from './summary';

/**
 * The first later request for the same target (To) that goes straight to a Contact of the 302 at
 * `responseIndex` although the 302 allowed no caching, or undefined. The 302's own retry, other
 * redirects' retries and requests inside a dialog (which go to its remote target) do not count.
 */
export function cachedContactUse(calls: CallModel, responseIndex: number): number | undefined {
  const { summaries, transactions, transactionOf, followUps } = calls;
  const response = summaries[responseIndex];
  const t = transactions[transactionOf[responseIndex]];
  if (!t || t.request < 0 || response.code !== 302 || response.explicitExpiry) return undefined;
  const request = summaries[t.request];
  const retry = followUps.get(responseIndex);
  const sameCall = new Set([request.callId, retry !== undefined ? summaries[retry].callId : request.callId]);
  const candidates = response.contacts.flatMap((contact) => windowAfter(calls.requestsTo.get(uriKey(contact) ?? '') ?? [], responseIndex)).sort((a, b) => a - b);
  return candidates.find((i) => {
    const q = summaries[i];
    return !sameCall.has(q.callId) && !calls.retryRequests.has(i) && q.toTag === undefined && q.toKey === request.toKey;
  });
}

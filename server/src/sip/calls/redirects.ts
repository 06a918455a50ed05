// After a 302: was its Contact tried, and was its temporary Contact reused by later, unrelated requests?
import { CallModel, windowAfter } from './callModel';
import { Transaction } from './transactions';
import { uriKey } from './summary';

/** Whether the client retried the 3xx at `responseIndex` at one of its Contacts. */
export function retriedAtContact(calls: CallModel, responseIndex: number): boolean {
  const retry = calls.followUps.get(responseIndex);
  if (retry === undefined) return false;
  const target = calls.summaries.at(retry).requestUriKey;
  return calls.summaries.at(responseIndex).contacts.some((contact) => uriKey(contact) === target);
}

/**
 * The client's next request of the same method for the same target (To) after transaction `t`
 * ended: its retry if it has one, else the next such request of any call, or undefined.
 */
export function nextAttempt(calls: CallModel, t: Transaction): number | undefined {
  const retry = calls.followUps.get(t.final);
  if (retry !== undefined) return retry;
  const { summaries } = calls;
  const request = summaries.at(t.request);
  return windowAfter(calls.requestsFrom.get(request.fromKey ?? '') ?? [], t.final).find(
    (i) => summaries.at(i).method === request.method && summaries.at(i).toKey === request.toKey && calls.transactionOf[i] !== t.index,
  );
}

/**
 * Every later request for the same target (To) that goes straight to a Contact of the 302 at
 * `responseIndex` although the 302 allowed no caching, in order. The 302's own retry, other
 * redirects' retries and requests inside a dialog (which go to its remote target) do not count.
 */
export function cachedContactUses(calls: CallModel, responseIndex: number): number[] {
  const { summaries, transactions, followUps } = calls;
  const response = summaries.at(responseIndex);
  const t = transactions.ofMessage(responseIndex);
  if (!t || t.request < 0 || response.code !== 302 || response.explicitExpiry) return [];
  const request = summaries.at(t.request);
  const retry = followUps.get(responseIndex);
  const sameCall = new Set([request.callId, retry !== undefined ? summaries.at(retry).callId : request.callId]);
  const candidates = new Set(response.contacts.flatMap((contact) => windowAfter(calls.requestsTo.get(uriKey(contact) ?? '') ?? [], responseIndex)));
  return [...candidates]
    .sort((a, b) => a - b)
    .filter((i) => {
      const q = summaries.at(i);
      return !sameCall.has(q.callId) && !calls.retryRequests.has(i) && q.toTag === undefined && q.toKey === request.toKey;
    });
}

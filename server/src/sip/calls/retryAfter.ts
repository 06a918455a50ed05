// While a 503's Retry-After runs, the client should leave that server alone (RFC 3261 §21.5.4).
import { CallModel, clientOf, serverOf } from './callModel';

export interface Pause {
  /** The 503 with Retry-After, and the request it answered. */
  readonly response: number;
  readonly request: number;
  /** Trace time at which the server takes requests again. */
  readonly until: number;
}

/**
 * New out-of-dialog requests (not retries, which are judged against their own 503) that the
 * client sent to a server before the Retry-After of that server's latest 503 had passed, each
 * with that 503. Needs times: empty on traces without them.
 */
export function requestsDuringRetryAfter(calls: CallModel): Map<number, Pause> {
  const { summaries, transactions, transactionOf, retransmission, retryRequests } = calls;
  const found = new Map<number, Pause>();
  // A later 503 of the same server is its newer word, so it replaces the earlier one.
  const paused = new Map<string, Pause>();
  for (const s of summaries) {
    if (retransmission[s.index] || s.time === undefined) continue;
    if (s.kind === 'response') {
      const t = transactions.ofMessage(s.index);
      if (s.code !== 503 || s.retryAfter === undefined || !t || t.request < 0 || t.final !== s.index) continue;
      const server = serverOf(summaries.at(t.request));
      if (server !== undefined) paused.set(server, { response: s.index, request: t.request, until: s.time + s.retryAfter * 1000 });
      continue;
    }
    if (s.method === 'ACK' || s.method === 'CANCEL' || s.toTag !== undefined || retryRequests.has(s.index)) continue;
    const server = serverOf(s);
    const pause = server !== undefined ? paused.get(server) : undefined;
    if (!pause || s.time >= pause.until || transactionOf[s.index] === transactionOf[pause.request]) continue;
    const client = clientOf(s);
    const pausedClient = clientOf(summaries.at(pause.request));
    if (client !== undefined && pausedClient !== undefined && client !== pausedClient) continue;
    found.set(s.index, pause);
  }
  return found;
}

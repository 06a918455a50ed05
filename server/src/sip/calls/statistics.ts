// What Wireshark's Telephony → SIP statistics give, over the call model: messages per method and
// per status code, transactions per server with how they ended, the 302s and 503s of each server
// over time, and the slowest transactions.
import { Trace } from '../model';
import { CallModel, serverOf } from './callModel';
import { MessageSummary } from './summary';

export interface Count {
  /** Every copy, retransmissions included, as a capture counts packets. */
  count: number;
  retransmissions: number;
}

export interface ServerCount {
  readonly server: string;
  /** Transactions by how they ended: `2xx`, `302`, `3xx`, `4xx`, `503`, `5xx`, `6xx`, or `none`. */
  readonly outcomes: Map<string, number>;
  transactions: number;
}

export interface Slow {
  readonly request: number;
  readonly final: number;
  readonly server: string;
  /** Milliseconds from the first copy of the request to the final response. */
  readonly ms: number;
}

export interface TraceStatistics {
  readonly messages: number;
  readonly calls: number;
  readonly transactions: number;
  /** Milliseconds, where the log has times. */
  readonly start?: number;
  readonly end?: number;
  readonly methods: Map<string, Count>;
  /** By status code; the reason phrase of the first response with the code. */
  readonly statuses: Map<number, Count & { readonly reason: string }>;
  readonly servers: ServerCount[];
  /** The 302 and 503 final responses of each server, with their time when the log has one. */
  readonly redirectsAndOverloads: Map<string, Array<{ readonly code: number; readonly time: number | undefined }>>;
  readonly slowest: Slow[];
}

/** The slowest transactions listed. */
export const SLOWEST = 10;

/** `2xx`, `302`, `503`, … : the two codes this tool is about stand apart from their class. */
function outcomeOf(code: number | undefined): string {
  if (code === undefined) return 'none';
  if (code === 302 || code === 503) return String(code);
  return `${Math.floor(code / 100)}xx`;
}

function counted<K>(map: Map<K, Count>, key: K, retransmission: boolean): Count {
  let c = map.get(key);
  if (!c) map.set(key, (c = { count: 0, retransmissions: 0 }));
  c.count++;
  if (retransmission) c.retransmissions++;
  return c;
}

/** The server a transaction was sent to; for one seen only by its responses, whoever sent them. */
function serverOfTransaction(request: MessageSummary | undefined, response: MessageSummary | undefined): string {
  return (request && serverOf(request)) ?? response?.src ?? '?';
}

export function traceStatistics(trace: Trace, calls: CallModel): TraceStatistics {
  const { summaries, transactions, retransmission } = calls;
  const methods = new Map<string, Count>();
  const statuses = new Map<number, Count & { reason: string }>();
  let start: number | undefined;
  let end: number | undefined;
  for (const s of summaries) {
    if (s.time !== undefined) {
      start = Math.min(start ?? s.time, s.time);
      end = Math.max(end ?? s.time, s.time);
    }
    if (s.kind === 'request') counted(methods, s.method, retransmission[s.index] === 1);
    else if (!statuses.has(s.code)) {
      const line = trace.messages.at(s.index).startLine;
      const reason = line.kind === 'response' ? trace.text.slice(line.reasonOffset, Math.min(line.reasonEnd, line.reasonOffset + 80)) : '';
      statuses.set(s.code, { count: 1, retransmissions: 0, reason });
    } else counted(statuses, s.code, retransmission[s.index] === 1);
  }
  const servers = new Map<string, ServerCount>();
  const redirectsAndOverloads = new Map<string, Array<{ code: number; time: number | undefined }>>();
  const slow: Slow[] = [];
  for (const t of transactions) {
    const request = t.request >= 0 ? summaries.at(t.request) : undefined;
    const final = t.final >= 0 ? summaries.at(t.final) : undefined;
    const server = serverOfTransaction(request, final ?? summaries.at(t.responses[0]));
    let entry = servers.get(server);
    if (!entry) servers.set(server, (entry = { server, outcomes: new Map(), transactions: 0 }));
    entry.transactions++;
    const outcome = outcomeOf(final?.code);
    entry.outcomes.set(outcome, (entry.outcomes.get(outcome) ?? 0) + 1);
    if (final && (final.code === 302 || final.code === 503)) {
      const list = redirectsAndOverloads.get(server) ?? [];
      list.push({ code: final.code, time: final.time });
      redirectsAndOverloads.set(server, list);
    }
    if (request?.time !== undefined && final?.time !== undefined) slow.push({ request: request.index, final: final.index, server, ms: final.time - request.time });
  }
  return {
    messages: summaries.length,
    calls: calls.calls.size,
    transactions: transactions.length,
    start,
    end,
    methods,
    statuses,
    servers: [...servers.values()].sort((a, b) => b.transactions - a.transactions || a.server.localeCompare(b.server)),
    redirectsAndOverloads,
    slowest: slow.sort((a, b) => b.ms - a.ms || a.request - b.request).slice(0, SLOWEST),
  };
}

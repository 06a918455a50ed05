// The calls of a trace, one row each as sngrep's first screen lists them, and which calls are legs
// of one another through a B2BUA or a PBX (sngrep's extended flow).
import { Trace } from '../model';
import { CallModel } from '../calls/callModel';
import { MessageSummary } from '../calls/summary';
import { addressSpan } from '../values';
import { clip } from './text';

export interface CallEntry {
  readonly callId: string;
  /** From and To URIs of the call's first message. */
  readonly from: string;
  readonly to: string;
  readonly firstMethod: string;
  /** The first message's time as the log prints it, and in milliseconds. */
  readonly timestamp?: string;
  readonly startTime?: number;
  /** Milliseconds from the first message to the last, where the log has times. */
  readonly duration?: number;
  readonly messages: number;
  /** `answered`, `redirected`, `rejected 486`, `cancelled`, or `no final response`. */
  readonly state: string;
  readonly findings: number;
  /** Positions in the calls list of the call's other legs. */
  readonly legs: readonly number[];
}

/** Headers in which B2BUAs and PBXs name the other leg's Call-ID (X-Call-ID, X-CID, X-Orig-Call-ID, …). */
const LEG_HEADER = /^x-(?:orig(?:inal)?-)?(?:call-?id|cid)$/;
/** Comparing every pair of Call-IDs for one embedding the other is quadratic: only on traces up to this many calls. */
const MAX_CALLS_FOR_EMBEDDING = 1000;
/** A Call-ID shorter than this inside another one is a coincidence, not a leg. */
const MIN_EMBEDDED = 8;
/** A B-leg starts within this many milliseconds of its A-leg. */
const LEG_WINDOW_MS = 5000;

function uriOf(trace: Trace, index: number, name: string): string {
  const header = trace.headers.find(trace.messages.at(index), name);
  if (!header) return '';
  const span = addressSpan(trace.text, header.valueOffset, header.valueEnd);
  return clip(trace.text.slice(span.start, span.end), 120);
}

function userOf(key: string | undefined): string | undefined {
  const at = key?.indexOf('@') ?? -1;
  if (key === undefined || at < 0) return undefined;
  const user = key.slice(key.indexOf(':') + 1, at);
  return user === '' ? undefined : user;
}

function hostOf(address: string | undefined): string | undefined {
  if (address === undefined) return undefined;
  const colon = address.lastIndexOf(':');
  return colon < 0 || address.endsWith(']') ? address : address.slice(0, colon);
}

/** How the call ended, judged on the last transaction of the method it started with. */
function stateOf(messages: readonly number[], calls: CallModel): string {
  const { summaries, transactions, transactionOf } = calls;
  const first = messages.map((i) => summaries.at(i)).find((s) => s.kind === 'request' && s.method !== 'ACK' && s.method !== 'CANCEL');
  let final: MessageSummary | undefined;
  let cancelled = false;
  for (const i of messages) {
    const s = summaries.at(i);
    if (s.kind === 'request' && s.method === 'CANCEL') cancelled = true;
    const t = transactionOf[i];
    if (first && t >= 0 && transactions.at(t).final === i && s.method === first.method) final = s;
  }
  if (!final) return cancelled ? 'cancelled' : 'no final response';
  if (final.code === 487 && cancelled) return 'cancelled';
  if (final.code < 300) return 'answered';
  if (final.code < 400) return 'redirected';
  return `rejected ${final.code}`;
}

function addLeg(legs: Array<Set<number>>, a: number, b: number): void {
  if (a === b) return;
  legs[a].add(b);
  legs[b].add(a);
}

/** Calls linked by a header naming the other's Call-ID, by a Call-ID that embeds the other, or by the dialled user and timing through the same box. */
function linkLegs(trace: Trace, calls: CallModel, ids: readonly string[], firsts: readonly number[]): Array<Set<number>> {
  const legs = ids.map(() => new Set<number>());
  const byId = new Map(ids.map((id, i) => [id, i]));
  const { text, headers } = trace;
  ids.forEach((_, c) => {
    const m = trace.messages.at(firsts[c]);
    for (let row = m.firstHeader, last = m.firstHeader + m.headerCount; row < last; row++) {
      if (!LEG_HEADER.test(headers.nameOf(row).toLowerCase())) continue;
      const other = byId.get(text.slice(headers.valueOffsetOf(row), headers.valueEndOf(row)).trim());
      if (other !== undefined) addLeg(legs, c, other);
    }
  });
  if (ids.length <= MAX_CALLS_FOR_EMBEDDING) {
    ids.forEach((a, i) => ids.forEach((b, j) => i !== j && b.length >= MIN_EMBEDDED && a.length > b.length && a.includes(b) && addLeg(legs, i, j)));
  }
  // Through a B2BUA: the B-leg leaves the host the A-leg arrived at, soon after, for the same user.
  const timed = ids.map((_, c) => c).filter((c) => calls.summaries.at(firsts[c]).time !== undefined && calls.summaries.at(firsts[c]).dst !== undefined);
  timed.sort((a, b) => calls.summaries.at(firsts[a]).time! - calls.summaries.at(firsts[b]).time!);
  for (let k = 0; k < timed.length; k++) {
    const a = calls.summaries.at(firsts[timed[k]]);
    if (a.kind !== 'request' || a.method !== 'INVITE') continue;
    for (let j = k + 1; j < timed.length; j++) {
      const b = calls.summaries.at(firsts[timed[j]]);
      if (b.time! - a.time! > LEG_WINDOW_MS) break;
      if (b.kind === 'request' && b.method === 'INVITE' && hostOf(b.src) === hostOf(a.dst) && hostOf(b.dst) !== hostOf(a.src) && userOf(b.toKey) === userOf(a.toKey) && userOf(a.toKey) !== undefined) {
        addLeg(legs, timed[k], timed[j]);
      }
    }
  }
  return legs;
}

export function listCalls(trace: Trace, calls: CallModel, findings: ReadonlyArray<{ readonly offset: number }>): CallEntry[] {
  const ids = [...calls.calls.keys()];
  const lists = ids.map((id) => calls.calls.get(id)!);
  const firsts = lists.map((list) => list[0]);
  const legs = linkLegs(trace, calls, ids, firsts);
  // Findings per call: each finding counts for the message it lies in.
  const findingsPerMessage = new Uint32Array(trace.messages.length);
  let m = 0;
  for (const f of findings) {
    while (m + 1 < trace.messages.length && trace.messages.offsetOf(m + 1) <= f.offset) m++;
    if (trace.messages.length > 0) findingsPerMessage[m]++;
  }
  return ids.map((callId, c): CallEntry => {
    const list = lists[c];
    const first = calls.summaries.at(list[0]);
    const times = list.map((i) => trace.meta[i]?.time).filter((t): t is number => t !== undefined);
    const meta = trace.meta[list[0]];
    return {
      callId: clip(callId, 200),
      from: uriOf(trace, list[0], 'from'),
      to: uriOf(trace, list[0], 'to'),
      firstMethod: first.kind === 'request' ? clip(first.method, 40) : `${first.code} (${clip(first.method, 40)})`,
      ...(meta?.timestamp !== undefined ? { timestamp: meta.timestamp } : {}),
      ...(times.length > 0 ? { startTime: times[0], duration: Math.max(...times) - times[0] } : {}),
      messages: list.length,
      state: stateOf(list, calls),
      findings: list.reduce((n, i) => n + findingsPerMessage[i], 0),
      legs: [...legs[c]].sort((a, b) => a - b),
    };
  });
}

/** The calls list as CSV (RFC 4180), for spreadsheets. */
export function callsCsv(entries: readonly CallEntry[]): string {
  const cell = (v: string | number | undefined) => {
    const s = v === undefined ? '' : String(v);
    // A leading = + - @ makes spreadsheets run the cell as a formula: the trace is not to be trusted.
    const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const rows = [['Call-ID', 'From', 'To', 'First method', 'Start', 'Duration (s)', 'Messages', 'State', 'Findings']];
  for (const c of entries) {
    rows.push([c.callId, c.from, c.to, c.firstMethod, c.timestamp ?? '', c.duration !== undefined ? (c.duration / 1000).toFixed(3) : '', String(c.messages), c.state, String(c.findings)]);
  }
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

// Builds the call flow (flowModel.ts) of a parsed trace: who sent each message to whom, the calls
// drawn, their colours, findings and what each 302 or 503 led to.
import { Severity, Trace } from '../model';
import { CallModel, isRetryTrigger } from '../calls/callModel';
import { messagesStartingBy } from '../access';
import { inferHops } from './endpoints';
import { listCalls } from './callList';
import { CallFlow, FlowFinding, FollowUp, Participant, SEVERITIES, columnOrder } from './flowModel';
import { MAX_LABEL, clip } from './text';

/** A finding as the flow needs it: where, how bad, what it says. */
export interface FlowFindingInput {
  readonly offset: number;
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
}

export interface CallFlowOptions {
  /** Call-IDs to draw; all calls when undefined or empty. */
  readonly calls?: readonly string[];
  /** Also draw the legs related to the selected calls (sngrep's extended flow). */
  readonly legs?: boolean;
  /** Address → name for the columns. */
  readonly names?: Readonly<Record<string, string>>;
  /** Addresses in the order the columns are to be drawn (as dragged in the view); the others follow in order of appearance. */
  readonly order?: readonly string[];
  /** 1-based line of an offset. */
  readonly lineOf: (offset: number) => number;
}

/** Each message's findings, by message index: a finding belongs to the message it lies in, or, on a framing line, to the message that follows. */
function findingsByMessage(trace: Trace, findings: readonly FlowFindingInput[]): Map<number, FlowFindingInput[]> {
  const byMessage = new Map<number, FlowFindingInput[]>();
  const { messages } = trace;
  const n = messages.length;
  for (const f of findings) {
    const lo = messagesStartingBy(messages, f.offset);
    const inside = lo > 0 && f.offset < messages.endOf(lo - 1);
    const index = inside ? lo - 1 : lo;
    if (index >= n) continue;
    const list = byMessage.get(index);
    if (list) list.push(f);
    else byMessage.set(index, [f]);
  }
  return byMessage;
}

function reasonOf(trace: Trace, index: number): string {
  const line = trace.messages.at(index).startLine;
  return line.kind === 'response' ? trace.text.slice(line.reasonOffset, Math.min(line.reasonEnd, line.reasonOffset + MAX_LABEL)) : '';
}

/**
 * The dialog a message belongs to, as a key: its Call-ID and both tags in either order (either side
 * may send, RFC 3261 §12). A message without a To tag (the INVITE, a 100 Trying) belongs to the
 * dialog its transaction's first tagged response makes, so a 302 and its ACK share the INVITE's
 * colour and the retry that the 302 caused gets a colour of its own.
 */
function dialogOf(calls: CallModel, index: number): string {
  const { summaries, transactions, transactionOf } = calls;
  const s = summaries.at(index);
  let toTag = s.toTag;
  const t = transactionOf[index];
  if (toTag === undefined && t >= 0) toTag = transactions.at(t).responses.map((r) => summaries.at(r).toTag).find((tag) => tag !== undefined);
  const tags = [s.fromTag ?? '', toTag ?? ''].sort();
  return `${s.callId}\u0000${tags[0]}\u0000${tags[1]}`;
}

/** Positions in a list of distinct values, each value added once. */
function interner<T>(key: (value: T) => string): { readonly list: T[]; at(value: T): number } {
  const list: T[] = [];
  const positions = new Map<string, number>();
  return {
    list,
    at(value: T): number {
      const k = key(value);
      let p = positions.get(k);
      if (p === undefined) {
        p = list.length;
        list.push(value);
        positions.set(k, p);
      }
      return p;
    },
  };
}

export function buildCallFlow(trace: Trace, calls: CallModel, findings: readonly FlowFindingInput[], options: CallFlowOptions): CallFlow {
  const entries = listCalls(trace, calls, findings);
  // The calls list is in the call model's order; a selection names calls as the list shows them.
  const callOf = new Int32Array(trace.messages.length);
  [...calls.calls.values()].forEach((messages, c) => messages.forEach((i) => (callOf[i] = c)));
  const listed = new Map(entries.map((c, i) => [c.callId, i]));
  const wanted = new Set<number>();
  for (const id of options.calls ?? []) if (listed.has(id)) wanted.add(listed.get(id)!);
  if (options.legs) for (const c of [...wanted]) for (const leg of entries[c].legs) wanted.add(leg);
  const all = wanted.size === 0;
  const hops = inferHops(calls);
  const perMessage = findingsByMessage(trace, findings);
  const { summaries } = calls;

  const participants: Participant[] = [];
  const column = new Map<string, number>();
  const columnOf = (address: string): number => {
    let c = column.get(address);
    if (c === undefined) {
      c = participants.length;
      column.set(address, c);
      const name = options.names?.[address];
      participants.push({ address, name: typeof name === 'string' && name !== '' ? clip(name, 60) : address });
    }
    return c;
  };

  const strings = interner<string>((s) => s);
  const findingList = interner<FlowFinding>((f) => `${f.severity}\u0000${f.code}\u0000${f.message}`);
  const a = {
    index: [] as number[], offset: [] as number[], end: [] as number[], line: [] as number[], from: [] as number[], to: [] as number[],
    code: [] as number[], method: [] as number[], label: [] as number[], requestUri: [] as number[], timestamp: [] as number[],
    call: [] as number[], colour: [] as number[], time: [] as Array<number | null>, flags: [] as number[], frame: [] as number[],
    findings: {} as Record<number, number[]>, followUps: {} as Record<number, FollowUp>,
  };
  const colours = new Map<string, number>();
  const arrowOfMessage = new Map<number, number>();
  let frames = false;
  for (const s of summaries) {
    const call = callOf[s.index];
    if (!all && !wanted.has(call)) continue;
    const hop = hops[s.index];
    const dialog = dialogOf(calls, s.index);
    let colour = colours.get(dialog);
    if (colour === undefined) {
      colour = colours.size;
      colours.set(dialog, colour);
    }
    const meta = trace.meta[s.index];
    const found = perMessage.get(s.index);
    let rank = SEVERITIES.length;
    if (found) {
      for (const f of found) rank = Math.min(rank, SEVERITIES.indexOf(f.severity));
      a.findings[a.index.length] = found.map((f) => findingList.at({ code: f.code, severity: f.severity, message: f.message }));
    }
    arrowOfMessage.set(s.index, a.index.length);
    a.index.push(s.index);
    a.offset.push(s.offset);
    a.end.push(trace.messages.endOf(s.index));
    a.line.push(options.lineOf(s.offset));
    a.from.push(columnOf(hop.from));
    a.to.push(columnOf(hop.to));
    a.code.push(s.kind === 'request' ? 0 : s.code);
    a.method.push(strings.at(clip(s.method, 40)));
    a.label.push(strings.at(s.kind === 'request' ? clip(s.method) : clip(`${s.code} ${reasonOf(trace, s.index)}`.trim())));
    a.requestUri.push(s.requestUri !== undefined ? strings.at(clip(s.requestUri)) : -1);
    a.timestamp.push(meta?.timestamp !== undefined ? strings.at(meta.timestamp) : -1);
    a.call.push(call);
    a.colour.push(colour);
    a.time.push(meta?.time ?? null);
    a.flags.push((calls.retransmission[s.index] === 1 ? 1 : 0) | (rank < SEVERITIES.length ? (rank + 1) << 1 : 0));
    a.frame.push(meta?.frame ?? -1);
    if (meta?.frame !== undefined) frames = true;
  }

  // A 3xx or 503 final response points at the retry it caused, or says that none came.
  a.index.forEach((index, arrow) => {
    const s = summaries.at(index);
    const t = calls.transactionOf[index];
    if (s.kind !== 'response' || !isRetryTrigger(s.code) || (a.flags[arrow] & 1) === 1 || t < 0 || calls.transactions.at(t).final !== index) return;
    const retry = calls.followUps.get(index);
    const retryTime = retry !== undefined ? trace.meta[retry]?.time : undefined;
    const time = a.time[arrow];
    a.followUps[arrow] = {
      ...(retry !== undefined ? { retry, line: options.lineOf(summaries.at(retry).offset) } : {}),
      ...(retry !== undefined && arrowOfMessage.has(retry) ? { arrow: arrowOfMessage.get(retry) } : {}),
      ...(retryTime !== undefined && time !== null ? { after: retryTime - time } : {}),
      ...(s.code === 503 && s.retryAfter !== undefined ? { retryAfter: s.retryAfter } : {}),
    };
  });

  // Columns come in order of appearance unless the user ordered them.
  const ordered = columnOrder(participants, options.order ?? []);
  const moved = new Array<number>(ordered.length);
  ordered.forEach((p, position) => (moved[p] = position));
  const { frame, ...columns } = a;
  columns.from = a.from.map((p) => moved[p]);
  columns.to = a.to.map((p) => moved[p]);
  return {
    participants: ordered.map((p) => participants[p]),
    arrows: { count: a.index.length, ...columns, ...(frames ? { frame } : {}), findingList: findingList.list, strings: strings.list },
    calls: entries,
    selected: entries.map((_, c) => c).filter((c) => all || wanted.has(c)),
  };
}


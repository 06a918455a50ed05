// The ladder diagram of a trace, as data: columns (participants), one arrow per message in trace
// order, the calls list (sngrep's first screen) and which calls are legs of one another. The
// webview, the SVG, Mermaid and PlantUML exports all draw this one model.
import { Severity, Trace } from '../model';
import { CallModel, isRetryTrigger } from '../calls/callModel';
import { inferHops } from './endpoints';
import { CallEntry, listCalls } from './callList';
import { MAX_LABEL, clip } from './text';

/** A finding as the flow needs it: where, how bad, what it says. */
export interface FlowFindingInput {
  readonly offset: number;
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
}

export interface FlowFinding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
}

export interface Participant {
  /** The address (`ip:port`, or `host:port` inferred from the messages), or `?` when unknown. */
  readonly address: string;
  /** The address, or the name the user gave it. */
  readonly name: string;
}

/** What a 3xx or 503 led to: the retry it caused (an arrow of this flow, or a message left out of it), or none. */
export interface FollowUp {
  /** Message index of the retry; undefined when no retry came. */
  readonly retry?: number;
  /** 1-based line of the retry's start line. */
  readonly line?: number;
  /** Position of the retry among this flow's arrows, when it is drawn. */
  readonly arrow?: number;
  /** Milliseconds from the response to the retry, where the log has times. */
  readonly after?: number;
  /** The 503's Retry-After, in seconds. */
  readonly retryAfter?: number;
}

export interface Arrow {
  /** Message index in the trace. */
  readonly index: number;
  readonly offset: number;
  readonly end: number;
  /** 1-based line of the message's start line. */
  readonly line: number;
  /** Frame number in the packet capture, for captures. */
  readonly frame?: number;
  /** Positions in `participants`. */
  readonly from: number;
  readonly to: number;
  readonly kind: 'request' | 'response';
  readonly method: string;
  readonly code: number;
  /** The method, or the status code and reason phrase. */
  readonly label: string;
  readonly requestUri?: string;
  /** Position of the message's call in `calls`. */
  readonly call: number;
  /** Colour slot: one per call of the selection, in order of appearance, as sngrep colours by Call-ID. */
  readonly colour: number;
  readonly timestamp?: string;
  /** Milliseconds, as the log gives them. */
  readonly time?: number;
  readonly sincePrevious?: number;
  readonly sinceCallStart?: number;
  readonly retransmission: boolean;
  /** The most severe of `findings`. */
  readonly severity?: Severity;
  readonly findings: readonly FlowFinding[];
  readonly followUp?: FollowUp;
}

export interface CallFlow {
  readonly participants: readonly Participant[];
  readonly arrows: readonly Arrow[];
  /** Every call of the trace, whether selected or not. */
  readonly calls: readonly CallEntry[];
  /** The Call-IDs drawn. */
  readonly selected: readonly string[];
}

export interface CallFlowOptions {
  /** Call-IDs to draw; all calls when undefined or empty. */
  readonly calls?: readonly string[];
  /** Also draw the legs related to the selected calls (sngrep's extended flow). */
  readonly legs?: boolean;
  /** Address → name for the columns. */
  readonly names?: Readonly<Record<string, string>>;
  /** 1-based line of an offset. */
  readonly lineOf: (offset: number) => number;
}

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, information: 2, hint: 3 };

/** Each message's findings, by message index: a finding belongs to the message it lies in, or, on a framing line, to the message that follows. */
function findingsByMessage(trace: Trace, findings: readonly FlowFindingInput[]): Map<number, FlowFinding[]> {
  const byMessage = new Map<number, FlowFinding[]>();
  const { messages } = trace;
  const n = messages.length;
  for (const f of findings) {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (messages.offsetOf(mid) <= f.offset) lo = mid + 1;
      else hi = mid;
    }
    const inside = lo > 0 && f.offset < messages.endOf(lo - 1);
    const index = inside ? lo - 1 : lo;
    if (index >= n) continue;
    const list = byMessage.get(index);
    const entry = { code: f.code, severity: f.severity, message: f.message };
    if (list) list.push(entry);
    else byMessage.set(index, [entry]);
  }
  return byMessage;
}

function reasonOf(trace: Trace, index: number): string {
  const line = trace.messages.at(index).startLine;
  return line.kind === 'response' ? trace.text.slice(line.reasonOffset, Math.min(line.reasonEnd, line.reasonOffset + MAX_LABEL)) : '';
}

export function buildCallFlow(trace: Trace, calls: CallModel, findings: readonly FlowFindingInput[], options: CallFlowOptions): CallFlow {
  const entries = listCalls(trace, calls, findings);
  const callIndex = new Map(entries.map((c, i) => [c.callId, i]));
  const wanted = new Set<string>((options.calls ?? []).filter((id) => callIndex.has(id)));
  if (options.legs) for (const id of [...wanted]) for (const leg of entries[callIndex.get(id)!].legs) wanted.add(entries[leg].callId);
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

  const colours = new Map<number, number>();
  const arrowOf = new Map<number, number>();
  const arrows: Arrow[] = [];
  let previousTime: number | undefined;
  for (const s of summaries) {
    if (!all && !wanted.has(s.callId)) continue;
    const call = callIndex.get(s.callId)!;
    const hop = hops[s.index];
    const from = columnOf(hop.from);
    const to = columnOf(hop.to);
    let colour = colours.get(call);
    if (colour === undefined) {
      colour = colours.size;
      colours.set(call, colour);
    }
    const meta = trace.meta[s.index];
    const time = meta?.time;
    const start = entries[call].startTime;
    const found = perMessage.get(s.index) ?? [];
    const severity = found.reduce<Severity | undefined>((worst, f) => (worst === undefined || RANK[f.severity] < RANK[worst] ? f.severity : worst), undefined);
    arrowOf.set(s.index, arrows.length);
    arrows.push({
      index: s.index,
      offset: s.offset,
      end: trace.messages.endOf(s.index),
      line: options.lineOf(s.offset),
      ...(meta?.frame !== undefined ? { frame: meta.frame } : {}),
      from,
      to,
      kind: s.kind,
      method: clip(s.method, 40),
      code: s.code,
      label: s.kind === 'request' ? clip(s.method) : clip(`${s.code} ${reasonOf(trace, s.index)}`.trim()),
      ...(s.requestUri !== undefined ? { requestUri: clip(s.requestUri) } : {}),
      call,
      colour,
      ...(meta?.timestamp !== undefined ? { timestamp: meta.timestamp } : {}),
      ...(time !== undefined ? { time, sinceCallStart: start !== undefined ? time - start : undefined } : {}),
      ...(time !== undefined && previousTime !== undefined ? { sincePrevious: time - previousTime } : {}),
      retransmission: calls.retransmission[s.index] === 1,
      ...(severity ? { severity } : {}),
      findings: found,
    });
    if (time !== undefined) previousTime = time;
  }

  // A 3xx or 503 final response points at the retry it caused, or says that none came.
  const withFollowUps = arrows.map((a): Arrow => {
    const s = summaries[a.index];
    const t = calls.transactionOf[a.index];
    if (s.kind !== 'response' || !isRetryTrigger(s.code) || a.retransmission || t < 0 || calls.transactions[t].final !== a.index) return a;
    const retry = calls.followUps.get(a.index);
    const retryTime = retry !== undefined ? trace.meta[retry]?.time : undefined;
    const followUp: FollowUp = {
      ...(retry !== undefined ? { retry, line: options.lineOf(summaries[retry].offset) } : {}),
      ...(retry !== undefined && arrowOf.has(retry) ? { arrow: arrowOf.get(retry) } : {}),
      ...(retryTime !== undefined && a.time !== undefined ? { after: retryTime - a.time } : {}),
      ...(s.code === 503 && s.retryAfter !== undefined ? { retryAfter: s.retryAfter } : {}),
    };
    return { ...a, followUp };
  });

  return { participants, arrows: withFollowUps, calls: entries, selected: all ? entries.map((c) => c.callId) : entries.filter((c) => wanted.has(c.callId)).map((c) => c.callId) };
}

/** Position of the arrow of the message the cursor at `offset` is in, or after (blank and log lines belong to the message above), or -1 above the first. */
export function arrowAt(flow: Pick<CallFlow, 'arrows'>, offset: number): number {
  const { arrows } = flow;
  let lo = 0;
  let hi = arrows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arrows[mid].offset <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

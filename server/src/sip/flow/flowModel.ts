// The ladder diagram of a trace, as data: columns (participants), one arrow per message in trace
// order, the calls list (sngrep's first screen) and which calls are legs of one another. The
// webview, the SVG, Mermaid and PlantUML exports all draw this one model; it imports nothing but
// types, so the webview's script carries no server code.
import type { Severity } from '../model';
import type { CallEntry } from './callList';

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
  /** Colour slot: one per dialog (Call-ID and tags) of the selection, in order of appearance, so that two dialogs of one call (a 302 and the retry it caused, forks) tell apart. */
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

/**
 * The arrows as columns, one entry per arrow in trace order, with every string once in `strings`:
 * a 10 MB trace's 20,000 messages cross to the webview as a few arrays of numbers, and an `Arrow`
 * object is made (by `arrowOf`) only for a row that is drawn or exported.
 */
export interface FlowArrows {
  readonly count: number;
  /** Message index in the trace. */
  readonly index: readonly number[];
  readonly offset: readonly number[];
  readonly end: readonly number[];
  /** 1-based line of the message's start line. */
  readonly line: readonly number[];
  /** Positions in `participants`. */
  readonly from: readonly number[];
  readonly to: readonly number[];
  /** Status code; 0 for a request. */
  readonly code: readonly number[];
  /** Positions in `strings` of the method (a response's from its CSeq) and the label. */
  readonly method: readonly number[];
  readonly label: readonly number[];
  /** Positions in `strings`, -1 for none. */
  readonly requestUri: readonly number[];
  readonly timestamp: readonly number[];
  /** Position of the message's call in `calls`. */
  readonly call: readonly number[];
  /** Colour slot, see `Arrow.colour`. */
  readonly colour: readonly number[];
  /** Milliseconds, as the log gives them; null where it gives none. */
  readonly time: ReadonlyArray<number | null>;
  /** Bit 0: a retransmission; the bits above it: 1 + the rank in SEVERITIES of the most severe finding, 0 for none. */
  readonly flags: readonly number[];
  /** Frame numbers in the packet capture (-1: none); only for captures. */
  readonly frame?: readonly number[];
  /** Arrow position → positions in `findingList` of its findings; only arrows with findings. */
  readonly findings: Readonly<Record<number, readonly number[]>>;
  /** Each distinct finding once (the same 302 note stands on thousands of messages). */
  readonly findingList: readonly FlowFinding[];
  /** Arrow position → what its 3xx or 503 led to. */
  readonly followUps: Readonly<Record<number, FollowUp>>;
  readonly strings: readonly string[];
}

export interface CallFlow {
  readonly participants: readonly Participant[];
  readonly arrows: FlowArrows;
  /** Every call of the trace, whether selected or not. */
  readonly calls: readonly CallEntry[];
  /** Positions in `calls` of the calls drawn. */
  readonly selected: readonly number[];
}

/** Most severe first: a finding's rank is its position here. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** The arrow at position `arrow` of the flow, as the drawings read it. */
export function arrowOf(flow: CallFlow, arrow: number): Arrow {
  const a = flow.arrows;
  const string = (p: number) => (p < 0 ? undefined : a.strings[p]);
  const code = a.code[arrow];
  const flags = a.flags[arrow];
  const time = a.time[arrow] ?? undefined;
  let previous: number | undefined;
  for (let k = arrow - 1; time !== undefined && previous === undefined && k >= 0; k--) previous = a.time[k] ?? undefined;
  const start = flow.calls[a.call[arrow]].startTime;
  const frame = a.frame?.[arrow] ?? -1;
  const requestUri = string(a.requestUri[arrow]);
  const timestamp = string(a.timestamp[arrow]);
  const severity = flags >> 1 > 0 ? SEVERITIES[(flags >> 1) - 1] : undefined;
  const followUp = a.followUps[arrow];
  return {
    index: a.index[arrow],
    offset: a.offset[arrow],
    end: a.end[arrow],
    line: a.line[arrow],
    ...(frame >= 0 ? { frame } : {}),
    from: a.from[arrow],
    to: a.to[arrow],
    kind: code === 0 ? 'request' : 'response',
    method: a.strings[a.method[arrow]],
    code,
    label: a.strings[a.label[arrow]],
    ...(requestUri !== undefined ? { requestUri } : {}),
    call: a.call[arrow],
    colour: a.colour[arrow],
    ...(timestamp !== undefined ? { timestamp } : {}),
    ...(time !== undefined ? { time, ...(start !== undefined ? { sinceCallStart: time - start } : {}) } : {}),
    ...(time !== undefined && previous !== undefined ? { sincePrevious: time - previous } : {}),
    retransmission: (flags & 1) === 1,
    ...(severity ? { severity } : {}),
    findings: (a.findings[arrow] ?? []).map((f) => a.findingList[f]),
    ...(followUp ? { followUp } : {}),
  };
}

/** Every arrow of the flow, for the exports that draw them all. */
export function arrowsOf(flow: CallFlow): Arrow[] {
  const out: Arrow[] = new Array(flow.arrows.count);
  for (let i = 0; i < out.length; i++) out[i] = arrowOf(flow, i);
  return out;
}

/** Participants (by position) in the order `order` (addresses) gives them; those it does not name follow, as they were. */
export function columnOrder(participants: readonly Participant[], order: readonly string[]): number[] {
  const rank = new Map<string, number>();
  order.forEach((address, i) => rank.has(address) || rank.set(address, i));
  const of = (p: number) => rank.get(participants[p].address) ?? order.length;
  return participants.map((_, p) => p).sort((a, b) => of(a) - of(b) || a - b);
}

/** The Call-IDs drawn. */
export function selectedCallIds(flow: CallFlow): string[] {
  return flow.selected.map((c) => flow.calls[c].callId);
}

/** Position of the arrow of the message the cursor at `offset` is in, or after (blank and log lines belong to the message above), or -1 above the first. */
export function arrowAt(flow: Pick<CallFlow, 'arrows'>, offset: number): number {
  const offsets = flow.arrows.offset;
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (offsets[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

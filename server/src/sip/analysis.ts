// The findings of one version of a trace, kept per message so that an edit re-checks only the
// messages it re-read, and so that a big trace can be checked a part at a time: the messages first
// (in document order, so the top of the file is ready first), then the calls across the trace.
import { Finding, RelatedLocation, Trace } from './model';
import { checkMessages, checkTraceWide } from './diagnose';
import { CallModel, buildCallModel } from './calls/callModel';
import { DEFAULT_RULE_PARAMETERS, RuleParameters, sameParameters } from './rules/rule';
import { Reparsed } from './reparse';
import { MESSAGE_LOOK_BACK } from './access';

/** The finding in the edited text: it and the locations it points at from `from` on move by `delta`. */
function moved(f: Finding, delta: number, from: number): Finding {
  const related = f.related?.map((r): RelatedLocation => (r.offset >= from ? { ...r, offset: r.offset + delta } : r));
  return { ...f, offset: f.offset + delta, ...(related ? { related } : {}) };
}

export class Analysis {
  /** Each message's findings; undefined until the message is checked. */
  private readonly perMessage: Array<readonly Finding[] | undefined>;
  /** No message before this one is left unchecked. */
  private cursor: number;
  private traceWide: readonly Finding[] | undefined;
  private callModel: CallModel | undefined;

  constructor(
    readonly trace: Trace,
    readonly parameters: RuleParameters = DEFAULT_RULE_PARAMETERS,
    perMessage?: Array<readonly Finding[] | undefined>,
    cursor = 0,
    /** Trace-wide findings of an earlier version, moved to this text: shown until this version's are ready. */
    private readonly stale: readonly Finding[] = [],
  ) {
    this.perMessage = perMessage ?? new Array(trace.messages.length);
    this.cursor = cursor;
  }

  /** Checks up to `count` unchecked messages, first ones first; true when no message is left unchecked. */
  checkMessages(count: number): boolean {
    const n = this.trace.messages.length;
    let left = count;
    while (this.cursor < n && left > 0) {
      if (this.perMessage[this.cursor] !== undefined) {
        this.cursor++;
        continue;
      }
      let end = this.cursor;
      while (end < n && end - this.cursor < left && this.perMessage[end] === undefined) end++;
      checkMessages(this.trace, this.cursor, end, (i, findings) => (this.perMessage[i] = findings));
      left -= end - this.cursor;
      this.cursor = end;
    }
    return this.cursor >= n;
  }

  get messagesChecked(): boolean {
    return this.cursor >= this.trace.messages.length;
  }

  /** Transactions, calls and follow-ups of this version: built once, for the rules and the hovers. */
  get calls(): CallModel {
    return (this.callModel ??= buildCallModel(this.trace));
  }

  /** The rules across messages (calls, retries, transactions), once per version. */
  checkTrace(): void {
    this.traceWide ??= checkTraceWide(this.trace, this.parameters, this.calls);
  }

  get complete(): boolean {
    return this.messagesChecked && this.traceWide !== undefined;
  }

  /** Everything found so far, in document order: until `complete`, unchecked messages have none and the trace-wide findings are the previous version's. */
  findings(): Finding[] {
    const all: Finding[] = [...this.trace.findings];
    for (const list of this.perMessage) if (list) for (const f of list) all.push(f);
    for (const f of this.traceWide ?? this.stale) all.push(f);
    return all.sort((a, b) => a.offset - b.offset);
  }

  /** The same findings under other rule thresholds: only the rules across messages have any. */
  withParameters(parameters: RuleParameters): Analysis {
    if (sameParameters(parameters, this.parameters)) return this;
    const analysis = new Analysis(this.trace, parameters, this.perMessage, this.cursor, this.traceWide ?? this.stale);
    analysis.callModel = this.callModel;
    return analysis;
  }

  /** The analysis of the trace an edit made: findings of the messages that were only moved are kept, moved. */
  edited(change: Reparsed): Analysis {
    const { trace, from, oldTo, newTo, delta } = change;
    const old = this.trace.messages;
    const added = newTo - oldTo;
    const perMessage: Array<readonly Finding[] | undefined> = new Array(trace.messages.length);
    for (let i = 0; i < from; i++) perMessage[i] = this.perMessage[i];
    // A response's findings may name its request (requestFor), so the ones that can see the edit are checked again.
    for (let i = oldTo + MESSAGE_LOOK_BACK; i < old.length; i++) {
      const list = this.perMessage[i];
      perMessage[i + added] = list === undefined || list.length === 0 || delta === 0 ? list : list.map((f) => moved(f, delta, 0));
    }
    const start = from < old.length ? old.offsetOf(from) : this.trace.text.length;
    const stop = oldTo < old.length ? old.offsetOf(oldTo) : this.trace.text.length + 1;
    const stale: Finding[] = [];
    for (const f of this.traceWide ?? this.stale) {
      if (f.offset < start) stale.push(f);
      else if (f.offset >= stop) stale.push(moved(f, delta, stop));
    }
    const cursor = this.cursor < from ? this.cursor : from;
    return new Analysis(trace, this.parameters, perMessage, cursor, stale);
  }
}

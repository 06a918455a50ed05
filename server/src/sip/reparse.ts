// After an edit, re-reads only the messages the edit can have changed and splices them into the
// previous parse: everything before is kept, everything after is kept with its offsets moved. The
// result equals a fresh parseTrace of the new text (test/unit/reparse.test.ts checks it on random edits).
import { Finding, Trace } from './model';
import { DETECTION_SAMPLE, Frame, MessageMeta, TraceFormat, detectFormat, detectLinePrefix } from './formats';
import { messagesStartingBy } from './access';
import { Layout, assemble, layoutOf, newParseState, parseTrace, readFrames, readPlain } from './parser';

/** `removed` characters at `offset` of the previous text were replaced by `inserted` characters. */
export interface TextChange {
  readonly offset: number;
  readonly removed: number;
  readonly inserted: number;
}

export interface Reparsed {
  readonly trace: Trace;
  /** Messages [from, oldTo) of the previous trace became messages [from, newTo) of this one; later ones only moved. */
  readonly from: number;
  readonly oldTo: number;
  readonly newTo: number;
  /** How far the kept messages after the change moved. */
  readonly delta: number;
}

export function reparse(previous: Trace, text: string, change: TextChange): Reparsed {
  const layout = layoutOf(previous);
  // The prefix and the format are recognised from the top of the file: an edit below it changes neither.
  const again = layout !== undefined && change.offset < DETECTION_SAMPLE;
  const prefix = again ? detectLinePrefix(text) : layout?.prefix;
  const format = again ? detectFormat(text, prefix) : layout?.format;
  if (!layout || format !== layout.format || (prefix ? !prefix.equals(layout.prefix) : layout.prefix !== undefined)) {
    const trace = parseTrace(text);
    return { trace, from: 0, oldTo: previous.messages.length, newTo: trace.messages.length, delta: 0 };
  }
  return format ? reparseFrames(previous, layout, format, text, change) : reparseBare(previous, layout, text, change);
}

/** Start of the line that `offset` lies in. */
function lineStartOf(text: string, offset: number): number {
  return offset > 0 ? text.lastIndexOf('\n', offset - 1) + 1 : 0;
}

function moved(findings: readonly Finding[], from: number, to: number, delta: number, into: Finding[]): void {
  for (const f of findings) if (f.offset >= from && f.offset < to) into.push(delta === 0 ? f : { ...f, offset: f.offset + delta });
}

/**
 * A plain trace: a message reads its text up to the next start line and the line after it, so the
 * re-reading starts one message before the one the change is in, and stops at the first start line
 * after the change where a kept message starts.
 */
function reparseBare(previous: Trace, layout: Layout, text: string, change: TextChange): Reparsed {
  const old = previous.messages;
  const n = old.length;
  const delta = change.inserted - change.removed;
  const changeEnd = change.offset + change.inserted;
  const k = messagesStartingBy(old, change.offset - 1) - 1; // the last message that starts before the change
  const from = Math.max(0, k - 1);
  // Reading goes by lines: behind a logger's prefix a message starts after its line does.
  const start = k >= 0 ? lineStartOf(previous.text, old.offsetOf(from)) : 0;
  const state = newParseState(previous.headers);
  const windowMeta: Array<MessageMeta | undefined> = [];
  let oldTo = n;
  readPlain(text, layout.prefix, state, windowMeta, start, (pos) => {
    if (pos < changeEnd) return false;
    // The kept message whose start line began here before the change, if any.
    const j = messagesStartingBy(old, pos - delta - 1);
    if (j >= n || lineStartOf(previous.text, old.offsetOf(j)) !== pos - delta) return false;
    oldTo = j;
    return true;
  });
  const stop = oldTo < n ? lineStartOf(previous.text, old.offsetOf(oldTo)) : previous.text.length + 1;
  const findings: Finding[] = [];
  moved(layout.findings, 0, start, 0, findings);
  findings.push(...state.findings);
  moved(layout.findings, stop, Infinity, delta, findings);
  const rawMeta = layout.rawMeta.slice(0, from);
  for (let i = 0; i < state.messages.length; i++) rawMeta.push(windowMeta[i]);
  for (let i = oldTo; i < n; i++) rawMeta.push(layout.rawMeta[i]);
  return splice(previous, text, { ...layout, findings, rawMeta }, from, oldTo, state, delta);
}

function sameFrame(a: Frame, b: Frame, delta: number): boolean {
  if (a.offset !== b.offset + delta || a.payloadStart !== b.payloadStart + delta || a.payloadEnd !== b.payloadEnd + delta) return false;
  if ((a.declaredBytes?.value ?? -1) !== (b.declaredBytes?.value ?? -1)) return false;
  const x = a.meta;
  const y = b.meta;
  return x.frame === y.frame && x.timestamp === y.timestamp && x.time === y.time && x.absolute === y.absolute && x.direction === y.direction && x.src === y.src && x.dst === y.dst && x.transport === y.transport;
}

function shiftedMeta(meta: MessageMeta | undefined, delta: number): MessageMeta | undefined {
  return meta?.byteCount && delta !== 0 ? { ...meta, byteCount: { ...meta.byteCount, offset: meta.byteCount.offset + delta } } : meta;
}

/**
 * A log format: its frames are found again over the whole text (cheap: framing lines only), the
 * frames that did not change are kept, and only the others are read.
 */
function reparseFrames(previous: Trace, layout: Layout, format: TraceFormat, text: string, change: TextChange): Reparsed {
  const delta = change.inserted - change.removed;
  const frames = format.frames(text, layout.prefix);
  const oldFrames = layout.frames;
  let head = 0;
  while (head < frames.length && head < oldFrames.length && frames[head].payloadEnd <= change.offset && sameFrame(frames[head], oldFrames[head], 0)) head++;
  let tail = 0;
  while (tail < frames.length - head && tail < oldFrames.length - head) {
    const a = frames[frames.length - 1 - tail];
    const b = oldFrames[oldFrames.length - 1 - tail];
    if (b.offset < change.offset + change.removed || !sameFrame(a, b, delta)) break;
    tail++;
  }
  const from = layout.frameFirst[head];
  const oldTo = layout.frameFirst[oldFrames.length - tail];
  const start = head < oldFrames.length ? oldFrames[head].offset : previous.text.length + 1;
  const stop = tail > 0 ? oldFrames[oldFrames.length - tail].offset : previous.text.length + 1;
  const state = newParseState(previous.headers);
  const windowMeta: Array<MessageMeta | undefined> = [];
  const windowFirst = readFrames(text, format, layout.prefix, frames.slice(head, frames.length - tail), state, windowMeta);
  const added = state.messages.length - (oldTo - from);
  const frameFirst = new Int32Array(frames.length + 1);
  frameFirst.set(layout.frameFirst.subarray(0, head), 0);
  for (let k = 0; k < windowFirst.length - 1; k++) frameFirst[head + k] = from + windowFirst[k];
  for (let q = 0; q <= tail; q++) frameFirst[frames.length - q] = layout.frameFirst[oldFrames.length - q] + added;
  const rawMeta = layout.rawMeta.slice(0, from);
  for (let i = 0; i < state.messages.length; i++) rawMeta.push(windowMeta[i]);
  for (let i = oldTo; i < previous.messages.length; i++) rawMeta.push(shiftedMeta(layout.rawMeta[i], delta));
  const findings: Finding[] = [];
  moved(layout.findings, -Infinity, start, 0, findings);
  findings.push(...state.findings);
  moved(layout.findings, stop, Infinity, delta, findings);
  return splice(previous, text, { ...layout, frames, frameFirst, rawMeta, findings }, from, oldTo, state, delta);
}

function splice(previous: Trace, text: string, layout: Layout, from: number, oldTo: number, state: ReturnType<typeof newParseState>, delta: number): Reparsed {
  const old = previous.messages;
  const headersFrom = from < old.length ? old.firstHeaderOf(from) : previous.headers.count;
  const headersTo = oldTo < old.length ? old.firstHeaderOf(oldTo) : previous.headers.count;
  const headers = previous.headers.spliced(headersFrom, headersTo, state.headers, delta);
  const messages = old.spliced(from, oldTo, state.messages, headersFrom, delta, state.headers.count - (headersTo - headersFrom));
  const trace = assemble(text, messages, headers, layout);
  return { trace, from, oldTo, newTo: from + state.messages.length, delta };
}

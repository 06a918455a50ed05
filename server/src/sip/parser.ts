// Splits a trace into SIP messages and records where every part of each one lies.
// One forward pass over the text, char codes only; it never throws: problems become findings.
import { Finding, HeaderRows, MessageRows, Trace } from './model';
import { HeaderTable, NAME_ROOT } from './headerTable';
import { MessageTable } from './messageTable';
import { COLON, CR, HT, LF, SP, TOKEN, indexOfCode, lineEnd, skipWhitespace, trimEnd } from './chars';
import { Region, contentLength } from './region';
import { detectFormat, detectLinePrefix, Frame, MessageMeta, TraceFormat } from './formats';
import { LinePrefix } from './prefix';
import { isStartLine, parseStartLine } from './startLine';
import { advanceBlank, advanceUtf8, utf8Length } from './utf8';
import { parseDigits } from './values';
import { rule as contentLengthExtraBody } from './rules/contentLengthExtraBody';
import { rule as contentLengthInvalid } from './rules/contentLengthInvalid';
import { rule as contentLengthTruncatedBody } from './rules/contentLengthTruncatedBody';
import { rule as framingByteCount } from './rules/framingByteCount';
import { rule as headerMalformed } from './rules/headerMalformed';
import { rule as messageTruncated } from './rules/messageTruncated';
import { rule as traceBinaryContent } from './rules/traceBinaryContent';
import { rule as traceNoMessages } from './rules/traceNoMessages';
import { keepShape } from './shapes';

/** How a trace was read, kept so that an edit can re-read only the messages it touched (reparse.ts). */
export interface Layout {
  readonly format: TraceFormat | undefined;
  /** Another logger's prefix on every line, if any. */
  readonly prefix: LinePrefix | undefined;
  /** A log format's frames, and for frame k the index of its first message (one more entry at the end). */
  readonly frames: readonly Frame[];
  readonly frameFirst: Int32Array;
  /** What each message's framing line says, before times that cross midnight are made to count on. */
  readonly rawMeta: ReadonlyArray<MessageMeta | undefined>;
  /** Framing and syntax findings of the messages, without those about the whole text. */
  readonly findings: readonly Finding[];
}

const layouts = new WeakMap<Trace, Layout>();

export function layoutOf(trace: Trace): Layout | undefined {
  return layouts.get(trace);
}

/**
 * `sharing`: the header table of a trace whose rows the new ones will be spliced into. `textLength`:
 * how much text will be read, so the tables start at about their final size. Growing them while the
 * parser runs swaps their arrays under its optimised code, which V8 then throws away at the next
 * full GC (a third slower on the next parse); a little slack, trimmed at the end, costs less.
 */
export function newParseState(sharing?: HeaderRows, textLength = 0): ParseState {
  return {
    findings: [],
    messages: new MessageTable(Math.ceil(textLength / CHARS_PER_MESSAGE)),
    headers: new HeaderTable(sharing, Math.ceil(textLength / CHARS_PER_HEADER)),
    gapStart: -1,
    unreadable: -1,
  };
}

/** Fewer characters per message and per header line than traces have, so the estimates rarely fall short. */
const CHARS_PER_MESSAGE = 400;
const CHARS_PER_HEADER = 40;

export function parseTrace(text: string): Trace {
  return new TraceReader(text).finish();
}

/**
 * Reads a trace a part at a time, so that a big trace's first messages can be checked and shown
 * before its last are read. Reading in parts gives exactly what reading at once does.
 */
export class TraceReader {
  private readonly prefix: LinePrefix | undefined;
  private readonly format: TraceFormat | undefined;
  private readonly frames: readonly Frame[];
  private readonly frameFirst: Int32Array;
  private readonly state: ParseState;
  private readonly meta: Array<MessageMeta | undefined> = [];
  private nextFrame = 0;
  /** Where reading a plain trace goes on, or -1 at its end. */
  private plainPos = 0;
  private result: Trace | undefined;

  /** `given`: how the text is written, when it is a part of a trace whose start told (stream.ts); else found from the text's start. */
  constructor(
    readonly text: string,
    given?: Pick<Layout, 'format' | 'prefix'>,
  ) {
    this.state = newParseState(undefined, text.length);
    // Read from the start, the text between messages can be checked as it goes by, while it is in the cache.
    this.state.gapStart = 0;
    this.prefix = given ? given.prefix : detectLinePrefix(text);
    this.format = given ? given.format : detectFormat(text, this.prefix);
    this.frames = this.format ? this.format.frames(text, this.prefix) : [];
    this.frameFirst = new Int32Array(this.frames.length + 1);
  }

  get done(): boolean {
    return this.format ? this.nextFrame >= this.frames.length : this.plainPos < 0;
  }

  /** Reads about `count` more messages (a log's frame is read whole); true when the text is all read. */
  read(count: number): boolean {
    const { text, state, meta, prefix } = this;
    const target = state.messages.length + count;
    if (this.format) {
      while (this.nextFrame < this.frames.length && state.messages.length < target) {
        this.frameFirst[this.nextFrame] = state.messages.length;
        readFrame(text, this.format, prefix, this.frames[this.nextFrame++], state, meta);
      }
      this.frameFirst[this.frames.length] = state.messages.length;
    } else if (this.plainPos >= 0) {
      this.plainPos = readPlain(text, prefix, state, meta, this.plainPos, () => state.messages.length >= target);
    }
    return this.done;
  }

  /**
   * The messages read so far, to check them before the rest is read; it grows as reading goes on.
   * Findings about the whole text (no messages, binary content) come only with finish().
   */
  partial(): Trace {
    const { text, format, prefix, state } = this;
    return { text, format: format ? { id: format.id, name: format.name } : undefined, linePrefix: prefix, messages: state.messages, headers: state.headers, meta: continuousTimes(this.meta), findings: state.findings };
  }

  /** Reads the rest; the trace. */
  finish(): Trace {
    if (this.result) return this.result;
    this.read(Infinity);
    const { state } = this;
    state.headers.trim();
    state.messages.trim();
    const unreadable = state.unreadable >= 0 ? state.unreadable : firstUnreadableIn(this.text, state.gapStart, this.text.length);
    const layout = { format: this.format, prefix: this.prefix, frames: this.frames, frameFirst: this.frameFirst, rawMeta: this.meta, findings: state.findings };
    this.result = assemble(this.text, state.messages, state.headers, layout, unreadable);
    return this.result;
  }
}

/** Reads each frame into `state`; returns each frame's first message index, and one past the last. */
export function readFrames(text: string, format: TraceFormat | undefined, prefix: LinePrefix | undefined, frames: readonly Frame[], state: ParseState, meta: Array<MessageMeta | undefined>): Int32Array {
  const frameFirst = new Int32Array(frames.length + 1);
  for (let k = 0; k < frames.length; k++) {
    frameFirst[k] = state.messages.length;
    readFrame(text, format!, prefix, frames[k], state, meta);
  }
  frameFirst[frames.length] = state.messages.length;
  return frameFirst;
}

/**
 * The trace of `text` from its tables and layout; findings about the whole text are made here.
 * `unreadable`: firstUnreadableOutside's answer, when the reader found it already.
 */
export function assemble(text: string, messages: MessageRows, headers: HeaderRows, layout: Layout, unreadable = firstUnreadableOutside(text, messages)): Trace {
  const findings = [...layout.findings, ...wholeTextFindings(unreadable, messages.length, text.length)];
  const { format } = layout;
  const trace: Trace = {
    text,
    format: format ? { id: format.id, name: format.name } : undefined,
    linePrefix: layout.prefix,
    messages,
    meta: continuousTimes(layout.rawMeta),
    headers,
    findings,
  };
  layouts.set(trace, layout);
  return trace;
}

/**
 * Bare messages from `start` on (stopping where `stopAt` says, as readMessages); behind another
 * logger's prefix, each takes its time from its start line's prefix.
 */
export function readPlain(text: string, prefix: LinePrefix | undefined, state: ParseState, meta: Array<MessageMeta | undefined>, start: number, stopAt?: (pos: number) => boolean): number {
  if (!prefix) return readMessages(new Region(text, start, text.length), state, undefined, stopAt);
  // Content-Length counts the message's bytes, which the prefixes are not.
  const onMessage = (index: number) => {
    const time = prefix.time(text, state.messages.offsetOf(index));
    if (time.timestamp !== undefined) meta[index] = time;
  };
  return readMessages(new Region(text, start, text.length, prefix.view(undefined), false), state, onMessage, stopAt);
}

function readFrame(text: string, format: TraceFormat, prefix: LinePrefix | undefined, frame: Frame, state: ParseState, meta: Array<MessageMeta | undefined>): void {
  const first = state.messages.length;
  // Prefixes on the payload's lines (a log shipper's) also mean the bytes are no longer the wire's.
  const prefixed = prefix !== undefined && prefix.length(text, frame.payloadStart, lineEnd(text, frame.payloadStart)) > 0;
  const view = prefix ? prefix.view(format.view) : format.view;
  const region = new Region(text, frame.payloadStart, frame.payloadEnd, view, format.exactBytes && !prefixed);
  // Where the framing line tells no time, the logger's prefix may.
  const frameMeta = frame.meta.time === undefined && prefix ? { ...frame.meta, ...prefix.time(text, frame.offset) } : frame.meta;
  readMessages(region, state, (index) => (meta[index] = frameMeta));
  const declared = frame.declaredBytes;
  const last = state.messages.length - 1;
  if (!declared || last < first) return;
  if (last === first) meta[first] = { ...frameMeta, byteCount: declared };
  const from = state.messages.offsetOf(first);
  const to = state.messages.endOf(last);
  const actual = contentLength(text, from, to, view, false);
  // A log that lost its CRs (or never showed them) counts the CRLFs sent.
  const sent = contentLength(text, from, to, view, true);
  if (actual === declared.value || sent === declared.value) return;
  state.findings.push({
    code: framingByteCount.code,
    offset: declared.offset,
    length: declared.length,
    message: `The ${format.name} says this message is ${declared.value} bytes, but the message that follows is ${indexOfCode(text, CR, from, to) < 0 ? sent : actual} bytes${frame.payloadEnd >= text.length ? ' (it is cut off at the end of the file)' : ''}. The log is damaged or was edited: check the message's end and its Content-Length.`,
  });
}

/** Times of day that go backwards by more than half a day have crossed midnight: count on. */
export function continuousTimes(meta: ReadonlyArray<MessageMeta | undefined>): ReadonlyArray<MessageMeta | undefined> {
  const HALF_DAY = 12 * 3600 * 1000;
  let previous: number | undefined;
  let days = 0;
  return meta.map((m) => {
    if (!m || m.absolute || m.time === undefined) return m;
    if (previous !== undefined && m.time + days < previous - HALF_DAY) days += 2 * HALF_DAY;
    previous = m.time + days;
    return days === 0 ? m : { ...m, time: m.time + days };
  });
}

/** The findings about the whole text (NUL bytes or undecodable text outside any message: most likely a binary file such as a pcap): where it first holds what is not text (`bad`, -1 for nowhere), and that it holds no message. */
export function wholeTextFindings(bad: number, messageCount: number, textLength: number): Finding[] {
  const findings: Finding[] = [];
  if (bad >= 0) {
    findings.push({
      code: traceBinaryContent.code,
      offset: bad,
      length: 1,
      message: 'The file contains NUL bytes or invalid UTF-8 here, so it is probably not a text trace (a pcap?). Export the capture as text first, e.g. `tshark -r capture.pcap -Y sip -V` or sngrep\'s "Save as .txt"; messages found in the text are still checked.',
    });
  }
  if (messageCount === 0 && textLength > 0) {
    findings.push({
      code: traceNoMessages.code,
      offset: 0,
      length: 0,
      message: 'No SIP message found. A message starts with a request line such as "INVITE sip:bob@example.com SIP/2.0" or a status line such as "SIP/2.0 200 OK" at the beginning of a line.',
    });
  }
  return findings;
}

/** Looks only between messages: their own content is checked by the rules. */
function firstUnreadableOutside(text: string, messages: MessageRows): number {
  let gapStart = 0;
  for (let i = 0; i <= messages.length; i++) {
    const gapEnd = i < messages.length ? messages.offsetOf(i) : text.length;
    const bad = firstUnreadableIn(text, gapStart, gapEnd);
    if (bad >= 0) return bad;
    if (i < messages.length) gapStart = Math.max(gapStart, messages.endOf(i));
  }
  return -1;
}

/** First NUL or U+FFFD in text[from, to), or -1. */
function firstUnreadableIn(text: string, from: number, to: number): number {
  for (let at = from; at < to; at++) {
    const c = text.charCodeAt(at);
    if (c === 0 || c === 0xfffd) return at;
  }
  return -1;
}

/**
 * Reads every message in the region, skipping lines that are not SIP. `stopAt` may end the reading
 * before the message that starts at a position; the return value is that position, or -1.
 */
export function readMessages(region: Region, state: ParseState, onMessage?: (index: number) => void, stopAt?: (pos: number) => boolean): number {
  let pos = region.start;
  while (pos < region.limit) {
    const end = region.lineEnd(pos);
    if (region.startsMessage(pos, end)) {
      if (stopAt?.(pos)) return pos;
      const messageEnd = parseMessage(region, pos, end, state);
      onMessage?.(state.messages.length - 1);
      // A message always consumes its start line, so the loop advances.
      pos = messageEnd > end ? messageEnd : region.nextLineStart(end);
    } else {
      pos = region.nextLineStart(end);
    }
  }
  return -1;
}

export interface ParseState {
  readonly findings: Finding[];
  readonly messages: MessageTable;
  readonly headers: HeaderTable;
  /**
   * For a reading from the text's start: where the text after the last message read starts, as in
   * firstUnreadableOutside, and that function's answer so far (-1: none yet). -1 when not tracked.
   */
  gapStart: number;
  unreadable: number;
}

const NOT_A_HEADER =
  'Not a header line: expected "Name: value", where the name is a token (RFC 3261 §7.3). If this is the body, the blank line before it is missing.';
const ORPHAN_CONTINUATION =
  'A line starting with whitespace continues the previous header (RFC 3261 §7.3.1), but there is no header before it. Remove the leading whitespace or join it to a header.';

// The hot loop of the parser: one visit per header line, no allocation for a well-formed field.
/** Adds the message whose start line is [lineStart, lineStop) to the state's tables; where it ends. */
function parseMessage(region: Region, lineStart: number, lineStop: number, state: ParseState): number {
  const { text, limit, view } = region;
  const { findings, headers: table } = state;
  let trie = table.nameTrie;
  const start = region.contentStart(lineStart, lineStop);
  const startEnd = region.contentEnd(lineStart, lineStop);
  const startLine = parseStartLine(text, start, startEnd, findings);
  const lfLines = text.charCodeAt(lineStop) !== CR;
  const firstHeader = table.count;
  let pos = region.nextLineStart(lineStop);
  let headersEnd = pos;
  let bodyOffset = -1;
  let headersUnterminated = pos === lineStop;

  // The header being read; added to the table when a line that does not continue it arrives.
  let hNameId = 0;
  let hOffset = -1;
  let hNameEnd = 0;
  let hValueOffset = -1;
  let hValueEnd = 0;
  let hEnd = 0;
  let skippingMalformed = false;

  while (pos < limit) {
    const physicalEnd = region.lineEnd(pos);
    const from = view ? view.contentStart(text, pos, physicalEnd) : pos;
    const end = view ? view.contentEnd(text, pos, physicalEnd) : physicalEnd;
    const first = from < end ? text.charCodeAt(from) : LF;
    let i = from;
    let nameState = NAME_ROOT;
    let c = first;
    while (i < end && c < 128 && TOKEN[c] === 1) {
      nameState = trie[nameState * 128 + c];
      c = text.charCodeAt(++i);
    }
    // `Name:` with nothing between: a header, never a start line (which needs whitespace or "/" there).
    let colon = i < end && c === COLON && i > from ? i : -1;
    if (colon < 0 && (first === SP || first === HT || first === LF)) {
      if (skipWhitespace(text, from, end) === end) {
        // Empty (or whitespace-only) line: the header section ends here.
        headersEnd = pos;
        bodyOffset = region.nextLineStart(physicalEnd);
        break;
      }
      if (hOffset >= 0) {
        const contentStart = skipWhitespace(text, from, end);
        if (hValueOffset < 0) hValueOffset = contentStart;
        hValueEnd = trimEnd(text, contentStart, end);
        hEnd = end;
      } else if (!skippingMalformed) {
        findings.push({ code: headerMalformed.code, offset: from, length: end - from, message: ORPHAN_CONTINUATION });
      }
    } else {
      if (colon < 0) {
        if (isStartLine(text, from, end)) {
          // The next message begins without the blank line that ends a header section.
          headersEnd = pos;
          bodyOffset = pos;
          break;
        }
        const afterSpace = skipWhitespace(text, i, end);
        if (i > from && afterSpace < end && text.charCodeAt(afterSpace) === COLON) colon = afterSpace;
      }
      if (hOffset >= 0) {
        table.add(hNameId, hOffset, hNameEnd, hValueOffset < 0 ? hValueEnd : hValueOffset, hValueEnd, hEnd);
        hOffset = -1;
      }
      if (colon < 0) {
        skippingMalformed = true;
        findings.push({ code: headerMalformed.code, offset: from, length: end - from, message: NOT_A_HEADER });
      } else {
        skippingMalformed = false;
        hNameId = table.idOfWritten(text, from, i, nameState);
        trie = table.nameTrie;
        hOffset = from;
        hNameEnd = i;
        const contentStart = skipWhitespace(text, colon + 1, end);
        const contentEnd = trimEnd(text, contentStart, end);
        hValueOffset = contentEnd > contentStart ? contentStart : -1;
        hValueEnd = contentEnd > contentStart ? contentEnd : colon + 1;
        hEnd = end;
      }
    }
    pos = region.nextLineStart(physicalEnd);
    headersEnd = pos;
    if (pos === physicalEnd) headersUnterminated = true;
  }
  if (hOffset >= 0) table.add(hNameId, hOffset, hNameEnd, hValueOffset < 0 ? hValueEnd : hValueOffset, hValueEnd, hEnd);
  if (bodyOffset < 0) bodyOffset = limit;
  if (headersUnterminated) {
    const lastLine = lineStartBefore(text, limit, start);
    findings.push({
      code: messageTruncated.code,
      offset: lastLine,
      length: limit - lastLine,
      message: 'The text stops in the middle of this header line: the message is cut off here, and the rest of it (and anything after it) is missing from the trace.',
    });
  }

  const headerCount = table.count - firstHeader;
  const bodyEnd = findBodyEnd(
    region,
    table,
    table.rowOf(firstHeader, headerCount, table.contentLengthId()),
    table.rowOf(firstHeader, headerCount, table.contentTypeId()),
    bodyOffset,
    lfLines,
    findings,
  );
  if (state.gapStart >= 0) {
    if (state.unreadable < 0) state.unreadable = firstUnreadableIn(text, state.gapStart, start);
    state.gapStart = Math.max(state.gapStart, bodyEnd);
  }
  state.messages.add(start, bodyEnd, startLine, firstHeader, headerCount, headersEnd, headersUnterminated, lfLines, bodyOffset);
  return bodyEnd;
}

/** Start of the line that contains `offset - 1`, not before `floor`. */
function lineStartBefore(text: string, offset: number, floor: number): number {
  let i = offset;
  while (i > floor && text.charCodeAt(i - 1) !== LF) i--;
  return i;
}

/** Content-Length (header row `row`, -1 when absent) as a number; reports a value that is not 1*DIGIT. */
function readContentLength(text: string, table: HeaderTable, row: number, findings: Finding[]): number | undefined {
  if (row < 0) return undefined;
  const from = table.valueOffsetOf(row);
  const to = table.valueEndOf(row);
  const value = parseDigits(text, from, to);
  if (value === undefined) {
    findings.push({
      code: contentLengthInvalid.code,
      offset: from,
      length: to - from,
      message: `Content-Length must be a non-negative decimal number of bytes (RFC 3261 §20.14); found "${text.slice(from, Math.min(to, from + 40))}". The body was measured from the text instead.`,
    });
    return undefined;
  }
  return value;
}

/**
 * Where the body ends. The body the text shows runs to the next start line (or the region's end);
 * Content-Length is trusted where it agrees with that, where it ends the body earlier on a
 * plausible boundary, or where only blank lines (or, for multipart and message bodies, embedded
 * messages) make up the difference. Otherwise the disagreeing Content-Length is reported with the
 * measured length. Each step walks at most the body the text shows, so a wrong Content-Length
 * never makes the parser read the rest of the file.
 */
function findBodyEnd(
  region: Region,
  table: HeaderTable,
  clRow: number,
  typeRow: number,
  bodyOffset: number,
  lfLines: boolean,
  findings: Finding[],
): number {
  const { text } = region;
  const declared = readContentLength(text, table, clRow, findings);
  if (!region.exactBytes) return measureBody(region, bodyOffset);
  const typed = typeRow >= 0;
  if (declared === undefined) return typed ? measureBody(region, bodyOffset) : bodyOffset;
  const measuredEnd = measureBody(region, bodyOffset);
  // A message logged with LF line endings was sent with CRLF: its Content-Length may count those.
  for (let pass = 0; pass < (lfLines ? 2 : 1); pass++) {
    const lfAsCrlf = pass === 1;
    const measured = utf8Length(text, bodyOffset, measuredEnd, lfAsCrlf);
    if (declared === measured) return measuredEnd;
    // Only a disagreeing Content-Length needs the type, so agreeing ones slice no string.
    const type = typed ? text.slice(table.valueOffsetOf(typeRow), table.valueEndOf(typeRow)).trimStart().toLowerCase() : '';
    const embedsMessages = type.startsWith('multipart/') || type.startsWith('message/');
    let end = -1;
    if (declared < measured) end = advanceUtf8(text, bodyOffset, declared, lfAsCrlf, measuredEnd);
    else {
      end = advanceBlank(text, measuredEnd, declared - measured, lfAsCrlf, region.limit);
      if (end < 0 && embedsMessages) end = advanceUtf8(text, bodyOffset, declared, lfAsCrlf, region.limit);
    }
    if (end >= 0 && plausibleBodyEnd(region, bodyOffset, end, typed, embedsMessages)) return end;
  }
  // A body that did not decode as UTF-8 has lost its byte count: nothing reliable to compare.
  if (indexOfCode(text, 0xfffd, bodyOffset, measuredEnd) < 0) {
    const actual = utf8Length(text, bodyOffset, measuredEnd, lfLines);
    const valueOffset = table.valueOffsetOf(clRow);
    const range = { offset: valueOffset, length: table.valueEndOf(clRow) - valueOffset, data: { actual } };
    findings.push(
      declared > actual
        ? {
            code: contentLengthTruncatedBody.code,
            ...range,
            message: `Content-Length says ${declared} bytes but only ${actual} follow: the message is cut short. A receiver must reject it with 400 Bad Request over UDP, and over TCP it waits for bytes that never come (RFC 3261 §18.3).`,
          }
        : {
            code: contentLengthExtraBody.code,
            ...range,
            message: `Content-Length says ${declared} bytes but the body has ${actual}. Over UDP the receiver discards the ${actual - declared} extra bytes; over TCP they are read as the start of the next message (RFC 3261 §18.3).`,
          },
    );
  }
  return measuredEnd;
}

/** `typed`: the message declares a Content-Type. */
function plausibleBodyEnd(region: Region, bodyOffset: number, end: number, typed: boolean, embedsMessages: boolean): boolean {
  const { text } = region;
  if (end === region.limit) return true;
  const before = end > bodyOffset ? text.charCodeAt(end - 1) : LF;
  let next = end;
  if (before !== LF) {
    const at = text.charCodeAt(end);
    if (at !== CR && at !== LF) return false; // ends in the middle of a line
    next = region.nextLineStart(region.lineEnd(end));
  }
  // A line right after the body, with no blank line between, is the body going on when the
  // message declares a body type or the line looks like SDP; otherwise it is a log line.
  const lineStop = region.lineEnd(next);
  if (lineStop > next && !region.startsMessage(next, lineStop) && (typed || looksLikeSdp(text, next, lineStop))) return false;
  // A long Content-Length can swallow the next message; a body with embedded messages may contain them.
  if (embedsMessages) return true;
  let pos = bodyOffset;
  let previousEmpty = false;
  while (pos < end) {
    const stop = region.lineEnd(pos);
    if (stop === pos) previousEmpty = true;
    else {
      if (previousEmpty && region.startsMessage(pos, stop)) return false;
      previousEmpty = false;
    }
    pos = region.nextLineStart(stop);
  }
  return true;
}

/** `x=...`: one lower-case letter and "=", as every SDP line starts. */
function looksLikeSdp(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  return end - start >= 2 && c >= 97 && c <= 122 && text.charCodeAt(start + 1) === 61;
}

/** The body as the text shows it: up to the next start line or the region's end, without trailing blank lines. */
function measureBody(region: Region, bodyOffset: number): number {
  const { text } = region;
  let pos = bodyOffset;
  let lastContentEnd = bodyOffset;
  while (pos < region.limit) {
    const stop = region.lineEnd(pos);
    const from = region.contentStart(pos, stop);
    const to = region.contentEnd(pos, stop);
    if (to > from) {
      if (isStartLine(text, from, to)) break;
      if (skipWhitespace(text, from, to) < to) lastContentEnd = region.nextLineStart(stop);
    }
    pos = region.nextLineStart(stop);
  }
  return lastContentEnd;
}

keepShape(new TraceReader('').finish());

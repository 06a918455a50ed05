// Checks a trace that comes in parts (sip-trace-lint reading a file a block at a time), keeping of
// the parts already read only what the rules across calls need: the summaries, where messages and
// lines start, and the findings. A 100 MB trace is never one string, which in V8 takes two bytes a
// character as soon as one character is beyond Latin-1. The findings are exactly those of checking
// the whole text at once (test/unit/stream.test.ts).
import { Finding, MessageMeta, Trace } from './model';
import { Layout, TraceReader, continuousTimes, layoutOf, wholeTextFindings } from './parser';
import { detectFormat, detectLinePrefix } from './formats';
import { DETECTION_SAMPLE } from './prefix';
import { CR, LF, copied } from './chars';
import { utf8Length } from './utf8';
import { checkCalls, checkMessages } from './diagnose';
import { MESSAGE_LOOK_BACK } from './access';
import { RuleParameters, DEFAULT_RULE_PARAMETERS } from './rules/rule';
import { rule as traceBinaryContent } from './rules/traceBinaryContent';
import { CallModel, callModelOf } from './calls/callModel';
import { MessagePlaces, Span, SummaryWriter } from './calls/summary';
import { LinePosition } from './lineIndex';

/** How many characters are read at once, about: a part ends before the last message that starts in it. */
export const PART_LENGTH = 4 * 1024 * 1024;

export interface StreamedTrace {
  /** How the text was read (a log format's name), undefined for plain messages. */
  readonly formatName: string | undefined;
  readonly messageCount: number;
  readonly calls: CallModel;
  /** Every finding, in document order, as `runRules` gives them for the whole text. */
  readonly findings: readonly Finding[];
  /** Line and character of an offset of the whole text. */
  position(offset: number): LinePosition;
}

export class TraceStream {
  /**
   * The text not checked yet: the pieces pushed or decoded, then the bytes pushed and not decoded
   * yet (they start where a decoding may start). `base` is where the pieces start in the whole.
   */
  private pieces: string[] = [];
  private decoded = 0;
  private bytes = new Uint8Array(0);
  private used = 0;
  /** The bytes before this are decoded into the last piece; those at or after it are not. */
  private decodedEnd = 0;
  /** Where the bytes' text starts in the pieces, when they are decoded. */
  private bytesAt = 0;
  /** Whether the bytes start at the input's first byte, where a BOM is dropped as a whole decoding drops it. */
  private atInputStart = true;
  private base = 0;
  /** The pending text before this is checked: it is read again for what the rules look back at. */
  private checkedTo = 0;
  /** When no part could be cut, how much text to wait for before trying again. */
  private retryAt = 0;
  private layout: Pick<Layout, 'format' | 'prefix'> | undefined;
  private readonly writer = new SummaryWriter(0, true);
  private readonly places = new KeptPlaces();
  private readonly lines = new LineStarts();
  /** The parser's findings and the per-message rules' findings, each in the order a whole reading makes them. */
  private readonly parsed: Finding[] = [];
  private readonly checked: Finding[] = [];
  private unreadable = -1;
  private result: StreamedTrace | undefined;

  constructor(
    private readonly parameters: RuleParameters = DEFAULT_RULE_PARAMETERS,
    private readonly partLength = PART_LENGTH,
    /**
     * Called after each push, and between the steps of `end` with `ending` true, when what was read
     * or built last is garbage: a caller that holds a big trace in no other form can collect there
     * (the CLI does). Each step of the end leaves garbage of the whole trace's size.
     */
    private readonly settled: (ending: boolean) => void = () => {},
  ) {}

  /** Goes on with more text. */
  push(text: string): void {
    if (this.result) throw new Error('TraceStream.push after end()');
    if (this.used > 0) throw new Error('TraceStream.push after pushBytes(): the bytes pushed are not decoded yet');
    this.pieces.push(text);
    this.decoded += text.length;
    this.drain(false);
    this.settled(false);
  }

  /**
   * Goes on with more bytes of UTF-8 (invalid bytes become U+FFFD, as TextDecoder makes them). A
   * part is decoded at once, and decoded again from its bytes for what is read again, instead of
   * being joined from pieces: for a big trace that join was a tenth of the time.
   */
  pushBytes(chunk: Uint8Array): void {
    if (this.result) throw new Error('TraceStream.pushBytes after end()');
    if (this.used + chunk.length > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.used + chunk.length, this.bytes.length * 2, this.partLength + (this.partLength >> 2)));
      grown.set(this.bytes.subarray(0, this.used));
      this.bytes = grown;
    }
    this.bytes.set(chunk, this.used);
    this.used += chunk.length;
    this.drain(false);
    this.settled(false);
  }

  end(): StreamedTrace {
    if (this.result) return this.result;
    this.drain(true);
    const { places, lines } = this;
    places.finish();
    const summaries = this.writer.finish(places);
    this.settled(true);
    const calls = callModelOf(summaries);
    this.settled(true);
    // Sorted as runRules sorts: by offset, and where equal, the parser's, the messages' and the calls' in turn.
    const findings = [...this.parsed, ...wholeTextFindings(this.unreadable, places.count, this.base + this.decoded), ...this.checked, ...checkCalls(calls, this.parameters)].sort(
      (a, b) => a.offset - b.offset,
    );
    return (this.result = { formatName: this.layout?.format?.name, messageCount: places.count, calls, findings, position: (offset) => lines.position(offset) });
  }

  /** Checks what of the pending text is complete; at the end, all of it. */
  private drain(atEnd: boolean): void {
    if (!this.layout) {
      // The format is told by the trace's start, as when the whole text is read.
      if (!atEnd && this.pending() < DETECTION_SAMPLE) return;
      const start = this.text(atEnd);
      if (!atEnd && start.length < DETECTION_SAMPLE) return;
      const prefix = detectLinePrefix(start);
      this.layout = { prefix, format: detectFormat(start, prefix) };
    }
    while (atEnd ? this.text(true).length > this.checkedTo : this.pending() - this.checkedTo >= this.partLength && this.pending() >= this.retryAt) {
      const text = this.text(atEnd);
      const trace = new TraceReader(text, this.layout).finish();
      const cut = atEnd ? { at: text.length, count: trace.messages.length } : this.cutBefore(trace, trace.messages.length - 1);
      if (!cut || cut.at <= this.checkedTo) {
        // No new message is known to be complete yet: wait for as much text again, so that a long
        // message (or a file of no message) is read a number of times that grows with its log only.
        this.retryAt = 2 * this.pending();
        return;
      }
      this.retryAt = 0;
      this.take(trace, cut.at, cut.count);
      // The next part starts MESSAGE_LOOK_BACK messages earlier, which the rules may read again (requestFor).
      const restart = cut.count > MESSAGE_LOOK_BACK ? (this.cutBefore(trace, cut.count - MESSAGE_LOOK_BACK)?.at ?? 0) : 0;
      this.restartAt(text, restart);
      this.checkedTo = cut.at - restart;
    }
  }

  /** How many characters are pending, about: the bytes not decoded yet count one each. */
  private pending(): number {
    return this.decoded + this.used - this.decodedEnd;
  }

  /** The pending text as one string: the pieces, then the bytes decoded up to their last line break (at the end, all of them). */
  private text(atEnd: boolean): string {
    const end = atEnd ? this.used : this.bytes.lastIndexOf(LF, this.used - 1) + 1;
    if (end > this.decodedEnd) {
      if (this.decodedEnd === 0) this.bytesAt = this.decoded;
      const piece = (this.atInputStart && this.decodedEnd === 0 ? UTF8 : UTF8_KEEPING_BOM).decode(this.bytes.subarray(this.decodedEnd, end));
      this.pieces.push(piece);
      this.decoded += piece.length;
      this.decodedEnd = end;
    }
    if (this.pieces.length > 1) this.pieces = [this.pieces.join('')];
    return this.pieces[0] ?? '';
  }

  /**
   * Drops the pending text before `restart`. When the rest is decoded from the bytes and was valid
   * UTF-8, it is dropped and decoded again with what comes next, in one string; otherwise it is
   * kept as a piece, with the bytes after it.
   */
  private restartAt(text: string, restart: number): void {
    let drop = this.decodedEnd;
    if (this.decodedEnd > 0 && restart >= this.bytesAt && text.indexOf('\uFFFD', restart) < 0) {
      // Without U+FFFD, which can stand for one to three bytes, the text's length in UTF-8 is its bytes'.
      drop -= utf8Length(text, restart, text.length);
      this.pieces = [];
      this.decoded = 0;
    } else {
      this.pieces = [text.slice(restart)];
      this.decoded = text.length - restart;
    }
    if (drop > 0) {
      this.bytes.copyWithin(0, drop, this.used);
      this.used -= drop;
      this.atInputStart = false;
    }
    this.decodedEnd = 0;
    this.base += restart;
  }

  /**
   * The last place at or before message `index` where the text can be cut: the start of a frame, or
   * of a message, after a gap, so that every finding before the cut is of a message before it, and
   * reading on from it reads what a whole reading does. Its messages before it are `count`.
   */
  private cutBefore(trace: Trace, index: number): { at: number; count: number } | undefined {
    const { text, messages } = trace;
    const layout = layoutOf(trace)!;
    if (layout.format) {
      let k = layout.frames.length - 1;
      while (k > 0 && layout.frameFirst[k] > index) k--;
      for (; k > 0; k--) {
        const count = layout.frameFirst[k];
        const at = lineStart(text, layout.frames[k].offset);
        if (count > 0 && messages.endOf(count - 1) < at) return { at, count };
      }
      return undefined;
    }
    for (let k = Math.min(index, messages.length - 1); k > 0; k--) {
      const at = layout.prefix ? lineStart(text, messages.offsetOf(k)) : messages.offsetOf(k);
      if (messages.endOf(k - 1) < at) return { at, count: k };
    }
    return undefined;
  }

  /** Keeps what the checks need of the messages of a part that lie between what is checked already and `cut`, before message `count`. */
  private take(trace: Trace, cut: number, count: number): void {
    const { base, checkedTo } = this;
    const moved = (f: Finding) => kept(f, base);
    const layout = layoutOf(trace)!;
    let first = 0;
    while (first < count && trace.messages.offsetOf(first) < checkedTo) first++;
    for (const f of layout.findings) if (f.offset >= checkedTo && f.offset < cut) this.parsed.push(moved(f));
    if (this.unreadable < 0) {
      // The text before checkedTo has none: this part's first is after it.
      const bad = trace.findings.find((f) => f.code === traceBinaryContent.code);
      if (bad && bad.offset < cut) this.unreadable = bad.offset + base;
    }
    checkMessages(trace, first, count, (_, findings) => {
      for (const f of findings) this.checked.push(moved(f));
    });
    this.writer.add(trace, first, count, base);
    this.places.add(trace, layout.rawMeta, first, count, base);
    this.lines.add(trace.text, checkedTo, cut, base);
  }
}

/**
 * The finding at its place in the whole text, with its strings copied: a message made with a
 * template from the text holds slices of it, which would keep the whole part alive.
 */
function kept(f: Finding, base: number): Finding {
  return {
    code: f.code,
    offset: f.offset + base,
    length: f.length,
    message: copied(f.message),
    ...(f.data && { data: Object.fromEntries(Object.entries(f.data).map(([k, v]) => [k, typeof v === 'string' ? copied(v) : v])) }),
    ...(f.related && { related: f.related.map((r) => ({ offset: r.offset + base, length: r.length, message: copied(r.message) })) }),
  };
}

const UTF8 = new TextDecoder();
/** For bytes after the input's start, where U+FEFF is a character of the text. */
const UTF8_KEEPING_BOM = new TextDecoder('utf-8', { ignoreBOM: true });

/** The start of the line that holds `offset`. */
function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) !== LF && text.charCodeAt(i - 1) !== CR) i--;
  return i;
}

/** What the summaries read of the messages' places, kept as numbers, with the request URIs once each. */
class KeptPlaces implements MessagePlaces {
  count = 0;
  private offsets = new Float64Array(1024);
  private lineStarts = new Float64Array(1024);
  private lineEnds = new Float64Array(1024);
  /** Per message, the id of its Request-URI in `uris` (-1 for a response). */
  private uriIds = new Int32Array(1024);
  private readonly uris: string[] = [];
  private readonly uriIdOf = new Map<string, number>();
  private rawMeta: Array<MessageMeta | undefined> = [];
  private meta: ReadonlyArray<MessageMeta | undefined> = [];

  add(trace: Trace, rawMeta: ReadonlyArray<MessageMeta | undefined>, from: number, to: number, base: number): void {
    this.reserve(this.count + to - from);
    for (let i = from; i < to; i++) {
      const m = trace.messages.at(i);
      const line = m.startLine;
      const k = this.count + i - from;
      this.offsets[k] = m.offset + base;
      this.lineStarts[k] = line.offset + base;
      this.lineEnds[k] = line.end + base;
      this.uriIds[k] = line.kind === 'request' ? this.uriId(trace.text.slice(line.uriOffset, line.uriEnd)) : -1;
      if (i < rawMeta.length) this.rawMeta[k] = rawMeta[i];
    }
    this.count += to - from;
  }

  /** Times that cross midnight are counted on over the whole trace, as a whole reading does. */
  finish(): void {
    this.meta = continuousTimes(this.rawMeta);
  }

  offsetOf(index: number): number {
    return this.offsets[index];
  }

  startLineOf(index: number): Span {
    return { offset: this.lineStarts[index], end: this.lineEnds[index] };
  }

  requestUriOf(index: number): string | undefined {
    const id = this.uriIds[index];
    return id < 0 ? undefined : this.uris[id];
  }

  metaOf(index: number): MessageMeta | undefined {
    return index < this.meta.length ? this.meta[index] : undefined;
  }

  private uriId(uri: string): number {
    let id = this.uriIdOf.get(uri);
    if (id === undefined) {
      id = this.uris.push(copied(uri)) - 1;
      this.uriIdOf.set(this.uris[id], id);
    }
    return id;
  }

  private reserve(count: number): void {
    if (count <= this.offsets.length) return;
    const size = Math.max(count, this.offsets.length * 2);
    const grown = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.offsets = grown(this.offsets, (n) => new Float64Array(n));
    this.lineStarts = grown(this.lineStarts, (n) => new Float64Array(n));
    this.lineEnds = grown(this.lineEnds, (n) => new Float64Array(n));
    this.uriIds = grown(this.uriIds, (n) => new Int32Array(n));
  }
}

/**
 * Where every line of the whole text starts, with the line breaks LSP counts (CRLF, LF and a lone
 * CR), as LineIndex finds them: kept as each line's length (two bytes; a longer one is kept aside)
 * and the start of every MARK_EVERY-th line, 2.1 bytes a line instead of 8.
 */
class LineStarts {
  private lengths = new Uint16Array(64 * 1024);
  private readonly long = new Map<number, number>();
  private marks = new Float64Array(1024);
  /** Lines whose start is known (the first starts at 0), and where the last one starts. */
  private count = 1;
  private last = 0;

  /** The line starts after the line breaks in text[from, end), a part that starts `base` characters into the whole. */
  add(text: string, from: number, end: number, base: number): void {
    // Only LFs end lines (a CRLF ends at its LF) until a lone CR: one native search a line, and one a CR.
    let cr = text.indexOf('\r', from);
    let start = from;
    for (let lf = text.indexOf('\n', from); lf >= 0 && lf < end; lf = text.indexOf('\n', lf + 1)) {
      if (cr >= 0 && cr < lf - 1) break;
      if (cr === lf - 1) cr = text.indexOf('\r', lf + 1);
      this.push(lf + 1 + base, text.charCodeAt(lf - 1) === CR);
      start = lf + 1;
    }
    if (cr < 0 || cr >= end) return;
    for (let p = start; p < end; p++) {
      const c = text.charCodeAt(p);
      if (c === LF || (c === CR && text.charCodeAt(p + 1) !== LF)) this.push(p + 1 + base, c === LF && text.charCodeAt(p - 1) === CR);
    }
  }

  position(offset: number): LinePosition {
    // The last mark at or before the offset, then the lines after it.
    let lo = 0;
    let hi = Math.ceil(this.count / MARK_EVERY);
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.marks[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    let line = (lo - 1) * MARK_EVERY;
    let start = this.marks[lo - 1];
    for (; line + 1 < this.count; line++) {
      const next = start + (this.lengthOf(line) >> 1);
      if (next > offset) break;
      start = next;
    }
    // An offset in a line break is at the end of the line's content, as LineIndex puts it.
    if (line + 1 < this.count) {
      const length = this.lengthOf(line);
      offset = Math.min(offset, start + (length >> 1) - 1 - (length & 1));
    }
    return { line, character: offset - start };
  }

  /** A line's length with its line break, times two, plus one when the break is a CRLF. */
  private lengthOf(line: number): number {
    const length = this.lengths[line];
    return length === LONG ? this.long.get(line)! : length;
  }

  private push(start: number, crlf: boolean): void {
    const line = this.count - 1;
    if (line === this.lengths.length) {
      const lengths = new Uint16Array(line * 2);
      lengths.set(this.lengths);
      this.lengths = lengths;
    }
    const length = (start - this.last) * 2 + (crlf ? 1 : 0);
    if (length < LONG) this.lengths[line] = length;
    else {
      this.lengths[line] = LONG;
      this.long.set(line, length);
    }
    if (this.count % MARK_EVERY === 0) {
      const mark = this.count / MARK_EVERY;
      if (mark === this.marks.length) {
        const marks = new Float64Array(mark * 2);
        marks.set(this.marks);
        this.marks = marks;
      }
      this.marks[mark] = start;
    }
    this.last = start;
    this.count++;
  }
}

const MARK_EVERY = 64;
/** A line this long or longer has its length in `long`. */
const LONG = 0xffff;

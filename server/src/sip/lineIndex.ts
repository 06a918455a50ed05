// Line/column for offsets, with the line breaks LSP counts (CRLF, LF and a lone CR). The index keeps
// the start of every MARK_EVERY-th line only (a 10 MB trace has 300,000 lines: 150 KB
// of marks instead of 1 MB of starts); a position is found from the mark before it by reading at most
// that many lines. Lines are found with indexOf, which is much faster on a large trace than a
// per-character loop, and only as far as positions are asked for, so the top of a big trace has
// positions before its end is read. After an edit, the marks before and after it are kept (those
// after it moved) and only the edited lines are looked at again.
import { CR, LF } from './chars';

/** A change of the text: `removed` characters at `offset` replaced by `inserted` ones. */
export interface LineChange {
  readonly offset: number;
  readonly removed: number;
  readonly inserted: number;
}

export interface LinePosition {
  readonly line: number;
  readonly character: number;
}

/** Lines between two marks: a lookup reads at most this many lines of text from its mark. */
const MARK_EVERY = 16;

export class LineIndex {
  /** Marks: line numbers and their start offsets, both increasing; the first is line 0 at 0. */
  private markLines: Int32Array;
  private markStarts: Int32Array;
  private marks = 1;
  /** The last line start found so far (every one before it is counted), and its line. */
  private frontier = 0;
  private frontierLine = 0;
  /** The next CR at or after `frontier` (text.length when none), to find lone CRs without a per-character loop. */
  private nextCr = -1;
  /** Whether a line read so far ends with a lone CR: until one does, a line ends at its LF. */
  private loneCr = false;
  /** The line of the last position asked for, and its start. */
  private lastLine = 0;
  private lastStart = 0;

  constructor(readonly text: string) {
    this.markLines = new Int32Array(64);
    this.markStarts = new Int32Array(64);
  }

  /** The index of `text`, this index's text after `change`, built from this one: only the changed lines are read. */
  edited(text: string, change: LineChange): LineIndex {
    const next = new LineIndex(text);
    next.loneCr = this.loneCr;
    const { offset } = change;
    const delta = change.inserted - change.removed;
    // A line start before the change depends only on characters before it, so it stays.
    const keep = Math.max(1, this.marksBefore(offset));
    next.reserve(this.marks);
    next.markLines.set(this.markLines.subarray(0, keep));
    next.markStarts.set(this.markStarts.subarray(0, keep));
    next.marks = keep;
    next.frontierLine = this.markLines[keep - 1];
    next.frontier = this.markStarts[keep - 1];
    // Starts after the change only move, by `delta` characters and by the lines the change added or
    // removed: found by reading the new text from the last mark kept to the first mark after the change.
    const after = this.marksBefore(offset + change.removed + 2);
    if (after >= this.marks) return next;
    const target = this.markStarts[after] + delta;
    next.advanceTo(target);
    const lineDelta = next.frontierLine - this.markLines[after];
    for (let i = after; i < this.marks; i++) {
      const line = this.markLines[i] + lineDelta;
      if (line > next.markLines[next.marks - 1]) next.addMark(line, this.markStarts[i] + delta);
    }
    next.frontierLine = this.frontierLine + lineDelta;
    next.frontier = this.frontier + delta;
    return next;
  }

  get lineCount(): number {
    this.advanceTo(this.text.length);
    return this.frontierLine + 1;
  }

  /** Zero-based line and UTF-16 column of an offset (clamped into the text). */
  position(offset: number): LinePosition {
    const at = Math.max(0, Math.min(offset, this.text.length));
    this.advanceTo(at);
    const mark = this.marksBefore(at + 1) - 1;
    let line = this.markLines[mark];
    let start = this.markStarts[mark];
    // Positions are mostly asked for in order: go on from the last line found when it lies between.
    if (this.lastStart > start && this.lastStart <= at) {
      line = this.lastLine;
      start = this.lastStart;
    }
    for (let next = this.lineAfter(start); next >= 0 && next <= at; next = this.lineAfter(start)) {
      start = next;
      line++;
    }
    this.lastLine = line;
    this.lastStart = start;
    return { line, character: this.beforeLineBreak(at, start) - start };
  }

  /** Offset of a position, clamped to its line's content as LSP's TextDocument does. */
  offset(line: number, character: number): number {
    // Read ahead a part at a time until the start of the line after it is known.
    for (let read = this.frontier; this.frontierLine <= line && read < this.text.length; ) {
      read = Math.min(this.text.length, read + 64 * 1024);
      this.advanceTo(read);
    }
    if (line > this.frontierLine) return this.text.length;
    if (line < 0) return 0;
    let lo = 0;
    let hi = this.marks;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.markLines[mid] <= line) lo = mid + 1;
      else hi = mid;
    }
    let start = this.markStarts[lo - 1];
    for (let l = this.markLines[lo - 1]; l < line; l++) start = this.lineAfter(start);
    const next = this.lineAfter(start);
    return this.beforeLineBreak(Math.max(Math.min(start + character, next < 0 ? this.text.length : next), start), start);
  }

  /** Number of marks whose start is before `offset`. */
  private marksBefore(offset: number): number {
    let lo = 0;
    let hi = this.marks;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.markStarts[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The start of the line after the one that starts at `start`, or -1 when it is the last line. */
  private lineAfter(start: number): number {
    const { text } = this;
    if (!this.loneCr) {
      const lf = text.indexOf('\n', start);
      return lf < 0 ? -1 : lf + 1;
    }
    for (let p = start; p < text.length; p++) {
      const c = text.charCodeAt(p);
      if (c === LF || (c === CR && text.charCodeAt(p + 1) !== LF)) return p + 1;
    }
    return -1;
  }

  /** Counts the lines up to `offset`: the frontier moves to the last line start at or before it. */
  private advanceTo(offset: number): void {
    const { text } = this;
    while (this.frontier < text.length) {
      const from = this.frontier;
      if (this.nextCr < from) {
        this.nextCr = text.indexOf('\r', from);
        if (this.nextCr < 0) this.nextCr = text.length;
      }
      const lf = text.indexOf('\n', from);
      const lfAt = lf < 0 ? text.length : lf;
      let start: number;
      if (this.nextCr < lfAt - 1 || (this.nextCr < text.length && lf < 0)) {
        start = this.nextCr + 1; // a lone CR
        this.loneCr = true;
      } else if (lf < 0) return;
      else start = lf + 1;
      if (start > offset) return;
      this.frontier = start;
      this.frontierLine++;
      if (this.frontierLine - this.markLines[this.marks - 1] >= MARK_EVERY) this.addMark(this.frontierLine, start);
    }
  }

  private reserve(count: number): void {
    if (count <= this.markLines.length) return;
    const size = Math.max(this.markLines.length * 2, count);
    const lines = new Int32Array(size);
    const starts = new Int32Array(size);
    lines.set(this.markLines.subarray(0, this.marks));
    starts.set(this.markStarts.subarray(0, this.marks));
    this.markLines = lines;
    this.markStarts = starts;
  }

  private addMark(line: number, start: number): void {
    this.reserve(this.marks + 1);
    this.markLines[this.marks] = line;
    this.markStarts[this.marks++] = start;
  }

  /** An offset inside a line break belongs to the end of the line's content. */
  private beforeLineBreak(offset: number, lineStart: number): number {
    while (offset > lineStart && (this.text.charCodeAt(offset - 1) === CR || this.text.charCodeAt(offset - 1) === LF)) offset--;
    return offset;
  }
}

// Line/column for offsets, with the line breaks LSP counts (CRLF, LF and a lone CR). Lines are found
// with indexOf, which is much faster on a large trace than a per-character loop, and only as far as
// positions are asked for, so the top of a big trace has positions before its end is read. After an
// edit, the line starts before and after it are kept and only the edited lines are looked at again.
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

export class LineIndex {
  private starts: Int32Array;
  private count = 1; // line 0 starts at 0
  /** Every line start at or before this offset is known. */
  private scanned = 0;
  /** The next CR at or after `scanned` (text.length when none), to find lone CRs without a per-character loop. */
  private nextCr = -1;

  constructor(readonly text: string) {
    this.starts = new Int32Array(1024);
  }

  /** The index of `text`, this index's text after `change`, built from this one: only the changed lines are read. */
  edited(text: string, change: LineChange): LineIndex {
    const next = new LineIndex(text);
    const { offset } = change;
    const changeEnd = offset + change.inserted;
    // Starts before the change stay; a start at the change itself depends on the character after it.
    const keep = this.scanned < offset ? this.count : Math.max(1, this.upperBound(offset - 1));
    next.starts = new Int32Array(Math.max(1024, this.count + 64));
    next.starts.set(this.starts.subarray(0, keep));
    next.count = keep;
    next.scanned = keep > 0 ? this.starts[keep - 1] : 0;
    if (this.scanned < offset + change.removed + 1) return next;
    // The changed lines and the first line after them, read again.
    for (let p = Math.max(next.scanned + 1, offset); p <= changeEnd + 1 && p <= text.length; p++) {
      const before = text.charCodeAt(p - 1);
      if (before === LF || (before === CR && text.charCodeAt(p) !== LF)) next.push(p);
    }
    // Later starts only move.
    const delta = change.inserted - change.removed;
    const from = this.upperBound(offset + change.removed + 1);
    next.reserve(this.count - from);
    for (let i = from; i < this.count; i++) next.starts[next.count++] = this.starts[i] + delta;
    next.scanned = this.scanned + delta;
    return next;
  }

  get lineCount(): number {
    this.extendTo(this.text.length);
    return this.count;
  }

  /** Zero-based line and UTF-16 column of an offset (clamped into the text). */
  position(offset: number): LinePosition {
    const at = Math.max(0, Math.min(offset, this.text.length));
    this.extendTo(at);
    const line = this.upperBound(at) - 1;
    return { line, character: this.beforeLineBreak(at, this.starts[line]) - this.starts[line] };
  }

  /** Offset of a position, clamped to its line's content as LSP's TextDocument does. */
  offset(line: number, character: number): number {
    while (this.count <= line + 1 && this.scanned < this.text.length) this.extendTo(Math.min(this.text.length, this.scanned + 64 * 1024));
    if (line >= this.count) return this.text.length;
    if (line < 0) return 0;
    const start = this.starts[line];
    const next = line + 1 < this.count ? this.starts[line + 1] : this.text.length;
    return this.beforeLineBreak(Math.max(Math.min(start + character, next), start), start);
  }

  /** Number of known line starts at or before `offset`. */
  private upperBound(offset: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Finds the line starts up to `offset`, and the first one after it. */
  private extendTo(offset: number): void {
    const { text } = this;
    while (this.scanned < text.length && this.scanned <= offset) {
      const from = this.scanned;
      if (this.nextCr < from) {
        this.nextCr = text.indexOf('\r', from);
        if (this.nextCr < 0) this.nextCr = text.length;
      }
      const lf = text.indexOf('\n', from);
      const lfAt = lf < 0 ? text.length : lf;
      let start: number;
      if (this.nextCr < lfAt - 1 || (this.nextCr < text.length && lf < 0)) start = this.nextCr + 1; // a lone CR
      else if (lf < 0) {
        this.scanned = text.length;
        return;
      } else start = lf + 1;
      this.push(start);
      this.scanned = start;
    }
  }

  private reserve(more: number): void {
    if (this.count + more <= this.starts.length) return;
    const grown = new Int32Array(Math.max(this.starts.length * 2, this.count + more));
    grown.set(this.starts.subarray(0, this.count));
    this.starts = grown;
  }

  private push(offset: number): void {
    this.reserve(1);
    this.starts[this.count++] = offset;
  }

  /** An offset inside a line break belongs to the end of the line's content. */
  private beforeLineBreak(offset: number, lineStart: number): number {
    while (offset > lineStart && (this.text.charCodeAt(offset - 1) === CR || this.text.charCodeAt(offset - 1) === LF)) offset--;
    return offset;
  }
}

// Line/column for offsets, with the line breaks LSP counts (CRLF, LF and a lone CR). Built with
// indexOf, which is much faster on a large trace than a per-character loop.

export interface LinePosition {
  readonly line: number;
  readonly character: number;
}

/** Growable list of line starts in a typed array, so a large file makes no big JS array. */
class Starts {
  values = new Int32Array(1024);
  length = 1; // line 0 starts at 0

  push(offset: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = offset;
  }
}

function lineStarts(text: string): Int32Array {
  const starts = new Starts();
  let cr = text.indexOf('\r');
  let loneCr = false;
  while (cr >= 0 && !loneCr) {
    loneCr = text.charCodeAt(cr + 1) !== 10;
    cr = text.indexOf('\r', cr + 1);
  }
  if (!loneCr) {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  } else {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (c === 13 || c === 10) starts.push(i + 1);
    }
  }
  return starts.values.slice(0, starts.length);
}

export class LineIndex {
  private readonly starts: Int32Array;

  constructor(private readonly text: string) {
    this.starts = lineStarts(text);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Zero-based line and UTF-16 column of an offset (clamped into the text). */
  position(offset: number): LinePosition {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: this.beforeLineBreak(at, this.starts[lo]) - this.starts[lo] };
  }

  /** An offset inside a line break belongs to the end of the line's content. */
  private beforeLineBreak(offset: number, lineStart: number): number {
    while (offset > lineStart && (this.text.charCodeAt(offset - 1) === 13 || this.text.charCodeAt(offset - 1) === 10)) offset--;
    return offset;
  }

  /** Offset of a position, clamped to its line's content as LSP's TextDocument does. */
  offset(line: number, character: number): number {
    if (line >= this.starts.length) return this.text.length;
    if (line < 0) return 0;
    const start = this.starts[line];
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    return this.beforeLineBreak(Math.max(Math.min(start + character, next), start), start);
  }
}

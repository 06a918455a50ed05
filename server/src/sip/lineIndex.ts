// Line/column for offsets where there is no TextDocument (the command-line linter).

export class LineIndex {
  private readonly starts: Uint32Array | number[];

  constructor(text: string) {
    const starts: number[] = [0];
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    this.starts = text.length < 2 ** 32 ? Uint32Array.from(starts) : starts;
  }

  /** Zero-based line and UTF-16 column of an offset. */
  position(offset: number): { line: number; character: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }
}

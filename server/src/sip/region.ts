// Where the parser reads: the whole text for a plain trace, or one frame's payload in a log format,
// where each physical line may carry decoration around the SIP text (a log prefix, an indent,
// ngrep's "." for CR).
import { lineEnd, nextLineStart } from './chars';
import { isStartLine } from './startLine';
import { utf8Length } from './utf8';
import type { LineView } from './model';
import { keepShape } from './shapes';

export class Region {
  constructor(
    readonly text: string,
    readonly start: number,
    readonly limit: number,
    readonly view?: LineView,
    /** False when the text is not the bytes on the wire (CRs dropped or shown as "."), so byte counts cannot be checked. */
    readonly exactBytes = true,
  ) {}

  lineEnd(pos: number): number {
    const end = lineEnd(this.text, pos);
    return end < this.limit ? end : this.limit;
  }

  nextLineStart(end: number): number {
    const next = nextLineStart(this.text, end);
    return next < this.limit ? next : this.limit;
  }

  contentStart(start: number, end: number): number {
    return this.view ? this.view.contentStart(this.text, start, end) : start;
  }

  contentEnd(start: number, end: number): number {
    return this.view ? this.view.contentEnd(this.text, start, end) : end;
  }

  /** True when the physical line [start, end) holds a SIP start line. */
  startsMessage(start: number, end: number): boolean {
    return isStartLine(this.text, this.contentStart(start, end), this.contentEnd(start, end));
  }
}

/**
 * UTF-8 bytes of the SIP text in [from, to) without its lines' decoration: each line's content and
 * its line break as written, or with `crlf` as the CRLF it was on the wire (a log that dropped CRs).
 */
export function contentLength(text: string, from: number, to: number, view: LineView | undefined, crlf: boolean): number {
  let bytes = 0;
  for (let pos = from; pos < to; ) {
    const end = Math.min(lineEnd(text, pos), to);
    const start = view ? view.contentStart(text, pos, end) : pos;
    const next = Math.min(nextLineStart(text, end), to);
    bytes += utf8Length(text, start, end) + (next === end ? 0 : crlf ? 2 : next - end);
    pos = next > end ? next : to;
  }
  return bytes;
}

keepShape(new Region('', 0, 0));

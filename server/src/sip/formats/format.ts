// What a log format gives the parser: frames (one per logged message, with the payload's extent and
// what the framing line says about it) and how its lines decorate the SIP text.
import type { LinePrefix, LineView, MessageMeta } from '../model';
import { lineEnd, nextLineStart } from '../chars';

// The format module's own words for what the model holds, so its importers need not know where they live.
export type { MessageMeta } from '../model';

export interface Frame {
  /** Start of the framing line. */
  readonly offset: number;
  readonly payloadStart: number;
  readonly payloadEnd: number;
  readonly meta: MessageMeta;
  /** The byte count the framing line prints, and where. */
  readonly declaredBytes?: { readonly value: number; readonly offset: number; readonly length: number };
}

export interface TraceFormat {
  readonly id: string;
  /** Shown to the user: how the file was read. */
  readonly name: string;
  /** First characters a framing line can start with: lines starting otherwise are not tested. */
  readonly firstChars: string;
  /** Matches this format's distinctive framing lines (used to detect the format). */
  readonly signature: RegExp;
  readonly view?: LineView;
  /** False when the logged text is not the bytes on the wire. */
  readonly exactBytes: boolean;
  /** The frames of the text, whose lines may carry `prefix`. */
  frames(text: string, prefix?: LinePrefix): Frame[];
}

/**
 * Calls `visit` for each line whose first character after any `prefix` is one of `firstChars`,
 * with the line's text after the prefix and where that text starts.
 */
export function scanLines(text: string, firstChars: string, visit: (line: string, start: number, end: number, next: number) => void, prefix?: LinePrefix): void {
  const n = text.length;
  if (!prefix && firstChars.length === 1) {
    // Only lines starting with that char can matter: found by searching for it after a line break, not by visiting every line.
    const lineStartingWith = `\n${firstChars}`;
    const after = (from: number) => {
      const at = text.indexOf(lineStartingWith, from);
      return at < 0 ? -1 : at + 1;
    };
    for (let start = text.startsWith(firstChars) ? 0 : after(0); start >= 0; ) {
      const end = lineEnd(text, start);
      const next = nextLineStart(text, end);
      visit(text.slice(start, end), start, end, next);
      start = next < n ? after(next - 1) : -1;
    }
    return;
  }
  for (let pos = 0; pos < n; ) {
    const end = lineEnd(text, pos);
    const next = nextLineStart(text, end);
    const start = prefix ? pos + prefix.length(text, pos, end) : pos;
    if (end > start && firstChars.includes(text[start])) visit(text.slice(start, end), start, end, next);
    pos = next;
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-11-26 01:35:48.281249` or `2026/11/26 …`: milliseconds as if UTC (the trace's own clock). */
export function dateTimeMs(stamp: string): number | undefined {
  const m = /^(\d{4})[-/](\d{2})[-/](\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?$/.exec(stamp);
  if (!m) return undefined;
  const fraction = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) + fraction;
}

/** `01:35:48.281249`: milliseconds since midnight. */
export function timeOfDayMs(stamp: string): number | undefined {
  const m = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?$/.exec(stamp);
  if (!m) return undefined;
  return ((+m[1] * 60 + +m[2]) * 60 + +m[3]) * 1000 + (m[4] ? Number(`0.${m[4]}`) * 1000 : 0);
}

/** Asterisk's default `%b %e %T` (`Nov 26 01:35:48`), which has no year: milliseconds in year 2000's calendar. */
export function monthDayTimeMs(stamp: string): number | undefined {
  const m = /^([A-Z][a-z]{2}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?$/.exec(stamp);
  const month = m ? MONTHS.indexOf(m[1]) : -1;
  if (!m || month < 0) return undefined;
  return Date.UTC(2000, month, +m[2], +m[3], +m[4], +m[5]) + (m[6] ? Number(`0.${m[6]}`) * 1000 : 0);
}

/** Finds the next line at or after `from` that satisfies `test`, returning its start, or `limit`. */
export function nextLineWhere(text: string, from: number, limit: number, test: (start: number, end: number) => boolean): number {
  for (let pos = from; pos < limit; ) {
    const end = lineEnd(text, pos);
    if (test(pos, end)) return pos;
    pos = nextLineStart(text, end);
  }
  return limit;
}

// A prefix that another logger (syslog, journald, logcat, Docker, Asterisk's full log, a console
// prompt) puts before the lines of a SIP log. It is recognised by its shape, learnt from the lines
// where a SIP start line or a framing line follows it, so no logger needs a regular expression of
// its own: `Mar 30 13:35:40 host asterisk[123]: ` has the shape `w w w:w:w w w[w]: `, where `w` is
// a run of letters, digits and `_` and a space a run of blanks, so the shape stays while the
// digits, the padding and the names change.
import { DOT, HT, LF, SP, isDigit, lineEnd, nextLineStart } from './chars';
import type { LinePrefix as Prefix, LineView, MessageMeta } from './model';
import { dateTimeMs, monthDayTimeMs, timeOfDayMs } from './formats/format';

/** How much of the file is looked at, and how long a prefix may be. */
/** How much of the file is looked at to recognise a prefix or a log format. */
export const DETECTION_SAMPLE = 256 * 1024;
const MAX_PREFIX = 200;
/** Enough for the variants one logger writes (with and without a channel id, levels). */
const MAX_SHAPES = 8;

const WORD = 0x77; // "w"
const BLANK = 0x20;

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isBlank(c: number): boolean {
  return c === SP || c === HT;
}

/** The shape of text[start, end): word runs as "w", blank runs as one space, anything else as itself. */
function shapeOf(text: string, start: number, end: number): string {
  let shape = '';
  for (let i = start; i < end; ) {
    const c = text.charCodeAt(i);
    if (isWordChar(c)) {
      while (i < end && isWordChar(text.charCodeAt(i))) i++;
      shape += 'w';
    } else if (isBlank(c)) {
      while (i < end && isBlank(text.charCodeAt(i))) i++;
      shape += ' ';
    } else {
      shape += text[i++];
    }
  }
  return shape;
}

/**
 * Length of the prefix of `shape` at `start`, or 0. The blanks that end a prefix are matched
 * exactly (`trailing`), so that the indent of a folded header line stays the message's.
 */
function matchShape(text: string, start: number, end: number, shape: string, trailing: number): number {
  let i = start;
  const last = shape.length - 1;
  for (let k = 0; k <= last; k++) {
    const s = shape.charCodeAt(k);
    if (s === WORD) {
      if (i >= end || !isWordChar(text.charCodeAt(i))) return 0;
      while (i < end && isWordChar(text.charCodeAt(i))) i++;
    } else if (s === BLANK && k === last) {
      // A prefix alone on its line may have lost its trailing blank.
      for (let n = 0; n < trailing && i < end; n++, i++) if (!isBlank(text.charCodeAt(i))) return 0;
    } else if (s === BLANK) {
      if (i >= end || !isBlank(text.charCodeAt(i))) return 0;
      while (i < end && isBlank(text.charCodeAt(i))) i++;
    } else if (i >= end || text.charCodeAt(i++) !== s) return 0;
  }
  return i - start;
}

/**
 * A header (`Name: value`) or SDP (`v=`) line would match such a shape: it cannot be a logger's
 * prefix, unlike `2026-11-26T10:00:00`, whose colons have no blank after them.
 */
function looksLikeContent(shape: string): boolean {
  return /^[w\-.!%*+`'~]+ ?(?:=|:(?: |$))/.test(shape);
}

const STAMP = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?|[A-Z][a-z]{2} +\d{1,2} \d{2}:\d{2}:\d{2}(?:\.\d+)?|\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)?|\d{2}:\d{2}:\d{2}(?:\.\d+)?/;

/** logcat's `12-18 13:20:40.136`, which has no year: milliseconds in year 2000's calendar. */
function monthNumberDayTimeMs(stamp: string): number | undefined {
  const m = /^(\d{2})-(\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)$/.exec(stamp);
  const time = m ? timeOfDayMs(m[3]) : undefined;
  return m && time !== undefined ? Date.UTC(2000, +m[1] - 1, +m[2]) + time : undefined;
}

/** The time a prefix carries, in the forms loggers write it. */
export function prefixTime(prefix: string): Pick<MessageMeta, 'timestamp' | 'time' | 'absolute'> {
  const m = STAMP.exec(prefix);
  if (!m) return {};
  const stamp = m[0];
  const absolute = dateTimeMs(stamp) ?? monthDayTimeMs(stamp) ?? monthNumberDayTimeMs(stamp);
  return absolute !== undefined ? { timestamp: stamp, time: absolute, absolute: true } : { timestamp: stamp, time: timeOfDayMs(stamp), absolute: false };
}

export class LinePrefix implements Prefix {
  constructor(
    private readonly shapes: ReadonlyArray<{ readonly shape: string; readonly trailing: number }>,
  ) {}

  /** True when both recognise the same shapes. */
  equals(other: LinePrefix | undefined): boolean {
    return other !== undefined && other.shapes.length === this.shapes.length && other.shapes.every((s, i) => s.shape === this.shapes[i].shape && s.trailing === this.shapes[i].trailing);
  }

  /** Length of the prefix on the line [start, end), 0 when it has none. */
  length(text: string, start: number, end: number): number {
    const stop = end - start > MAX_PREFIX ? start + MAX_PREFIX : end;
    for (const { shape, trailing } of this.shapes) {
      const n = matchShape(text, start, stop, shape, trailing);
      if (n > 0) return n;
    }
    return 0;
  }

  /** The time in the prefix of the line that `at` lies in (within its first characters), if any. */
  time(text: string, at: number): Pick<MessageMeta, 'timestamp' | 'time' | 'absolute'> {
    let start = at;
    while (start > 0 && at - start <= MAX_PREFIX && text.charCodeAt(start - 1) !== LF) start--;
    const n = this.length(text, start, lineEnd(text, start));
    return n > 0 ? prefixTime(text.slice(start, start + n)) : {};
  }

  /** `inner` (a format's own decoration) applied to what follows the prefix. */
  view(inner: LineView | undefined): LineView {
    return {
      contentStart: (text, start, end) => {
        const from = start + this.length(text, start, end);
        return inner ? inner.contentStart(text, from, end) : from;
      },
      contentEnd: (text, start, end) => {
        const from = start + this.length(text, start, end);
        return inner ? inner.contentEnd(text, from, end) : end;
      },
    };
  }
}

/**
 * A start line in its strict form: the parser's leniency (any words between method and version)
 * would also take the end of a prefix for a request line.
 */
const START_LINE = /^(?:[A-Za-z]+ \S+ SIP\/\d\.\d|SIP\/\d\.\d \d{3}(?: .*)?)\s*$/;

/**
 * The next cut point of the line [start, end) after `cut` (the first is `start`): where SIP content
 * may begin after a prefix, just past a run of blanks; -1 when there is none. A plain loop rather
 * than a generator: it runs on every line of the sample while the file opens, before the JIT warms up.
 */
function nextCut(text: string, start: number, end: number, cut: number): number {
  const stop = Math.min(end, start + MAX_PREFIX);
  for (let i = cut; i < stop; i++) if (isBlank(text.charCodeAt(i)) && !isBlank(text.charCodeAt(i + 1)) && i + 1 < end) return i + 1;
  return -1;
}

/** True when the line [start, end) ends with `SIP/d.d` (and blanks), as a request line does. */
function endsWithSipVersion(text: string, start: number, end: number): boolean {
  let e = end;
  while (e > start && isBlank(text.charCodeAt(e - 1))) e--;
  return e - 7 >= start && text.startsWith('SIP/', e - 7) && text.charCodeAt(e - 2) === DOT && isDigit(text.charCodeAt(e - 1)) && isDigit(text.charCodeAt(e - 3));
}

/**
 * The prefix on the lines of the file, learnt from the lines where a SIP start line or a framing
 * line (`isFraming`) follows a run of text; undefined when those lines start the line themselves.
 * A shape that an unprefixed SIP line or the line after it also has is part of the SIP text.
 */
export function detectPrefix(text: string, isFraming: (line: string) => boolean, mayStartFraming: (c: number) => boolean): LinePrefix | undefined {
  const n = Math.min(text.length, DETECTION_SAMPLE);
  const counts = new Map<string, { count: number; trailing: number }>();
  const plain: number[] = [];
  for (let pos = 0; pos < n; ) {
    const end = lineEnd(text, pos);
    const next = nextLineStart(text, end);
    // A strict start line either starts with the version or ends with it: most cuts are ruled out
    // by a character or two, before any slice or regular expression.
    const endsWithVersion = endsWithSipVersion(text, pos, end);
    for (let cut = pos; cut >= 0; cut = nextCut(text, pos, end, cut)) {
      if (!endsWithVersion && !text.startsWith('SIP/', cut) && !mayStartFraming(text.charCodeAt(cut))) continue;
      const rest = end - cut <= 300 ? text.slice(cut, end) : '';
      if (!START_LINE.test(rest) && !isFraming(rest)) continue;
      if (cut === pos) plain.push(pos, next);
      else {
        const shape = shapeOf(text, pos, cut);
        let trailing = 0;
        while (isBlank(text.charCodeAt(cut - 1 - trailing))) trailing++;
        const seen = counts.get(shape);
        if (seen) seen.count++;
        else if (!looksLikeContent(shape)) counts.set(shape, { count: 1, trailing });
      }
      break;
    }
    pos = next;
  }
  const shapes = [...counts]
    .sort((a, b) => b[1].count - a[1].count)
    .slice(0, 4 * MAX_SHAPES)
    .filter(([shape, { trailing }]) => plain.every((at) => matchShape(text, at, lineEnd(text, at), shape, trailing) === 0))
    .slice(0, MAX_SHAPES)
    .map(([shape, { trailing }]) => ({ shape, trailing }));
  return shapes.length > 0 ? new LinePrefix(shapes) : undefined;
}

// ngrep -W byline: `U [date time] SRC:PORT -> DST:PORT [#n]`, then the payload with every CR (and
// any other unprintable byte) shown as ".", so each SIP line ends in "." and the blank line is ".".
import type { LineView } from '../model';
import { Frame, TraceFormat, dateTimeMs, scanLines } from './format';
import { DOT } from '../chars';

const HEADER = /^([UT]) (?:(\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)?|\+\d+(?:\.\d+)?) )?(\S+) -> (\S+)(?: \[[A-Za-z]+\])?(?: #\d+)?\s*$/;

/** The "." that stands for the CR at the end of each line is not content. */
const dotForCr: LineView = {
  contentStart: (_text, start) => start,
  contentEnd: (text, start, end) => (end > start && text.charCodeAt(end - 1) === DOT ? end - 1 : end),
};

export const ngrep: TraceFormat = {
  id: 'ngrep',
  name: 'ngrep -W byline output',
  firstChars: 'UT',
  signature: HEADER,
  view: dotForCr,
  exactBytes: false,
  frames(text, prefix) {
    const headers: Array<{ offset: number; next: number; m: RegExpExecArray }> = [];
    scanLines(text, this.firstChars, (line, start, _end, next) => {
      const m = HEADER.exec(line);
      if (m) headers.push({ offset: start, next, m });
    }, prefix);
    return headers.map((h, i): Frame => {
      const stamp = h.m[2];
      const absolute = stamp !== undefined && !stamp.startsWith('+');
      return {
        offset: h.offset,
        payloadStart: h.next,
        payloadEnd: i + 1 < headers.length ? headers[i + 1].offset : text.length,
        meta: { timestamp: stamp, time: absolute ? dateTimeMs(stamp) : undefined, absolute, src: h.m[3], dst: h.m[4], transport: h.m[1] === 'U' ? 'UDP' : 'TCP' },
      };
    });
  },
};

// sngrep "Save as .txt": `YYYY/MM/DD HH:MM:SS.uuuuuu SRC:PORT -> DST:PORT`, the payload, a blank line.
import { Frame, TraceFormat, dateTimeMs, scanLines } from './format';

const HEADER = /^(\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)?) (\S+) -> (\S+)\s*$/;

export const sngrep: TraceFormat = {
  id: 'sngrep',
  name: 'sngrep text export',
  firstChars: '0123456789',
  signature: HEADER,
  exactBytes: true,
  frames(text, prefix) {
    const frames: Frame[] = [];
    const headers: Array<{ offset: number; next: number; m: RegExpExecArray }> = [];
    scanLines(text, this.firstChars, (line, start, _end, next) => {
      const m = HEADER.exec(line);
      if (m) headers.push({ offset: start, next, m });
    }, prefix);
    headers.forEach((h, i) => {
      frames.push({
        offset: h.offset,
        payloadStart: h.next,
        payloadEnd: i + 1 < headers.length ? headers[i + 1].offset : text.length,
        meta: { timestamp: h.m[1], time: dateTimeMs(h.m[1]), absolute: true, src: h.m[2], dst: h.m[3] },
      });
    });
    return frames;
  },
};

// A packet capture decoded by capture/decode.ts: per SIP message one line
// `Frame 12 · 2026-11-26 10:00:00.123456 · UDP 127.0.0.1:5060 -> 127.0.0.1:5070`, the message's
// bytes, and the blank line the decoder adds. The frame number is Wireshark's. The arrow is ASCII
// so that the decoded text stays a Latin-1 (one byte per character) string; `→`, written by
// earlier versions, is still read.
import { Frame, TraceFormat, dateTimeMs, scanLines } from './format';
import { LF } from '../chars';

const HEADER = /^Frame (\d+) · (\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)?|no time) · (\S+) (\S+) (?:->|→) (\S+)((?: · [a-z A-Z]+)*)$/;

export interface FramingLine {
  readonly frame: number;
  readonly timestamp?: string;
  readonly transport: string;
  readonly src: string;
  readonly dst: string;
  readonly encapsulation?: string;
  readonly complete: boolean;
}

export function formatFramingLine(f: FramingLine): string {
  const notes = `${f.encapsulation ? ` · ${f.encapsulation}` : ''}${f.complete ? '' : ' · incomplete'}`;
  return `Frame ${f.frame} · ${f.timestamp ?? 'no time'} · ${f.transport} ${f.src} -> ${f.dst}${notes}`;
}

export const capture: TraceFormat = {
  id: 'capture',
  name: 'packet capture',
  firstChars: 'F',
  signature: HEADER,
  exactBytes: true,
  frames(text) {
    const headers: Array<{ offset: number; next: number; m: RegExpExecArray }> = [];
    scanLines(text, this.firstChars, (line, start, _end, next) => {
      const m = HEADER.exec(line);
      if (m) headers.push({ offset: start, next, m });
    });
    return headers.map((h, i): Frame => {
      const end = i + 1 < headers.length ? headers[i + 1].offset : text.length;
      const timestamp = h.m[2] === 'no time' ? undefined : h.m[2];
      return {
        offset: h.offset,
        payloadStart: h.next,
        // The blank line the decoder puts after each message so that the next framing line starts a line.
        payloadEnd: end - 2 >= h.next && text.charCodeAt(end - 1) === LF && text.charCodeAt(end - 2) === LF ? end - 2 : end,
        meta: {
          frame: Number(h.m[1]),
          timestamp,
          time: timestamp ? dateTimeMs(timestamp) : undefined,
          absolute: timestamp ? true : undefined,
          transport: h.m[3],
          src: h.m[4],
          dst: h.m[5],
        },
      };
    });
  },
};

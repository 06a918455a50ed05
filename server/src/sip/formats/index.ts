// The log formats a trace may come in, and how a file's format is recognised.
import { TraceFormat, scanLines } from './format';
import { sipp } from './sipp';
import { sngrep } from './sngrep';
import { ngrep } from './ngrep';
import { tsharkFollow } from './tsharkFollow';
import { kamailioSipdump } from './kamailioSipdump';
import { asteriskChanSip, asteriskPjsip } from './asterisk';
import { freeswitch } from './freeswitch';
import { DETECTION_SAMPLE, LinePrefix, detectPrefix } from '../prefix';
import { capture } from './capture';

export const FORMATS: readonly TraceFormat[] = [sipp, sngrep, ngrep, tsharkFollow, kamailioSipdump, asteriskChanSip, asteriskPjsip, freeswitch, capture];

const FIRST_CHARS = [...new Set(FORMATS.map((f) => f.firstChars).join(''))].join('');

function isFramingLine(line: string): boolean {
  return FIRST_CHARS.includes(line[0]) && FORMATS.some((f) => f.firstChars.includes(line[0]) && f.signature.test(line));
}

const FIRST_CODES = new Set([...FIRST_CHARS].map((c) => c.charCodeAt(0)));

/** The prefix another logger put on the file's lines, recognised around its SIP and framing lines. */
export function detectLinePrefix(text: string): LinePrefix | undefined {
  return detectPrefix(text, isFramingLine, (c) => FIRST_CODES.has(c));
}

/**
 * The format whose framing lines occur most often near the top of the file, or undefined for a
 * plain trace (bare messages, possibly with other text between them).
 */
export function detectFormat(text: string, prefix?: LinePrefix): TraceFormat | undefined {
  const sample = text.length > DETECTION_SAMPLE ? text.slice(0, DETECTION_SAMPLE) : text;
  const counts = new Map<TraceFormat, number>();
  scanLines(sample, FIRST_CHARS, (line) => {
    if (line.length > 300) return;
    for (const format of FORMATS) {
      if (format.firstChars.includes(line[0]) && format.signature.test(line)) counts.set(format, (counts.get(format) ?? 0) + 1);
    }
  }, prefix);
  let best: TraceFormat | undefined;
  for (const [format, count] of counts) if (!best || count > counts.get(best)!) best = format;
  return best;
}

export type { TraceFormat, MessageMeta, Frame } from './format';
export { DETECTION_SAMPLE };

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

/**
 * For each ASCII code, the formats (in FORMATS' order) whose framing lines may start with it. Prefix
 * detection asks at every cut point of the sample's lines, so this is an array lookup, not a search.
 */
const FORMATS_BY_FIRST: ReadonlyArray<readonly TraceFormat[] | undefined> = Array.from({ length: 128 }, (_, c) => {
  const formats = FORMATS.filter((f) => f.firstChars.includes(String.fromCharCode(c)));
  return formats.length > 0 ? formats : undefined;
});

function formatsStartingWith(c: number): readonly TraceFormat[] | undefined {
  return c < 128 ? FORMATS_BY_FIRST[c] : undefined;
}

function isFramingLine(line: string): boolean {
  const formats = formatsStartingWith(line.charCodeAt(0));
  return formats !== undefined && formats.some((f) => f.signature.test(line));
}

/** The prefix another logger put on the file's lines, recognised around its SIP and framing lines. */
export function detectLinePrefix(text: string): LinePrefix | undefined {
  return detectPrefix(text, isFramingLine, (c) => formatsStartingWith(c) !== undefined);
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
    for (const format of formatsStartingWith(line.charCodeAt(0)) ?? []) {
      if (format.signature.test(line)) counts.set(format, (counts.get(format) ?? 0) + 1);
    }
  }, prefix);
  let best: TraceFormat | undefined;
  for (const [format, count] of counts) if (!best || count > counts.get(best)!) best = format;
  return best;
}

export type { TraceFormat, MessageMeta, Frame } from './format';
export { DETECTION_SAMPLE };

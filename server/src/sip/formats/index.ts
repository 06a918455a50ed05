// The log formats a trace may come in, and how a file's format is recognised.
import { TraceFormat, scanLines } from './format';
import { sipp } from './sipp';
import { sngrep } from './sngrep';
import { ngrep } from './ngrep';
import { tsharkFollow } from './tsharkFollow';
import { kamailioSipdump } from './kamailioSipdump';
import { asteriskChanSip, asteriskPjsip } from './asterisk';
import { freeswitch } from './freeswitch';
import { capture } from './capture';

export const FORMATS: readonly TraceFormat[] = [sipp, sngrep, ngrep, tsharkFollow, kamailioSipdump, asteriskChanSip, asteriskPjsip, freeswitch, capture];

/** How much of the file is looked at to recognise its format. */
const SAMPLE = 256 * 1024;

/**
 * The format whose framing lines occur most often near the top of the file, or undefined for a
 * plain trace (bare messages, possibly with other text between them).
 */
export function detectFormat(text: string): TraceFormat | undefined {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const chars = [...new Set(FORMATS.map((f) => f.firstChars).join(''))].join('');
  const counts = new Map<TraceFormat, number>();
  scanLines(sample, chars, (line) => {
    if (line.length > 300) return;
    for (const format of FORMATS) {
      if (format.firstChars.includes(line[0]) && format.signature.test(line)) counts.set(format, (counts.get(format) ?? 0) + 1);
    }
  });
  let best: TraceFormat | undefined;
  for (const [format, count] of counts) if (!best || count > counts.get(best)!) best = format;
  return best;
}

export type { TraceFormat, MessageMeta, Frame } from './format';

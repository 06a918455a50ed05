// FreeSWITCH `sofia global siptrace on` (sofia-sip tport logging): `recv N bytes from udp/[ip]:port
// at HH:MM:SS.uuuuuu:`, a rule of dashes, the message indented by three spaces with its CRs
// dropped, and the rule again.
import type { LineView } from '../model';
import { SP, lineEnd, nextLineStart } from '../chars';
import { Frame, TraceFormat, nextLineWhere, timeOfDayMs } from './format';

const STAMP = /^(recv|send) (\d+) bytes (from|to) (\w+)\/\[([^\]]+)\]:(\d+)(?:\/\d+)?(?:;comp=sigcomp)? at (\d{2}:\d{2}:\d{2}(?:\.\d+)?):\s*$/;
const RULE = /^ {3}-{20,}\s*$/;

/** Up to three spaces of indent are the log's, not the message's. */
const indented: LineView = {
  contentStart(text, start, end) {
    let i = start;
    while (i < end && i < start + 3 && text.charCodeAt(i) === SP) i++;
    return i;
  },
  contentEnd: (_text, _start, end) => end,
};

export const freeswitch: TraceFormat = {
  id: 'freeswitch',
  name: 'FreeSWITCH sofia siptrace',
  firstChars: 'rs',
  signature: STAMP,
  view: indented,
  exactBytes: false,
  frames(text, prefix) {
    const frames: Frame[] = [];
    const n = text.length;
    const content = (s: number, e: number) => (prefix ? s + prefix.length(text, s, e) : s);
    const isRule = (s: number, e: number) => {
      const c = content(s, e);
      return e - c < 200 && RULE.test(text.slice(c, e));
    };
    const isStamp = (s: number, e: number) => {
      const c = content(s, e);
      return e - c < 300 && (text[c] === 'r' || text[c] === 's') && STAMP.test(text.slice(c, e));
    };
    for (let pos = 0; pos < n; ) {
      const end = lineEnd(text, pos);
      const next = nextLineStart(text, end);
      const c = content(pos, end);
      const m = (text[c] === 'r' || text[c] === 's') && end - c < 300 ? STAMP.exec(text.slice(c, end)) : null;
      if (!m) {
        pos = next;
        continue;
      }
      const opening = isRule(next, lineEnd(text, next)) ? nextLineStart(text, lineEnd(text, next)) : next;
      // A missing closing rule must not make this frame run into the next one.
      const closing = nextLineWhere(text, opening, n, (s, e) => isRule(s, e) || isStamp(s, e));
      const ip = m[5].includes(':') ? `[${m[5]}]:${m[6]}` : `${m[5]}:${m[6]}`;
      const received = m[1] === 'recv';
      frames.push({
        offset: c,
        payloadStart: opening,
        payloadEnd: closing,
        meta: { timestamp: m[7], time: timeOfDayMs(m[7]), absolute: false, direction: received ? 'received' : 'sent', src: received ? ip : undefined, dst: received ? undefined : ip, transport: m[4].toUpperCase() },
        declaredBytes: { value: Number(m[2]), offset: c + m[1].length + 1, length: m[2].length },
      });
      pos = closing < n && isRule(closing, lineEnd(text, closing)) ? nextLineStart(text, lineEnd(text, closing)) : closing;
    }
    return frames;
  },
};

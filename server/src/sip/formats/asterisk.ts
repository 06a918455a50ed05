// Asterisk's SIP debug output: chan_sip (`sip set debug on`) and PJSIP (`pjsip set logger on`),
// from the console or the full log, whose `[date] VERBOSE[lwp] file.c: ` prefix (see ../prefix.ts)
// may stand on the framing line, on a line of its own before it, or (through a log shipper) on
// every line.
import { CR, LF, lineEnd, nextLineStart } from '../chars';
import { utf8Length } from '../utf8';
import type { LinePrefix } from '../model';
import { Frame, MessageMeta, TraceFormat, nextLineWhere } from './format';

const CHAN_SIP_READ = /^<--- SIP read from (\w+):(\S+) --->\s*$/;
const CHAN_SIP_RESPONSE = /^<--- (?:Reliably )?Transmitting \((?:NAT|no NAT)\) to (\S+) --->\s*$/;
const CHAN_SIP_REQUEST = /^(?:Reliably )?Transmitting \((?:NAT|no NAT)\) to (\S+):\s*$/;
const PJSIP = /^<--- (Received|Transmitting) SIP (?:request|response) \((\d+) bytes\) (?:from|to) (\w+):(\S+) --->\s*$/;

type Stamp = Pick<MessageMeta, 'timestamp' | 'time' | 'absolute'>;

interface Line {
  readonly start: number;
  readonly end: number;
  readonly next: number;
  /** Text after any logger prefix. */
  readonly body: string;
  /** The prefix's time, when the line has a prefix. */
  readonly stamp?: Stamp;
}

function readLine(text: string, pos: number, prefix: LinePrefix | undefined): Line {
  const end = lineEnd(text, pos);
  const length = prefix ? prefix.length(text, pos, end) : 0;
  const stamp = length > 0 ? prefix!.time(text, pos) : undefined;
  return { start: pos, end, next: nextLineStart(text, end), body: end - pos - length <= 300 ? text.slice(pos + length, end) : '', stamp };
}

/** Drops the LF Asterisk adds after the message, before its end line. */
function withoutOwnNewline(text: string, payloadStart: number, end: number): number {
  return end > payloadStart && text.charCodeAt(end - 1) === LF ? end - 1 : end;
}

/**
 * Where the message of `bytes` bytes that starts at `from` ends, when a line ends there: its lines'
 * prefixes are not counted, and with `crlf` each line break counts as the CRLF sent.
 */
function exactEnd(text: string, from: number, bytes: number, prefix: LinePrefix | undefined, crlf: boolean, limit: number): number | undefined {
  let count = 0;
  for (let pos = from; pos < limit && count < bytes; ) {
    const end = lineEnd(text, pos);
    count += utf8Length(text, pos + (prefix ? prefix.length(text, pos, end) : 0), end);
    const next = nextLineStart(text, end);
    // The message may end without a line break: Asterisk's own LF follows.
    if (count === bytes) return text.charCodeAt(end) === CR ? undefined : end;
    count += next === end ? 0 : crlf ? 2 : next - end;
    pos = next;
    if (count === bytes) return pos;
  }
  return undefined;
}

export const asteriskChanSip: TraceFormat = {
  id: 'asterisk-chan_sip',
  name: 'Asterisk chan_sip debug log',
  firstChars: '<RT',
  signature: /^(?:<--- SIP read from \w+:\S+ --->|<--- (?:Reliably )?Transmitting \((?:NAT|no NAT)\) to \S+ --->|(?:Reliably )?Transmitting \((?:NAT|no NAT)\) to \S+:)\s*$/,
  exactBytes: true,
  frames(text, prefix) {
    const frames: Frame[] = [];
    const n = text.length;
    let previousStamp: Stamp | undefined;
    for (let pos = 0; pos < n; ) {
      const line = readLine(text, pos, prefix);
      const read = CHAN_SIP_READ.exec(line.body);
      const response = read ? null : CHAN_SIP_RESPONSE.exec(line.body);
      const request = read || response ? null : CHAN_SIP_REQUEST.exec(line.body);
      if (!read && !response && !request) {
        // A prefix alone on its line stamps the framing line that follows it.
        previousStamp = line.stamp !== undefined && line.body.trim() === '' ? line.stamp : undefined;
        pos = line.next;
        continue;
      }
      const endLine = read ? '<------------->' : response ? '<------------>' : '---';
      const stop = nextLineWhere(text, line.next, n, (s, e) => {
        const l = readLine(text, s, prefix);
        return l.body.trimEnd() === endLine && e >= s;
      });
      frames.push({
        offset: line.start,
        payloadStart: line.next,
        payloadEnd: withoutOwnNewline(text, line.next, stop),
        meta: {
          ...(line.stamp ?? previousStamp),
          direction: read ? 'received' : 'sent',
          src: read ? read[2] : undefined,
          dst: read ? undefined : (response ?? request)![1],
          transport: read ? read[1].toUpperCase() : undefined,
        },
      });
      previousStamp = undefined;
      pos = stop < n ? readLine(text, stop, prefix).next : n;
    }
    return frames;
  },
};

export const asteriskPjsip: TraceFormat = {
  id: 'asterisk-pjsip',
  name: 'Asterisk PJSIP logger',
  firstChars: '<',
  signature: /^<--- (?:Received|Transmitting) SIP (?:request|response) \(\d+ bytes\) (?:from|to) \w+:\S+ --->\s*$/,
  exactBytes: true,
  frames(text, prefix) {
    const frames: Frame[] = [];
    const n = text.length;
    const isFraming = (s: number) => PJSIP.test(readLine(text, s, prefix).body);
    for (let pos = 0; pos < n; ) {
      const line = readLine(text, pos, prefix);
      const m = PJSIP.exec(line.body);
      if (!m) {
        pos = line.next;
        continue;
      }
      const bytes = Number(m[2]);
      // Exactly `bytes` bytes follow, then a LF; where that does not hold, read up to the next framing
      // line, which also bounds the walk so a wrong count cannot send it through the rest of the file.
      const nextFrame = nextLineWhere(text, line.next, n, isFraming);
      // A log that lost its CRs still counts them.
      const payloadEnd = exactEnd(text, line.next, bytes, prefix, false, nextFrame) ?? exactEnd(text, line.next, bytes, prefix, true, nextFrame) ?? withoutOwnNewline(text, line.next, nextFrame);
      const countAt = line.end - line.body.length + line.body.indexOf(`(${m[2]} bytes)`) + 1;
      const received = m[1] === 'Received';
      frames.push({
        offset: line.start,
        payloadStart: line.next,
        payloadEnd,
        meta: { ...line.stamp, direction: received ? 'received' : 'sent', src: received ? m[4] : undefined, dst: received ? undefined : m[4], transport: m[3].toUpperCase() },
        declaredBytes: { value: bytes, offset: countAt, length: m[2].length },
      });
      pos = payloadEnd;
    }
    return frames;
  },
};

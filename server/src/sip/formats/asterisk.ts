// Asterisk's SIP debug output: chan_sip (`sip set debug on`) and PJSIP (`pjsip set logger on`),
// from the console or the full log, whose `[date] VERBOSE[lwp] file.c: ` prefix may stand on the
// framing line, on a line of its own before it, or (through a log shipper) on every line.
import { LineView } from '../region';
import { lineEnd, nextLineStart } from '../chars';
import { advanceUtf8 } from '../utf8';
import { Frame, MessageMeta, TraceFormat, dateTimeMs, monthDayTimeMs, nextLineWhere } from './format';

const PREFIX = /^\[([^\]]+)\] (?:VERBOSE|DEBUG|NOTICE|WARNING|ERROR)\[\d+\](?:\[C-[0-9a-f]+\])? [\w.]+: /;
const CHAN_SIP_READ = /^<--- SIP read from (\w+):(\S+) --->\s*$/;
const CHAN_SIP_RESPONSE = /^<--- (?:Reliably )?Transmitting \((?:NAT|no NAT)\) to (\S+) --->\s*$/;
const CHAN_SIP_REQUEST = /^(?:Reliably )?Transmitting \((?:NAT|no NAT)\) to (\S+):\s*$/;
const PJSIP = /^<--- (Received|Transmitting) SIP (?:request|response) \((\d+) bytes\) (?:from|to) (\w+):(\S+) --->\s*$/;

/** The logger prefix's length at `start`, or 0. */
function prefixLength(text: string, start: number, end: number): number {
  if (text.charCodeAt(start) !== 91 /* [ */) return 0;
  const m = PREFIX.exec(text.slice(start, Math.min(end, start + 200)));
  return m ? m[0].length : 0;
}

const prefixed: LineView = {
  contentStart: (text, start, end) => start + prefixLength(text, start, end),
  contentEnd: (_text, _start, end) => end,
};

function stampMeta(stamp: string | undefined): Pick<MessageMeta, 'timestamp' | 'time' | 'absolute'> {
  if (stamp === undefined) return {};
  const full = dateTimeMs(stamp);
  const time = full ?? monthDayTimeMs(stamp);
  return { timestamp: stamp, time, absolute: time !== undefined };
}

interface Line {
  readonly start: number;
  readonly end: number;
  readonly next: number;
  /** Text after any logger prefix. */
  readonly body: string;
  readonly stamp?: string;
}

function readLine(text: string, pos: number): Line {
  const end = lineEnd(text, pos);
  const prefix = prefixLength(text, pos, end);
  const stamp = prefix > 0 ? PREFIX.exec(text.slice(pos, pos + prefix))![1] : undefined;
  return { start: pos, end, next: nextLineStart(text, end), body: end - pos - prefix <= 300 ? text.slice(pos + prefix, end) : '', stamp };
}

/** Drops the LF Asterisk adds after the message, before its end line. */
function withoutOwnNewline(text: string, payloadStart: number, end: number): number {
  return end > payloadStart && text.charCodeAt(end - 1) === 10 ? end - 1 : end;
}

export const asteriskChanSip: TraceFormat = {
  id: 'asterisk-chan_sip',
  name: 'Asterisk chan_sip debug log',
  firstChars: '<[RT',
  signature: /^(?:\[[^\]]+\] \w+\[\d+\](?:\[C-[0-9a-f]+\])? [\w.]+: )?(?:<--- SIP read from \w+:\S+ --->|<--- (?:Reliably )?Transmitting \((?:NAT|no NAT)\) to \S+ --->|(?:Reliably )?Transmitting \((?:NAT|no NAT)\) to \S+:)\s*$/,
  exactBytes: true,
  frames(text) {
    const frames: Frame[] = [];
    const n = text.length;
    let previousStamp: string | undefined;
    for (let pos = 0; pos < n; ) {
      const line = readLine(text, pos);
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
        const l = readLine(text, s);
        return l.body.trimEnd() === endLine && e >= s;
      });
      const firstPayload = readLine(text, line.next);
      frames.push({
        offset: line.start,
        payloadStart: line.next,
        payloadEnd: withoutOwnNewline(text, line.next, stop),
        meta: {
          ...stampMeta(line.stamp ?? previousStamp),
          direction: read ? 'received' : 'sent',
          src: read ? read[2] : undefined,
          dst: read ? undefined : (response ?? request)![1],
          transport: read ? read[1].toUpperCase() : undefined,
        },
        view: firstPayload.stamp !== undefined ? prefixed : undefined,
      });
      previousStamp = undefined;
      pos = stop < n ? readLine(text, stop).next : n;
    }
    return frames;
  },
};

export const asteriskPjsip: TraceFormat = {
  id: 'asterisk-pjsip',
  name: 'Asterisk PJSIP logger',
  firstChars: '<[',
  signature: /^(?:\[[^\]]+\] \w+\[\d+\](?:\[C-[0-9a-f]+\])? [\w.]+: )?<--- (?:Received|Transmitting) SIP (?:request|response) \(\d+ bytes\) (?:from|to) \w+:\S+ --->\s*$/,
  exactBytes: true,
  frames(text) {
    const frames: Frame[] = [];
    const n = text.length;
    const isFraming = (s: number) => PJSIP.test(readLine(text, s).body);
    for (let pos = 0; pos < n; ) {
      const line = readLine(text, pos);
      const m = PJSIP.exec(line.body);
      if (!m) {
        pos = line.next;
        continue;
      }
      const bytes = Number(m[2]);
      // Exactly `bytes` bytes follow, then a LF; where that does not hold, read up to the next framing
      // line, which also bounds the walk so a wrong count cannot send it through the rest of the file.
      const nextFrame = nextLineWhere(text, line.next, n, isFraming);
      const expected = advanceUtf8(text, line.next, bytes, false, nextFrame);
      const exact = expected >= 0 && (expected === n || text.charCodeAt(expected) === 10);
      const payloadEnd = exact ? expected : withoutOwnNewline(text, line.next, nextFrame);
      const countAt = line.end - line.body.length + line.body.indexOf(`(${m[2]} bytes)`) + 1;
      const received = m[1] === 'Received';
      frames.push({
        offset: line.start,
        payloadStart: line.next,
        payloadEnd,
        meta: { ...stampMeta(line.stamp), direction: received ? 'received' : 'sent', src: received ? m[4] : undefined, dst: received ? undefined : m[4], transport: m[3].toUpperCase() },
        declaredBytes: { value: bytes, offset: countAt, length: m[2].length },
      });
      pos = payloadEnd;
    }
    return frames;
  },
};

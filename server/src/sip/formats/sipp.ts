// SIPp -trace_msg (`*_messages.log`): a rule of dashes with the time, a direction line with the
// byte count, an empty line, then exactly that many bytes and one LF.
import { Frame, TraceFormat, dateTimeMs, scanLines } from './format';
import { LF } from '../chars';

const SEPARATOR = /^-{10,} (\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)?)\s*$/;
const DIRECTION = /^(UDP|TCP|TLS|SCTP|WSS?) message (?:sent \((\d+) bytes\)|received \[(\d+)\] bytes ?):\s*$/;

export const sipp: TraceFormat = {
  id: 'sipp',
  name: 'SIPp message log',
  firstChars: '-UTSW',
  signature: DIRECTION,
  exactBytes: true,
  frames(text, prefix) {
    const frames: Frame[] = [];
    let stamp: { timestamp: string; offset: number } | undefined;
    let open: { offset: number; payloadStart: number; meta: Frame['meta']; declaredBytes: Frame['declaredBytes'] } | undefined;
    const close = (end: number) => {
      // The logged message is followed by one LF of SIPp's own.
      if (open) frames.push({ ...open, payloadEnd: Math.max(open.payloadStart, text.charCodeAt(end - 1) === LF ? end - 1 : end) });
      open = undefined;
    };
    scanLines(text, this.firstChars, (line, start, _end, next) => {
      const separator = SEPARATOR.exec(line);
      if (separator) {
        close(start);
        stamp = { timestamp: separator[1], offset: start };
        return;
      }
      const direction = DIRECTION.exec(line);
      if (!direction) return;
      close(start);
      const count = direction[2] ?? direction[3];
      const countAt = start + line.indexOf(count, line.indexOf('message'));
      const payloadStart = text.charCodeAt(next) === LF ? next + 1 : text.startsWith('\r\n', next) ? next + 2 : next;
      open = {
        offset: stamp && stamp.offset < start ? stamp.offset : start,
        payloadStart,
        meta: {
          timestamp: stamp?.timestamp,
          time: stamp ? dateTimeMs(stamp.timestamp) : undefined,
          absolute: stamp !== undefined,
          direction: direction[2] !== undefined ? 'sent' : 'received',
          transport: direction[1],
        },
        declaredBytes: { value: Number(count), offset: countAt, length: count.length },
      };
      stamp = undefined;
    }, prefix);
    close(text.length);
    return frames;
  },
};

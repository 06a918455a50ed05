// Kamailio sipdump module, text mode: a rule of 20 "=", `key: value` lines, a rule of 20 "~", the
// message, and 20 "|" right after its last byte.
import { Frame, MessageMeta, TraceFormat, scanLines } from './format';

const RECORD = '====================';
const BODY = '~~~~~~~~~~~~~~~~~~~~';
const END = '||||||||||||||||||||';
const FIELD = /^(tag|pid|process|time|date|proto|srcip|srcport|dstip|dstport): ?(.*)$/;

function meta(fields: Record<string, string>): MessageMeta {
  const epoch = Number(fields.time);
  const ip = (address: string | undefined, port: string | undefined) => (address === undefined ? undefined : address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`);
  return {
    timestamp: fields.time,
    time: Number.isFinite(epoch) ? epoch * 1000 : undefined,
    absolute: Number.isFinite(epoch),
    direction: fields.tag === 'rcv' ? 'received' : fields.tag === 'snd' ? 'sent' : undefined,
    src: ip(fields.srcip, fields.srcport),
    dst: ip(fields.dstip, fields.dstport),
    transport: fields.proto?.split(' ')[0]?.toUpperCase(),
  };
}

export const kamailioSipdump: TraceFormat = {
  id: 'kamailio-sipdump',
  name: 'Kamailio sipdump (text)',
  firstChars: '=~tpdsd',
  signature: /^(?:={20}|~{20})\s*$/,
  exactBytes: true,
  frames(text, prefix) {
    const frames: Frame[] = [];
    let record: { offset: number; fields: Record<string, string> } | undefined;
    scanLines(text, this.firstChars, (line, start, _end, next) => {
      const trimmed = line.trimEnd();
      if (trimmed === RECORD) {
        record = { offset: start, fields: {} };
      } else if (record && trimmed === BODY) {
        const nextRecord = text.indexOf(`\n${RECORD}`, next);
        const limit = nextRecord < 0 ? text.length : nextRecord + 1;
        // Searched within this record only, so a record without its bars costs no more than itself.
        const bars = text.slice(next, limit).indexOf(END);
        frames.push({ offset: record.offset, payloadStart: next, payloadEnd: bars >= 0 ? next + bars : limit, meta: meta(record.fields) });
        record = undefined;
      } else if (record) {
        const field = FIELD.exec(line);
        if (field) record.fields[field[1]] = field[2].trim();
      }
    }, prefix);
    return frames;
  },
};

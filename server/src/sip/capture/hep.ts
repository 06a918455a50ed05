// HEP (Homer's encapsulation): a SIP server or capture agent sends each message it saw, with the
// original addresses, transport and time, inside a UDP (or TCP) packet to the Homer collector.
// Version 3 is a list of typed chunks; versions 1 and 2 are a fixed header.
import { endpoint, formatIPv4, formatIPv6 } from './ip';
import { startsWithSip } from './sipBytes';
import { Timestamp } from './packet';

export interface HepMessage {
  readonly src: string;
  readonly dst: string;
  readonly transport: string;
  readonly time?: Timestamp;
  readonly payload: Uint8Array;
}

const HEP3 = [0x48, 0x45, 0x50, 0x33]; // "HEP3"
const AF_INET = 2;
const AF_INET6 = 10;

export function transportName(protocol: number): string {
  return protocol === 6 ? 'TCP' : protocol === 17 ? 'UDP' : protocol === 132 ? 'SCTP' : `IP protocol ${protocol}`;
}

export function isHep3(b: Uint8Array): boolean {
  return b.length >= 6 && b[0] === HEP3[0] && b[1] === HEP3[1] && b[2] === HEP3[2] && b[3] === HEP3[3];
}

/** Length of the HEP3 packet starting the bytes (for HEP over a stream), or -1. */
export function hep3Length(b: Uint8Array): number {
  return isHep3(b) ? (b[4] << 8) | b[5] : -1;
}

/** The SIP message a HEP packet carries; undefined when it is not HEP or carries something else (RTCP, logs). */
export function decodeHep(b: Uint8Array): HepMessage | undefined {
  return isHep3(b) ? decodeHep3(b) : decodeHep2(b);
}

function decodeHep3(b: Uint8Array): HepMessage | undefined {
  const total = Math.min(b.length, (b[4] << 8) | b[5]);
  const u16 = (at: number) => (b[at] << 8) | b[at + 1];
  const u32 = (at: number) => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
  let srcIp: string | undefined;
  let dstIp: string | undefined;
  let srcPort = 0;
  let dstPort = 0;
  let protocol = 17;
  let payloadType = 1;
  let seconds: number | undefined;
  let micros = 0;
  let payload: Uint8Array | undefined;
  for (let at = 6; at + 6 <= total; ) {
    const vendor = u16(at);
    const type = u16(at + 2);
    const length = u16(at + 4);
    if (length < 6 || at + length > total) return undefined;
    const value = at + 6;
    const size = length - 6;
    if (vendor === 0) {
      if (type === 2 && size >= 1) protocol = b[value];
      else if (type === 3 && size >= 4) srcIp = formatIPv4(b, value);
      else if (type === 4 && size >= 4) dstIp = formatIPv4(b, value);
      else if (type === 5 && size >= 16) srcIp = formatIPv6(b, value);
      else if (type === 6 && size >= 16) dstIp = formatIPv6(b, value);
      else if (type === 7 && size >= 2) srcPort = u16(value);
      else if (type === 8 && size >= 2) dstPort = u16(value);
      else if (type === 9 && size >= 4) seconds = u32(value);
      else if (type === 10 && size >= 4) micros = u32(value);
      else if (type === 11 && size >= 1) payloadType = b[value];
      else if (type === 15) payload = b.subarray(value, value + size);
    }
    at += length;
  }
  // Payload type 1 is SIP; the others (RTCP reports, logs, QoS) are not messages to read.
  if (!srcIp || !dstIp || !payload || payloadType !== 1) return undefined;
  return {
    src: endpoint(srcIp, srcPort),
    dst: endpoint(dstIp, dstPort),
    transport: transportName(protocol),
    time: seconds === undefined ? undefined : { seconds: seconds + Math.floor(micros / 1e6), nanos: (micros % 1e6) * 1000, digits: 6 },
    payload,
  };
}

function decodeHep2(b: Uint8Array): HepMessage | undefined {
  const version = b[0];
  if ((version !== 1 && version !== 2) || b.length < 8) return undefined;
  const family = b[2];
  const addressBytes = family === AF_INET ? 4 : family === AF_INET6 ? 16 : 0;
  if (!addressBytes || b[1] !== 8 + 2 * addressBytes) return undefined;
  const src = addressBytes === 4 ? formatIPv4(b, 8) : formatIPv6(b, 8);
  const dst = addressBytes === 4 ? formatIPv4(b, 8 + addressBytes) : formatIPv6(b, 8 + addressBytes);
  let at = b[1];
  let time: Timestamp | undefined;
  if (version === 2) {
    if (at + 10 > b.length) return undefined;
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    // The time header is sent in the sender's byte order, normally little-endian x86.
    const seconds = view.getUint32(at, true);
    const micros = view.getUint32(at + 4, true);
    time = { seconds, nanos: (micros % 1e6) * 1000, digits: 6 };
    // The C struct is 10 bytes padded to 12 by most senders; a few pack it.
    at = startsWithSip(b, at + 12) ? at + 12 : at + 10;
  }
  const payload = b.subarray(at);
  if (!startsWithSip(payload)) return undefined;
  return {
    src: endpoint(src, (b[4] << 8) | b[5]),
    dst: endpoint(dst, (b[6] << 8) | b[7]),
    transport: transportName(b[3]),
    time,
    payload,
  };
}

// IPv4 and IPv6: addresses, the transport payload, and the reassembly of fragments. A packet cut
// by the snap length is passed on with what was captured and marked so.
import { Problems } from './packet';

export interface IpPacket {
  readonly src: string;
  readonly dst: string;
  readonly protocol: number;
  readonly payload: Uint8Array;
  /** The snap length cut the packet: `payload` lacks its end. */
  readonly cut: boolean;
  /** Completed from fragments. */
  readonly reassembled: boolean;
}

export function formatIPv4(b: Uint8Array, at: number): string {
  return `${b[at]}.${b[at + 1]}.${b[at + 2]}.${b[at + 3]}`;
}

/** RFC 5952 text form (the longest run of zero groups becomes `::`), as Wireshark prints it. */
export function formatIPv6(b: Uint8Array, at: number): string {
  const groups: number[] = [];
  for (let i = 0; i < 8; i++) groups.push((b[at + 2 * i] << 8) | b[at + 2 * i + 1]);
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = (from: number, to: number) => groups.slice(from, to).map((g) => g.toString(16)).join(':');
  if (bestStart < 0) return hex(0, 8);
  return `${hex(0, bestStart)}::${hex(bestStart + bestLength, 8)}`;
}

/** `ip:port`, with IPv6 addresses in brackets. */
export function endpoint(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

interface Fragment {
  readonly offset: number;
  readonly data: Uint8Array;
}

interface PendingDatagram {
  readonly fragments: Fragment[];
  /** Known once the last fragment (no more-fragments flag) arrived. */
  total?: number;
  readonly firstFrame: number;
  readonly src: string;
  readonly dst: string;
  protocol: number;
}

/** Datagrams waiting for fragments; the oldest are given up past this, so memory stays bounded. */
const MAX_PENDING = 256;
const MAX_DATAGRAM = 65535;
const MAX_FRAGMENTS = 1024;

const IPV6_EXTENSIONS = new Set([0, 43, 60, 51, 135, 139, 140]);
const IPV6_FRAGMENT = 44;

export class IpReader {
  private readonly pending = new Map<string, PendingDatagram>();
  fragmentsReassembled = 0;

  constructor(private readonly problems: Problems) {}

  read(data: Uint8Array, frame: number): IpPacket | undefined {
    if (data.length < 1) return undefined;
    const version = data[0] >> 4;
    if (version === 4) return this.ipv4(data, frame);
    if (version === 6) return this.ipv6(data, frame);
    return undefined;
  }

  private ipv4(data: Uint8Array, frame: number): IpPacket | undefined {
    const headerLength = (data[0] & 0x0f) * 4;
    if (headerLength < 20 || data.length < headerLength) return undefined;
    const total = (data[2] << 8) | data[3];
    if (total < headerLength) return undefined;
    const cut = data.length < total;
    // Ethernet pads short frames: the header's total length says where the packet ends.
    const payload = data.subarray(headerLength, Math.min(total, data.length));
    const src = formatIPv4(data, 12);
    const dst = formatIPv4(data, 16);
    const protocol = data[9];
    const flags = data[6] >> 5;
    const fragmentOffset = (((data[6] & 0x1f) << 8) | data[7]) * 8;
    const more = (flags & 1) !== 0;
    if (!more && fragmentOffset === 0) return { src, dst, protocol, payload, cut, reassembled: false };
    const id = (data[4] << 8) | data[5];
    return this.fragment(`4 ${src} ${dst} ${protocol} ${id}`, { src, dst, protocol }, fragmentOffset, more, payload, cut, frame);
  }

  private ipv6(data: Uint8Array, frame: number): IpPacket | undefined {
    if (data.length < 40) return undefined;
    const payloadLength = (data[4] << 8) | data[5];
    // A zero payload length is a jumbogram (hop-by-hop option): the frame says where it ends.
    const end = payloadLength === 0 ? data.length : 40 + payloadLength;
    const cut = data.length < end;
    const packet = data.subarray(0, Math.min(end, data.length));
    const src = formatIPv6(data, 8);
    const dst = formatIPv6(data, 24);
    let next = data[6];
    let at = 40;
    let fragment: { offset: number; more: boolean; id: number } | undefined;
    while (at + 8 <= packet.length) {
      if (next === IPV6_FRAGMENT) {
        const word = (packet[at + 2] << 8) | packet[at + 3];
        fragment = {
          offset: word & 0xfff8,
          more: (word & 1) !== 0,
          id: ((packet[at + 4] << 24) | (packet[at + 5] << 16) | (packet[at + 6] << 8) | packet[at + 7]) >>> 0,
        };
        next = packet[at];
        at += 8;
      } else if (IPV6_EXTENSIONS.has(next)) {
        // AH counts its length in 4-byte units, the others in 8-byte units beyond the first 8.
        const length = next === 51 ? (packet[at + 1] + 2) * 4 : (packet[at + 1] + 1) * 8;
        next = packet[at];
        at += length;
      } else break;
    }
    if (at > packet.length) return undefined;
    const payload = packet.subarray(at);
    if (!fragment || (!fragment.more && fragment.offset === 0)) return { src, dst, protocol: next, payload, cut, reassembled: false };
    return this.fragment(`6 ${src} ${dst} ${fragment.id}`, { src, dst, protocol: next }, fragment.offset, fragment.more, payload, cut, frame);
  }

  private fragment(
    key: string,
    header: { src: string; dst: string; protocol: number },
    offset: number,
    more: boolean,
    data: Uint8Array,
    cut: boolean,
    frame: number,
  ): IpPacket | undefined {
    let datagram = this.pending.get(key);
    if (!datagram) {
      if (this.pending.size >= MAX_PENDING) this.giveUp(this.pending.keys().next().value as string);
      datagram = { fragments: [], firstFrame: frame, ...header };
      this.pending.set(key, datagram);
    }
    if (cut) this.problems.add(`IP fragment cut by the snap length: the datagram it belongs to cannot be completed.`, frame);
    // Only the first fragment carries the transport header, hence the transport protocol (IPv6).
    if (offset === 0) datagram.protocol = header.protocol;
    if (offset + data.length > MAX_DATAGRAM || datagram.fragments.length >= MAX_FRAGMENTS) {
      this.problems.add(`IP fragment beyond 65535 bytes or ${MAX_FRAGMENTS} fragments of one datagram: ignored.`, frame);
      return undefined;
    }
    datagram.fragments.push({ offset, data });
    if (!more) datagram.total = offset + data.length;
    if (datagram.total === undefined) return undefined;
    const total = datagram.total;
    const whole = this.assemble(datagram.fragments, total);
    if (!whole) return undefined;
    if (datagram.fragments.some((f) => f.offset + f.data.length > total)) {
      this.problems.add(`IP fragments reach past the end of their datagram (${total} bytes, as its last fragment says): the bytes beyond it are ignored.`, frame);
    }
    this.pending.delete(key);
    this.fragmentsReassembled += datagram.fragments.length;
    return { src: datagram.src, dst: datagram.dst, protocol: datagram.protocol, payload: whole, cut: false, reassembled: true };
  }

  /** The datagram when the fragments cover it without a hole (overlaps: the first copy wins). */
  private assemble(fragments: readonly Fragment[], total: number): Uint8Array | undefined {
    const sorted = [...fragments].sort((a, b) => a.offset - b.offset);
    let covered = 0;
    for (const f of sorted) {
      if (f.offset > covered) return undefined;
      covered = Math.max(covered, f.offset + f.data.length);
    }
    if (covered < total) return undefined;
    const whole = new Uint8Array(total);
    for (let i = sorted.length - 1; i >= 0; i--) {
      const f = sorted[i];
      if (f.offset >= total) continue; // past the end the last fragment gives: reported by the caller
      whole.set(f.data.subarray(0, Math.max(0, Math.min(f.data.length, total - f.offset))), f.offset);
    }
    return whole;
  }

  private giveUp(key: string): void {
    const datagram = this.pending.get(key);
    this.pending.delete(key);
    if (datagram) this.problems.add(`IP datagram from ${datagram.src} to ${datagram.dst} never got all its fragments: dropped.`, datagram.firstFrame);
  }

  /** Reports the datagrams still missing fragments at the end of the capture. */
  finish(): void {
    for (const key of [...this.pending.keys()]) this.giveUp(key);
  }
}

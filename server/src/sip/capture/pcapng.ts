// pcapng: a sequence of blocks (type, total length, body, total length again). Each section
// header sets the byte order and starts a new list of interfaces; each interface has its own link
// type and time resolution. Blocks this reader does not need are skipped by their length.
import { CapturedPacket, Problems, Timestamp } from './packet';

const SECTION_HEADER = 0x0a0d0d0a;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;
const INTERFACE_DESCRIPTION = 1;
const OBSOLETE_PACKET = 2;
const SIMPLE_PACKET = 3;
const ENHANCED_PACKET = 6;
const OPTION_TSRESOL = 9;
const OPTION_TSOFFSET = 14;

interface Interface {
  readonly linkType: number;
  readonly snapLength: number;
  /** Units per second of this interface's timestamps. */
  readonly unitsPerSecond: bigint;
  readonly digits: number;
  readonly offsetSeconds: number;
}

export function isPcapng(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x0a && bytes[1] === 0x0d && bytes[2] === 0x0d && bytes[3] === 0x0a;
}

function readInterface(view: DataView, body: number, end: number, le: boolean): Interface {
  let unitsPerSecond = 1_000_000n;
  let digits = 6;
  let offsetSeconds = 0;
  for (let pos = body + 8; pos + 4 <= end; ) {
    const code = view.getUint16(pos, le);
    const length = view.getUint16(pos + 2, le);
    const value = pos + 4;
    if (code === 0 || value + length > end) break;
    if (code === OPTION_TSRESOL && length >= 1) {
      const r = view.getUint8(value);
      const exponent = r & 0x7f;
      // Bit 7 chooses a power of two instead of a power of ten; absurd exponents keep the default.
      if (r & 0x80) {
        if (exponent <= 63) {
          unitsPerSecond = 1n << BigInt(exponent);
          digits = 9;
        }
      } else if (exponent <= 18) {
        unitsPerSecond = 10n ** BigInt(exponent);
        digits = Math.min(9, exponent);
      }
    } else if (code === OPTION_TSOFFSET && length >= 8) {
      offsetSeconds = Number(view.getBigInt64(value, le));
    }
    pos = value + ((length + 3) & ~3);
  }
  return { linkType: view.getUint16(body, le), snapLength: view.getUint32(body + 4, le), unitsPerSecond, digits, offsetSeconds };
}

function timestamp(iface: Interface, high: number, low: number): Timestamp {
  const units = (BigInt(high) << 32n) | BigInt(low);
  const seconds = units / iface.unitsPerSecond;
  const rest = units % iface.unitsPerSecond;
  return {
    seconds: Number(seconds) + iface.offsetSeconds,
    nanos: Number((rest * 1_000_000_000n) / iface.unitsPerSecond),
    digits: iface.digits,
  };
}

export function* readPcapng(bytes: Uint8Array, problems: Problems): Generator<CapturedPacket> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let le = true;
  let interfaces: Interface[] = [];
  let frame = 0;
  for (let pos = 0; pos < bytes.length; ) {
    const remaining = bytes.length - pos;
    if (remaining < 12) {
      problems.add(`The file ends inside a block header at byte ${pos} (${remaining} bytes): it was cut off.`, frame + 1);
      return;
    }
    let type = view.getUint32(pos, le);
    if (type === SECTION_HEADER) {
      const magic = view.getUint32(pos + 8, true);
      if (magic === BYTE_ORDER_MAGIC) le = true;
      else if (magic === 0x4d3c2b1a) le = false;
      else {
        problems.add(`Section header at byte ${pos} has no valid byte-order magic: the file is damaged here; reading stops.`, frame + 1);
        return;
      }
      interfaces = [];
    }
    const length = view.getUint32(pos + 4, le);
    if (length < 12 || length % 4 !== 0 || length > remaining) {
      const why = length > remaining ? `says it is ${length} bytes but only ${remaining} remain (the file was cut off or is damaged)` : `has an impossible length of ${length} bytes`;
      problems.add(`Block at byte ${pos} (type 0x${type.toString(16)}) ${why}; reading stops.`, frame + 1);
      return;
    }
    const end = pos + length - 4;
    if (view.getUint32(end, le) !== length) {
      problems.add(`Block at byte ${pos} does not end with its own length: the file is damaged here; reading stops.`, frame + 1);
      return;
    }
    const body = pos + 8;
    const packetBlock = type === ENHANCED_PACKET || type === OBSOLETE_PACKET || type === SIMPLE_PACKET;
    if (type === INTERFACE_DESCRIPTION && end - body >= 8) {
      interfaces.push(readInterface(view, body, end, le));
    } else if (packetBlock) {
      frame++;
      const packet = readPacketBlock(view, bytes, type, body, end, le, interfaces, frame, pos, problems);
      if (packet) yield packet;
    }
    pos += length;
  }
}

function readPacketBlock(
  view: DataView,
  bytes: Uint8Array,
  type: number,
  body: number,
  end: number,
  le: boolean,
  interfaces: readonly Interface[],
  frame: number,
  fileOffset: number,
  problems: Problems,
): CapturedPacket | undefined {
  if (type === SIMPLE_PACKET) {
    const iface = interfaces[0];
    if (!iface || end - body < 4) {
      problems.add(`Simple packet block at byte ${fileOffset} comes before any interface description: skipped.`, frame);
      return undefined;
    }
    const original = view.getUint32(body, le);
    // The block holds the packet up to the snap length, padded; only the length on the wire says how much is real.
    const captured = Math.min(original, end - body - 4, iface.snapLength || Infinity);
    return { frame, linkType: iface.linkType, data: bytes.subarray(body + 4, body + 4 + captured), originalLength: original, fileOffset };
  }
  const fixed = 20;
  if (end - body < fixed) {
    problems.add(`Packet block at byte ${fileOffset} is too short for its fields: skipped.`, frame);
    return undefined;
  }
  const ifaceId = type === OBSOLETE_PACKET ? view.getUint16(body, le) : view.getUint32(body, le);
  const iface = interfaces[ifaceId];
  const captured = view.getUint32(body + 12, le);
  const original = view.getUint32(body + 16, le);
  if (!iface) {
    problems.add(`Packet block at byte ${fileOffset} names interface ${ifaceId}, which the section does not describe: skipped.`, frame);
    return undefined;
  }
  if (captured > end - body - fixed) {
    problems.add(`Packet block at byte ${fileOffset} says it captured ${captured} bytes but holds only ${end - body - fixed}: skipped.`, frame);
    return undefined;
  }
  return {
    frame,
    linkType: iface.linkType,
    data: bytes.subarray(body + fixed, body + fixed + captured),
    originalLength: Math.max(original, captured),
    time: timestamp(iface, view.getUint32(body + 4, le), view.getUint32(body + 8, le)),
    fileOffset,
  };
}

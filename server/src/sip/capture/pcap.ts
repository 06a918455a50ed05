// The classic libpcap file: a 24-byte header, then 16-byte record headers each followed by the
// captured bytes. The magic says the byte order and whether times are in micro- or nanoseconds.
import { CapturedPacket, Problems } from './packet';

const MAGIC_MICROS = 0xa1b2c3d4;
const MAGIC_NANOS = 0xa1b23c4d;
const FILE_HEADER = 24;
const RECORD_HEADER = 16;

interface PcapHeader {
  readonly littleEndian: boolean;
  readonly digits: number;
  readonly linkType: number;
  readonly snapLength: number;
}

function header(bytes: Uint8Array): PcapHeader | undefined {
  if (bytes.length < 4) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const littleEndian of [true, false]) {
    const magic = view.getUint32(0, littleEndian);
    if (magic !== MAGIC_MICROS && magic !== MAGIC_NANOS) continue;
    const complete = bytes.length >= FILE_HEADER;
    return {
      littleEndian,
      digits: magic === MAGIC_NANOS ? 9 : 6,
      // The upper bits of this field carry FCS information, not the link type.
      linkType: complete ? view.getUint32(20, littleEndian) & 0xffff : -1,
      snapLength: complete ? view.getUint32(16, littleEndian) : 0,
    };
  }
  return undefined;
}

export function isPcap(bytes: Uint8Array): boolean {
  return header(bytes) !== undefined;
}

export function* readPcap(bytes: Uint8Array, problems: Problems): Generator<CapturedPacket> {
  const h = header(bytes);
  if (!h) return;
  if (bytes.length < FILE_HEADER) {
    problems.add(`The pcap file header is cut off: ${bytes.length} of ${FILE_HEADER} bytes.`);
    return;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const perSecond = h.digits === 9 ? 1 : 1000;
  let frame = 0;
  for (let pos = FILE_HEADER; pos < bytes.length; ) {
    if (bytes.length - pos < RECORD_HEADER) {
      problems.add(`The file ends inside a packet record header at byte ${pos} (${bytes.length - pos} of ${RECORD_HEADER} bytes): it was cut off.`, frame + 1);
      return;
    }
    const seconds = view.getUint32(pos, h.littleEndian);
    const fraction = view.getUint32(pos + 4, h.littleEndian);
    const captured = view.getUint32(pos + 8, h.littleEndian);
    const original = view.getUint32(pos + 12, h.littleEndian);
    const start = pos + RECORD_HEADER;
    if (captured > bytes.length - start) {
      problems.add(`Packet record ${frame + 1} at byte ${pos} says it holds ${captured} bytes but only ${bytes.length - start} remain: the file was cut off or is damaged here; reading stops.`, frame + 1);
      return;
    }
    frame++;
    yield {
      frame,
      linkType: h.linkType,
      data: bytes.subarray(start, start + captured),
      originalLength: Math.max(original, captured),
      time: { seconds, nanos: fraction * perSecond, digits: h.digits },
      fileOffset: pos,
    };
    pos = start + captured;
  }
}

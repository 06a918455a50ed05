// The capture reader's facade: bytes of a pcap or pcapng file (gzip-compressed or not) in, the SIP
// messages it carries out, as a text trace with one framing line per message (read back by
// formats/capture.ts) plus what each message's frame says about it.
import { Buffer, isAscii } from 'node:buffer';
import { gunzipSync } from 'node:zlib';
import { CaptureError, CaptureProblem, CapturedPacket, Problems, Timestamp } from './packet';
import { isPcap, readPcap } from './pcap';
import { isPcapng, readPcapng } from './pcapng';
import { ipPayload, isKnownLinkType, linkTypeName } from './link';
import { endpoint, IpReader } from './ip';
import { StreamMessage, TcpReader } from './tcp';
import { decodeHep, HepMessage, isHep3 } from './hep';
import { startsWithSip } from './sipBytes';
import { formatFramingLine } from '../formats/capture';

export { CaptureError } from './packet';
export type { CaptureProblem } from './packet';

export interface DecodeOptions {
  /** Checked every few hundred packets; decoding stops with a CaptureError('cancelled') once it is set. */
  readonly signal?: { readonly aborted: boolean };
  /** Called with the fraction of the file read so far (0…1). */
  onProgress?(fraction: number): void;
}

export interface CapturedMessage {
  /** Frame number as Wireshark shows it: the frame that completed the message. */
  readonly frame: number;
  /** Milliseconds since the epoch, when the capture has times. */
  readonly time?: number;
  /** `YYYY-MM-DD HH:MM:SS.ffffff` (UTC) with the capture's own precision. */
  readonly timestamp?: string;
  /** `ip:port`, IPv6 in brackets. */
  readonly src: string;
  readonly dst: string;
  /** `UDP`, `TCP`, `WS`, or the transport a HEP packet names. */
  readonly transport: string;
  /** Carried inside HEP: the addresses, transport and time are the ones HEP reports. */
  readonly encapsulation?: 'HEP';
  /** False when the snap length, a lost segment or the end of the file cut the message. */
  readonly complete: boolean;
  /** Offset of the message's framing line in `text`. */
  readonly offset: number;
}

export interface CaptureSummary {
  readonly container: 'pcap' | 'pcapng';
  readonly gzip: boolean;
  readonly linkTypes: string[];
  readonly frames: number;
  readonly sipMessages: number;
  readonly tlsPacketsSkipped: number;
  readonly ipFragmentsReassembled: number;
  readonly tcpRetransmissions: number;
  /** Frames the snap length cut short. */
  readonly cutFrames: number;
}

export interface DecodedCapture {
  readonly text: string;
  readonly summary: CaptureSummary;
  readonly messages: CapturedMessage[];
  readonly problems: CaptureProblem[];
}

/** A gzip file is refused past this size once decompressed, or this many times its own size. */
const MAX_GUNZIPPED = 1024 * 1024 * 1024;
const MAX_GZIP_RATIO = 200;
const CHECK_EVERY = 512;

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Whether the bytes start like a capture this reader opens (pcap, pcapng, or gzip, which is checked when opened). */
export function isCapture(bytes: Uint8Array): boolean {
  return isGzip(bytes) || isPcap(bytes) || isPcapng(bytes);
}

function gunzip(bytes: Uint8Array): Uint8Array {
  const limit = Math.min(MAX_GUNZIPPED, Math.max(64 * 1024 * 1024, bytes.length * MAX_GZIP_RATIO));
  try {
    return gunzipSync(bytes, { maxOutputLength: limit });
  } catch (e) {
    const tooBig = (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError;
    throw new CaptureError(
      'gzip',
      tooBig
        ? `The gzip file expands to more than ${Math.round(limit / 1048576)} MB; it is not opened (decompress it yourself if it really is a capture).`
        : `The gzip file is damaged: ${(e as Error).message}.`,
    );
  }
}

export function decodeCapture(input: Uint8Array, options: DecodeOptions = {}): DecodedCapture {
  const gzip = isGzip(input);
  const bytes = gzip ? gunzip(input) : input;
  const container = isPcapng(bytes) ? 'pcapng' : isPcap(bytes) ? 'pcap' : undefined;
  if (!container) {
    throw new CaptureError('not-a-capture', `Not a pcap or pcapng file${gzip ? ' inside the gzip' : ''}: it starts with ${hex(bytes.subarray(0, 4))}.`);
  }
  const problems = new Problems();
  // The text is about the size of the SIP bytes plus a framing line per message.
  const builder = new TextBuilder(bytes.length);
  const ip = new IpReader(problems);
  const tcp = new TcpReader(problems, (m) => builder.fromStream(m));
  const linkTypes = new Set<number>();
  let frames = 0;
  let cutFrames = 0;
  const packets = container === 'pcapng' ? readPcapng(bytes, problems) : readPcap(bytes, problems);
  for (const packet of packets) {
    frames = packet.frame;
    if (frames % CHECK_EVERY === 0) {
      if (options.signal?.aborted) throw new CaptureError('cancelled', 'Decoding the capture was cancelled.');
      options.onProgress?.(packet.fileOffset / bytes.length);
    }
    if (!linkTypes.has(packet.linkType)) {
      linkTypes.add(packet.linkType);
      if (!isKnownLinkType(packet.linkType)) problems.add(`Frames of ${linkTypeName(packet.linkType)} are not read.`, packet.frame);
    }
    const cut = packet.originalLength > packet.data.length;
    if (cut) cutFrames++;
    readPacket(packet, cut, ip, tcp, builder, problems);
  }
  ip.finish();
  tcp.finish();
  options.onProgress?.(1);
  const text = builder.text();
  const messages = builder.messages;
  return {
    text,
    summary: {
      container,
      gzip,
      linkTypes: [...linkTypes].map(linkTypeName),
      frames,
      sipMessages: messages.length,
      tlsPacketsSkipped: tcp.tlsPackets,
      ipFragmentsReassembled: ip.fragmentsReassembled,
      tcpRetransmissions: tcp.retransmissions,
      cutFrames,
    },
    messages,
    problems: placeProblems(problems.finish(), messages, text.length),
  };
}

function readPacket(packet: CapturedPacket, cut: boolean, ip: IpReader, tcp: TcpReader, builder: TextBuilder, problems: Problems): void {
  const network = ipPayload(packet.linkType, packet.data);
  if (!network) return;
  const datagram = ip.read(network, packet.frame);
  if (!datagram) return;
  if (datagram.protocol === 6) {
    if (cut) problems.add(`Frame ${packet.frame} was cut by the snap length (${packet.data.length} of ${packet.originalLength} bytes captured): its TCP stream misses bytes.`, packet.frame);
    tcp.segment(datagram.src, datagram.dst, datagram.payload, packet.frame, packet.time);
    return;
  }
  if (datagram.protocol !== 17 || datagram.payload.length < 8) return;
  const udp = datagram.payload;
  const payload = udp.subarray(8);
  const src = endpoint(datagram.src, (udp[0] << 8) | udp[1]);
  const dst = endpoint(datagram.dst, (udp[2] << 8) | udp[3]);
  const hep = isHep3(payload) || payload[0] === 1 || payload[0] === 2 ? decodeHep(payload) : undefined;
  if (hep) {
    builder.fromHep(hep, packet.frame, packet.time);
    return;
  }
  if (startsWithSip(payload) === false || payload.length === 0) return;
  if (datagram.cut) problems.add(`Frame ${packet.frame} was cut by the snap length (${packet.data.length} of ${packet.originalLength} bytes captured): its SIP message is incomplete.`, packet.frame);
  builder.add({ frame: packet.frame, time: packet.time, src, dst, transport: 'UDP', complete: !datagram.cut }, payload);
}

interface Header {
  readonly frame: number;
  readonly time?: Timestamp;
  readonly src: string;
  readonly dst: string;
  readonly transport: string;
  readonly encapsulation?: 'HEP';
  readonly complete: boolean;
}

/**
 * Builds the decoded text: per message its framing line, its bytes as UTF-8 (invalid bytes become
 * U+FFFD, as when a text file is opened), a blank line. The text is gathered as bytes and turned
 * into a string once: a string per message and their join made most of the decoder's time (GC).
 * Framing lines and ASCII payloads are Latin-1 bytes, so the usual text is a one-byte string;
 * a payload with other bytes is decoded on its own, as it would be alone.
 */
class TextBuilder {
  readonly messages: CapturedMessage[] = [];
  /** Text before the bytes in `buffer`, when a payload had to be decoded apart. */
  private readonly pieces: string[] = [];
  private buffer: Buffer;
  private used = 0;
  /** UTF-16 length of the text so far: where the next message starts. */
  private length = 0;
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  /** `YYYY-MM-DD HH:MM:SS` of the last whole second formatted: packets come many per second. */
  private second = NaN;
  private secondText = '';

  constructor(sizeHint: number) {
    this.buffer = Buffer.allocUnsafe(Math.max(4096, sizeHint));
  }

  add(h: Header, payload: Uint8Array): void {
    const timestamp = h.time ? this.timestamp(h.time) : undefined;
    const line = formatFramingLine({ frame: h.frame, timestamp, transport: h.transport, src: h.src, dst: h.dst, encapsulation: h.encapsulation, complete: h.complete });
    this.messages.push({
      frame: h.frame,
      time: h.time ? h.time.seconds * 1000 + h.time.nanos / 1e6 : undefined,
      timestamp,
      src: h.src,
      dst: h.dst,
      transport: h.transport,
      encapsulation: h.encapsulation,
      complete: h.complete,
      offset: this.length,
    });
    this.string(line);
    this.string('\n');
    if (isAscii(payload)) {
      this.reserve(payload.length);
      this.buffer.set(payload, this.used);
      this.used += payload.length;
      this.length += payload.length;
    } else {
      this.piece(this.decoder.decode(payload));
    }
    this.string('\n\n');
  }

  fromStream(m: StreamMessage): void {
    if (m.hep) this.fromHep(m.hep, m.frame, m.time);
    else this.add({ frame: m.frame, time: m.time, src: m.src, dst: m.dst, transport: m.transport, complete: m.complete }, m.payload);
  }

  fromHep(hep: HepMessage, frame: number, frameTime: Timestamp | undefined): void {
    this.add({ frame, time: hep.time ?? frameTime, src: hep.src, dst: hep.dst, transport: hep.transport, encapsulation: 'HEP', complete: true }, hep.payload);
  }

  text(): string {
    this.flush();
    return this.pieces.length === 1 ? this.pieces[0] : this.pieces.join('');
  }

  private timestamp(t: Timestamp): string {
    const carry = Math.floor(t.nanos / 1e9);
    if (t.seconds + carry !== this.second) {
      this.second = t.seconds + carry;
      this.secondText = formatSecond(this.second);
    }
    return withFraction(this.secondText, t);
  }

  /** Appends text written by the decoder itself (framing lines): Latin-1 as bytes, anything else apart. */
  private string(s: string): void {
    for (let i = 0; i < s.length; i++) {
      if (s.charCodeAt(i) > 0xff) {
        this.piece(s);
        return;
      }
    }
    this.reserve(s.length);
    this.used += this.buffer.write(s, this.used, 'latin1');
    this.length += s.length;
  }

  private piece(s: string): void {
    this.flush();
    this.pieces.push(s);
    this.length += s.length;
  }

  private flush(): void {
    if (this.used === 0) return;
    this.pieces.push(this.buffer.toString('latin1', 0, this.used));
    this.used = 0;
  }

  private reserve(bytes: number): void {
    if (this.used + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.used + bytes, Math.ceil(this.buffer.length * 1.5)));
    grown.set(this.buffer.subarray(0, this.used));
    this.buffer = grown;
  }
}

/** `YYYY-MM-DD HH:MM:SS` (UTC) of a second since the epoch. */
function formatSecond(seconds: number): string {
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) return INVALID_TIME;
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

const INVALID_TIME = '0000-00-00 00:00:00';

function withFraction(second: string, t: Timestamp): string {
  if (second === INVALID_TIME || t.digits === 0) return second;
  const fraction = String(Math.floor((t.nanos % 1e9) / 10 ** (9 - t.digits))).padStart(t.digits, '0');
  return `${second}.${fraction}`;
}

/** A problem about a frame belongs before the first message at or after that frame. */
function placeProblems(problems: CaptureProblem[], messages: readonly CapturedMessage[], textLength: number): CaptureProblem[] {
  const byFrame = [...messages].sort((a, b) => a.frame - b.frame);
  for (const p of problems) {
    if (p.frame === undefined) continue;
    let lo = 0;
    let hi = byFrame.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byFrame[mid].frame < p.frame) lo = mid + 1;
      else hi = mid;
    }
    p.offset = lo < byFrame.length ? byFrame[lo].offset : textLength;
  }
  return problems;
}

function hex(b: Uint8Array): string {
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join(' ') || 'nothing (empty file)';
}

// TCP: each direction of each connection is reassembled by sequence number (out-of-order segments
// wait, retransmitted and overlapping bytes are dropped), then cut into messages by what the
// stream carries: SIP (Content-Length, RFC 3261 §18.3), SIP over WebSocket, HEP, or TLS (counted,
// not read). A message belongs to the frame whose segment completed it, as Wireshark shows it.
import { Problems, Timestamp } from './packet';
import { endpoint } from './ip';
import { contentLength, headerEnd, startsWithSip, startsWithTls } from './sipBytes';
import { decodeHep, HepMessage, hep3Length, isHep3 } from './hep';
import { isWebSocketUpgrade, readWebSocketFrame } from './websocket';

export interface StreamMessage {
  readonly src: string;
  readonly dst: string;
  readonly transport: 'TCP' | 'WS';
  readonly frame: number;
  /** The time of that frame. */
  readonly time?: Timestamp;
  /** Valid only during the call: copy it to keep it. */
  readonly payload: Uint8Array;
  /** False when the stream ended or lost bytes before the message did. */
  readonly complete: boolean;
  readonly hep?: HepMessage;
}

type Kind = 'unknown' | 'sip' | 'tls' | 'http' | 'websocket' | 'hep' | 'other';

interface Segment {
  readonly rel: number;
  readonly data: Uint8Array;
}

/** Out-of-order bytes held per direction before the missing ones are given up for lost. */
const MAX_PENDING_BYTES = 1024 * 1024;
const MAX_PENDING_SEGMENTS = 1024;
/** A SIP header block or HTTP upgrade longer than this is not one. */
const MAX_HEADER = 64 * 1024;
/** A body longer than this is not believed: the Content-Length is damaged. */
const MAX_BODY = 16 * 1024 * 1024;
/** Sequence offsets are rebased past this so they stay exact in 32-bit arithmetic. */
const REBASE = 1 << 30;

class Direction {
  base: number | undefined;
  next = 0;
  pending: Segment[] = [];
  pendingBytes = 0;
  kind: Kind = 'unknown';
  buf = new Uint8Array(0);
  start = 0;
  end = 0;
  /** Where to resume looking for the end of the header block. */
  scanFrom = 0;
  /** End of the header block of the message at `start` once found, while its body is awaited; else -1. */
  bodyStart = -1;
  skipped = 0;
  lastFrame = 0;
  lastTime: Timestamp | undefined;
  wsParts: Uint8Array[] = [];
  constructor(
    readonly src: string,
    readonly dst: string,
  ) {}

  append(data: Uint8Array): void {
    if (this.end + data.length > this.buf.length) {
      const kept = this.end - this.start;
      const grown = kept + data.length > this.buf.length ? new Uint8Array(Math.max(kept + data.length, this.buf.length * 2, 4096)) : this.buf;
      grown.set(this.buf.subarray(this.start, this.end), 0);
      this.scanFrom -= this.start;
      if (this.bodyStart >= 0) this.bodyStart -= this.start;
      this.buf = grown;
      this.start = 0;
      this.end = kept;
    }
    this.buf.set(data, this.end);
    this.end += data.length;
  }

  consume(to: number): void {
    this.start = to;
    this.bodyStart = -1;
    this.scanFrom = Math.max(this.scanFrom, to);
    if (this.start === this.end) this.start = this.end = this.scanFrom = 0;
  }

  clear(): void {
    this.start = this.end = this.scanFrom = 0;
    this.bodyStart = -1;
    this.wsParts = [];
  }
}

export class TcpReader {
  private readonly streams = new Map<string, Direction>();
  tlsPackets = 0;
  retransmissions = 0;

  constructor(
    private readonly problems: Problems,
    private readonly emit: (message: StreamMessage) => void,
  ) {}

  /** One TCP segment (header and payload) between two addresses. */
  segment(srcIp: string, dstIp: string, tcp: Uint8Array, frame: number, time: Timestamp | undefined): void {
    if (tcp.length < 20) return;
    const dataOffset = (tcp[12] >> 4) * 4;
    if (dataOffset < 20 || dataOffset > tcp.length) return;
    const srcPort = (tcp[0] << 8) | tcp[1];
    const dstPort = (tcp[2] << 8) | tcp[3];
    const seq = ((tcp[4] << 24) | (tcp[5] << 16) | (tcp[6] << 8) | tcp[7]) >>> 0;
    const syn = (tcp[13] & 0x02) !== 0;
    const src = endpoint(srcIp, srcPort);
    const dst = endpoint(dstIp, dstPort);
    const key = `${src}>${dst}`;
    let dir = this.streams.get(key);
    if (syn && dir && dir.base !== ((seq + 1) >>> 0)) {
      // A new connection on the same addresses and ports: the old one is over.
      this.close(dir);
      dir = undefined;
    }
    if (!dir) {
      dir = new Direction(src, dst);
      this.streams.set(key, dir);
    }
    if (syn) {
      dir.base = (seq + 1) >>> 0;
      return;
    }
    const payload = tcp.subarray(dataOffset);
    if (payload.length === 0) return;
    if (dir.base === undefined) dir.base = seq;
    dir.lastFrame = frame;
    dir.lastTime = time;
    const rel = (seq - dir.base) | 0;
    const end = rel + payload.length;
    if (end <= dir.next) {
      this.retransmissions++;
      if (dir.kind === 'tls') this.tlsPackets++;
      return;
    }
    if (rel > dir.next) {
      this.hold(dir, { rel, data: payload }, frame);
      return;
    }
    this.deliver(dir, payload.subarray(dir.next - rel), frame);
    dir.next = end;
    this.drain(dir, frame);
  }

  private hold(dir: Direction, segment: Segment, frame: number): void {
    let i = dir.pending.length;
    while (i > 0 && dir.pending[i - 1].rel > segment.rel) i--;
    dir.pending.splice(i, 0, segment);
    dir.pendingBytes += segment.data.length;
    if (dir.pendingBytes > MAX_PENDING_BYTES || dir.pending.length > MAX_PENDING_SEGMENTS) this.skipGap(dir, frame);
  }

  private drain(dir: Direction, frame: number): void {
    while (dir.pending.length > 0 && dir.pending[0].rel <= dir.next) {
      const segment = dir.pending.shift()!;
      dir.pendingBytes -= segment.data.length;
      const end = segment.rel + segment.data.length;
      if (end <= dir.next) continue;
      this.deliver(dir, segment.data.subarray(dir.next - segment.rel), frame);
      dir.next = end;
    }
    if (dir.next > REBASE && dir.base !== undefined) {
      dir.base = (dir.base + dir.next) >>> 0;
      for (let i = 0; i < dir.pending.length; i++) dir.pending[i] = { rel: dir.pending[i].rel - dir.next, data: dir.pending[i].data };
      dir.next = 0;
    }
  }

  /** The bytes before the first held segment were never captured: say so and read on after them. */
  private skipGap(dir: Direction, frame: number): void {
    const first = dir.pending[0];
    if (!first) return;
    if (dir.kind !== 'tls' && dir.kind !== 'other') {
      this.problems.add(`TCP ${dir.src} → ${dir.dst}: ${first.rel - dir.next} bytes of the stream were never captured; the message they belong to is incomplete and reading resumes after the gap.`, frame);
    }
    this.flushPartial(dir, 'bytes of the stream are missing');
    // A WebSocket or HEP stream cannot find its framing again after a hole.
    if (dir.kind === 'websocket' || dir.kind === 'hep' || dir.kind === 'http') dir.kind = 'other';
    dir.next = first.rel;
    this.drain(dir, frame);
  }

  private flushPartial(dir: Direction, why: string): void {
    if (dir.kind === 'sip') {
      let at = dir.start;
      while (at < dir.end && (dir.buf[at] === 13 || dir.buf[at] === 10)) at++;
      if (at < dir.end && startsWithSip(dir.buf, at, dir.end) !== false) {
        this.problems.add(`TCP ${dir.src} → ${dir.dst}: the last message is incomplete (${why}).`, dir.lastFrame);
        this.emit({ src: dir.src, dst: dir.dst, transport: 'TCP', frame: dir.lastFrame, time: dir.lastTime, payload: dir.buf.subarray(at, dir.end), complete: false });
      }
    }
    this.reportSkipped(dir, dir.lastFrame);
    dir.clear();
  }

  private deliver(dir: Direction, data: Uint8Array, frame: number): void {
    if (dir.kind === 'unknown') dir.kind = classify(data);
    switch (dir.kind) {
      case 'tls':
        this.tlsPackets++;
        return;
      case 'sip':
        dir.append(data);
        this.readSip(dir, frame);
        return;
      case 'http':
        dir.append(data);
        this.readUpgrade(dir, frame);
        return;
      case 'websocket':
        dir.append(data);
        this.readWebSocket(dir, frame);
        return;
      case 'hep':
        dir.append(data);
        this.readHep(dir, frame);
        return;
      default:
        return;
    }
  }

  private readSip(dir: Direction, frame: number): void {
    const b = dir.buf;
    while (dir.start < dir.end) {
      let at = dir.start;
      // CRLF keep-alives (RFC 5626) between messages.
      while (at < dir.end && (b[at] === 13 || b[at] === 10)) at++;
      if (at > dir.start) dir.consume(at);
      if (at === dir.end) return;
      const sip = startsWithSip(b, at, dir.end);
      if (sip === undefined) return;
      if (!sip) {
        this.skipLine(dir, at);
        continue;
      }
      const end = dir.bodyStart >= 0 ? dir.bodyStart : headerEnd(b, Math.max(dir.scanFrom, at), dir.end);
      if (end < 0) {
        dir.scanFrom = Math.max(at, dir.end - 3);
        if (dir.end - at > MAX_HEADER) {
          this.problems.add(`TCP ${dir.src} → ${dir.dst}: a message's header block runs past ${MAX_HEADER} bytes without its blank line: skipped.`, frame);
          this.skipLine(dir, at);
          continue;
        }
        return;
      }
      let length = contentLength(b, at, end);
      if (length < 0 || length > MAX_BODY) {
        const why = length === -1 ? 'has no Content-Length, which a stream requires (RFC 3261 §18.3)' : 'has an unreadable Content-Length';
        this.problems.add(`TCP ${dir.src} → ${dir.dst}: a message ${why}; it is taken to end after its headers.`, frame);
        length = 0;
      }
      if (end + length > dir.end) {
        dir.bodyStart = end;
        return;
      }
      this.reportSkipped(dir, frame);
      this.emit({ src: dir.src, dst: dir.dst, transport: 'TCP', frame, time: dir.lastTime, payload: b.subarray(at, end + length), complete: true });
      dir.consume(end + length);
    }
  }

  /** Drops one line that is not the start of a SIP message (a capture that began mid-stream, a lost segment). */
  private skipLine(dir: Direction, at: number): void {
    let lf = at;
    while (lf < dir.end && dir.buf[lf] !== 10) lf++;
    const to = lf < dir.end ? lf + 1 : dir.end;
    dir.skipped += to - dir.start;
    dir.consume(to);
  }

  private reportSkipped(dir: Direction, frame: number): void {
    if (dir.skipped === 0) return;
    this.problems.add(`TCP ${dir.src} → ${dir.dst}: ${dir.skipped} bytes that do not start a SIP message were skipped (the capture began mid-stream or lost bytes).`, frame);
    dir.skipped = 0;
  }

  private readUpgrade(dir: Direction, frame: number): void {
    const end = headerEnd(dir.buf, dir.start, dir.end);
    if (end < 0) {
      if (dir.end - dir.start > MAX_HEADER) {
        dir.kind = 'other';
        dir.clear();
      }
      return;
    }
    const head = latin1(dir.buf.subarray(dir.start, end));
    dir.consume(end);
    if (!isWebSocketUpgrade(head)) {
      dir.kind = 'other';
      dir.clear();
      return;
    }
    dir.kind = 'websocket';
    this.readWebSocket(dir, frame);
  }

  private readWebSocket(dir: Direction, frame: number): void {
    while (dir.start < dir.end) {
      const f = readWebSocketFrame(dir.buf, dir.start, dir.end);
      if (f === undefined) return;
      if (f === null) {
        this.problems.add(`WebSocket ${dir.src} → ${dir.dst}: bytes that are not a WebSocket frame; the rest of this stream is not read.`, frame);
        dir.kind = 'other';
        dir.clear();
        return;
      }
      dir.consume(f.next);
      // Control frames (close, ping, pong) may come between the fragments of a message.
      if (f.opcode >= 8) continue;
      dir.wsParts.push(f.payload);
      if (!f.fin) continue;
      const message = concat(dir.wsParts);
      dir.wsParts = [];
      if (startsWithSip(message)) this.emit({ src: dir.src, dst: dir.dst, transport: 'WS', frame, time: dir.lastTime, payload: message, complete: true });
    }
  }

  private readHep(dir: Direction, frame: number): void {
    while (dir.end - dir.start >= 6) {
      const view = dir.buf.subarray(dir.start, dir.end);
      const length = hep3Length(view);
      if (length < 6) {
        this.problems.add(`HEP over TCP ${dir.src} → ${dir.dst}: bytes that are not a HEP3 packet; the rest of this stream is not read.`, frame);
        dir.kind = 'other';
        dir.clear();
        return;
      }
      if (view.length < length) return;
      const hep = decodeHep(view.subarray(0, length));
      if (hep) this.emit({ src: dir.src, dst: dir.dst, transport: 'TCP', frame, time: dir.lastTime, payload: hep.payload, complete: true, hep });
      dir.consume(dir.start + length);
    }
  }

  private close(dir: Direction): void {
    while (dir.pending.length > 0) this.skipGap(dir, dir.lastFrame);
    this.flushPartial(dir, 'the stream ends before it does');
  }

  /** At the end of the capture: report gaps never filled and messages never completed. */
  finish(): void {
    for (const dir of this.streams.values()) this.close(dir);
    this.streams.clear();
  }
}

function classify(data: Uint8Array): Kind {
  if (startsWithTls(data)) return 'tls';
  if (isHep3(data)) return 'hep';
  if (startsWithAscii(data, 'GET ') || startsWithAscii(data, 'HTTP/')) return 'http';
  // An undecided first line (cut inside this segment) is given the benefit of the doubt.
  return startsWithSip(data) === false ? 'unknown' : 'sip';
}

function startsWithAscii(b: Uint8Array, text: string): boolean {
  if (b.length < text.length) return false;
  for (let i = 0; i < text.length; i++) if (b[i] !== text.charCodeAt(i)) return false;
  return true;
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 4096) s += String.fromCharCode(...b.subarray(i, i + 4096));
  return s;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const whole = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    whole.set(p, at);
    at += p.length;
  }
  return whole;
}

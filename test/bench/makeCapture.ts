// Packet captures for the benchmark and the capture tests: SIP messages sent as Ethernet/IPv4/UDP
// frames in a classic little-endian microsecond pcap, the format tcpdump writes by default.

/** Capture time of the first frame: 2023-11-14 22:13:20 UTC. */
const EPOCH_SECONDS = 1_700_000_000;

/** A pcap of these link-layer frames; frame i is stamped `microsAt(i)` µs after EPOCH_SECONDS. */
export function pcap(frames: readonly Uint8Array[], linkType = 1, microsAt: (i: number) => number = (i) => i * 1_000_000): Uint8Array {
  const out = new Uint8Array(24 + frames.reduce((n, f) => n + 16 + f.length, 0));
  const view = new DataView(out.buffer);
  view.setUint32(0, 0xa1b2c3d4, true);
  view.setUint16(4, 2, true);
  view.setUint16(6, 4, true);
  view.setUint32(16, 65535, true);
  view.setUint32(20, linkType, true);
  let at = 24;
  frames.forEach((f, i) => {
    const micros = microsAt(i);
    view.setUint32(at, EPOCH_SECONDS + Math.floor(micros / 1_000_000), true);
    view.setUint32(at + 4, micros % 1_000_000, true);
    view.setUint32(at + 8, f.length, true);
    view.setUint32(at + 12, f.length, true);
    out.set(f, at + 16);
    at += 16 + f.length;
  });
  return out;
}

/** An Ethernet frame carrying `payload` in UDP over IPv4, with a valid IP header checksum. */
export function udpFrame(src: readonly number[], dst: readonly number[], srcPort: number, dstPort: number, payload: Uint8Array): Uint8Array {
  const frame = new Uint8Array(14 + 20 + 8 + payload.length);
  const view = new DataView(frame.buffer);
  frame.set([2, 0, 0, 0, 0, dst[3], 2, 0, 0, 0, 0, src[3]]);
  view.setUint16(12, 0x0800);
  const ip = 14;
  frame[ip] = 0x45;
  view.setUint16(ip + 2, 20 + 8 + payload.length);
  frame[ip + 8] = 64;
  frame[ip + 9] = 17;
  frame.set(src, ip + 12);
  frame.set(dst, ip + 16);
  let sum = 0;
  for (let i = 0; i < 20; i += 2) sum += view.getUint16(ip + i);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  view.setUint16(ip + 10, ~sum & 0xffff);
  view.setUint16(ip + 20, srcPort);
  view.setUint16(ip + 22, dstPort);
  view.setUint16(ip + 24, 8 + payload.length);
  frame.set(payload, ip + 28);
  return frame;
}

/**
 * The messages (text as UTF-8, or raw bytes) as a caller (192.0.2.10) and a proxy (192.0.2.20)
 * exchanged them over UDP port 5060, requests one way and responses the other, 20 ms apart.
 */
export function captureOf(messages: ReadonlyArray<string | Uint8Array>): Uint8Array {
  const caller = [192, 0, 2, 10];
  const proxy = [192, 0, 2, 20];
  const encoder = new TextEncoder();
  const frames = messages.map((m) => {
    const bytes = typeof m === 'string' ? encoder.encode(m) : m;
    const response = bytes[0] === 0x53 && bytes[1] === 0x49 && bytes[2] === 0x50 && bytes[3] === 0x2f; // SIP/
    return udpFrame(response ? proxy : caller, response ? caller : proxy, 5060, 5060, bytes);
  });
  return pcap(frames, 1, (i) => i * 20_000);
}

// Damaged captures: cut, flipped, shuffled, absurd lengths, lost segments, gzip bombs. The reader
// must give a clear error or problems at the right frame, never throw anything else or hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { CaptureError, decodeCapture } from '../../server/src/sip/capture/decode';
import { readPcap } from '../../server/src/sip/capture/pcap';
import { Problems } from '../../server/src/sip/capture/packet';
import { ROOT } from '../helpers';
import { pcap } from '../bench/makeCapture';

const DIR = join(ROOT, 'test', 'fixtures', 'captures');
const read = (f: string) => new Uint8Array(readFileSync(join(DIR, f)));

function framesOf(bytes: Uint8Array): Uint8Array[] {
  return [...readPcap(bytes, new Problems())].map((p) => p.data);
}

/** Decodes without throwing anything but a CaptureError, within a time bound. */
function decodesSafely(bytes: Uint8Array): void {
  const started = performance.now();
  try {
    const d = decodeCapture(bytes);
    assert.ok(d.text.length <= bytes.length * 3 + 1000, 'the text stays in proportion to the file');
  } catch (e) {
    assert.ok(e instanceof CaptureError, String(e));
  }
  assert.ok(performance.now() - started < 2000, 'bounded time');
}

test('not a capture, empty, cut in the file header: a clear CaptureError or a problem', () => {
  assert.throws(() => decodeCapture(new TextEncoder().encode('INVITE sip:a@b SIP/2.0\r\n')), (e: CaptureError) => e.code === 'not-a-capture');
  assert.throws(() => decodeCapture(new Uint8Array(0)), (e: CaptureError) => e.code === 'not-a-capture' && /empty/.test(e.message));
  const header = decodeCapture(read('tcp-lo.pcap').subarray(0, 10));
  assert.equal(header.messages.length, 0);
  assert.match(header.problems[0].message, /header is cut off/);
});

test('a file cut inside a packet: the messages before it, and a problem at the cut frame', () => {
  const whole = read('udp-raw.pcap');
  const full = decodeCapture(whole);
  const cut = decodeCapture(whole.subarray(0, whole.length - 100));
  assert.equal(cut.messages.length, full.messages.length - 1);
  assert.equal(cut.problems.length, 1);
  assert.equal(cut.problems[0].frame, full.summary.frames);
  assert.match(cut.problems[0].message, /cut off/);
  assert.equal(cut.problems[0].offset, cut.text.length);
});

test('an absurd record length (4 GB) stops reading with a problem, no allocation', () => {
  const bytes = read('udp-raw.pcap').slice();
  new DataView(bytes.buffer).setUint32(24 + 8, 0xffffffff, true);
  const d = decodeCapture(bytes);
  assert.equal(d.messages.length, 0);
  assert.match(d.problems[0].message, /4294967295 bytes/);
  const ng = read('udp-lo.pcapng').slice();
  new DataView(ng.buffer).setUint32(4, 0xfffffff0, true);
  assert.match(decodeCapture(ng).problems[0].message, /says it is 4294967280 bytes/);
});

test('gzip: a capture inside opens; a damaged gzip and a gzip bomb are refused with a reason', () => {
  assert.equal(decodeCapture(gzipSync(read('udp-raw.pcap'))).messages.length, decodeCapture(read('udp-raw.pcap')).messages.length);
  const gz = read('udp-lo.pcapng.gz');
  assert.throws(() => decodeCapture(gz.subarray(0, gz.length / 2)), (e: CaptureError) => e.code === 'gzip' && /damaged/.test(e.message));
  const bomb = gzipSync(new Uint8Array(80 * 1024 * 1024));
  assert.throws(() => decodeCapture(bomb), (e: CaptureError) => e.code === 'gzip' && /more than 64 MB/.test(e.message));
});

test('a TCP stream missing a segment: the message it cut is marked incomplete, the next ones are read', () => {
  const frames = framesOf(read('tcp-split.pcap'));
  const full = decodeCapture(pcap(frames));
  // The second data segment of the first INVITE is lost.
  const dataFrames = frames.map((f, i) => ({ f, i })).filter(({ f }) => f.length === 14 + 20 + 32 + 64 || f.length === 14 + 20 + 20 + 64);
  const lost = dataFrames[1].i;
  const d = decodeCapture(pcap(frames.filter((_, i) => i !== lost)));
  assert.ok(d.problems.some((p) => /never captured/.test(p.message)), JSON.stringify(d.problems));
  const incomplete = d.messages.filter((m) => !m.complete);
  assert.equal(incomplete.length, 1);
  assert.equal(d.messages.filter((m) => m.complete).length, full.messages.length - 1);
});

test('HEP v2 (fixed header) is read like HEP3', () => {
  const sip = new TextEncoder().encode('OPTIONS sip:a@192.0.2.1 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.9;branch=z9hG4bK1\r\nContent-Length: 0\r\n\r\n');
  const hep = new Uint8Array(16 + 12 + sip.length);
  hep.set([2, 16, 2, 17, 0x13, 0xc4, 0x13, 0xc4, 192, 0, 2, 9, 192, 0, 2, 1]);
  new DataView(hep.buffer).setUint32(16, 1_700_000_000, true);
  new DataView(hep.buffer).setUint32(20, 250_000, true);
  hep.set(sip, 28);
  const udp = new Uint8Array(8 + hep.length);
  udp.set([0x23, 0x85, 0x23, 0x84, (udp.length >> 8) & 0xff, udp.length & 0xff, 0, 0]);
  udp.set(hep, 8);
  const ip = new Uint8Array(20 + udp.length);
  ip.set([0x45, 0, (ip.length >> 8) & 0xff, ip.length & 0xff, 0, 1, 0, 0, 64, 17, 0, 0, 127, 0, 0, 1, 127, 0, 0, 1]);
  ip.set(udp, 20);
  const d = decodeCapture(pcap([ip], 101));
  assert.equal(d.messages.length, 1);
  const m = d.messages[0];
  assert.deepEqual([m.src, m.dst, m.transport, m.encapsulation, m.timestamp], ['192.0.2.9:5060', '192.0.2.1:5060', 'UDP', 'HEP', '2023-11-14 22:13:20.250000']);
});

test('cancel and progress', () => {
  const frames = framesOf(read('udp-raw.pcap'));
  const many = pcap(Array.from({ length: 2000 }, (_, i) => frames[i % frames.length]), 101);
  const fractions: number[] = [];
  decodeCapture(many, { onProgress: (f) => fractions.push(f) });
  assert.ok(fractions.length >= 3 && fractions[fractions.length - 1] === 1);
  assert.throws(() => decodeCapture(many, { signal: { aborted: true } }), (e: CaptureError) => e.code === 'cancelled');
});

test('an IP fragment past the end its datagram\'s last fragment gives is ignored with a problem, not a crash (found by the flip property)', () => {
  const bytes = read('udp-ipv4-fragments.pcap');
  bytes[392251730 % bytes.length] = 1; // a fragment offset now lies past the datagram's end
  bytes[4] = 0;
  const d = decodeCapture(bytes);
  assert.ok(d.messages.length > 0);
  assert.ok(d.problems.some((p) => p.frame === 25 && /past the end of their datagram \(120 bytes/.test(p.message)), JSON.stringify(d.problems));
});

const SEEDS = ['udp-lo.pcapng', 'tcp-split.pcap', 'udp-ipv4-fragments.pcap', 'udp-ipv6-fragments.pcap', 'websocket.pcap', 'hep3.pcap', 'udp-two-resolutions.pcapng', 'udp-big-endian.pcapng'].map(read);

test('property: flipped bytes never crash or hang the reader', () => {
  fc.assert(
    fc.property(fc.nat(SEEDS.length - 1), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 40 }), (seed, flips) => {
      const bytes = SEEDS[seed].slice();
      for (const [at, value] of flips) bytes[at % bytes.length] = value;
      decodesSafely(bytes);
    }),
    { numRuns: 300 },
  );
});

test('property: files cut at any length never crash or hang the reader', () => {
  fc.assert(
    fc.property(fc.nat(SEEDS.length - 1), fc.double({ min: 0, max: 1, noNaN: true }), (seed, fraction) => {
      decodesSafely(SEEDS[seed].subarray(0, Math.floor(SEEDS[seed].length * fraction)));
    }),
    { numRuns: 200 },
  );
});

/** The blocks of a little-endian pcapng, by their length fields. */
function blocks(bytes: Uint8Array): Uint8Array[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Uint8Array[] = [];
  for (let at = 0; at + 12 <= bytes.length; ) {
    const length = view.getUint32(at + 4, true);
    out.push(bytes.subarray(at, at + length));
    at += length;
  }
  return out;
}

test('property: shuffled pcapng blocks and absurd block or packet lengths never crash or hang the reader', () => {
  const all = blocks(read('udp-two-resolutions.pcapng'));
  fc.assert(
    fc.property(fc.shuffledSubarray(all, { minLength: 1 }), fc.nat(all.length), fc.constantFrom(0, 1, 3, 12, 0x7fffffff, 0xfffffffc, 0xffffffff), (shuffled, which, absurd) => {
      const joined = new Uint8Array(shuffled.reduce((n, b) => n + b.length, 0));
      let at = 0;
      const starts: number[] = [];
      for (const b of shuffled) {
        starts.push(at);
        joined.set(b, at);
        at += b.length;
      }
      const target = starts[which % starts.length];
      // Either the block length or, in a packet block, the captured length.
      const field = which % 2 === 0 ? target + 4 : target + 20;
      if (field + 4 <= joined.length) new DataView(joined.buffer).setUint32(field, absurd, true);
      decodesSafely(joined);
    }),
    { numRuns: 200 },
  );
});

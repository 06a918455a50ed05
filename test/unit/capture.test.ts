// Golden tests of the capture reader: every fixture of test/fixtures/captures/ read as Wireshark
// read it (golden/*.json, written by tshark with TCP and IP reassembly on), and the decoded text
// read back by the parser and the rules exactly as the capture holds it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeCapture, DecodedCapture } from '../../server/src/sip/capture/decode';
import { parseTrace } from '../../server/src/sip/parser';
import { runRules } from '../../server/src/sip/diagnose';
import { messageIndexAt } from '../../server/src/sip/access';
import { ROOT } from '../helpers';
import { captureOf } from '../bench/makeCapture';

interface GoldenFrame {
  frame: number;
  time: string;
  startLines: string[];
  statusCodes: number[];
  callIds: string[];
}
interface Golden {
  file: string;
  frames: number;
  sipFrames: GoldenFrame[];
}

export const CAPTURES = join(ROOT, 'test', 'fixtures', 'captures');
const FIXTURES = readdirSync(CAPTURES).filter((f) => /\.(pcap|pcapng|gz)$/.test(f));
const golden = (file: string): Golden => JSON.parse(readFileSync(join(CAPTURES, 'golden', `${file}.json`), 'utf8'));
const decoded = new Map<string, DecodedCapture>();
export function decodeFixture(file: string): DecodedCapture {
  if (!decoded.has(file)) decoded.set(file, decodeCapture(readFileSync(join(CAPTURES, file))));
  return decoded.get(file)!;
}

function startLineOf(text: string, offset: number): string {
  const payload = text.indexOf('\n', offset) + 1;
  return text.slice(payload, text.indexOf('\r\n', payload));
}

test('every fixture has a golden file and the fixtures cover every container, link layer and transport', () => {
  assert.ok(FIXTURES.length >= 25);
  for (const f of FIXTURES) assert.equal(golden(f).file, f);
  const summaries = FIXTURES.map((f) => decodeFixture(f).summary);
  assert.deepEqual([...new Set(summaries.map((s) => s.container))].sort(), ['pcap', 'pcapng']);
  const links = new Set(summaries.flatMap((s) => s.linkTypes));
  for (const l of ['Ethernet', 'Linux cooked (SLL)', 'Linux cooked v2 (SLL2)', 'BSD loopback', 'raw IP']) assert.ok(links.has(l), l);
  const transports = new Set(FIXTURES.flatMap((f) => decodeFixture(f).messages.map((m) => m.transport)));
  assert.deepEqual([...transports].sort(), ['TCP', 'UDP', 'WS']);
});

for (const file of FIXTURES) {
  test(`${file}: the SIP messages Wireshark finds, on the same frames, at the same times`, () => {
    const g = golden(file);
    const d = decodeFixture(file);
    assert.equal(d.summary.frames, g.frames, 'frames in the file');
    const byFrame = new Map<number, string[]>();
    for (const m of d.messages) byFrame.set(m.frame, [...(byFrame.get(m.frame) ?? []), startLineOf(d.text, m.offset)]);
    assert.deepEqual(
      [...byFrame].map(([frame, lines]) => ({ frame, startLines: lines.sort() })),
      g.sipFrames.map((f) => ({ frame: f.frame, startLines: f.startLines })),
    );
    if (!file.startsWith('hep3') && !file.includes('simple-blocks')) {
      for (const m of d.messages) {
        const expected = Number(g.sipFrames.find((f) => f.frame === m.frame)!.time) * 1000;
        assert.ok(Math.abs(m.time! - expected) < 0.01, `frame ${m.frame}: ${m.time} vs ${expected}`);
      }
    }
    assert.equal(d.summary.sipMessages, g.sipFrames.reduce((n, f) => n + f.startLines.length, 0));
  });

  test(`${file}: the decoded text parses to exactly these messages, with their frames`, () => {
    const d = decodeFixture(file);
    const trace = parseTrace(d.text);
    assert.equal(trace.format?.id, 'capture');
    assert.equal(trace.messages.length, d.messages.length);
    d.messages.forEach((m, i) => {
      assert.equal(trace.meta[i]?.frame, m.frame);
      assert.equal(trace.meta[i]?.src, m.src);
      assert.equal(trace.meta[i]?.dst, m.dst);
      assert.equal(trace.meta[i]?.transport, m.transport);
      if (m.time !== undefined) assert.ok(Math.abs(trace.meta[i]!.time! - m.time) < 0.001);
    });
    const contentLength = runRules(trace).filter((f) => f.code.startsWith('sip.content-length'));
    if (d.messages.every((m) => m.complete)) assert.deepEqual(contentLength, [], 'every message ends where its Content-Length says');
  });
}

test('the rules find the 302 and both 503s on the frames Wireshark shows them in', () => {
  for (const file of ['udp-lo.pcapng', 'tcp-lo.pcap', 'ipv6-any.pcapng', 'tcp-split.pcap', 'udp-ipv4-fragments.pcap', 'websocket.pcap', 'hep3.pcap']) {
    const g = golden(file);
    const trace = parseTrace(decodeFixture(file).text);
    const findings = runRules(trace);
    const framesOf = (code: string) => findings.filter((f) => f.code === code).map((f) => trace.meta[messageIndexAt(trace.messages, f.offset)]?.frame);
    const framesWith = (status: number) => g.sipFrames.filter((f) => f.statusCodes.includes(status)).map((f) => f.frame);
    assert.deepEqual(framesOf('sip.503.service-unavailable'), framesWith(503), `${file} 503`);
    assert.equal(framesOf('sip.503.missing-retry-after').length, 1, `${file} one 503 without Retry-After`);
    assert.ok(framesWith(503).includes(framesOf('sip.503.missing-retry-after')[0]!), file);
    if (!file.startsWith('tcp')) assert.deepEqual(framesOf('sip.302.moved-temporarily'), framesWith(302), `${file} 302`);
  }
});

test('metadata: addresses, transport, times with the capture\'s precision', () => {
  const v6 = decodeFixture('ipv6-any.pcapng').messages[0];
  assert.match(v6.src, /^\[::1\]:\d+$/);
  assert.match(decodeFixture('udp-lo.pcapng').messages[0].timestamp!, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{9}$/);
  assert.match(decodeFixture('udp-lo-nanoseconds.pcap').messages[0].timestamp!, /\.\d{9}$/);
  assert.match(decodeFixture('udp-vlan-qinq.pcap').messages[0].timestamp!, /\.\d{6}$/);
  const mixed = decodeFixture('udp-two-resolutions.pcapng').messages;
  assert.match(mixed[0].timestamp!, /\.\d{6}$/);
  assert.match(mixed[1].timestamp!, /\.\d{9}$/);
  assert.equal(decodeFixture('udp-simple-blocks.pcapng').messages[0].timestamp, undefined);
  const hep = decodeFixture('hep3.pcap').messages[0];
  assert.equal(hep.encapsulation, 'HEP');
  assert.equal(hep.src, decodeFixture('udp-lo.pcapng').messages[0].src);
  const text = decodeFixture('udp-lo.pcapng').text;
  assert.match(text.slice(0, text.indexOf('\n')), /^Frame 1 · \d{4}-\d{2}-\d{2} [\d:.]+ · UDP 127\.0\.0\.1:15060 -> 127\.0\.0\.1:15070$/);
});

test('decoded text: each payload decoded as UTF-8 on its own (U+FFFD for invalid bytes), framing lines in Latin-1, offsets in UTF-16 units', () => {
  const request = (name: string) => `OPTIONS sip:bob@192.0.2.20 SIP/2.0\r\nFrom: "${name}" <sip:alice@192.0.2.10>;tag=1\r\nContent-Length: 0\r\n\r\n`;
  const encoder = new TextEncoder();
  const payloads: Uint8Array[] = [
    encoder.encode(request('Alice')),
    encoder.encode(request('Zoë → 𝄞')),
    Uint8Array.from([...encoder.encode(request('bad')), 0xff, 0xc3, 0x28, 0xe2, 0x82]), // invalid, then a sequence cut at the end
    encoder.encode(request('Bob')),
  ];
  const d = decodeCapture(captureOf(payloads));
  const bodies = payloads.map((p) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(p));
  assert.equal(d.messages.length, payloads.length);
  let expected = '';
  d.messages.forEach((m, i) => {
    assert.equal(m.offset, expected.length, `message ${i + 1} starts where the text so far ends`);
    expected += `Frame ${i + 1} · ${m.timestamp} · UDP ${m.src} -> ${m.dst}\n${bodies[i]}\n\n`;
  });
  assert.equal(d.text, expected);
  for (const m of d.messages) assert.match(d.text.slice(m.offset, d.text.indexOf('\n', m.offset)), /^[\x00-\xff]+$/);
  assert.ok(bodies[2].includes('\ufffd') && bodies[1].includes('𝄞'));
  assert.equal(parseTrace(d.text).messages.length, payloads.length);
});

test('an earlier framing line with a → arrow is still read', () => {
  const trace = parseTrace('Frame 3 · 2026-11-26 10:00:00.123456 · UDP 127.0.0.1:5060 → 127.0.0.1:5070\nOPTIONS sip:bob@h SIP/2.0\r\nContent-Length: 0\r\n\r\n\n\n');
  assert.equal(trace.format?.id, 'capture');
  assert.deepEqual([trace.meta[0]?.frame, trace.meta[0]?.src, trace.meta[0]?.dst], [3, '127.0.0.1:5060', '127.0.0.1:5070']);
});

test('summary: TLS packets counted and not read, fragments, retransmissions, cut frames, gzip', () => {
  const tls = decodeFixture('tls-and-udp.pcap').summary;
  assert.equal(tls.tlsPacketsSkipped, 4);
  assert.equal(decodeFixture('udp-ipv4-fragments.pcap').summary.ipFragmentsReassembled > 0, true);
  assert.equal(decodeFixture('udp-ipv6-fragments.pcap').summary.ipFragmentsReassembled > 0, true);
  assert.equal(decodeFixture('tcp-retransmit-reorder.pcap').summary.tcpRetransmissions >= 1, true);
  const cut = decodeFixture('udp-lo-snaplen300.pcapng');
  assert.ok(cut.summary.cutFrames > 0);
  assert.ok(cut.messages.some((m) => !m.complete));
  assert.ok(cut.problems.some((p) => /snap length/.test(p.message) && p.offset === cut.messages.find((m) => m.frame === p.frame)?.offset));
  assert.equal(decodeFixture('tcp-lo.pcap.gz').summary.gzip, true);
  assert.equal(decodeFixture('tcp-lo.pcap.gz').text, decodeFixture('tcp-lo.pcap').text);
});

// A trace checked in parts (TraceStream, what sip-trace-lint does) gives exactly the findings, at
// exactly the lines and columns, of checking the whole text at once: on every text fixture of every
// format, on the decoded captures, on a generated trace, and on texts made to fall apart at a cut.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseTrace } from '../../server/src/sip/parser';
import { runRules } from '../../server/src/sip/diagnose';
import { buildCallModel } from '../../server/src/sip/calls/callModel';
import { LineIndex } from '../../server/src/sip/lineIndex';
import { Finding } from '../../server/src/sip/model';
import { PART_LENGTH, StreamedTrace, TraceStream } from '../../server/src/sip/stream';
import { decodeCapture, isCapture } from '../../server/src/sip/capture/decode';
import { MESSAGE_LOOK_BACK } from '../../server/src/sip/access';
import { generateTrace } from '../bench/generateTrace';
import { ROOT, crlf, request, response } from '../helpers';

const FIXTURES = join(ROOT, 'test', 'fixtures');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)]));
}

/** Every trace among the fixtures: text as the editor reads it, captures decoded. */
const TRACES: Array<{ name: string; text: string }> = filesUnder(FIXTURES)
  .filter((f) => /\.(sip|log|txt|dat|pcap|pcapng|gz)$/.test(f))
  .flatMap((f) => {
    const bytes = readFileSync(f);
    const name = relative(FIXTURES, f);
    if (!isCapture(bytes)) return [{ name, text: new TextDecoder('utf-8').decode(bytes) }];
    try {
      return [{ name, text: decodeCapture(bytes).text }];
    } catch {
      return []; // a capture made to be unreadable: the capture tests cover it
    }
  });

type Placed = Finding & { start: string; end: string };

function expected(text: string): { findings: Placed[]; messages: number; calls: number; format: string | undefined } {
  const trace = parseTrace(text);
  const lines = new LineIndex(text);
  const at = (offset: number) => {
    const p = lines.position(offset);
    return `${p.line}:${p.character}`;
  };
  return {
    findings: runRules(trace).map((f) => ({ ...f, start: at(f.offset), end: at(f.offset + f.length), related: f.related?.map((r) => ({ ...r, place: at(r.offset) })) })),
    messages: trace.messages.length,
    calls: buildCallModel(trace).calls.size,
    format: trace.format?.name,
  };
}

/** The text pushed in pieces of varying sizes (a fixed sequence: the same run each time), checked in parts of `partLength`. */
function streamed(text: string, partLength: number): ReturnType<typeof expected> {
  const stream = new TraceStream(undefined, partLength);
  const sizes = [1, 7, 100, 4096, 333, 65536];
  for (let pos = 0, k = 0; pos < text.length; k++) {
    const size = sizes[k % sizes.length];
    stream.push(text.slice(pos, pos + size));
    pos += size;
  }
  const trace: StreamedTrace = stream.end();
  const at = (offset: number) => {
    const p = trace.position(offset);
    return `${p.line}:${p.character}`;
  };
  return {
    findings: trace.findings.map((f) => ({ ...f, start: at(f.offset), end: at(f.offset + f.length), related: f.related?.map((r) => ({ ...r, place: at(r.offset) })) })),
    messages: trace.messageCount,
    calls: trace.calls.calls.size,
    format: trace.formatName,
  };
}

const PART_LENGTHS = [64, 1000, 7919, PART_LENGTH];

function assertSame(name: string, text: string): void {
  const whole = expected(text);
  // As the CLI writes them: a finding without data has none, rather than an undefined one.
  const json = (x: unknown) => JSON.parse(JSON.stringify(x));
  for (const partLength of PART_LENGTHS) assert.deepEqual(json(streamed(text, partLength)), json(whole), `${name}, parts of ${partLength}`);
}

test('every fixture trace: the same findings, lines and columns in parts as whole', () => {
  assert.ok(TRACES.length > 150, `found only ${TRACES.length} fixture traces`);
  const codes = new Set<string>();
  for (const { name, text } of TRACES) {
    assertSame(name, text);
    for (const f of expected(text).findings) codes.add(f.code);
  }
  // The comparison is about something: the parser's findings, the messages' and those across calls.
  for (const code of ['sip.header.malformed', 'sip.503.missing-retry-after', 'sip.503.retry-too-early', 'sip.302.contact-not-tried']) assert.ok(codes.has(code), code);
});

test('a generated trace longer than the format detection sample and the look-back of the rules', () => {
  const { text } = generateTrace(600 * 1024, 7);
  const whole = expected(text);
  assert.ok(whole.messages > 2 * MESSAGE_LOOK_BACK);
  // Its 503s name the request they answer, found by looking back (requestFor), across parts here.
  assert.ok(whole.findings.some((f) => f.code === 'sip.503.service-unavailable' && f.message.includes('(sip:')));
  assertSame('generated', text);
});

test('texts that are hard to cut: back-to-back messages, lone CRs, binary content, no message', () => {
  const invite = request('INVITE');
  const cases: Record<string, string> = {
    // Messages with no gap between them: no cut may fall between two of them.
    'back to back': Array.from({ length: 40 }, (_, i) => request('OPTIONS', [], `sip:u${i}@example.com`)).join(''),
    'lone CR line breaks': Array.from({ length: 40 }, () => invite.replace(/\r\n/g, '\r') + '\r').join(''),
    'NUL in a gap late in the trace': Array.from({ length: 40 }, (_, i) => invite + (i === 30 ? '\0garbage\r\n\r\n' : '\r\n')).join(''),
    'invalid UTF-8 decoded': Array.from({ length: 40 }, (_, i) => invite + (i === 25 ? '\ufffd\r\n\r\n' : '\r\n')).join(''),
    'no message': 'just some notes\r\n'.repeat(200),
    'empty': '',
    'truncated last message': Array.from({ length: 20 }, () => invite + '\r\n').join('') + crlf('INVITE sip:bob@example.com SIP/2.0', 'Via: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK1', 'Content-Length: 500', '', 'v=0'),
    'a 503 and its retry in different parts': Array.from({ length: 30 }, (_, i) =>
      i % 2 ? response('503 Service Unavailable') + '\r\n' : request('INVITE') + '\r\n',
    ).join(''),
  };
  for (const [name, text] of Object.entries(cases)) assertSame(name, text);
  // The NUL late in the trace is found once, in a later part than the first.
  assert.equal(expected(cases['NUL in a gap late in the trace']).findings.filter((f) => f.code === 'sip.trace.binary-content').length, 1);
  assert.ok(expected(cases['no message']).findings.some((f) => f.code === 'sip.trace.no-messages'));
});

test('pushing after end() is an error, not a silent loss', () => {
  const stream = new TraceStream();
  stream.push(request('OPTIONS'));
  assert.equal(stream.end().messageCount, 1);
  assert.throws(() => stream.push('more'), /after end/);
});

test('every offset has the line and column LineIndex gives: CRLF, LF, lone CR, a line longer than 64K', () => {
  const long = `X-Long: ${'a'.repeat(70_000)}`;
  const text = Array.from({ length: 30 }, (_, i) => {
    const message = request('OPTIONS', i === 7 ? [long] : []);
    return i % 3 === 0 ? message : i % 3 === 1 ? message.replace(/\r\n/g, '\n') : message.replace(/\r\n/g, '\r');
  }).join('\r\n');
  const stream = new TraceStream(undefined, 64);
  for (let pos = 0; pos < text.length; pos += 500) stream.push(text.slice(pos, pos + 500));
  const trace = stream.end();
  const lines = new LineIndex(text);
  for (let offset = 0; offset <= text.length; offset++) assert.deepEqual(trace.position(offset), lines.position(offset), `offset ${offset}`);
});

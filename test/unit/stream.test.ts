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
import { DETECTION_SAMPLE } from '../../server/src/sip/prefix';
import { generateTrace } from '../bench/generateTrace';
import { ROOT, crlf, request, response } from '../helpers';

const FIXTURES = join(ROOT, 'test', 'fixtures');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)]));
}

/** Every trace among the fixtures: text as the editor reads it, with its bytes, and captures decoded. */
const TRACES: Array<{ name: string; text: string; bytes?: Uint8Array }> = filesUnder(FIXTURES)
  .filter((f) => /\.(sip|log|txt|dat|pcap|pcapng|gz)$/.test(f))
  .flatMap((f) => {
    const bytes = readFileSync(f);
    const name = relative(FIXTURES, f);
    if (!isCapture(bytes)) return [{ name, text: new TextDecoder('utf-8').decode(bytes), bytes }];
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

/**
 * The text, or its UTF-8 bytes, pushed in pieces of varying sizes (a fixed sequence: the same run
 * each time; a character of several bytes falls apart), checked in parts of `partLength`.
 */
function streamed(input: string | Uint8Array, partLength: number): ReturnType<typeof expected> {
  const stream = new TraceStream(undefined, partLength);
  const sizes = [1, 7, 100, 4096, 333, 65536];
  for (let pos = 0, k = 0; pos < input.length; k++) {
    const size = sizes[k % sizes.length];
    if (typeof input === 'string') stream.push(input.slice(pos, pos + size));
    else stream.pushBytes(input.subarray(pos, pos + size));
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

/** The same in parts, pushed as text and as bytes (those given, or the text's UTF-8), as whole. */
function assertSame(name: string, text: string, bytes: Uint8Array = Buffer.from(text, 'utf8')): void {
  const whole = expected(text);
  // As the CLI writes them: a finding without data has none, rather than an undefined one.
  const json = (x: unknown) => JSON.parse(JSON.stringify(x));
  for (const partLength of PART_LENGTHS) {
    assert.deepEqual(json(streamed(text, partLength)), json(whole), `${name}, parts of ${partLength}`);
    assert.deepEqual(json(streamed(bytes, partLength)), json(whole), `${name} as bytes, parts of ${partLength}`);
  }
}

test('every fixture trace: the same findings, lines and columns in parts as whole', () => {
  assert.ok(TRACES.length > 150, `found only ${TRACES.length} fixture traces`);
  const codes = new Set<string>();
  for (const { name, text, bytes } of TRACES) {
    assertSame(name, text, bytes);
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

test('bytes: a BOM, U+FEFF and invalid UTF-8 later on, characters of two to four bytes, across parts that are read again', () => {
  const utf8 = (text: string) => Buffer.from(text, 'utf8');
  const messages = (count: number, extra: (i: number) => Uint8Array) =>
    Buffer.concat(Array.from({ length: count }, (_, i) => Buffer.concat([utf8(request('OPTIONS', [`From: "Zoë Łódź 😀" <sip:u${i}@example.com>;tag=${i}`], `sip:u${i}@example.com`)), extra(i)])));
  const crlfOnly = () => utf8('\r\n');
  const cases: Record<string, Uint8Array> = {
    // More messages than the look-back: parts are cut, and what is read again is decoded again from its bytes.
    'multi-byte characters': messages(1300, crlfOnly),
    'a BOM at the start': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), messages(1300, crlfOnly)]),
    'two BOMs at the start': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), messages(700, crlfOnly)]),
    'U+FEFF at the start of a line later on': messages(1300, (i) => (i % 97 === 50 ? Buffer.from([0xef, 0xbb, 0xbf, 0x0d, 0x0a]) : crlfOnly())),
    'invalid UTF-8 in gaps': messages(1300, (i) =>
      i % 211 === 100 ? Buffer.from([0xc3, 0x0d, 0x0a, 0xe2, 0x82, 0x0a, 0xf0, 0x9f, 0x98, 0x0d, 0x0a, 0xff, 0x0d, 0x0a]) : crlfOnly(),
    ),
    // Parts after it are valid again: what is read again starts in text kept from the invalid part.
    'invalid UTF-8 once': messages(1600, (i) => (i === 800 ? Buffer.from([0xc3, 0x0d, 0x0a]) : crlfOnly())),
    'truncated character at the end': Buffer.concat([messages(600, crlfOnly), Buffer.from([0xf0, 0x9f, 0x98])]),
  };
  for (const [name, bytes] of Object.entries(cases)) assertSame(name, new TextDecoder('utf-8').decode(bytes), bytes);
  // The comparison sees the BOM dropped once, as TextDecoder drops it, and U+FEFF kept elsewhere.
  assert.equal(new TextDecoder('utf-8').decode(cases['two BOMs at the start']).charCodeAt(0), 0xfeff);
});

test('bytes: U+FEFF at the start of a line where decoding goes on is a character, not a BOM', () => {
  const first = (gap: (i: number) => string) =>
    Buffer.from(Array.from({ length: Math.ceil(DETECTION_SAMPLE / 200) }, (_, i) => request('OPTIONS', [], `sip:u${i}@example.com`) + gap(i)).join(''), 'latin1');
  const rest = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0x0d, 0x0a]), Buffer.from(response('503 Service Unavailable'))]);
  const cases: Record<string, { first: Buffer; partLength: number }> = {
    // The format is detected on the first DETECTION_SAMPLE characters, decoded up to their last line break.
    'after the text read to detect the format': { first: first(() => '\r\n'), partLength: PART_LENGTH },
    // A part with invalid UTF-8 (0xFF) after its cut is kept as text, and its bytes dropped.
    'after a part kept as text': { first: first((i) => (i === 1300 ? '\xff\r\n' : '\r\n')), partLength: 1000 },
  };
  for (const [name, { first, partLength }] of Object.entries(cases)) {
    const stream = new TraceStream(undefined, partLength);
    stream.pushBytes(first);
    stream.pushBytes(rest);
    const trace = stream.end();
    const text = new TextDecoder('utf-8').decode(Buffer.concat([first, rest]));
    const unavailable = runRules(parseTrace(text)).find((f) => f.code === 'sip.503.missing-retry-after');
    assert.ok(unavailable && unavailable.offset > first.length, `${name}: a finding after the U+FEFF shows where the text after it is`);
    assert.equal(trace.findings.find((f) => f.code === 'sip.503.missing-retry-after')?.offset, unavailable.offset, name);
    assert.deepEqual(trace.position(unavailable.offset), new LineIndex(text).position(unavailable.offset), name);
  }
});

test('pushing text after bytes not decoded yet is an error', () => {
  const stream = new TraceStream();
  stream.pushBytes(Buffer.from(request('OPTIONS')));
  assert.throws(() => stream.push('more'), /after pushBytes/);
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

test('the settled hook runs after each push and twice in end(), where a caller may collect what was read (the CLI does)', () => {
  const calls: boolean[] = [];
  const stream = new TraceStream(undefined, 64, (ending) => calls.push(ending));
  const text = Array.from({ length: 20 }, () => request('OPTIONS')).join('');
  for (let pos = 0; pos < text.length; pos += 300) stream.push(text.slice(pos, pos + 300));
  const pushes = Math.ceil(text.length / 300);
  assert.deepEqual(calls, Array(pushes).fill(false));
  assert.equal(stream.end().messageCount, 20);
  assert.deepEqual(calls, [...Array(pushes).fill(false), true, true]);
  stream.end();
  assert.equal(calls.length, pushes + 2, 'a second end() gives the same result without reading again');
});

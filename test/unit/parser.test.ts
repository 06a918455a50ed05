import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTrace } from '../../server/src/sip/parser';
import { headerValue } from '../../server/src/sip/access';
import { codes, crlf, request, response } from '../helpers';

function slice(text: string, from: number, to: number): string {
  return text.slice(from, to);
}

function headersOf(text: string, index = 0) {
  const trace = parseTrace(text);
  return trace.headers.headersOf(trace.messages.at(index));
}

function headerMap(text: string): Record<string, string> {
  return Object.fromEntries(headersOf(text).map((h) => [h.name, headerValue(text, h)]));
}

test('request line pieces have exact offsets', () => {
  const text = request('INVITE');
  const [m] = parseTrace(text).messages;
  assert.equal(m.startLine.kind, 'request');
  if (m.startLine.kind !== 'request') return;
  assert.equal(slice(text, m.startLine.methodOffset, m.startLine.methodEnd), 'INVITE');
  assert.equal(slice(text, m.startLine.uriOffset, m.startLine.uriEnd), 'sip:bob@biloxi.example.com');
  assert.equal(slice(text, m.startLine.versionOffset, m.startLine.versionEnd), 'SIP/2.0');
  assert.equal(m.eol, '\r\n');
});

test('status line pieces have exact offsets, reason may be empty or contain spaces', () => {
  const text = response('302 Moved Temporarily') + 'SIP/2.0 100 \r\nContent-Length: 0\r\n\r\n';
  const [a, b] = parseTrace(text).messages;
  assert.ok(a.startLine.kind === 'response' && b.startLine.kind === 'response');
  if (a.startLine.kind !== 'response' || b.startLine.kind !== 'response') return;
  assert.equal(a.startLine.code, 302);
  assert.equal(slice(text, a.startLine.codeOffset, a.startLine.codeEnd), '302');
  assert.equal(slice(text, a.startLine.reasonOffset, a.startLine.reasonEnd), 'Moved Temporarily');
  assert.equal(b.startLine.code, 100);
  assert.equal(slice(text, b.startLine.reasonOffset, b.startLine.reasonEnd), '');
});

test('header names and values have exact offsets; compact forms map to long names', () => {
  const text = crlf('SIP/2.0 200 OK', 'v: SIP/2.0/UDP a.example.com;branch=z9hG4bK1', 'f: <sip:a@example.com>;tag=1', 't: <sip:b@example.com>;tag=2', 'i: abc@x', 'CSeq: 1 INVITE', 'm: <sip:a@192.0.2.1>', 'l: 0');
  const headers = headersOf(text);
  assert.deepEqual(headers.map((h) => h.name), ['via', 'from', 'to', 'call-id', 'cseq', 'contact', 'content-length']);
  const via = headers[0];
  assert.equal(slice(text, via.offset, via.nameEnd), 'v');
  assert.equal(slice(text, via.valueOffset, via.valueEnd), 'SIP/2.0/UDP a.example.com;branch=z9hG4bK1');
});

test('every compact form of RFC 3261 and its extensions is recognised', () => {
  const expected: Record<string, string> = {
    v: 'via', f: 'from', t: 'to', i: 'call-id', m: 'contact', l: 'content-length', c: 'content-type', k: 'supported',
    s: 'subject', e: 'content-encoding', o: 'event', u: 'allow-events', r: 'refer-to', b: 'referred-by',
    x: 'session-expires', y: 'identity', d: 'request-disposition', a: 'accept-contact',
  };
  const letters = Object.keys(expected);
  const text = crlf('SIP/2.0 200 OK', ...letters.map((l) => `${l.toUpperCase()}: x`));
  assert.deepEqual(headersOf(text).map((h) => h.name), letters.map((l) => expected[l]));
});

test('folded header lines continue the value; whitespace before the colon is allowed', () => {
  const text = crlf('SIP/2.0 200 OK', 'Subject   : first', '  second', '\tthird', 'CSeq: 1', ' INVITE', 'To :', ' <sip:b@example.com>', 'Content-Length: 0');
  const values = headerMap(text);
  assert.equal(values.subject, 'first second third');
  assert.equal(values.cseq, '1 INVITE');
  assert.equal(values.to, '<sip:b@example.com>');
  assert.deepEqual(parseTrace(text).findings, []);
});

test('LF-only traces and mixed blank lines between messages', () => {
  const text = 'OPTIONS sip:a@b SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nContent-Length: 0\n\n\n\n\nSIP/2.0 200 OK\nContent-Length: 0\n\n';
  const trace = parseTrace(text);
  assert.equal(trace.messages.length, 2);
  assert.equal(trace.messages.at(0).eol, '\n');
  assert.equal(slice(text, trace.messages.at(1).startLine.offset, trace.messages.at(1).startLine.end), 'SIP/2.0 200 OK');
});

test('text between messages that is not SIP is skipped', () => {
  const text = 'capture started 10:00:01\r\n' + request() + '--- next packet ---\r\nsome log line: with a colon\r\n\r\n' + response('200 OK');
  const trace = parseTrace(text);
  assert.equal(trace.messages.length, 2);
  assert.deepEqual(trace.findings, []);
});

test('body ends at Content-Length; the next message may follow without a blank line', () => {
  const body = 'v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\n';
  const text = crlf('INVITE sip:b@example.com SIP/2.0', 'Content-Type: application/sdp', `Content-Length: ${body.length}`) + body + response('180 Ringing');
  const trace = parseTrace(text);
  assert.equal(trace.messages.length, 2);
  const [m] = trace.messages;
  assert.equal(slice(text, m.bodyOffset, m.bodyEnd), body);
  assert.deepEqual(trace.findings, []);
});

test('Content-Length counts UTF-8 bytes, not characters', () => {
  const body = 'Grüße, 日本\r\n';
  const bytes = Buffer.byteLength(body, 'utf8');
  const text = crlf('MESSAGE sip:b@example.com SIP/2.0', 'Content-Type: text/plain', `Content-Length: ${bytes}`) + body;
  const trace = parseTrace(text);
  assert.equal(slice(text, trace.messages.at(0).bodyOffset, trace.messages.at(0).bodyEnd), body);
  assert.deepEqual(trace.findings, []);
});

test('a message/sipfrag body that starts with a status line stays in the body', () => {
  const body = 'SIP/2.0 200 OK\r\n';
  const text = crlf('NOTIFY sip:a@example.com SIP/2.0', 'Content-Type: message/sipfrag;version=2.0', `Content-Length: ${body.length}`) + body;
  const trace = parseTrace(text);
  assert.equal(trace.messages.length, 1);
  assert.equal(slice(text, trace.messages.at(0).bodyOffset, trace.messages.at(0).bodyEnd), body);
});

test('Content-Length larger than the rest of the file is reported with the measured length', () => {
  const body = 'v=0\r\n';
  const text = crlf('INVITE sip:b@example.com SIP/2.0', 'Content-Type: application/sdp', 'Content-Length: 9999') + body;
  const trace = parseTrace(text);
  const [finding] = trace.findings;
  assert.equal(finding.code, 'sip.content-length.truncated-body');
  assert.equal(text.slice(finding.offset, finding.offset + finding.length), '9999');
  assert.equal(finding.data?.actual, 5);
});

test('a Content-Length that would swallow the next message is not trusted', () => {
  const text = crlf('OPTIONS sip:b@example.com SIP/2.0', 'Content-Type: text/plain', 'Content-Length: 40') + 'hi\r\n\r\n' + response('200 OK', [], 'OPTIONS');
  const trace = parseTrace(text);
  assert.equal(trace.messages.length, 2);
  assert.equal(trace.findings[0].code, 'sip.content-length.truncated-body');
  assert.equal(trace.findings[0].data?.actual, 4);
});

test('Content-Length: 0 with a body right after the headers is reported as extra body', () => {
  const text = crlf('INVITE sip:b@example.com SIP/2.0', 'Content-Type: application/sdp', 'Content-Length: 0') + 'v=0\r\ns=-\r\n';
  const trace = parseTrace(text);
  assert.equal(trace.findings[0].code, 'sip.content-length.extra-body');
  assert.equal(trace.findings[0].data?.actual, 10);
});

test('negative or non-numeric Content-Length is reported on its value', () => {
  const text = crlf('OPTIONS sip:b@example.com SIP/2.0', 'Content-Length: -999');
  const [finding] = parseTrace(text).findings;
  assert.equal(finding.code, 'sip.content-length.invalid');
  assert.equal(text.slice(finding.offset, finding.offset + finding.length), '-999');
});

test('a message cut off at the end of the file is still read', () => {
  const text = 'INVITE sip:b@example.com SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nCall-';
  const trace = parseTrace(text);
  assert.equal(trace.messages.length, 1);
  assert.equal(trace.messages.at(0).headersUnterminated, true);
  assert.equal(trace.messages.at(0).end, text.length);
});

test('a header line without a colon is a malformed header, not a crash', () => {
  const text = crlf('OPTIONS sip:b@example.com SIP/2.0', 'this is not a header', 'Content-Length: 0');
  const trace = parseTrace(text);
  assert.equal(trace.findings[0].code, 'sip.header.malformed');
  assert.equal(trace.messages.at(0).headerCount, 1);
});

test('binary garbage gives findings, not exceptions', () => {
  const garbage = String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256)) + '\uFFFD\0';
  const trace = parseTrace(garbage);
  assert.deepEqual(trace.messages.length, 0);
  assert.ok(trace.findings.some((f) => f.code === 'sip.trace.binary-content'));
  assert.ok(trace.findings.some((f) => f.code === 'sip.trace.no-messages'));
});

test('NUL bytes inside a quoted header value are not binary content (RFC 4475 intmeth)', () => {
  const text = crlf('SIP/2.0 200 OK', 'To: "NUL:\\\0" <sip:a@example.com>;tag=1', 'Content-Length: 0');
  assert.ok(!codes(text).includes('sip.trace.binary-content'));
});

test('an empty file has no messages and one note', () => {
  assert.deepEqual(parseTrace('').findings, []);
  assert.deepEqual(codes('just some notes\n'), ['sip.trace.no-messages']);
});

test('a 1 MB header line is read in one piece', () => {
  const long = 'x'.repeat(1 << 20);
  const text = crlf('OPTIONS sip:b@example.com SIP/2.0', `X-Long: ${long}`, 'Content-Length: 0');
  const [header] = headersOf(text);
  assert.equal(header.valueEnd - header.valueOffset, long.length);
});

test('Via values starting with SIP/2.0/ are not taken for status lines', () => {
  const text = 'log: forwarded\r\nSIP/2.0/UDP 10.0.0.1\r\n';
  assert.equal(parseTrace(text).messages.length, 0);
});

test('a Content-Length that runs into the next start line (no blank line between) does not swallow it', () => {
  const body = 'v=0\r\ns=-\r\n';
  const text = crlf('INVITE sip:b@example.com SIP/2.0', 'Content-Type: application/sdp', `Content-Length: ${body.length + 30}`) + body + 'SIP/2.0 100 Trying\r\nContent-Length: 0\r\n\r\n';
  const trace = parseTrace(text);
  assert.equal(trace.messages.length, 2);
  assert.equal(trace.findings[0].code, 'sip.content-length.truncated-body');
});

test('Content-Length values far beyond each body are measured against the body, not walked through the file', () => {
  const text = Array.from({ length: 5000 }, (_, i) => crlf(`OPTIONS sip:b@example.com SIP/2.0`, `Content-Length: ${(i + 1) * 200}`)).join('');
  const trace = parseTrace(text);
  assert.equal(trace.messages.length, 5000);
  assert.equal(trace.findings.filter((f) => f.code === 'sip.content-length.truncated-body').length, 5000);
});

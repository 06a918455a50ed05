// Each rule: a case where it fires, on the right span, and a case where it must stay silent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, codes, crlf, lintText, request, response } from '../helpers';

function spanOf(text: string, code: string): string {
  const f = lintText(text).find((x) => x.code === code);
  assert.ok(f, `${code} expected`);
  return text.slice(f.offset, f.offset + f.length);
}

test('sip.302.moved-temporarily: on every 302, naming the Contact and the original URI', () => {
  const text = request('INVITE') + response('302 Moved Temporarily', ['Contact: <sip:bob@192.0.2.4>']);
  const f = lintText(text).find((x) => x.code === 'sip.302.moved-temporarily');
  assert.ok(f);
  assert.equal(f.severity, 'information');
  assert.equal(text.slice(f.offset, f.offset + f.length), 'SIP/2.0 302 Moved Temporarily');
  assert.match(f.message, /retries the request at sip:bob@192\.0\.2\.4/);
  assert.match(f.message, /keeps using sip:bob@biloxi\.example\.com for future requests/);
  assert.match(f.message, /must not be cached/);
  assert.ok(!codes(response('301 Moved Permanently', ['Contact: <sip:b@x>'])).includes('sip.302.moved-temporarily'));
});

test('sip.302.moved-temporarily: an explicit Expires allows caching', () => {
  const f = lintText(response('302 Moved Temporarily', ['Contact: <sip:bob@192.0.2.4>', 'Expires: 600'])).find((x) => x.code === 'sip.302.moved-temporarily');
  assert.match(f!.message, /Expires: 600, so the client may cache the Contact/);
});

test('sip.302.missing-contact: warning without Contact, silent with one', () => {
  const f = lintText(response('302 Moved Temporarily')).find((x) => x.code === 'sip.302.missing-contact');
  assert.equal(f?.severity, 'warning');
  assert.ok(!codes(response('302 Moved Temporarily', ['m: <sip:b@192.0.2.4>'])).includes('sip.302.missing-contact'));
});

test('sip.503.service-unavailable: states Retry-After when present, failover otherwise', () => {
  const withRa = lintText(response('503 Service Unavailable', ['Retry-After: 120'])).find((x) => x.code === 'sip.503.service-unavailable');
  assert.match(withRa!.message, /Retry-After: 120/);
  assert.match(withRa!.message, /does not send this request to the same server/);
  const without = lintText(response('503 Service Unavailable')).find((x) => x.code === 'sip.503.service-unavailable');
  assert.match(without!.message, /fails over to another server/);
  assert.ok(!codes(response('500 Server Internal Error')).includes('sip.503.service-unavailable'));
});

test('sip.503.missing-retry-after: information without Retry-After, silent with one', () => {
  const f = lintText(response('503 Service Unavailable')).find((x) => x.code === 'sip.503.missing-retry-after');
  assert.equal(f?.severity, 'information');
  assert.ok(!codes(response('503 Service Unavailable', ['Retry-After: 5'])).includes('sip.503.missing-retry-after'));
});

test('sip.request.missing-header: lists what is missing; responses are not checked', () => {
  const text = crlf('INVITE sip:b@example.com SIP/2.0', 'To: <sip:b@example.com>', 'From: <sip:a@example.com>;tag=1', 'Content-Length: 0');
  const f = lintText(text).find((x) => x.code === 'sip.request.missing-header');
  assert.equal(f?.data?.missing, 'CSeq,Call-ID,Max-Forwards,Via');
  assert.ok(!codes(request()).includes('sip.request.missing-header'));
  assert.ok(!codes(crlf('SIP/2.0 200 OK', 'Content-Length: 0')).includes('sip.request.missing-header'));
});

test('sip.cseq.method-mismatch: on the CSeq method', () => {
  const text = request('OPTIONS').replace('CSeq: 314159 OPTIONS', 'CSeq: 314159 INVITE');
  assert.equal(spanOf(text, 'sip.cseq.method-mismatch'), 'INVITE');
  assert.ok(!codes(request('INVITE')).includes('sip.cseq.method-mismatch'));
  assert.ok(!codes(response('200 OK', [], 'BYE')).includes('sip.cseq.method-mismatch'));
});

test('sip.cseq.invalid: overlarge number or missing method', () => {
  assert.equal(spanOf(request().replace('CSeq: 314159', 'CSeq: 2147483648'), 'sip.cseq.invalid'), '2147483648');
  assert.ok(codes(request().replace('CSeq: 314159 OPTIONS', 'CSeq: 12')).includes('sip.cseq.invalid'));
  assert.ok(!codes(request().replace('CSeq: 314159', 'CSeq: 2147483647')).includes('sip.cseq.invalid'));
});

test('sip.max-forwards.invalid: above 255 or not a number', () => {
  assert.equal(spanOf(request().replace('Max-Forwards: 70', 'Max-Forwards: 300'), 'sip.max-forwards.invalid'), '300');
  assert.ok(codes(request().replace('Max-Forwards: 70', 'Max-Forwards: ten')).includes('sip.max-forwards.invalid'));
  assert.ok(!codes(request().replace('Max-Forwards: 70', 'Max-Forwards: 0')).includes('sip.max-forwards.invalid'));
});

test('sip.via.malformed: wrong version or no sent-protocol', () => {
  assert.ok(codes(request().replace('SIP/2.0/UDP', 'SIP/7.0/UDP')).includes('sip.via.malformed'));
  assert.ok(codes(request().replace('Via: SIP/2.0/UDP pc33', 'Via: pc33')).includes('sip.via.malformed'));
  assert.ok(!codes(request().replace('Via: SIP/2.0/UDP', 'Via: SIP / 2.0 / TCP')).includes('sip.via.malformed'));
});

test('sip.header.empty-element: stray separators in known headers only', () => {
  assert.ok(codes(request('OPTIONS', ['Contact: <sip:a@example.com>;;'])).includes('sip.header.empty-element'));
  assert.ok(codes(request('OPTIONS', ['Supported: timer,,100rel'])).includes('sip.header.empty-element'));
  assert.ok(!codes(request('OPTIONS', ['X-Unknown: ;;,,;'])).includes('sip.header.empty-element'));
  assert.ok(!codes(request('OPTIONS', ['Contact: <sip:a@example.com;lr;;x>'])).includes('sip.header.empty-element'), 'inside <> is the URI, not header parameters');
});

test('sip.header.unterminated-quote', () => {
  assert.equal(spanOf(request().replace('To: Bob <', 'To: "Bob <'), 'sip.header.unterminated-quote'), '"Bob <sip:bob@biloxi.example.com>');
  assert.ok(!codes(request().replace('To: Bob <', 'To: "Bob \\"B\\"" <')).includes('sip.header.unterminated-quote'));
});

test('sip.address.malformed: unquoted special display name, spaces in <>, unbracketed ?', () => {
  assert.ok(codes(request().replace('To: Bob <', 'To: Bob, Jr <')).includes('sip.address.malformed'));
  assert.ok(codes(request().replace('To: Bob <sip:bob@biloxi.example.com>', 'To: < sip:bob@biloxi.example.com >')).includes('sip.address.malformed'));
  assert.ok(codes(request('REGISTER', ['Contact: sip:a@example.com?Route=%3Csip:x%3E'])).includes('sip.address.malformed'));
  assert.ok(!codes(request('REGISTER', ['Contact: *'])).includes('sip.address.malformed'));
  assert.ok(!codes(request().replace('To: Bob <', 'To: caller<')).includes('sip.address.malformed'));
});

test('sip.date.invalid: only RFC 1123 in GMT', () => {
  assert.ok(codes(request('OPTIONS', ['Date: Fri, 01 Jan 2010 16:00:00 EST'])).includes('sip.date.invalid'));
  assert.ok(!codes(request('OPTIONS', ['Date: Sat, 13 Nov 2010 23:29:00 GMT'])).includes('sip.date.invalid'));
});

test('sip.warning-header.invalid: warn-code has three digits', () => {
  assert.ok(codes(response('488 Not Acceptable Here', ['Warning: 1812 overture "In Progress"'])).includes('sip.warning-header.invalid'));
  assert.ok(!codes(response('488 Not Acceptable Here', ['Warning: 399 devnull "Bad SDP"'])).includes('sip.warning-header.invalid'));
});

test('sip.retry-after.invalid and sip.delta-seconds.out-of-range', () => {
  assert.ok(codes(response('503 Service Unavailable', ['Retry-After: tomorrow'])).includes('sip.retry-after.invalid'));
  assert.ok(!codes(response('503 Service Unavailable', ['Retry-After: 18000;duration=3600'])).includes('sip.retry-after.invalid'));
  assert.ok(!codes(response('503 Service Unavailable', ["Retry-After: 120 (I'm in a meeting)"])).includes('sip.retry-after.invalid'));
  assert.ok(codes(response('503 Service Unavailable', ['Retry-After: 4294967296'])).includes('sip.delta-seconds.out-of-range'));
  assert.ok(codes(request('REGISTER', ['Contact: <sip:a@h>;expires=99999999999'])).includes('sip.delta-seconds.out-of-range'));
  assert.ok(!codes(request('REGISTER', ['Expires: 4294967295'])).includes('sip.delta-seconds.out-of-range'));
});

test('start-line rules: spacing, Request-URI, version, status code', () => {
  assert.ok(codes(request().replace('OPTIONS sip:bob@biloxi.example.com SIP/2.0', 'OPTIONS  sip:bob@biloxi.example.com SIP/2.0')).includes('sip.request-line.malformed'));
  assert.ok(codes(request().replace('SIP/2.0\r\nVia', 'SIP/2.0 \r\nVia')).includes('sip.request-line.malformed'));
  assert.ok(codes(request('OPTIONS', [], '<sip:bob@biloxi.example.com>')).includes('sip.request-line.invalid-uri'));
  assert.ok(codes(request('OPTIONS', [], 'sip:bob@biloxi.example.com?Subject=hi')).includes('sip.request-line.invalid-uri'));
  assert.ok(!codes(request('OPTIONS', [], 'sip:we?ird@biloxi.example.com')).includes('sip.request-line.invalid-uri'), '"?" is allowed in the user part');
  assert.ok(codes(request().replace('SIP/2.0\r\nVia', 'SIP/3.0\r\nVia')).includes('sip.version.unsupported'));
  assert.ok(codes(crlf('SIP/2.0 2000 OK', 'Content-Length: 0')).includes('sip.status-line.malformed'));
  assert.ok(codes(crlf('SIP/2.0 099 Early', 'Content-Length: 0')).includes('sip.status-line.malformed'));
  assert.deepEqual(codes(request()), []);
});

test('sip.response.missing-header: a response must copy From, To, Call-ID, CSeq, Via', () => {
  assert.ok(codes(crlf('SIP/2.0 200 OK', 'To: <sip:b@x>;tag=1', 'Content-Length: 0')).includes('sip.response.missing-header'));
  assert.ok(!codes(response('200 OK')).includes('sip.response.missing-header'));
});

test('sip.response.missing-to-tag: every response but 100', () => {
  const untagged = response('486 Busy Here').replace(';tag=a6c85cf', '');
  assert.equal(spanOf(untagged, 'sip.response.missing-to-tag'), 'Bob <sip:bob@biloxi.example.com>');
  assert.ok(!codes(response('100 Trying').replace(';tag=a6c85cf', '')).includes('sip.response.missing-to-tag'));
  assert.ok(!codes(response('486 Busy Here')).includes('sip.response.missing-to-tag'));
});

test('sip.via.branch-cookie: RFC 2543 branches are a warning on requests', () => {
  assert.equal(spanOf(request().replace('branch=z9hG4bK776asdhds', 'branch=776asdhds'), 'sip.via.branch-cookie'), ';branch=776asdhds');
  assert.ok(codes(request().replace(';branch=z9hG4bK776asdhds', '')).includes('sip.via.branch-cookie'));
  assert.ok(!codes(request()).includes('sip.via.branch-cookie'));
  assert.ok(!codes(response('200 OK').replace('branch=z9hG4bK776asdhds', 'branch=1')).includes('sip.via.branch-cookie'));
});

test('sip.invite.contact-count: exactly one Contact on INVITE, SUBSCRIBE, REFER', () => {
  assert.ok(codes(request('INVITE').replace('Contact: <sip:alice@pc33.atlanta.example.com>\r\n', '')).includes('sip.invite.contact-count'));
  assert.ok(codes(request('INVITE', ['Contact: <sip:alice@192.0.2.9>'])).includes('sip.invite.contact-count'));
  assert.ok(!codes(request('INVITE')).includes('sip.invite.contact-count'));
  assert.ok(!codes(request('OPTIONS').replace('Contact: <sip:alice@pc33.atlanta.example.com>\r\n', '')).includes('sip.invite.contact-count'));
});

test('sip.header.duplicate: single-valued headers once, lists as often as needed', () => {
  assert.equal(spanOf(request('OPTIONS', ['i: other-call-id']), 'sip.header.duplicate'), 'i');
  assert.ok(!codes(request('OPTIONS', ['Supported: timer', 'Supported: 100rel'])).includes('sip.header.duplicate'));
});

test('sip.content-length.missing-stream: required over TCP, not over UDP', () => {
  const tcp = request().replace('SIP/2.0/UDP', 'SIP/2.0/TCP');
  assert.ok(codes(tcp.replace('Content-Length: 0\r\n', '')).includes('sip.content-length.missing-stream'));
  assert.ok(!codes(tcp).includes('sip.content-length.missing-stream'));
  assert.ok(!codes(request().replace('Content-Length: 0\r\n', '')).includes('sip.content-length.missing-stream'));
});

test('sip.status.unknown-code: treated as x00 of its class', () => {
  const f = lintText(response('499 Custom')).find((x) => x.code === 'sip.status.unknown-code');
  assert.match(f!.message, /treats it as 400/);
  assert.ok(!codes(response('486 Busy Here')).includes('sip.status.unknown-code'));
});

test('behaviour rules stay silent where RFC 3665 flows are right: a proxy forwarding a request is not a new CSeq', () => {
  const dir = join(FIXTURES, 'rfc3665');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.sip'))) {
    const found = codes(readFileSync(join(dir, file), 'utf8'));
    assert.ok(!found.includes('sip.cseq.not-incremented'), file);
    assert.ok(!found.includes('sip.302.contact-cached'), file);
  }
});

test('sip.302.moved-temporarily: a Contact expires parameter allows caching', () => {
  const text = request('INVITE') + response('302 Moved Temporarily', ['Contact: <sip:bob@192.0.2.4>;expires=60']);
  assert.match(lintText(text).find((x) => x.code === 'sip.302.moved-temporarily')!.message, /expires parameter, so the client may cache it/);
});

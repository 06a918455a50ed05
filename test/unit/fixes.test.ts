// Each quick fix: apply it, check only the promised bytes changed, and re-diagnose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTrace } from '../../server/src/sip/parser';
import { runRules } from '../../server/src/sip/diagnose';
import { fixFor } from '../../server/src/sip/fixes';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, applyFirstFix, codes, crlf, lintText, request, response } from '../helpers';


test('Insert Retry-After goes into the right message, with its line ending, and nothing else changes', () => {
  const first = response('503 Service Unavailable');
  const second = response('503 Service Unavailable').replace(/\r\n/g, '\n');
  const text = request('INVITE') + first + second;
  const fixed = applyFirstFix(text, 'sip.503.missing-retry-after', { retryAfterSeconds: 45 });
  const insertAt = request('INVITE').length + first.length - 2; // before the blank line ending the first 503's headers
  assert.equal(fixed, text.slice(0, insertAt) + 'Retry-After: 45\r\n' + text.slice(insertAt));
  // Only the second 503 still lacks it; fixing that one uses LF.
  const both = applyFirstFix(fixed, 'sip.503.missing-retry-after');
  assert.ok(both.endsWith('Content-Length: 0\nRetry-After: 30\n\n'));
  assert.ok(!codes(both).includes('sip.503.missing-retry-after'));
});

test('Insert Retry-After on a message cut off after its last header adds a line break first', () => {
  const text = 'SIP/2.0 503 Service Unavailable\r\nCSeq: 1 INVITE';
  assert.equal(applyFirstFix(text, 'sip.503.missing-retry-after'), text + '\r\nRetry-After: 30');
});

test('Correct Content-Length replaces only the number, and the mismatch is gone', () => {
  const body = 'v=0\r\ns=-\r\n';
  for (const declared of ['9999', '0', '3']) {
    const text = crlf('INVITE sip:b@example.com SIP/2.0', 'Content-Type: application/sdp', `Content-Length: ${declared}`) + body;
    const code = Number(declared) > body.length ? 'sip.content-length.truncated-body' : 'sip.content-length.extra-body';
    const fixed = applyFirstFix(text, code);
    assert.equal(fixed, text.replace(`Content-Length: ${declared}`, `Content-Length: ${body.length}`));
    assert.ok(!codes(fixed).some((c) => c.startsWith('sip.content-length')), `no Content-Length finding after fixing ${declared}`);
  }
});

test('Set the CSeq method replaces the method in CSeq', () => {
  const text = request('OPTIONS').replace('CSeq: 314159 OPTIONS', 'CSeq: 314159 INVITE');
  const fixed = applyFirstFix(text, 'sip.cseq.method-mismatch');
  assert.equal(fixed, request('OPTIONS'));
});

test('codes without a fix offer none', () => {
  const trace = parseTrace(response('302 Moved Temporarily'));
  const finding = runRules(trace).find((f) => f.code === 'sip.302.moved-temporarily')!;
  assert.equal(fixFor(trace, finding, { retryAfterSeconds: 30 }), undefined);
});

test('Insert a Contact on a 302 without one, then the warning is gone', () => {
  const text = response('302 Moved Temporarily');
  const fixed = applyFirstFix(text, 'sip.302.missing-contact');
  assert.equal(fixed, text.replace('Content-Length: 0\r\n', 'Content-Length: 0\r\nContact: <sip:new-target@example.invalid>\r\n'));
  assert.ok(!codes(fixed).includes('sip.302.missing-contact'));
});

test('Insert Max-Forwards: 70 when a request lacks it; no fix when only other headers are missing', () => {
  const text = request().replace('Max-Forwards: 70\r\n', '');
  const fixed = applyFirstFix(text, 'sip.request.missing-header');
  assert.ok(fixed.endsWith('Content-Length: 0\r\nMax-Forwards: 70\r\n\r\n'));
  assert.ok(!codes(fixed).includes('sip.request.missing-header'));
  const noVia = parseTrace(request().replace(/Via: [^\r]*\r\n/, ''));
  const finding = runRules(noVia).find((f) => f.code === 'sip.request.missing-header')!;
  assert.equal(fixFor(noVia, finding, { retryAfterSeconds: 30 }), undefined);
});

test('Add a To tag appends a placeholder tag to To only', () => {
  const text = response('486 Busy Here').replace(';tag=a6c85cf', '');
  const fixed = applyFirstFix(text, 'sip.response.missing-to-tag');
  assert.equal(fixed, text.replace('To: Bob <sip:bob@biloxi.example.com>', 'To: Bob <sip:bob@biloxi.example.com>;tag=to-tag-placeholder'));
  assert.ok(!codes(fixed).includes('sip.response.missing-to-tag'));
});

test('on logs, an inserted header carries the line decoration and the byte count follows', () => {
  const dir = join(ROOT, 'test', 'fixtures', 'formats');
  for (const [file, decorated] of [
    ['sipp/503-no-retry-after-uac_messages.log', 'Retry-After: 30\r\n'],
    ['ngrep/pcap-byline.txt', 'Retry-After: 30.\n'],
    ['freeswitch/freeswitch-handmade-siptrace.log', '   Retry-After: 30\n'],
    ['asterisk-chan_sip/chan_sip-handmade-per-line-prefix.log', 'chan_sip.c: Retry-After: 30\r\n'],
    ['prefixed/logcat-framed.log', '  9915 10262 D PjSipLogWriter: Retry-After: 30\r\n'],
    ['prefixed/syslog-unframed.log', ' pbx asterisk[1234]: Retry-After: 30\r\n'],
    ['prefixed/cri-unframed.log', 'Z stdout F Retry-After: 30\r\n'],
    ['crless/pjsip-crless.log', '\nRetry-After: 30\n'],
  ]) {
    const text = readFileSync(join(dir, file), 'utf8');
    const fixed = applyFirstFix(text, 'sip.503.missing-retry-after');
    assert.ok(fixed.includes(decorated), `${file}: ${JSON.stringify(decorated)}`);
    const after = lintText(fixed);
    assert.equal(after.filter((f) => f.code === 'sip.503.missing-retry-after').length, lintText(text).filter((f) => f.code === 'sip.503.missing-retry-after').length - 1, file);
    assert.ok(!after.some((f) => f.code === 'sip.framing.byte-count-mismatch'), `${file}: the byte count was updated`);
  }
});

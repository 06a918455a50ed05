// Size limits are handled, not hit: a 100 MB trace and a file full of findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTrace } from '../../server/src/sip/parser';
import { diagnose } from '../../server/src/sip/diagnose';
import { request, response } from '../helpers';

test('a 100 MB trace is parsed completely and its diagnostics stay bounded', () => {
  const call = request('INVITE') + response('503 Service Unavailable') + response('180 Ringing');
  const copies = Math.ceil((100 * 1024 * 1024) / call.length);
  const text = call.repeat(copies);
  const trace = parseTrace(text);
  assert.equal(trace.messages.length, copies * 3);
  assert.equal(trace.messages.at(trace.messages.length - 1).end, text.length);
  const { findings, omitted } = diagnose(trace, { maxFindings: 1000 });
  assert.equal(findings.length, 1000);
  assert.equal(omitted.information, copies * 2 - 1000);
});

test('a file of broken lines gives bounded findings', () => {
  const text = 'OPTIONS sip:a@b SIP/2.0\r\n' + 'no colon here\r\n'.repeat(200_000) + '\r\n';
  const { findings, omitted } = diagnose(parseTrace(text), { maxFindings: 500 });
  assert.equal(findings.length, 500);
  assert.ok(omitted.error > 199_000);
});

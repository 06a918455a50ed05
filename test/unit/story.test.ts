// The hover on a 302 or 503 tells what the client did next, from the real behaviour fixtures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTrace } from '../../server/src/sip/parser';
import { buildCallModel } from '../../server/src/sip/calls/callModel';
import { responsesOf, storyOf } from '../../server/src/sip/calls/story';
import { lineOf, ROOT } from '../helpers';

function story(file: string, code: number): string {
  const text = readFileSync(join(ROOT, 'test', 'fixtures', 'behaviour', file), 'utf8');
  const trace = parseTrace(text);
  const index = [...trace.messages].findIndex((m) => m.startLine.kind === 'response' && m.startLine.code === code);
  return storyOf(buildCallModel(trace), index, (o) => lineOf(text, o)).join('; ');
}

test('503 retried too early: the wait and the Retry-After side by side', () => {
  assert.match(story('retry-too-early_messages.log', 503), /ACKed \(line \d+\) ✔; retried the same server after 1\.0 s although Retry-After was 10 s \(line \d+\) ✘/);
  assert.match(story('retry-after-respected_messages.log', 503), /retried the same server after 2\.\d s, once Retry-After \(2 s\) had passed \(line \d+\) ✔/);
});

test('503 without Retry-After: failover or not', () => {
  assert.match(story('failover.sip', 503), /failed over to 127\.0\.0\.1:5071 \(line \d+\) ✔/);
  assert.match(story('no-failover.sip', 503), /retried the same server instead of failing over \(line \d+\) ✘/);
});

test('302: retried at the Contact, and whether later calls reused it', () => {
  assert.match(story('redirect-followed.sip', 302), /retried at sip:bob@127\.0\.0\.1:5080 \(line 46\) ✔; later calls did not reuse the temporary Contact ✔/);
  assert.match(story('contact-cached.sip', 302), /a later call went straight to the temporary Contact \(line \d+\) ✘/);
  assert.match(story('reused-branch.sip', 302), /the retry reuses the failed branch ✘/);
  assert.match(story('contact-not-tried.sip', 302), /never tried the Contact: the next INVITE for this target went to sip:bob@127\.0\.0\.1:5070 \(line 46\) ✘/);
});

test('a final response never ACKed', () => {
  assert.match(story('no-ack.sip', 486), /never ACKed ✘/);
});

test('a request hover lists its responses with their latency; retransmissions are named', () => {
  const text = readFileSync(join(ROOT, 'test', 'fixtures', 'behaviour', 'retry-too-early_messages.log'), 'utf8');
  const trace = parseTrace(text);
  const calls = buildCallModel(trace);
  assert.match(responsesOf(trace, calls, 0, (o) => lineOf(text, o)) ?? '', /^\*\*Responses:\*\* 100 Trying \(line \d+, 0\.0 s\), 503 Service Unavailable \(line \d+, 0\.0 s\)\.$/);
  const noAck = readFileSync(join(ROOT, 'test', 'fixtures', 'behaviour', 'no-ack.sip'), 'utf8');
  const noAckTrace = parseTrace(noAck);
  assert.match(responsesOf(noAckTrace, buildCallModel(noAckTrace), 0, (o) => lineOf(noAck, o)) ?? '', /486 Busy Here \(line \d+\).*486 Busy Here \(line \d+, retransmitted\)/);
});

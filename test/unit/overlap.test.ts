// Follow-ups when calls overlap, every reuse of a cached Contact, new requests during a 503's
// Retry-After and the 503 that keeps coming: on sngrep-style logs built here, with times and addresses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTrace } from '../../server/src/sip/parser';
import { runRules } from '../../server/src/sip/diagnose';
import { buildCallModel } from '../../server/src/sip/calls/callModel';
import { DEFAULT_RULE_PARAMETERS } from '../../server/src/sip/rules/rule';
import { storyOf } from '../../server/src/sip/calls/story';
import { lineOf } from '../helpers';

const CLIENT = '127.0.0.1:5060';
const SERVER = '127.0.0.1:5070';
const ALTERNATE = '127.0.0.1:5071';
const CONTACT = '127.0.0.1:5080';

interface Leg {
  /** Seconds from the start of the trace. */
  at: number;
  call: number;
  cseq: number;
  /** A request's method, or a response's status line after `SIP/2.0 `. */
  what: string;
  to?: string;
  branch?: string;
  extra?: string[];
  toTag?: boolean;
}

/** One sngrep-style frame: time, addresses, then the message (CRLF), as sngrep saves it. */
function frame(leg: Leg): string {
  const stamp = new Date(Date.UTC(2026, 10, 26, 10, 0, 0) + leg.at * 1000).toISOString().replace('T', ' ').replace('Z', '').replace(/-/g, '/');
  const target = leg.to ?? SERVER;
  const isRequest = !/^\d{3} /.test(leg.what);
  const method = isRequest ? leg.what : 'INVITE';
  const branch = leg.branch ?? `z9hG4bK-${leg.call}-${leg.cseq}`;
  const lines = [
    isRequest ? `${leg.what} sip:bob@${target} SIP/2.0` : `SIP/2.0 ${leg.what}`,
    `Via: SIP/2.0/UDP ${CLIENT};branch=${branch}`,
    `From: <sip:alice@${CLIENT}>;tag=tag-${leg.call}`,
    `To: <sip:bob@${SERVER}>${leg.toTag ? ';tag=callee' : ''}`,
    `Call-ID: call-${leg.call}@${CLIENT}`,
    `CSeq: ${leg.cseq} ${leg.what === 'ACK' ? 'ACK' : method}`,
    ...(isRequest ? ['Max-Forwards: 70', `Contact: <sip:alice@${CLIENT}>`] : []),
    ...(leg.extra ?? []),
    'Content-Length: 0',
  ];
  const [src, dst] = isRequest ? [CLIENT, target] : [target, CLIENT];
  return `${stamp.padEnd(26, '0')} ${src} -> ${dst}\n${lines.join('\r\n')}\r\n\r\n\n`;
}

function log(...legs: Leg[]): string {
  return legs.map(frame).join('');
}

/** Codes at the 1-based lines of the messages they are reported on. */
function hits(text: string, code: string, parameters = DEFAULT_RULE_PARAMETERS): number[] {
  return runRules(parseTrace(text), parameters)
    .filter((f) => f.code === code)
    .map((f) => lineOf(text, f.offset));
}

function lineOfMessage(text: string, n: number): number {
  return lineOf(text, parseTrace(text).messages.at(n).startLine.offset);
}

const invite = (at: number, call: number, cseq = 1, to?: string): Leg => ({ at, call, cseq, what: 'INVITE', to });
const reply = (at: number, call: number, status: string, cseq = 1, extra: string[] = [], to?: string): Leg => ({ at, call, cseq, what: status, extra, toTag: true, to });
const ack = (at: number, call: number, cseq = 1, to?: string): Leg => ({ at, call, cseq, what: 'ACK', to });

test('a 503 is linked to its own call\'s retry, not to the next call that started meanwhile', () => {
  // Call 1 gets a 503 (Retry-After 10), call 2 starts 0.1 s later, call 1 retries 1 s after its 503.
  const text = log(
    invite(0, 1),
    reply(0.01, 1, '503 Service Unavailable', 1, ['Retry-After: 10']),
    ack(0.02, 1),
    invite(0.1, 2),
    reply(0.2, 2, '200 OK'),
    invite(1.01, 1, 2),
    reply(1.02, 1, '200 OK', 2),
  );
  const calls = buildCallModel(parseTrace(text));
  assert.equal(calls.followUps.get(1), 5, 'the retry of call 1 (CSeq 2), not the INVITE of call 2');
  assert.deepEqual(hits(text, 'sip.503.retry-too-early'), [lineOfMessage(text, 5)]);
  // Call 2 is a new request to the paused server: not a retry, but still against §21.5.4.
  assert.deepEqual(hits(text, 'sip.503.sent-during-retry-after'), [lineOfMessage(text, 3)]);
  assert.match(
    storyOf(calls, 1, (o) => lineOf(text, o)).join('; '),
    new RegExp(`retried the same server after 1\\.0 s although Retry-After was 10 s \\(line ${lineOfMessage(text, 5)}\\) ✘; 1 new request went to the same server during its Retry-After \\(line ${lineOfMessage(text, 3)}\\) ✘`),
  );
});

test('a call that gives up after its 503 is not "retried" by the next call to the same server', () => {
  const text = log(invite(0, 1), reply(0.01, 1, '503 Service Unavailable'), ack(0.02, 1), invite(0.1, 2), reply(0.2, 2, '200 OK'));
  const calls = buildCallModel(parseTrace(text));
  assert.equal(calls.followUps.get(1), undefined);
  assert.deepEqual(hits(text, 'sip.503.no-failover'), []);
  assert.deepEqual(hits(text, 'sip.503.sent-during-retry-after'), [], 'no Retry-After, nothing to respect');
});

test('a new call to another server after a 503 is its failover; the same call\'s retry still comes first', () => {
  const failover = log(invite(0, 1), reply(0.01, 1, '503 Service Unavailable'), ack(0.02, 1), invite(0.1, 2, 1, ALTERNATE), reply(0.2, 2, '200 OK', 1, [], ALTERNATE));
  assert.equal(buildCallModel(parseTrace(failover)).followUps.get(1), 3);
  const both = log(
    invite(0, 1),
    reply(0.01, 1, '503 Service Unavailable'),
    ack(0.02, 1),
    invite(0.1, 2, 1, ALTERNATE),
    invite(0.3, 1, 2),
    reply(0.4, 1, '200 OK', 2),
  );
  assert.equal(buildCallModel(parseTrace(both)).followUps.get(1), 4, 'same Call-ID, From tag and a higher CSeq wins');
  assert.deepEqual(hits(both, 'sip.503.no-failover'), [lineOfMessage(both, 4)]);
});

test('overlapping 302s: each call\'s retry at the Contact is its own; an ignored redirect is found among followed ones', () => {
  // Calls 1 and 2 overlap; call 1 follows its 302, call 2 ignores it and call 3 starts at the original URI.
  const text = log(
    invite(0, 1),
    invite(0.05, 2),
    reply(0.1, 1, '302 Moved Temporarily', 1, [`Contact: <sip:bob@${CONTACT}>`]),
    reply(0.11, 2, '302 Moved Temporarily', 1, [`Contact: <sip:bob@${CONTACT}>`]),
    ack(0.12, 1),
    ack(0.13, 2),
    invite(0.3, 1, 2, CONTACT),
    invite(0.4, 3),
  );
  const calls = buildCallModel(parseTrace(text));
  assert.equal(calls.followUps.get(2), 6);
  assert.equal(calls.followUps.get(3), undefined, 'call 1\'s retry is not call 2\'s');
  assert.deepEqual(hits(text, 'sip.302.contact-not-tried'), [lineOfMessage(text, 3)]);
});

test('every later request straight to a temporary Contact is reported, each once, with its 302', () => {
  const contact = [`Contact: <sip:bob@${CONTACT}>`];
  const text = log(
    invite(0, 1),
    reply(0.1, 1, '302 Moved Temporarily', 1, contact),
    ack(0.12, 1),
    invite(0.2, 1, 2, CONTACT),
    invite(3, 2, 1, CONTACT),
    invite(6, 3, 1, CONTACT),
    invite(9, 4),
    reply(9.1, 4, '302 Moved Temporarily', 1, contact),
    ack(9.2, 4),
    invite(9.3, 4, 2, CONTACT),
    invite(12, 5, 1, CONTACT),
  );
  const found = runRules(parseTrace(text)).filter((f) => f.code === 'sip.302.contact-cached');
  assert.deepEqual(
    found.map((f) => lineOf(text, f.offset)),
    [4, 5, 10].map((n) => lineOfMessage(text, n)),
  );
  // Calls 2 and 3 reused the first 302's Contact, call 5 the second's.
  assert.deepEqual(
    found.map((f) => lineOf(text, f.related![0].offset)),
    [1, 1, 7].map((n) => lineOfMessage(text, n)),
  );
});

test('sip.503.persistent: at least 3 requests answered 503 over at least 30 s, on the first, with the others related', () => {
  const calls = [0, 12, 24, 36];
  const text = log(...calls.flatMap((at, n) => [invite(at, n + 1), reply(at + 0.01, n + 1, '503 Service Unavailable', 1, ['Retry-After: 5']), ack(at + 0.02, n + 1)]));
  const found = runRules(parseTrace(text)).filter((f) => f.code === 'sip.503.persistent');
  assert.equal(found.length, 1);
  assert.equal(lineOf(text, found[0].offset), lineOfMessage(text, 1));
  assert.equal(found[0].related!.length, 3);
  assert.match(found[0].message, /127\.0\.0\.1:5070 answered 503 Service Unavailable to 4 requests over 36 s/);
  assert.match(found[0].message, /capacity/);
  // Spread over less than the span, or fewer than the count: silent; both are settings.
  assert.deepEqual(hits(text, 'sip.503.persistent', { ...DEFAULT_RULE_PARAMETERS, persistent503MinSpanSeconds: 40 }), []);
  assert.deepEqual(hits(text, 'sip.503.persistent', { ...DEFAULT_RULE_PARAMETERS, persistent503MinResponses: 5 }), []);
  const two = log(...calls.slice(0, 2).flatMap((at, n) => [invite(at * 3, n + 1), reply(at * 3 + 0.01, n + 1, '503 Service Unavailable')]));
  assert.deepEqual(hits(two, 'sip.503.persistent'), []);
  // Without times only a span of 0 can be met.
  const plain = calls.map((_, n) => frame(invite(0, n + 1)).split('\n').slice(1).join('\n') + frame(reply(0, n + 1, '503 Service Unavailable')).split('\n').slice(1).join('\n')).join('');
  assert.deepEqual(hits(plain, 'sip.503.persistent'), []);
  assert.equal(hits(plain, 'sip.503.persistent', { ...DEFAULT_RULE_PARAMETERS, persistent503MinSpanSeconds: 0 }).length, 1);
});

test('sip.503.sent-during-retry-after: silent once the Retry-After has run out, for in-dialog requests and for other servers', () => {
  const text = log(
    invite(0, 1),
    reply(0.01, 1, '503 Service Unavailable', 1, ['Retry-After: 2']),
    ack(0.02, 1),
    invite(0.5, 2, 1, ALTERNATE),
    { at: 0.6, call: 9, cseq: 5, what: 'BYE', toTag: true },
    invite(2.5, 3),
  );
  assert.deepEqual(hits(text, 'sip.503.sent-during-retry-after'), []);
});

test('a Contact whose URI carries expires= is still temporary: its reuse is reported', () => {
  const text = log(
    invite(0, 1),
    reply(0.1, 1, '302 Moved Temporarily', 1, [`Contact: <sip:bob@${CONTACT};expires=60>`]),
    ack(0.12, 1),
    invite(0.2, 1, 2, CONTACT),
    invite(3, 2, 1, CONTACT),
  );
  assert.deepEqual(hits(text, 'sip.302.contact-cached'), [lineOfMessage(text, 4)]);
});

// The call model: transactions (RFC 3261 §17.1.3), retransmissions, ACK and CANCEL, calls and dialogs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTrace } from '../../server/src/sip/parser';
import { buildCallModel } from '../../server/src/sip/calls/callModel';
import { FIXTURES, ROOT, request, response } from '../helpers';

function model(text: string) {
  return buildCallModel(parseTrace(text));
}

function fixture(name: string) {
  return model(readFileSync(join(ROOT, 'test', 'fixtures', 'behaviour', name), 'utf8'));
}

test('responses join their request by branch; a non-2xx ACK joins the INVITE transaction', () => {
  const calls = fixture('redirect-followed.sip');
  const [first] = calls.transactions;
  assert.equal(calls.summaries.at(first.request).method, 'INVITE');
  assert.deepEqual(first.responses.map((i) => calls.summaries.at(i).code), [302]);
  assert.equal(calls.summaries.at(first.ack).method, 'ACK');
  assert.equal(calls.transactionOf[first.ack], first.index);
  // The 2xx ACK is a transaction of its own (new branch), so it belongs to none.
  const twoHundredAck = [...calls.summaries].find((s) => s.method === 'ACK' && s.cseq === 2)!;
  assert.equal(calls.transactionOf[twoHundredAck.index], -1);
});

test('retransmitted responses are marked, not counted as new', () => {
  const calls = fixture('no-ack.sip');
  const busy = [...calls.summaries].filter((s) => s.code === 486);
  assert.ok(busy.length > 1);
  assert.deepEqual(busy.map((s) => calls.retransmission[s.index]), [0, ...busy.slice(1).map(() => 1)]);
});

test('calls group by Call-ID, dialogs by Call-ID and both tags', () => {
  const calls = fixture('redirect-followed.sip');
  assert.equal(calls.calls.size, 2);
  assert.equal(calls.dialogs.size, 4, 'each call: the 302 and the 200 come from different tags');
});

test('a retransmitted request joins its transaction; CANCEL is linked to its INVITE', () => {
  const invite = request('INVITE');
  const cancel = invite.replace(/^INVITE/, 'CANCEL').replace('CSeq: 314159 INVITE', 'CSeq: 314159 CANCEL');
  const calls = model(invite + invite + cancel + response('487 Request Terminated'));
  const [t] = calls.transactions;
  assert.deepEqual(t.retransmissions, [1]);
  assert.equal(t.cancel, 2);
  assert.equal(calls.transactions.length, 2, 'the CANCEL is a transaction of its own');
});

test('RFC 2543 peers without the magic cookie are matched by Call-ID, CSeq, From tag and Via', () => {
  const old = (text: string) => text.replace('branch=z9hG4bK776asdhds', 'branch=776asdhds');
  const calls = model(old(request('INVITE')) + old(response('180 Ringing')) + old(response('200 OK')));
  assert.equal(calls.transactions.length, 1);
  assert.deepEqual(calls.transactions.at(0).responses, [1, 2]);
});

test('tags and branches are read however they are spaced or cased (RFC 4475 wsinv)', () => {
  const text = readFileSync(join(FIXTURES, 'rfc4475', 'wsinv.dat'), 'utf8');
  const [s] = buildCallModel(parseTrace(text)).summaries;
  assert.equal(s.fromTag, '98asjd8');
  assert.equal(s.toTag, '1918181833n');
  assert.equal(s.branch, '390skdjuw');
  assert.equal(s.cseq, 9);
  assert.equal(s.method, 'INVITE');
});

test('one parameter reader: a Contact expires inside <…> is the URI\'s, not the Contact\'s (RFC 3261 §20.10)', () => {
  const uriParam = model(request('INVITE') + response('302 Moved Temporarily', ['Contact: <sip:bob@192.0.2.4;expires=60>']));
  assert.equal(uriParam.summaries.at(1).explicitExpiry, false);
  const headerParam = model(request('INVITE') + response('302 Moved Temporarily', ['Contact: <sip:bob@192.0.2.4> ; EXPIRES = 60']));
  assert.equal(headerParam.summaries.at(1).explicitExpiry, true);
  const addrSpec = model(request('INVITE') + response('302 Moved Temporarily', ['Contact: sip:bob@192.0.2.4;expires=60']));
  assert.equal(addrSpec.summaries.at(1).explicitExpiry, true, 'without <…> the parameters are the header\'s');
  assert.deepEqual(addrSpec.summaries.at(1).contacts, ['sip:bob@192.0.2.4']);
  const quoted = model(request('INVITE').replace('From: Alice <sip:alice@atlanta.example.com>;tag=1928301774', 'From: "A;tag=x" <sip:alice@atlanta.example.com;tag=uri>;tag=real'));
  assert.equal(quoted.summaries.at(0).fromTag, 'real');
});

test('the URI key ignores parameters and the case of scheme and host, not of the user', () => {
  const calls = model(request('INVITE', [], 'SIP:Bob@Biloxi.Example.COM:5060;transport=udp') + request('INVITE', [], 'sip:Bob@biloxi.example.com:5060'));
  assert.equal(calls.summaries.at(0).requestUriKey, 'sip:Bob@biloxi.example.com:5060');
  assert.equal(calls.summaries.at(1).requestUriKey, calls.summaries.at(0).requestUriKey);
  // Only the scheme's first or last letter in upper case, with the rest of the URI as usually written.
  for (const uri of ['Sip:Bob@biloxi.example.com:5060', 'siP:Bob@biloxi.example.com:5060', 'sIp:Bob@biloxi.example.com:5060;lr']) {
    assert.equal(model(request('INVITE', [], uri)).summaries.at(0).requestUriKey, 'sip:Bob@biloxi.example.com:5060', uri);
  }
});

test('summaries: a missing CSeq is NaN with no offset; a message without Call-ID has the empty one', () => {
  const noCSeq = request('INVITE').replace('CSeq: 314159 INVITE\r\n', '');
  const noCallId = request('BYE').replace('Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r\n', '');
  const calls = model(noCSeq + noCallId + request('INVITE').replace('Call-ID: a84b4c76e66710@pc33.atlanta.example.com', 'Call-ID: '));
  const [first, second] = calls.summaries;
  assert.ok(Number.isNaN(first.cseq));
  assert.equal(first.cseqOffset, undefined);
  assert.equal(second.cseq, 314159);
  assert.equal(second.callId, '');
  assert.deepEqual(calls.calls.get(''), [1, 2], 'grouped with the message whose Call-ID is empty');
  assert.equal(calls.summaries.length, 3);
});

test('summaries: kind, code, strings and offsets of requests and responses; the rare facts only where present', () => {
  const text = request('INVITE', ['Route: <sip:proxy.example.com;lr>']) + response('302 Moved Temporarily', ['Contact: <sip:bob@192.0.2.4>, <sip:bob@192.0.2.5>']) + response('503 Service Unavailable', ['Retry-After: 30']) + response('999 Bad');
  const calls = model(text);
  const [invite, redirect, overload, bad] = calls.summaries;
  assert.equal(invite.kind, 'request');
  assert.equal(invite.code, 0);
  assert.equal(invite.requestUri, 'sip:bob@biloxi.example.com');
  assert.equal(invite.routeKey, 'sip:@proxy.example.com');
  assert.equal(invite.toKey, 'sip:bob@biloxi.example.com');
  assert.equal(invite.toTag, undefined);
  // Strings sliced from the text where they lie, kept (Call-ID), or made (lower-cased sent-by, the catalogue's method).
  assert.equal(invite.fromTag, '1928301774');
  assert.equal(invite.branch, 'z9hG4bK776asdhds');
  assert.equal(invite.callId, 'a84b4c76e66710@pc33.atlanta.example.com');
  assert.equal(invite.method, 'INVITE');
  assert.equal(redirect.toTag, 'a6c85cf');
  assert.equal(model(request('INVITE').replace('UDP pc33.atlanta', 'UDP PC33.atlanta')).summaries.at(0).sentBy, 'pc33.atlanta.example.com');
  assert.equal(invite.offset, 0);
  assert.equal(invite.cseqOffset, text.indexOf('314159'));
  assert.equal(invite.branchOffset, text.indexOf('z9hG4bK776asdhds'));
  assert.equal(invite.contacts.length, 0, 'a request\'s Contact is not read');
  assert.equal(invite.topVia, undefined, 'an RFC 3261 branch needs no Via kept');
  assert.equal(redirect.kind, 'response');
  assert.equal(redirect.method, 'INVITE');
  assert.equal(redirect.requestUri, undefined);
  assert.equal(redirect.fromKey, undefined, 'keys are a request\'s');
  assert.equal(redirect.offset, text.indexOf('SIP/2.0 302'));
  assert.deepEqual(redirect.contacts, ['sip:bob@192.0.2.4', 'sip:bob@192.0.2.5']);
  assert.equal(redirect.retryAfter, undefined);
  assert.equal(overload.retryAfter, 30);
  assert.equal(overload.topVia, 'SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds', 'a 503 keeps its Vias');
  assert.deepEqual(overload.contacts, []);
  assert.equal(bad.kind, 'response', 'a response whose code is not read (0) is still a response');
  assert.equal(bad.code, 0);
  assert.equal(bad.time, undefined);
});

test('transactions: each keeps its own responses and retransmissions; a message without one has none', () => {
  const invite = request('INVITE');
  const bye = request('BYE').replace('branch=z9hG4bK776asdhds', 'branch=z9hG4bKbye').replace('CSeq: 314159 BYE', 'CSeq: 314160 BYE');
  const byeOk = response('200 OK', [], 'BYE').replace('branch=z9hG4bK776asdhds', 'branch=z9hG4bKbye').replace('CSeq: 314159 BYE', 'CSeq: 314160 BYE');
  const ack2xx = request('ACK').replace('branch=z9hG4bK776asdhds', 'branch=z9hG4bKack');
  const calls = model(invite + response('180 Ringing') + invite + response('200 OK') + ack2xx + bye + bye + byeOk);
  const [inviteT, byeT] = calls.transactions;
  assert.equal(calls.transactions.length, 2);
  assert.deepEqual([inviteT.method, inviteT.request, inviteT.final, inviteT.ack, inviteT.cancel], ['INVITE', 0, 3, -1, -1]);
  assert.deepEqual(inviteT.responses, [1, 3]);
  assert.deepEqual(inviteT.retransmissions, [2]);
  assert.deepEqual([byeT.method, byeT.request, byeT.final], ['BYE', 5, 7]);
  assert.deepEqual(byeT.responses, [7]);
  assert.deepEqual(byeT.retransmissions, [6]);
  assert.equal(calls.transactions.ofMessage(4), undefined, 'the ACK of a 2xx is a transaction of its own');
  assert.equal(calls.transactions.ofMessage(7)!.index, 1);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { STATUS_CODES, statusCodeInfo, statusClassName } from '../../server/src/sip/catalog/statusCodes';
import { HEADERS, headerInfo } from '../../server/src/sip/catalog/headers';
import { METHODS, methodInfo } from '../../server/src/sip/catalog/methods';
import { COMPACT_OF } from '../../server/src/sip/headerNames';

const RFC3261_CODES = [
  100, 180, 181, 182, 183, 200, 300, 301, 302, 305, 380, 400, 401, 402, 403, 404, 405, 406, 407, 408, 410, 413,
  414, 415, 416, 420, 421, 423, 480, 481, 482, 483, 484, 485, 486, 487, 488, 491, 493, 500, 501, 502, 503, 504,
  505, 513, 600, 603, 604, 606,
];

const EXTENSION_CODES: Record<number, string> = {
  199: 'RFC 6228',
  202: 'RFC 6665',
  204: 'RFC 5839',
  412: 'RFC 3903',
  417: 'RFC 4412',
  422: 'RFC 4028',
  424: 'RFC 6442',
  428: 'RFC 8224',
  429: 'RFC 3892',
  430: 'RFC 5626',
  433: 'RFC 5079',
  436: 'RFC 8224',
  437: 'RFC 8224',
  438: 'RFC 8224',
  439: 'RFC 5626',
  440: 'RFC 5393',
  469: 'RFC 6086',
  470: 'RFC 5360',
  489: 'RFC 6665',
  494: 'RFC 3329',
  555: 'RFC 8599',
  580: 'RFC 3312',
  607: 'RFC 8197',
  608: 'RFC 8688',
};

const RFC_PATTERN = /^RFC \d{4} §\d+(\.\d+)*$/;

function assertCitation(label: string, rfc: string, url: string): void {
  assert.ok(rfc.startsWith('RFC '), `${label}: rfc ${rfc}`);
  assert.match(rfc, RFC_PATTERN, `${label}: rfc ${rfc}`);
  assert.ok(url.startsWith('https://www.rfc-editor.org/rfc/rfc'), `${label}: url ${url}`);
  // The URL must point at the RFC and section named in the rfc string.
  const [, num, section] = /^RFC (\d+) §(.+)$/.exec(rfc) ?? [];
  assert.equal(url, `https://www.rfc-editor.org/rfc/rfc${num}#section-${section}`, `${label}: url matches rfc`);
}

test('every RFC 3261 §21 status code is present and complete', () => {
  for (const code of RFC3261_CODES) {
    const info = statusCodeInfo(code);
    assert.ok(info, `missing ${code}`);
    assert.equal(info.code, code);
    for (const field of ['reason', 'meaning', 'whenYouSeeIt', 'clientAction', 'rfc', 'url'] as const) {
      assert.ok(info[field].trim().length > 0, `${code}.${field} is empty`);
    }
    assertCitation(String(code), info.rfc, info.url);
    assert.ok(info.rfc.startsWith('RFC 3261 §21.'), `${code} should cite RFC 3261 §21: ${info.rfc}`);
  }
});

test('extension status codes cite their defining RFC', () => {
  for (const [code, rfc] of Object.entries(EXTENSION_CODES)) {
    const info = statusCodeInfo(Number(code));
    assert.ok(info, `missing ${code}`);
    assert.ok(info.rfc.startsWith(`${rfc} §`), `${code}: expected ${rfc}, got ${info.rfc}`);
  }
});

test('all status codes are well formed and unique', () => {
  const seen = new Set<number>();
  for (const info of STATUS_CODES) {
    assert.ok(!seen.has(info.code), `duplicate code ${info.code}`);
    seen.add(info.code);
    assert.ok(statusClassName(info.code), `${info.code} outside 100-699`);
    for (const field of ['reason', 'meaning', 'whenYouSeeIt', 'clientAction'] as const) {
      assert.ok(info[field].trim().length > 0, `${info.code}.${field} is empty`);
      assert.doesNotMatch(info[field], /\*|\s_|_\s/, `${info.code}.${field} has Markdown emphasis characters`);
    }
    assertCitation(String(info.code), info.rfc, info.url);
  }
  assert.equal(statusCodeInfo(299), undefined);
  assert.equal(statusCodeInfo(999), undefined);
});

test('canonical reason phrases', () => {
  assert.equal(statusCodeInfo(302)?.reason, 'Moved Temporarily');
  assert.equal(statusCodeInfo(503)?.reason, 'Service Unavailable');
  assert.equal(statusCodeInfo(481)?.reason, 'Call/Transaction Does Not Exist');
  assert.equal(statusCodeInfo(500)?.reason, 'Server Internal Error');
  assert.equal(statusCodeInfo(504)?.reason, 'Server Time-out');
});

test('statusClassName boundaries', () => {
  assert.equal(statusClassName(99), undefined);
  assert.equal(statusClassName(100), 'Provisional');
  assert.equal(statusClassName(199), 'Provisional');
  assert.equal(statusClassName(200), 'Success');
  assert.equal(statusClassName(299), 'Success');
  assert.equal(statusClassName(300), 'Redirection');
  assert.equal(statusClassName(399), 'Redirection');
  assert.equal(statusClassName(400), 'Client Failure');
  assert.equal(statusClassName(499), 'Client Failure');
  assert.equal(statusClassName(500), 'Server Failure');
  assert.equal(statusClassName(599), 'Server Failure');
  assert.equal(statusClassName(600), 'Global Failure');
  assert.equal(statusClassName(699), 'Global Failure');
  assert.equal(statusClassName(700), undefined);
  assert.equal(statusClassName(0), undefined);
  assert.equal(statusClassName(-100), undefined);
  assert.equal(statusClassName(150.5), undefined);
  assert.equal(statusClassName(Number.NaN), undefined);
});

test('302 Moved Temporarily tells the client what to do', () => {
  const info = statusCodeInfo(302);
  assert.ok(info);
  assert.equal(info.rfc, 'RFC 3261 §21.3.3');
  assert.equal(info.url, 'https://www.rfc-editor.org/rfc/rfc3261#section-21.3.3');
  assert.match(info.clientAction, /retry/i);
  assert.match(info.clientAction, /Contact/);
  assert.match(info.clientAction, /original/);
  assert.match(info.clientAction, /future requests/i);
  assert.match(info.clientAction, /ACK/);
  assert.match(info.clientAction, /Expires/);
});

test('503 Service Unavailable tells the client what to do', () => {
  const info = statusCodeInfo(503);
  assert.ok(info);
  assert.equal(info.rfc, 'RFC 3261 §21.5.4');
  assert.match(info.clientAction, /Retry-After/);
  assert.match(info.clientAction, /fail over|another server/i);
  assert.match(info.clientAction, /500/);
  assert.match(info.clientAction, /RFC 3263/);
});

test('every compact header form is documented with its letter', () => {
  const compactEntries = Object.entries(COMPACT_OF);
  assert.ok(compactEntries.length > 0);
  for (const [longName, letter] of compactEntries) {
    const info = headerInfo(longName);
    assert.ok(info, `missing header ${longName}`);
    assert.equal(info.compact, letter, `${longName} compact form`);
    assert.ok(HEADERS.includes(info));
  }
  for (const info of HEADERS) {
    assert.equal(info.compact, COMPACT_OF[info.name.toLowerCase()], `${info.name} compact must come from COMPACT_OF`);
  }
});

test('headers: RFC 3261 §20 coverage, citations and uniqueness', () => {
  const rfc3261Sections = HEADERS.filter((h) => h.rfc.startsWith('RFC 3261 §20.')).map((h) => h.rfc);
  assert.equal(new Set(rfc3261Sections).size, 44, 'one entry per RFC 3261 §20.1-§20.44');
  assert.equal(headerInfo('via')?.rfc, 'RFC 3261 §20.42');
  assert.match(headerInfo('via')?.purpose ?? '', /z9hG4bK/);
  assert.equal(headerInfo('www-authenticate')?.name, 'WWW-Authenticate');
  assert.equal(headerInfo('call-id')?.name, 'Call-ID');
  assert.equal(headerInfo('cseq')?.name, 'CSeq');
  assert.equal(headerInfo('no-such-header'), undefined);
  for (const name of [
    'reason', 'session-expires', 'min-se', 'p-asserted-identity', 'p-preferred-identity', 'privacy', 'event',
    'allow-events', 'subscription-state', 'refer-to', 'referred-by', 'replaces', 'path', 'service-route', 'rack',
    'rseq', 'security-client', 'security-server', 'security-verify', 'accept-contact', 'reject-contact',
    'request-disposition', 'identity', 'identity-info', 'sip-etag', 'sip-if-match', 'target-dialog', 'join',
    'history-info', 'diversion', 'p-charging-vector', 'p-access-network-info', 'p-called-party-id',
    'p-visited-network-id', 'p-associated-uri', 'geolocation', 'max-breadth', 'flow-timer', 'user-agent', 'server',
  ]) {
    assert.ok(headerInfo(name), `missing header ${name}`);
  }
  const seen = new Set<string>();
  for (const info of HEADERS) {
    const key = info.name.toLowerCase();
    assert.ok(!seen.has(key), `duplicate header ${info.name}`);
    seen.add(key);
    assert.ok(info.purpose.trim().length > 0, `${info.name} purpose empty`);
    assert.doesNotMatch(info.purpose, /\*(?!`)|\s_|_\s/, `${info.name} has Markdown emphasis characters`);
    assertCitation(info.name, info.rfc, info.url);
    assert.equal(headerInfo(key), info);
  }
});

test('methods: coverage, case-sensitive lookup, uniqueness', () => {
  const expected: Record<string, string> = {
    INVITE: 'RFC 3261', ACK: 'RFC 3261', BYE: 'RFC 3261', CANCEL: 'RFC 3261', REGISTER: 'RFC 3261',
    OPTIONS: 'RFC 3261', PRACK: 'RFC 3262', SUBSCRIBE: 'RFC 6665', NOTIFY: 'RFC 6665', PUBLISH: 'RFC 3903',
    INFO: 'RFC 6086', REFER: 'RFC 3515', MESSAGE: 'RFC 3428', UPDATE: 'RFC 3311',
  };
  for (const [name, rfc] of Object.entries(expected)) {
    const info = methodInfo(name);
    assert.ok(info, `missing ${name}`);
    assert.equal(info.name, name);
    assert.ok(info.rfc.startsWith(`${rfc} §`), `${name}: ${info.rfc}`);
    assert.ok(info.purpose.trim().length > 0);
    assertCitation(name, info.rfc, info.url);
  }
  assert.equal(METHODS.length, Object.keys(expected).length);
  assert.equal(new Set(METHODS.map((m) => m.name)).size, METHODS.length, 'duplicate method');
  assert.equal(methodInfo('invite'), undefined);
  assert.equal(methodInfo('Invite'), undefined);
  assert.equal(methodInfo('INVITE ')?.name, undefined);
  assert.equal(methodInfo('FOO'), undefined);
});

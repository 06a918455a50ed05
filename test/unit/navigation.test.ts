// Go to Definition from a response to its request; Find All References on a Call-ID and on a branch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/languageService';
import { FIXTURES } from '../helpers';

const text = readFileSync(join(FIXTURES, 'behaviour', 'redirect-followed.sip'), 'utf8');
const lines = text.split('\r\n');
const service = getLanguageService();
const document = TextDocument.create('file:///redirect-followed.sip', 'sip', 1, text);

/** The position of the `nth` line (0-based among those) that starts with `prefix`, `column` characters into it. */
function at(prefix: string, nth = 0, column = 0) {
  const line = lines.map((l, i) => (l.startsWith(prefix) ? i : -1)).filter((i) => i >= 0)[nth];
  assert.ok(line !== undefined, `line ${nth} starting with ${prefix}`);
  return { line, character: column };
}

test('Go to Definition in a response lands on the start line of its request', () => {
  const fromStatus = service.getDefinition(document, at('SIP/2.0 302', 0, 9));
  assert.deepEqual(fromStatus?.range, { start: at('INVITE '), end: { line: 0, character: lines[0].length } });
  // Anywhere in the response, for the 200 of the second INVITE: the retry, not the first INVITE.
  assert.equal(service.getDefinition(document, at('CSeq:', 6, 3))?.range.start.line, at('INVITE ', 1).line);
});

test('Go to Definition in a request, or in a response without its request, finds nothing', () => {
  assert.equal(service.getDefinition(document, at('INVITE ', 0, 2)), null);
  const orphan = TextDocument.create('file:///orphan.sip', 'sip', 1, lines.slice(at('SIP/2.0 302').line).join('\r\n'));
  assert.equal(service.getDefinition(orphan, { line: 0, character: 9 }), null);
});

test('Find All References on a Call-ID lists that Call-ID in every message of the call', () => {
  const callIds = lines.map((l, i) => (l === 'Call-ID: 1-20889@127.0.0.1' ? i : -1)).filter((i) => i >= 0);
  const found = service.findReferences(document, at('Call-ID:', 0, 12), true);
  assert.deepEqual(found.map((l) => l.range), callIds.map((line) => ({ start: { line, character: 9 }, end: { line, character: 26 } })));
  assert.equal(found.length, 10, 'INVITE, 302, ACK, INVITE, 100, 180, 200, ACK, BYE, 200');
  assert.deepEqual(service.findReferences(document, at('Call-ID:', 0, 12), false).map((l) => l.range.start.line), callIds.slice(1), 'the first message declares the call');
});

test('Find All References on a top Via branch lists the transaction: request, 302 and its ACK', () => {
  const column = lines[1].indexOf('z9hG4bK');
  const found = service.findReferences(document, at('Via:', 0, column + 3), true);
  const branchLines = lines.map((l, i) => (l.includes('branch=z9hG4bK-20889-1-4;') ? i : -1)).filter((i) => i >= 0);
  assert.equal(branchLines.length, 3, 'INVITE, 302, ACK (test oracle)');
  assert.deepEqual(found.map((l) => l.range.start), branchLines.map((line) => ({ line, character: column })));
  assert.deepEqual(service.findReferences(document, at('Via:', 0, 5), true), [], 'elsewhere in the Via: nothing');
});

test('Find All References on any Via branch: a branch below a proxy\'s Via finds the transaction on both hops', () => {
  const proxied = readFileSync(join(FIXTURES, 'behaviour', 'proxy-forwarded-503.sip'), 'utf8');
  const rows = proxied.split('\r\n');
  const doc = TextDocument.create('file:///proxy-forwarded-503.sip', 'sip', 1, proxied);
  const branch = 'z9hG4bK-21049-1-0';
  // Every Via value that carries the client's branch, top or not, in whatever field or list element (test oracle).
  const carrying = rows.flatMap((l, line) => (/^Via:/.test(l) ? [...l.matchAll(/branch=z9hG4bK-21049-1-0\b/g)].map((m) => ({ line, character: m.index! + 7 })) : []));
  assert.equal(carrying.length, 7, 'INVITE, 100, forwarded INVITE, its 100 and 503, the 503 passed back, the ACK');
  const second = rows.findIndex((l, i) => l.startsWith('Via:') && l.includes(branch) && rows[i - 1].startsWith('Via:'));
  for (const from of [{ line: second, character: rows[second].indexOf(branch) + 2 }, carrying[0], carrying[3]]) {
    assert.deepEqual(service.findReferences(doc, from, true).map((l) => l.range.start), carrying, JSON.stringify(from));
  }
  assert.deepEqual(service.findReferences(doc, carrying[3], false).map((l) => l.range.start), carrying.slice(1), 'the first INVITE declares it');
  // The proxy's own branch: its INVITE, 100, 503 and the ACK it sent, not the client's messages.
  const proxyBranch = rows[second - 1].slice(rows[second - 1].indexOf('z9hG4bKb40e'));
  const proxyFound = service.findReferences(doc, { line: second - 1, character: rows[second - 1].indexOf('z9hG4bKb40e') + 3 }, true);
  assert.equal(proxyFound.length, rows.filter((l) => l.startsWith('Via:') && l.includes(proxyBranch)).length);
  assert.equal(proxyFound.length, 4);
});

// The Outline: calls → transactions → messages, named as the calls list names them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/languageService';
import { FIXTURES, crlf, messageSymbols } from '../helpers';

function behaviour(name: string): string {
  return readFileSync(join(FIXTURES, 'behaviour', name), 'utf8');
}

function symbolsOf(text: string): DocumentSymbol[] {
  return getLanguageService().getSymbols(TextDocument.create('file:///trace.sip', 'sip', 1, text));
}

function tree(symbols: readonly DocumentSymbol[] | undefined, depth = 0): string[] {
  return (symbols ?? []).flatMap((s) => [`${'  '.repeat(depth)}${s.name}`, ...tree(s.children, depth + 1)]);
}

function contains(outer: DocumentSymbol['range'], inner: DocumentSymbol['range']): boolean {
  const before = (a: DocumentSymbol['range']['start'], b: DocumentSymbol['range']['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

test('a followed 302: one call, its transactions, their messages; the 2xx ACK directly under the call', () => {
  assert.deepEqual(tree(symbolsOf(behaviour('redirect-followed.sip'))).slice(0, 14), [
    'Call 1-20889: INVITE alice → bob (302 → 200 OK)',
    '  INVITE → 302 Moved Temporarily',
    '    INVITE sip:bob@127.0.0.1:5070 SIP/2.0',
    '    SIP/2.0 302 Moved Temporarily',
    '    ACK sip:bob@127.0.0.1:5070 SIP/2.0',
    '  INVITE → 200 OK',
    '    INVITE sip:bob@127.0.0.1:5080 SIP/2.0',
    '    SIP/2.0 100 Trying',
    '    SIP/2.0 180 Ringing',
    '    SIP/2.0 200 OK',
    '  ACK sip:bob@127.0.0.1:5080 SIP/2.0',
    '  BYE → 200 OK',
    '    BYE sip:bob@127.0.0.1:5080 SIP/2.0',
    '    SIP/2.0 200 OK',
  ]);
});

test('every message is one leaf, in a call whose range holds it; the leaves keep the log\'s time and route', () => {
  const text = behaviour('overlap-redirect-followed_messages.log');
  const service = getLanguageService();
  const document = TextDocument.create('file:///trace.log', 'sip', 1, text);
  const symbols = service.getSymbols(document);
  const all = messageSymbols(symbols);
  assert.deepEqual(all.map((s) => s.detail).sort(), all.map((_, i) => `#${i + 1}`).sort());
  assert.match(all[0].name, /^\d{2}:\d{2}:\d{2}\.\d{3} sent INVITE /);
  for (const call of symbols) for (const child of call.children ?? []) assert.ok(contains(call.range, child.range), `${child.name} inside ${call.name}`);
  assert.ok(symbols.length > 1 && symbols.every((s) => s.name.startsWith('Call ')), 'overlapping calls stay apart');
});

test('a transaction without a final response says so; a message without a Call-ID stands alone at the top', () => {
  const invite = crlf('INVITE sip:bob@biloxi.example.com SIP/2.0', 'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds', 'From: <sip:alice@atlanta.example.com>;tag=1928301774', 'To: <sip:bob@biloxi.example.com>', 'Call-ID: a84b4c76e66710@pc33.atlanta.example.com', 'CSeq: 314159 INVITE', 'Max-Forwards: 70', 'Content-Length: 0');
  const stray = crlf('SIP/2.0 200 OK', 'CSeq: 1 OPTIONS', 'Content-Length: 0');
  assert.deepEqual(tree(symbolsOf(invite + stray)), [
    'Call a84b4c76: INVITE alice → bob (no final response)',
    '  INVITE (no final response)',
    '    INVITE sip:bob@biloxi.example.com SIP/2.0',
    'SIP/2.0 200 OK',
  ]);
});

test('the Outline of 20,000 messages has every call and every message', () => {
  const one = behaviour('redirect-followed.sip');
  const copies = Math.ceil(20_000 / symbolsOf(one).reduce((n, s) => n + messageSymbols([s]).length, 0));
  const text = Array.from({ length: copies }, (_, k) => one.replace(/Call-ID: (\d+)-/g, `Call-ID: ${k}x$1-`)).join('');
  const symbols = symbolsOf(text);
  assert.ok(messageSymbols(symbols).length >= 20_000);
  assert.equal(symbols.length, copies * 2);
});

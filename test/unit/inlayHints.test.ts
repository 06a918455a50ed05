// Inlay hints: the time since the previous message of the same call, after each start line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/languageService';
import { DEFAULT_SETTINGS, readSettings } from '../../server/src/settings';
import { FIXTURES } from '../helpers';

const service = getLanguageService();

function open(name: string): TextDocument {
  return TextDocument.create(`file:///${name}`, 'sip', 1, readFileSync(join(FIXTURES, 'behaviour', name), 'utf8'));
}

const everything = { start: { line: 0, character: 0 }, end: { line: 1e6, character: 0 } };

test('after a start line: the time since the previous message of the same call, not of the calls in between', () => {
  const document = open('overlap-redirect-followed_messages.log');
  const lines = document.getText().split('\n');
  const hints = service.getInlayHints(document, everything, DEFAULT_SETTINGS);
  const retry = hints.find((h) => h.position.line === 132)!;
  assert.ok(lines[132].startsWith('INVITE sip:bob@127.0.0.1:5080 '), 'the retry of call 1 (test oracle)');
  assert.deepEqual(retry.position, { line: 132, character: lines[132].trimEnd().length });
  assert.equal(retry.label, '+0.253 s');
  assert.match(String(retry.tooltip), /call 1-26727@127\.0\.0\.1 \(line 34\)$/);
  // The first message of each call has nothing before it.
  const calls = service.documents.get(document).calls.calls.size;
  assert.equal(hints.length, service.documents.get(document).trace.messages.length - calls);
  assert.ok(!hints.some((h) => h.position.line === 3), 'none on the first INVITE');
});

test('only the start lines in the range asked for', () => {
  const document = open('overlap-redirect-followed_messages.log');
  const hints = service.getInlayHints(document, { start: { line: 100, character: 0 }, end: { line: 140, character: 0 } }, DEFAULT_SETTINGS);
  assert.deepEqual(hints.map((h) => h.position.line), [105, 119, 132]);
});

test('none where the trace has no times, and none when the setting turns them off', () => {
  assert.deepEqual(service.getInlayHints(open('redirect-followed.sip'), everything, DEFAULT_SETTINGS), []);
  const off = readSettings({ inlayHints: { callDelta: false } });
  assert.equal(off.inlayHints.callDelta, false);
  assert.deepEqual(service.getInlayHints(open('overlap-redirect-followed_messages.log'), everything, off), []);
  assert.equal(readSettings({ inlayHints: { callDelta: 'no' } }).inlayHints.callDelta, true, 'a bad value keeps the default');
});

// Folding: a fold per message (start line to last line with text) and per multi-line body.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/languageService';
import { FIXTURES, response } from '../helpers';

function foldsOf(text: string, uri = 'file:///trace.sip') {
  return getLanguageService().getFoldingRanges(TextDocument.create(uri, 'sip', 1, text));
}

test('each message folds from its start line to its last line with text; its body folds inside it', () => {
  const sdp = 'v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n';
  const invite = ['INVITE sip:bob@biloxi.example.com SIP/2.0', 'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds', 'Call-ID: a84b4c76e66710', 'CSeq: 1 INVITE', 'Content-Type: application/sdp', `Content-Length: ${sdp.length}`, '', ''].join('\r\n') + sdp;
  const text = invite + '\r\n' + response('302 Moved Temporarily', ['Contact: <sip:bob@192.0.2.4>']);
  const lines = text.split('\r\n');
  const inviteStart = 0;
  const blank = lines.indexOf('');
  const statusLine = lines.findIndex((l) => l.startsWith('SIP/2.0 302'));
  const lastHeader = lines.length - 1 - [...lines].reverse().findIndex((l) => l !== '');
  assert.deepEqual(foldsOf(text), [
    { startLine: inviteStart, endLine: lines.indexOf('m=audio 4000 RTP/AVP 0') },
    { startLine: blank + 1, endLine: lines.indexOf('m=audio 4000 RTP/AVP 0') },
    { startLine: statusLine, endLine: lastHeader },
  ]);
});

test('a log format: every message of a SIPp log gets its fold, starting at its start line', () => {
  const text = readFileSync(join(FIXTURES, 'behaviour', 'contact-cached_messages.log'), 'utf8');
  const lines = text.split(/\r?\n/);
  const folds = foldsOf(text, 'file:///contact-cached_messages.log');
  const messageFolds = folds.filter((f) => /^([A-Z]+ \S+ SIP\/2\.0|SIP\/2\.0 \d{3})/.test(lines[f.startLine]));
  const startLines = lines.filter((l) => /^([A-Z]+ \S+ SIP\/2\.0|SIP\/2\.0 \d{3} )/.test(l)).length;
  assert.equal(messageFolds.length, startLines);
  for (const f of messageFolds) {
    assert.ok(f.endLine > f.startLine);
    assert.notEqual(lines[f.endLine].trim(), '', 'a fold ends on a line with text');
  }
});

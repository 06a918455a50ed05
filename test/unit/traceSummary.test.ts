// SIP: Trace Summary: the trace in numbers, as Markdown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/languageService';
import { FIXTURES, crlf } from '../helpers';

function summaryOf(name: string): string {
  return getLanguageService().getTraceSummary(TextDocument.create(`file:///traces/${name}`, 'sip', 1, readFileSync(join(FIXTURES, 'behaviour', name), 'utf8'))).markdown;
}
/** The rows of the Markdown table under `heading`, as cells. */
function rows(markdown: string, heading: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`## ${heading}`);
  assert.ok(start >= 0, heading);
  const after = lines.slice(start + 1);
  const end = after.findIndex((l) => l.startsWith('## '));
  return (end < 0 ? after : after.slice(0, end)).filter((l) => l.startsWith('|')).slice(2).map((l) => l.slice(2, -2).split(' | '));
}

test('counts per method and status code, transactions per server, the 503s over time, the slowest', () => {
  const markdown = summaryOf('persistent-503_messages.log');
  assert.match(markdown, /^# SIP trace summary: persistent\\-503\\_messages\.log\n\n12 messages · 4 calls · 4 transactions · over 36 s\n/);
  assert.deepEqual(rows(markdown, 'Requests per method'), [['INVITE', '4', '0'], ['ACK', '4', '0']]);
  assert.deepEqual(rows(markdown, 'Responses per status code'), [['503', 'Service Unavailable', '4', '0']]);
  assert.deepEqual(rows(markdown, 'Transactions per server'), [['127.0.0.1:5070', '4', '0', '0', '0', '0', '4', '0', '0', '0']]);
  // One 503 every ten seconds or so: 10 s columns, one in each.
  assert.match(markdown, /\| Server \| Code \| \+0 s \| \+10 s \| \+20 s \| \+30 s \|/);
  assert.deepEqual(rows(markdown, '302 and 503 per server over time'), [['127.0.0.1:5070', '503', '1', '1', '1', '1']]);
  const slowest = rows(markdown, 'Slowest transactions');
  assert.equal(slowest.length, 4);
  assert.match(slowest[0][1], /^\[\d+\]\(file:\/\/\/traces\/persistent-503_messages\.log#L\d+\)$/);
});

test('without times: the counts, and no timeline or slowest list', () => {
  const markdown = summaryOf('redirect-followed.sip');
  assert.match(markdown, /20 messages · 2 calls · 6 transactions · the log has no times/);
  assert.deepEqual(rows(markdown, 'Transactions per server').map((r) => r.slice(0, 4)), [['127.0.0.1:5080', '4', '4', '0'], ['127.0.0.1:5070', '2', '0', '2']]);
  assert.deepEqual(rows(markdown, '302 and 503 per server over time'), [['127.0.0.1:5070', '2', '0']]);
  assert.deepEqual(rows(markdown, 'Slowest transactions'), []);
});

test('text from the trace is escaped: a reason phrase cannot add markup, links or table cells', () => {
  const hostile = crlf('SIP/2.0 503 <img src=x onerror=alert(1)> | [click](http://evil) *', 'Via: SIP/2.0/UDP h;branch=z9hG4bK1', 'Call-ID: c', 'CSeq: 1 INVITE', 'Content-Length: 0');
  const markdown = getLanguageService().getTraceSummary(TextDocument.create('file:///h.sip', 'sip', 1, hostile)).markdown;
  const [row] = rows(markdown, 'Responses per status code');
  assert.equal(row.length, 4, 'no extra cell');
  assert.equal(row[1], '\\<img src=x onerror=alert\\(1\\)\\> \\| \\[click\\]\\(http://evil\\) \\*');
});

// The call flow over LSP: the custom requests the webview and the export use, with the user's
// severities, bad parameters refused, and the "Call flow" CodeLens on each call's first request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { CodeLens } from 'vscode-languageserver-types';
import { CallFlow, arrowOf, arrowsOf } from '../../server/src/sip/flow/flowModel';
import { CALL_FLOW, CALL_FLOW_EXPORT } from '../../server/src/protocol';
import { FIXTURES, ROOT } from '../helpers';

test('sipTrace/callFlow, sipTrace/callFlowExport and the CodeLens on a real SIPp trace', async () => {
  const server = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lsp = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
  // The user made the 302's note an error: the flow marks it so.
  lsp.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ rules: { 'sip.302.moved-temporarily': 'error' } })));
  lsp.onNotification(() => undefined);
  lsp.listen();
  try {
    await lsp.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
    await lsp.sendNotification('initialized', {});
    const uri = 'file:///tmp/redirect-followed.sip';
    const text = readFileSync(join(FIXTURES, 'behaviour', 'redirect-followed.sip'), 'utf8');
    await lsp.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sip', version: 1, text } });

    const flow = await lsp.sendRequest<CallFlow>(CALL_FLOW, { uri, calls: ['2-20889@127.0.0.1'], legs: false, names: { '127.0.0.1:5080': 'bob phone' } });
    assert.deepEqual(flow.participants.map((p) => p.name), ['127.0.0.1:5060', '127.0.0.1:5070', 'bob phone']);
    assert.equal(flow.arrows.count, 10);
    assert.equal(flow.calls.length, 2);
    const moved = arrowsOf(flow).find((a) => a.code === 302)!;
    assert.equal(moved.severity, 'error');
    assert.equal(moved.line, text.slice(0, moved.offset).split('\n').length);

    const mermaid = await lsp.sendRequest<string>(CALL_FLOW_EXPORT, { uri, calls: [], legs: false, names: {}, format: 'mermaid' });
    assert.equal(mermaid.split('\n').filter((l) => /^ {4}P\d+-?->>P\d+: /.test(l)).length, 20);
    assert.match(await lsp.sendRequest<string>(CALL_FLOW_EXPORT, { uri, format: 'csv' }), /^Call-ID,From,To,/);
    assert.equal(await lsp.sendRequest(CALL_FLOW_EXPORT, { uri, format: 'exe' }), null);
    assert.equal(await lsp.sendRequest(CALL_FLOW, { uri: 'file:///not/open.sip' }), null);
    assert.equal(await lsp.sendRequest(CALL_FLOW, 'garbage'), null);

    const lenses = await lsp.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command, l.command?.arguments]),
      [
        [0, 'Call flow', 'sipTrace.showCallFlow', [uri, '1-20889@127.0.0.1']],
        [arrowOf(flow, 0).line - 1, 'Call flow', 'sipTrace.showCallFlow', [uri, '2-20889@127.0.0.1']],
      ],
    );
    await lsp.sendRequest('shutdown');
    await lsp.sendNotification('exit');
  } finally {
    lsp.dispose();
    server.kill();
  }
});

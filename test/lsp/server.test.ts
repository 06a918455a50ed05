// Starts the bundled server (dist/server.js --stdio) and speaks LSP to it, as an editor would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, DocumentSymbol, Hover, InlayHint, Location, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { ROOT, messageSymbols, request, response } from '../helpers';
import { decodeCapture } from '../../server/src/sip/capture/decode';
import { getLanguageService } from '../../server/src/languageService';

interface Published {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

class Client {
  readonly child: ChildProcess;
  readonly connection: MessageConnection;
  private readonly published: Published[] = [];
  readonly traceInfo: Array<{ uri: string; version: number; format: string; messages: number; complete: boolean }> = [];
  private waiters: Array<() => void> = [];

  constructor(configuration?: unknown) {
    this.child = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      this.published.push(p);
      for (const w of this.waiters.splice(0)) w();
    });
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => configuration));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onNotification('sipTrace/traceInfo', (info: { uri: string; version: number; format: string; messages: number; complete: boolean }) => {
      this.traceInfo.push(info);
      for (const w of this.waiters.splice(0)) w();
    });
    this.connection.listen();
  }

  async initialize(capabilities: object, initializationOptions?: unknown): Promise<any> {
    const result = await this.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities, initializationOptions });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** The next diagnostics for `uri` that satisfy `accept`. */
  async diagnostics(uri: string, accept: (p: Published) => boolean = () => true): Promise<Diagnostic[]> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const found = this.published.find((p) => p.uri === uri && accept(p));
      if (found) return found.diagnostics;
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri} within 20 s`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 1000);
      });
    }
  }

  /** Everything published for `uri` so far, oldest first. */
  publishedFor(uri: string): Diagnostic[][] {
    return this.published.filter((p) => p.uri === uri).map((p) => p.diagnostics);
  }

  async close(): Promise<void> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    await new Promise((resolve) => this.child.once('exit', resolve));
    this.connection.dispose();
  }
}

const TRACE = request('INVITE') + response('302 Moved Temporarily', ['Contact: <sip:bob@192.0.2.4>']) + request('INVITE', [], 'sip:bob@192.0.2.4') + response('503 Service Unavailable');
const URI = 'file:///tmp/example.sip';
const lineOfText = (needle: string) => TRACE.slice(0, TRACE.indexOf(needle)).split('\n').length - 1;

test('diagnostics, hovers, code actions and symbols over stdio', async () => {
  const client = new Client();
  try {
    const init = await client.initialize({}, { quickFix: { retryAfterSeconds: 45 } });
    assert.equal(init.capabilities.hoverProvider, true);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'sip', version: 1, text: TRACE } });
    const diagnostics = await client.diagnostics(URI);
    const byCode = (code: string) => diagnostics.filter((d) => d.code === code);
    const line302 = lineOfText('SIP/2.0 302');
    const line503 = lineOfText('SIP/2.0 503');
    assert.deepEqual(byCode('sip.302.moved-temporarily').map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.severity]), [[line302, 0, 'SIP/2.0 302 Moved Temporarily'.length, 3]]);
    assert.deepEqual(byCode('sip.503.service-unavailable').map((d) => d.range.start.line), [line503]);
    const [missing] = byCode('sip.503.missing-retry-after');
    assert.equal(missing.range.start.line, line503);
    assert.equal(missing.source, 'sip-trace');
    assert.equal(missing.codeDescription?.href, 'https://www.rfc-editor.org/rfc/rfc3261#section-21.5.4');
    assert.equal(diagnostics.filter((d) => d.severity === 1).length, 0);

    const hover503 = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: line503, character: 9 } })) as Hover;
    const text503 = (hover503.contents as MarkupContent).value;
    assert.match(text503, /503 Service Unavailable/);
    assert.match(text503, /Retry-After/);
    assert.match(text503, /fail over/i);
    const hover302 = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: line302, character: 8 } })) as Hover;
    const text302 = (hover302.contents as MarkupContent).value;
    assert.match(text302, /Contact/);
    assert.match(text302, /original/);
    assert.match(text302, /sip:bob@192\.0\.2\.4/);
    const hoverHeader = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 1, character: 1 } })) as Hover;
    assert.match((hoverHeader.contents as MarkupContent).value, /Via/);

    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: missing.range,
      context: { diagnostics: [missing], only: ['quickfix'] },
    })) as CodeAction[];
    const insert = actions.find((a) => a.title === 'Insert Retry-After');
    assert.ok(insert, JSON.stringify(actions));
    const edits = insert.edit!.changes![URI] as TextEdit[];
    const fixed = TextDocument.applyEdits(TextDocument.create(URI, 'sip', 1, TRACE), edits);
    assert.equal(fixed, TRACE.replace(/Content-Length: 0\r\n\r\n$/, 'Content-Length: 0\r\nRetry-After: 45\r\n\r\n'));
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: fixed }] });
    const after = await client.diagnostics(URI, (p) => p.version === 2);
    assert.ok(!after.some((d) => d.code === 'sip.503.missing-retry-after'));
    assert.ok(after.some((d) => d.code === 'sip.503.service-unavailable' && /Retry-After: 45/.test(d.message)));

    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } })) as DocumentSymbol[];
    assert.deepEqual(messageSymbols(symbols).map((s) => s.name), ['INVITE sip:bob@biloxi.example.com SIP/2.0', 'SIP/2.0 302 Moved Temporarily', 'INVITE sip:bob@192.0.2.4 SIP/2.0', 'SIP/2.0 503 Service Unavailable']);

    const empty = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: URI }, range: missing.range, context: { diagnostics: [missing], only: ['refactor'] } })) as CodeAction[];
    assert.deepEqual(empty, []);
  } finally {
    await client.close();
  }
});

test('settings pulled from the client turn a rule off and change a severity', async () => {
  const client = new Client({ rules: { 'sip.503.missing-retry-after': 'off', 'sip.302.moved-temporarily': 'warning' } });
  try {
    await client.initialize({ workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'sip', version: 1, text: TRACE } });
    const diagnostics = await client.diagnostics(URI);
    assert.ok(!diagnostics.some((d) => d.code === 'sip.503.missing-retry-after'));
    assert.equal(diagnostics.find((d) => d.code === 'sip.302.moved-temporarily')?.severity, 2);
  } finally {
    await client.close();
  }
});

test('garbage and a huge line do not take the server down', async () => {
  const client = new Client();
  try {
    await client.initialize({});
    const garbage = String.fromCharCode(...Array.from({ length: 5000 }, (_, i) => (i * 131) % 256)) + '\r\nINVITE sip:x SIP/2.0\r\nX: ' + 'y'.repeat(1 << 20);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///tmp/garbage.sip', languageId: 'sip', version: 1, text: garbage } });
    // Over 1 MB, so read in parts: the finding about the whole text comes with the last publication.
    const diagnostics = await client.diagnostics('file:///tmp/garbage.sip', (p) => p.diagnostics.some((d) => d.code === 'sip.trace.binary-content'));
    assert.ok(diagnostics.length > 0);
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///tmp/garbage.sip' } })) as DocumentSymbol[];
    assert.equal(messageSymbols(symbols).length, 1);
  } finally {
    await client.close();
  }
});

test('definition, references, inlay hints and the trace summary over stdio; the setting turns the hints off', async () => {
  const text = readFileSync(join(ROOT, 'test', 'fixtures', 'behaviour', 'redirect-followed_messages.log'), 'utf8');
  const lines = text.split('\n');
  const uri = 'file:///tmp/redirect-followed_messages.log';
  const line302 = lines.findIndex((l) => l.startsWith('SIP/2.0 302'));
  const lineInvite = lines.findIndex((l) => l.startsWith('INVITE '));
  const lineCallId = lines.findIndex((l) => l.startsWith('Call-ID: '));
  const everything = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
  const client = new Client();
  try {
    const init = await client.initialize({});
    assert.equal(init.capabilities.definitionProvider, true);
    assert.equal(init.capabilities.referencesProvider, true);
    assert.equal(init.capabilities.inlayHintProvider, true);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sip', version: 1, text } });
    await client.diagnostics(uri);
    const definition = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: line302, character: 9 } })) as Location;
    assert.deepEqual(definition.range.start, { line: lineInvite, character: 0 });
    const references = (await client.connection.sendRequest('textDocument/references', { textDocument: { uri }, position: { line: lineCallId, character: 10 }, context: { includeDeclaration: true } })) as Location[];
    assert.equal(references.length, 10, 'the messages of the first call');
    assert.ok(references.every((r) => lines[r.range.start.line].startsWith('Call-ID: 1-')));
    const hints = (await client.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: everything })) as InlayHint[];
    assert.ok(hints.length > 0 && hints.every((h) => /^\+\d+\.\d{3} s$/.test(String(h.label))), JSON.stringify(hints.slice(0, 3)));
    const summary = (await client.connection.sendRequest('sipTrace/traceSummary', { uri })) as { markdown: string };
    assert.match(summary.markdown, /^# SIP trace summary: redirect\\-followed\\_messages\.log\n/);
    assert.equal(await client.connection.sendRequest('sipTrace/traceSummary', { uri: 42 }), null, 'parameters are checked');
  } finally {
    await client.close();
  }
  const off = new Client({ inlayHints: { callDelta: false } });
  try {
    await off.initialize({ workspace: { configuration: true } });
    await off.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sip', version: 1, text } });
    await off.diagnostics(uri);
    assert.deepEqual(await off.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: everything }), []);
  } finally {
    await off.close();
  }
});

test('a SIPp log: metadata in the outline and the hover, the format in a notification, detection for other languages', async () => {
  const client = new Client();
  try {
    await client.initialize({});
    const text = readFileSync(join(ROOT, 'test', 'fixtures', 'formats', 'sipp', 'redirect-uac_messages.log'), 'utf8');
    const uri = 'file:///tmp/redirect-uac_messages.log';
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sip', version: 1, text } });
    const diagnostics = await client.diagnostics(uri);
    assert.ok(diagnostics.some((d) => d.code === 'sip.302.moved-temporarily'));
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    // The notification follows the diagnostics; the request's round trip has let it arrive.
    assert.deepEqual(client.traceInfo.find((i) => i.uri === uri), { uri, version: 1, format: 'SIPp message log', messages: 10, complete: true });
    assert.match(messageSymbols(symbols)[0].name, /^\d{2}:\d{2}:\d{2}\.\d{3} sent INVITE sip:redirect@127\.0\.0\.1:5070 SIP\/2\.0$/);
    const line302 = text.split('\n').findIndex((l) => l.startsWith('SIP/2.0 302'));
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: line302, character: 9 } })) as Hover;
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /\*\*Time:\*\* \d{2}:\d{2}:\d{2}\.\d{3} \(logged as `2026-/);
    assert.match(value, /\*\*Route:\*\* received over UDP/);
    assert.match(value, /302 Moved Temporarily/);
    const detected = await client.connection.sendRequest('sipTrace/detectFormat', { sample: text });
    assert.deepEqual(detected, { format: 'SIPp message log', messages: 10 });
    assert.deepEqual(await client.connection.sendRequest('sipTrace/detectFormat', { sample: 'just a log\nnothing here\n' }), { messages: 0 });
  } finally {
    await client.close();
  }
});

test('behaviour findings carry related information pointing at the other messages', async () => {
  const client = new Client();
  try {
    await client.initialize({});
    const text = readFileSync(join(ROOT, 'test', 'fixtures', 'behaviour', 'reused-branch.sip'), 'utf8');
    const uri = 'file:///tmp/reused-branch.sip';
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sip', version: 1, text } });
    const diagnostics = await client.diagnostics(uri);
    const reused = diagnostics.find((d) => d.code === 'sip.retry.same-branch');
    assert.ok(reused, JSON.stringify(diagnostics.map((d) => d.code)));
    assert.equal(reused.severity, 1);
    const lines = text.split('\n');
    assert.match(lines[reused.range.start.line], /^Via: .*branch=z9hG4bK-sipp-fixed-branch-4711/);
    const related = reused.relatedInformation ?? [];
    assert.equal(related.length, 2);
    assert.equal(related[0].location.uri, uri);
    assert.match(lines[related[0].location.range.start.line], /^INVITE /);
    assert.match(lines[related[1].location.range.start.line], /^SIP\/2\.0 302/);
  } finally {
    await client.close();
  }
});

test('closing a document right after opening it leaves no diagnostics behind', async () => {
  const client = new Client();
  try {
    await client.initialize({});
    const uri = 'file:///tmp/closed.sip';
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sip', version: 1, text: TRACE } });
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    // A request answered after both notifications: by then any validation has run or been dropped.
    await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const published = client.publishedFor(uri);
    assert.ok(published.length > 0);
    assert.deepEqual(published[published.length - 1], []);
  } finally {
    await client.close();
  }
});

test('a big trace opened with the editor\'s usual requests: the first diagnostics come before the answers, and the answers cover the whole trace', async () => {
  const one = readFileSync(join(ROOT, 'test', 'fixtures', 'behaviour', 'contact-cached_messages.log'), 'utf8');
  // Over 1 MB, so the server reads it a part at a time; each copy's calls are calls of their own.
  const text = Array.from({ length: Math.ceil((1.5 * 1048576) / one.length) }, (_, k) => one.replace(/^Call-ID: (\S+)/gm, `Call-ID: $1-${k}`)).join('');
  const uri = 'file:///tmp/opened_messages.log';
  const client = new Client();
  try {
    // As VS Code does: settings are pulled from the client, a round trip before the first check.
    await client.initialize({ workspace: { configuration: true }, textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sip', version: 1, text } });
    // What VS Code asks for as soon as a document opens; each answer notes what had been published by then.
    const publishedBefore = <T>(answer: Promise<T>) => answer.then((result) => ({ result, published: client.publishedFor(uri).length }));
    const [symbols, lenses] = await Promise.all([
      publishedBefore(client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } })),
      publishedBefore(client.connection.sendRequest<unknown[]>('textDocument/codeLens', { textDocument: { uri } })),
    ]);
    assert.ok(symbols.published > 0 && lenses.published > 0, 'diagnostics were published before the Outline and the code lenses were answered');
    assert.equal(client.traceInfo.find((i) => i.uri === uri)?.complete, false, 'the first publication covered only the top of the trace');
    // The answers were made on the whole trace, not on the part read when they arrived.
    const whole = TextDocument.create(uri, 'sip', 1, text);
    const service = getLanguageService();
    assert.ok(symbols.result.length > 100, `one symbol per call of the whole trace (${symbols.result.length})`);
    assert.equal(symbols.result.length, service.getSymbols(whole).length);
    assert.equal(lenses.result.length, service.getCodeLenses(whole).length);
  } finally {
    await client.close();
  }
});

test('a big trace replaced by a small one right after opening: requests waiting for the reading are answered on the new text', async () => {
  const one = readFileSync(join(ROOT, 'test', 'fixtures', 'behaviour', 'contact-cached_messages.log'), 'utf8');
  const big = one.repeat(Math.ceil((1.5 * 1048576) / one.length));
  const uri = 'file:///tmp/replaced_messages.log';
  const client = new Client();
  try {
    await client.initialize({ workspace: { configuration: true }, textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sip', version: 1, text: big } });
    const symbols = client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: TRACE }] });
    const answered = await Promise.race([symbols, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 15_000))]);
    assert.notEqual(answered, 'timeout', 'the request was answered');
    assert.equal(messageSymbols(answered as DocumentSymbol[]).length, 4, 'on the small text: its four messages');
  } finally {
    await client.close();
  }
});

test('edits of a big trace: the touched message is published first, and the final diagnostics equal a fresh open of the same text', async () => {
  const one = readFileSync(join(ROOT, 'test', 'fixtures', 'behaviour', 'contact-cached_messages.log'), 'utf8');
  // Over 2,000 messages, so the server checks it in parts.
  const text = Array.from({ length: 120 }, () => one).join('');
  const uri = 'file:///tmp/big_messages.log';
  const fresh = 'file:///tmp/fresh_messages.log';
  const client = new Client();
  try {
    await client.initialize({});
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sip', version: 1, text } });
    await client.diagnostics(uri, (p) => p.version === 1);
    for (const deadline = Date.now() + 20_000; !client.traceInfo.some((i) => i.uri === uri && i.complete) && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 50));
    // Edits: a 503 without Retry-After in the middle, a line removed further up, a character typed at the end.
    let doc = TextDocument.create(uri, 'sip', 1, text);
    const edits = [
      { at: text.indexOf('SIP/2.0 302 Moved Temporarily', text.length >> 1), remove: 'SIP/2.0 302 Moved Temporarily'.length, insert: 'SIP/2.0 503 Service Unavailable' },
      { at: text.indexOf('Max-Forwards: 70', 1000), remove: 'Max-Forwards: 70\r\n'.length, insert: '' },
      { at: text.length - 1, remove: 0, insert: 'x' },
    ];
    let version = 1;
    for (const e of edits) {
      const range = { start: doc.positionAt(e.at), end: doc.positionAt(e.at + e.remove) };
      version++;
      doc = TextDocument.update(doc, [{ range, text: e.insert }], version);
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: e.insert }] });
    }
    const first = await client.diagnostics(uri, (p) => p.version === version);
    const lastEdit = doc.positionAt(edits[0].at).line;
    assert.ok(first.some((d) => d.code === 'sip.503.missing-retry-after' && d.range.start.line === lastEdit), 'the edited message is checked in the first publication');
    const completeInfo = () => client.traceInfo.some((i) => i.uri === uri && i.version === version && i.complete);
    for (const deadline = Date.now() + 20_000; !completeInfo() && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 50));
    assert.ok(client.traceInfo.some((i) => i.uri === uri && i.version === version && !i.complete), 'a big trace reports that it is still being checked');
    const published = client.publishedFor(uri);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: fresh, languageId: 'sip', version: 1, text: doc.getText() } });
    for (const deadline = Date.now() + 20_000; !client.traceInfo.some((i) => i.uri === fresh && i.complete) && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 50));
    const expected = client.publishedFor(fresh).at(-1)!;
    const strip = (ds: Diagnostic[]) => ds.map((d) => ({ ...d, relatedInformation: d.relatedInformation?.map((r) => ({ ...r, location: { ...r.location, uri: '' } })) }));
    assert.deepEqual(strip(published[published.length - 1]), strip(expected));
    assert.ok(expected.length > 0);
  } finally {
    await client.close();
  }
});

test('a decoded capture (sip-capture: scheme) gets diagnostics, hovers and symbols, but no quick fixes', async () => {
  const client = new Client();
  try {
    await client.initialize({});
    const text = decodeCapture(readFileSync(join(ROOT, 'test', 'fixtures', 'captures', 'udp-lo.pcapng'))).text;
    const uris = ['sip-capture:/tmp/udp-lo.pcapng', 'file:///tmp/udp-lo.sip'];
    for (const uri of uris) await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sip', version: 1, text } });
    const [capture, file] = await Promise.all(uris.map((uri) => client.diagnostics(uri)));
    const placed = (ds: Diagnostic[]) => ds.map((d) => [d.code, d.range.start.line, d.message]);
    assert.deepEqual(placed(capture), placed(file));
    const missing = capture.find((d) => d.code === 'sip.503.missing-retry-after');
    assert.ok(missing, JSON.stringify(capture.map((d) => d.code)));
    assert.deepEqual(client.traceInfo.find((i) => i.uri === uris[0]), { uri: uris[0], version: 1, format: 'packet capture', messages: 18, complete: true });
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uris[0] } })) as DocumentSymbol[];
    assert.equal(messageSymbols(symbols).length, 18);
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uris[0] }, position: { line: missing.range.start.line, character: 9 } })) as Hover;
    assert.match((hover.contents as MarkupContent).value, /503 Service Unavailable/);
    const framing = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uris[0] }, position: missing.range.start })) as Hover;
    assert.match((framing.contents as MarkupContent).value, /^\*\*Frame:\*\* 17  \n\*\*Time:\*\* /);
    const actions = (uri: string) => client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: missing.range, context: { diagnostics: [missing] } }) as Promise<CodeAction[]>;
    assert.ok((await actions(uris[1])).some((a) => a.title === 'Insert Retry-After'));
    assert.deepEqual(await actions(uris[0]), []);
  } finally {
    await client.close();
  }
});

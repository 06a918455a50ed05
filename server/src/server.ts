// The only file that touches the connection: wires documents, settings and features together.
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TraceCache } from './languageService';
import { DEFAULT_SETTINGS, Settings, readSettings } from './settings';
import { computeDiagnostics } from './features/diagnostics';
import { computeHover } from './features/hover';
import { computeCodeActions } from './features/codeActions';
import { computeSymbols } from './features/symbols';
import { DETECT_FORMAT, TRACE_INFO, describeTrace, detectTrace } from './features/traceInfo';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const traces = new TraceCache();
const settingsByUri = new Map<string, Promise<Settings>>();
let canAskConfiguration = false;
let initialSettings: Settings = DEFAULT_SETTINGS;

connection.onInitialize((params) => {
  canAskConfiguration = params.capabilities.workspace?.configuration === true;
  initialSettings = readSettings(params.initializationOptions);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      documentSymbolProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
    },
    serverInfo: { name: 'sip-trace-inspector' },
  };
});

function settingsFor(uri: string): Promise<Settings> {
  if (!canAskConfiguration) return Promise.resolve(initialSettings);
  let settings = settingsByUri.get(uri);
  if (!settings) {
    settings = connection.workspace
      .getConfiguration({ scopeUri: uri, section: 'sipTrace' })
      .then(readSettings, () => initialSettings);
    settingsByUri.set(uri, settings);
  }
  return settings;
}

// Validation runs once per burst of edits, on the latest version only.
const pending = new Map<string, NodeJS.Immediate>();

/** True while `document` is still open at this version: a close or a newer edit makes a result stale. */
function isCurrent(document: TextDocument): boolean {
  return documents.get(document.uri)?.version === document.version;
}

async function validate(document: TextDocument): Promise<void> {
  const settings = await settingsFor(document.uri);
  if (!isCurrent(document)) return;
  try {
    const parsed = traces.get(document);
    const diagnostics = computeDiagnostics(parsed, settings);
    await connection.sendNotification(TRACE_INFO, describeTrace(parsed));
    if (!isCurrent(document)) return;
    await connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  } catch (error) {
    // A bug in one rule must not take the server down with the user's document.
    connection.console.error(`sip-trace: validating ${document.uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
}

function schedule(document: TextDocument): void {
  const previous = pending.get(document.uri);
  if (previous) clearImmediate(previous);
  pending.set(
    document.uri,
    setImmediate(() => {
      pending.delete(document.uri);
      void validate(document);
    }),
  );
}

documents.onDidOpen((e) => schedule(e.document));
documents.onDidChangeContent((e) => schedule(e.document));
documents.onDidClose((e) => {
  const waiting = pending.get(e.document.uri);
  if (waiting) clearImmediate(waiting);
  pending.delete(e.document.uri);
  traces.delete(e.document.uri);
  settingsByUri.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onDidChangeConfiguration((change) => {
  settingsByUri.clear();
  if (!canAskConfiguration) initialSettings = readSettings((change.settings as { sipTrace?: unknown } | undefined)?.sipTrace);
  for (const document of documents.all()) schedule(document);
});

function withDocument<T>(uri: string, fallback: T, run: (document: TextDocument) => T): T {
  const document = documents.get(uri);
  if (!document) return fallback;
  try {
    return run(document);
  } catch (error) {
    connection.console.error(`sip-trace: request on ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
    return fallback;
  }
}

connection.onHover((params) => withDocument(params.textDocument.uri, null, (d) => computeHover(traces.get(d), params.position)));
connection.onDocumentSymbol((params) => withDocument(params.textDocument.uri, [], (d) => computeSymbols(traces.get(d))));
connection.onCodeAction(async (params) => {
  const settings = await settingsFor(params.textDocument.uri);
  return withDocument(params.textDocument.uri, [], (d) => computeCodeActions(traces.get(d), params.context, settings));
});

connection.onRequest(DETECT_FORMAT, (params: { sample?: unknown }) => detectTrace(typeof params?.sample === 'string' ? params.sample : ''));

documents.listen(connection);
connection.listen();

// The only file that touches the connection: wires documents, settings and features together.
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ParsedDocument } from './documents';
import { getLanguageService } from './languageService';
import { Finding } from './sip/model';
import { IdleCollector, fullCollection } from './idleCollector';
import { DEFAULT_SETTINGS, Settings, readSettings, ruleParameters } from './settings';
import { CALL_FLOW, CALL_FLOW_EXPORT, DETECT_FORMAT, DetectParams, TRACE_INFO, TRACE_SUMMARY, readCallFlowExportParams, readCallFlowParams, readTraceSummaryParams } from './protocol';

const connection = createConnection(ProposedFeatures.all);
const service = getLanguageService();
const traces = service.documents;
// Every change passes through the cache, which makes the next document from it and so knows what each edit touched.
const documents = new TextDocuments<TextDocument>({
  create: TextDocument.create,
  update: (document, changes, version) => changes.reduce((current, change) => traces.applyChange(current, change, version), document),
});
const settingsByUri = new Map<string, Promise<Settings>>();
let canAskConfiguration = false;
let canRefreshInlayHints = false;
let initialSettings: Settings = DEFAULT_SETTINGS;

connection.onInitialize((params) => {
  canAskConfiguration = params.capabilities.workspace?.configuration === true;
  canRefreshInlayHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
  initialSettings = readSettings(params.initializationOptions);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      inlayHintProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      codeLensProvider: { resolveProvider: false },
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

/** A trace with more messages than this is checked a part at a time, publishing what is found so far. */
const SMALL_TRACE = 2000;
/** Messages read or checked before the first diagnostics of a big trace are published: the top of the file, soon. */
const FIRST_PART = 250;
/** Messages read or checked between two yields to other requests. */
const PART = 5000;
/** A document longer than this is read a part at a time when opened. */
const BIG_TEXT = 1 << 20;

/** Quiet time after a big open before its garbage is collected: longer than the gaps within a burst of requests. */
const QUIET_MS = 100;
const collectGarbage = fullCollection();
const collector = collectGarbage && new IdleCollector(collectGarbage, QUIET_MS);

const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A big trace just opened is read a part at a time. The editor asks for the Outline, code lenses
 * and hints together with the open; answered at once, each would read the whole file in one go and
 * hold back the first diagnostics. So requests wait here until the reading is done.
 */
const reading = new Map<string, { readonly done: Promise<void>; readonly finish: () => void }>();

function startReading(document: TextDocument): void {
  if (reading.has(document.uri) || document.getText().length <= BIG_TEXT) return;
  let finish = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  reading.set(document.uri, { done, finish });
}

function finishReading(uri: string): void {
  reading.get(uri)?.finish();
  reading.delete(uri);
}

async function publish(parsed: ParsedDocument, findings: readonly Finding[], settings: Settings, complete: boolean): Promise<boolean> {
  if (documents.get(parsed.uri)?.version !== parsed.version) return false;
  const diagnostics = service.toDiagnostics(parsed, findings, settings);
  await connection.sendDiagnostics({ uri: parsed.uri, version: parsed.version, diagnostics });
  // After the diagnostics, so that "complete" means they are all there.
  await connection.sendNotification(TRACE_INFO, service.describe(parsed, complete));
  return true;
}

/** Reads a big trace just opened a part at a time, publishing its top first; false when a newer version took over. */
async function readInParts(document: TextDocument, settings: Settings, current: () => boolean): Promise<boolean> {
  let part = traces.readPart(document, FIRST_PART);
  if (part && !(await publish(part.parsed, part.findings(), settings, false))) return false;
  while (part && !part.done) {
    await yieldToEvents();
    if (!current()) return false;
    part = traces.readPart(document, PART);
  }
  return true;
}

/**
 * Checks the document's current version. A big trace, or an edit of one, is handled a part at a
 * time so that its first diagnostics come at once: a big trace just opened is read and checked from
 * the top, an edit re-checks the messages it touched, and each is published before the rest of
 * the messages and then the rules across calls are done and published again. A newer version or
 * a close stops the older work.
 */
async function validate(document: TextDocument): Promise<void> {
  const { version } = document;
  const settings = await settingsFor(document.uri);
  const current = () => documents.get(document.uri)?.version === version;
  if (!current()) return;
  // A big trace just opened, not an edit: only then is there garbage worth a collection.
  const opening = reading.has(document.uri);
  try {
    try {
      if (document.getText().length > BIG_TEXT && !(await readInParts(document, settings, current))) return;
    } finally {
      // Read, or given up for a newer version (of any size): the waiting requests go on, on the current version.
      finishReading(document.uri);
    }
    const analysis = traces.analysis(document, ruleParameters(settings));
    if (analysis.trace.messages.length > SMALL_TRACE) {
      if (!analysis.messagesChecked) {
        analysis.checkMessages(FIRST_PART);
        if (!(await publish(traces.get(document), analysis.findings(), settings, false))) return;
      }
      while (!analysis.messagesChecked) {
        await yieldToEvents();
        if (!current()) return;
        analysis.checkMessages(PART);
      }
      await yieldToEvents();
      if (!current()) return;
    }
    if ((await publish(traces.get(document), service.doValidation(document, settings), settings, true)) && opening) collector?.request();
  } catch (error) {
    // A bug in one rule must not take the server down with the user's document.
    connection.console.error(`sip-trace: validating ${document.uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
}

function schedule(document: TextDocument): void {
  collector?.activity();
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

documents.onDidOpen((e) => {
  startReading(e.document);
  schedule(e.document);
});
documents.onDidChangeContent((e) => schedule(e.document));
documents.onDidClose((e) => {
  const waiting = pending.get(e.document.uri);
  if (waiting) clearImmediate(waiting);
  pending.delete(e.document.uri);
  traces.delete(e.document.uri);
  finishReading(e.document.uri);
  settingsByUri.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onDidChangeConfiguration((change) => {
  settingsByUri.clear();
  if (!canAskConfiguration) initialSettings = readSettings((change.settings as { sipTrace?: unknown } | undefined)?.sipTrace);
  for (const document of documents.all()) schedule(document);
  // The editor asks for hints again only when told: the setting that turns them off may have changed.
  if (canRefreshInlayHints) void connection.languages.inlayHint.refresh();
});

async function withDocument<T>(uri: string, fallback: T, run: (document: TextDocument) => T): Promise<T> {
  collector?.activity();
  await reading.get(uri)?.done;
  const document = documents.get(uri);
  if (!document) return fallback;
  try {
    return run(document);
  } catch (error) {
    connection.console.error(`sip-trace: request on ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
    return fallback;
  }
}

connection.onHover((params) => withDocument(params.textDocument.uri, null, (d) => service.doHover(d, params.position)));
connection.onDocumentSymbol((params) => withDocument(params.textDocument.uri, [], (d) => service.getSymbols(d)));
connection.onFoldingRanges((params) => withDocument(params.textDocument.uri, [], (d) => service.getFoldingRanges(d)));
connection.onDefinition((params) => withDocument(params.textDocument.uri, null, (d) => service.getDefinition(d, params.position)));
connection.languages.inlayHint.on(async (params) => {
  const settings = await settingsFor(params.textDocument.uri);
  return withDocument(params.textDocument.uri, [], (d) => service.getInlayHints(d, params.range, settings));
});
connection.onReferences((params) => withDocument(params.textDocument.uri, [], (d) => service.findReferences(d, params.position, params.context.includeDeclaration)));
connection.onCodeAction(async (params) => {
  const settings = await settingsFor(params.textDocument.uri);
  return withDocument(params.textDocument.uri, [], (d) => service.getCodeActions(d, params.context, settings));
});

connection.onCodeLens((params) => withDocument(params.textDocument.uri, [], (d) => service.getCodeLenses(d)));
/** A request about one document (call flow, summary): its parameters checked, answered on the document's current version. */
function onDocumentRequest<P extends { readonly uri: string }, R>(method: string, read: (raw: unknown) => P | undefined, compute: (d: TextDocument, settings: Settings, params: P) => R): void {
  connection.onRequest(method, async (raw: unknown) => {
    const params = read(raw);
    if (!params || !documents.get(params.uri)) return null;
    const settings = await settingsFor(params.uri);
    return withDocument(params.uri, null, (d) => compute(d, settings, params));
  });
}
onDocumentRequest(CALL_FLOW, readCallFlowParams, service.getCallFlow);
onDocumentRequest(CALL_FLOW_EXPORT, readCallFlowExportParams, service.exportCallFlow);
onDocumentRequest(TRACE_SUMMARY, readTraceSummaryParams, (d) => service.getTraceSummary(d));

connection.onRequest(DETECT_FORMAT, (params: Partial<DetectParams> | undefined) => service.detect(typeof params?.sample === 'string' ? params.sample : ''));

documents.listen(connection);
connection.listen();

// The LSP floor for the benchmark: the least a server on vscode-languageserver can do for the same
// round trip. It keeps documents (TextDocuments, incremental sync) and, like the project's server,
// publishes diagnostics (always empty) on setImmediate after an open or a change. Nothing else.
// Run: node out/test/bench/floorServer.js --stdio
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

connection.onInitialize(() => ({
  capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental },
  serverInfo: { name: 'sip-trace-bench-floor' },
}));

const pending = new Map<string, NodeJS.Immediate>();

function schedule(document: TextDocument): void {
  const previous = pending.get(document.uri);
  if (previous) clearImmediate(previous);
  pending.set(
    document.uri,
    setImmediate(() => {
      pending.delete(document.uri);
      const current = documents.get(document.uri);
      if (!current || current.version !== document.version) return;
      void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] });
    }),
  );
}

// onDidChangeContent fires for an open as well as for every change.
documents.onDidChangeContent((e) => schedule(e.document));
documents.onDidClose((e) => void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }));

documents.listen(connection);
connection.listen();

// Starts the SIP language server and shows how it read the active file; the knowledge lives in the server.
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { DETECT_FORMAT, DETECT_SAMPLE, DetectParams, DetectResult, TRACE_INFO, TRACE_SUMMARY, TraceInfo, TraceSummaryParams, TraceSummaryResult } from '../../server/src/protocol';
import { CallFlowPanel, exportCallFlow } from './callFlowPanel';
import { registerCaptures } from './captureEditor';
import { SERVER_EXEC_ARGV } from './serverFlags';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'sip' }],
    synchronize: { configurationSection: 'sipTrace' },
  };
  client = new LanguageClient('sipTrace', 'SIP Trace Inspector', serverOptions, clientOptions);

  const status = vscode.window.createStatusBarItem('sipTrace.format', vscode.StatusBarAlignment.Right, 100);
  status.name = 'SIP trace format';
  const infos = new Map<string, TraceInfo>();
  const captureStatus = registerCaptures(context);
  const showStatus = () => {
    const document = vscode.window.activeTextEditor?.document;
    const info = document?.languageId === 'sip' ? infos.get(document.uri.toString()) : undefined;
    if (!info) {
      status.hide();
      return;
    }
    const checking = info.complete === false;
    const read = captureStatus(document!.uri) ?? `${info.format} · ${info.messages.toLocaleString('en-US')} message${info.messages === 1 ? '' : 's'}`;
    status.text = `${checking ? '$(sync~spin)' : '$(list-flat)'} ${read}`;
    status.tooltip = `SIP Trace Inspector read this file as ${info.format} and found ${info.messages.toLocaleString('en-US')} SIP message${info.messages === 1 ? '' : 's'}.${checking ? ' Still checking: the diagnostics so far cover part of the trace.' : ''}`;
    status.show();
  };

  context.subscriptions.push(
    status,
    vscode.window.onDidChangeActiveTextEditor(showStatus),
    vscode.workspace.onDidCloseTextDocument((d) => infos.delete(d.uri.toString())),
    vscode.commands.registerCommand('sipTrace.restartServer', () => client?.restart()),
    vscode.commands.registerCommand('sipTrace.inspectAsSip', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage('SIP Trace Inspector: open the file to inspect first, then run this command.');
        return;
      }
      await vscode.languages.setTextDocumentLanguage(editor.document, 'sip');
    }),
  );
  // From the editor title (a Uri), a CodeLens (the document's URI and a Call-ID) or the Command Palette (nothing).
  const traceDocument = async (target: unknown): Promise<vscode.TextDocument | undefined> => {
    const uri = target instanceof vscode.Uri ? target : typeof target === 'string' ? vscode.Uri.parse(target) : vscode.window.activeTextEditor?.document.uri;
    const document = uri && (await vscode.workspace.openTextDocument(uri));
    if (document?.languageId === 'sip') return document;
    void vscode.window.showInformationMessage('SIP Trace Inspector: open a SIP trace first.');
    return undefined;
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('sipTrace.showCallFlow', async (target?: unknown, callId?: unknown) => {
      const document = await traceDocument(target);
      if (document && client) CallFlowPanel.show(context, client, document, typeof callId === 'string' ? [callId] : []);
    }),
    vscode.commands.registerCommand('sipTrace.exportCallFlow', async (target?: unknown) => {
      const document = await traceDocument(target);
      if (document && client) await exportCallFlow(client, document, CallFlowPanel.of(document)?.selection ?? { calls: [], legs: false });
    }),
    vscode.commands.registerCommand('sipTrace.showTraceSummary', async (target?: unknown) => {
      const document = await traceDocument(target);
      if (!document || !client) return;
      const params: TraceSummaryParams = { uri: document.uri.toString() };
      const result = await client.sendRequest<TraceSummaryResult | null>(TRACE_SUMMARY, params);
      if (!result) return;
      // An untitled document in the built-in Markdown preview: no webview of our own to secure, and the tables can be copied.
      const summary = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown });
      await vscode.window.showTextDocument(summary, { viewColumn: vscode.ViewColumn.Beside, preview: true });
      await vscode.commands.executeCommand('markdown.showPreview', summary.uri);
    }),
  );
  context.subscriptions.push(
    client.onNotification(TRACE_INFO, (info: TraceInfo) => {
      infos.set(info.uri, info);
      showStatus();
    }),
  );
  await client.start();
  // A log from SIPp, sngrep, Asterisk, … opened as plain text or log: read it as a SIP trace.
  const detectLogFormat = async (document: vscode.TextDocument) => {
    if (!['plaintext', 'log'].includes(document.languageId) || document.uri.scheme === 'output') return;
    if (!vscode.workspace.getConfiguration('sipTrace', document.uri).get<boolean>('detectLogFormats', true)) return;
    const sample = document.getText(new vscode.Range(0, 0, document.positionAt(DETECT_SAMPLE).line + 1, 0));
    const params: DetectParams = { sample };
    const result = await client?.sendRequest<DetectResult>(DETECT_FORMAT, params);
    if (result?.format) await vscode.languages.setTextDocumentLanguage(document, 'sip');
  };
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument((d) => void detectLogFormat(d)));
  for (const document of vscode.workspace.textDocuments) void detectLogFormat(document);
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}

// The call flow beside the editor: asks the server for the flow (the client never parses), keeps
// the webview and the editor in step both ways, and refuses anything from the webview it did not
// offer. The webview's page allows only its own nonce'd script and the extension's media.
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CallFlow, arrowAt } from '../../server/src/sip/flow/flowModel';
import { callFlowPage } from './callFlowPage';
import { CALL_FLOW, CALL_FLOW_EXPORT, CallFlowParams, ExportFormat, ToWebview, readWebviewMessage } from '../../server/src/protocol';

export const NAMES_SETTING = 'callFlow.participantNames';
/** Edits come in bursts: the flow is asked for again once they pause. */
const REFRESH_DELAY_MS = 300;

const EXPORTS: ReadonlyArray<{ label: string; format: ExportFormat; extension: string }> = [
  { label: 'SVG (opens in a browser)', format: 'svg', extension: 'svg' },
  { label: 'Mermaid (.mmd)', format: 'mermaid', extension: 'mmd' },
  { label: 'PlantUML (.puml)', format: 'plantuml', extension: 'puml' },
  { label: 'Calls list (.csv)', format: 'csv', extension: 'csv' },
];

function participantNames(document: vscode.TextDocument): Record<string, string> {
  const names = vscode.workspace.getConfiguration('sipTrace', document.uri).get<unknown>(NAMES_SETTING);
  const out: Record<string, string> = {};
  if (typeof names === 'object' && names !== null) for (const [k, v] of Object.entries(names)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** Asks where to write an export of the document's calls, writes it, offers to open it. */
export async function exportCallFlow(client: LanguageClient, document: vscode.TextDocument, selection: Omit<CallFlowParams, 'uri' | 'names'>, format?: ExportFormat): Promise<void> {
  const choice = format ? EXPORTS.find((e) => e.format === format) : await vscode.window.showQuickPick(EXPORTS, { title: 'Export the call flow as' });
  if (!choice) return;
  const base = document.uri.path.replace(/\.[^./]*$/, '');
  const target = await vscode.window.showSaveDialog({
    defaultUri: document.uri.with({ path: `${base}.${choice.extension}` }),
    filters: { [choice.label]: [choice.extension] },
  });
  if (!target) return;
  const params = { uri: document.uri.toString(), ...selection, names: participantNames(document), format: choice.format };
  const text = await client.sendRequest<string | null>(CALL_FLOW_EXPORT, params);
  if (text === null) {
    void vscode.window.showErrorMessage('SIP Trace Inspector: the trace is not open any more; open it and export again.');
    return;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  const open = await vscode.window.showInformationMessage(`Call flow written to ${vscode.workspace.asRelativePath(target)}.`, 'Open');
  if (open) await vscode.commands.executeCommand('vscode.open', target);
}

export class CallFlowPanel {
  private static readonly panels = new Map<string, CallFlowPanel>();
  private flow: CallFlow | undefined;
  private calls: readonly string[] = [];
  private legs = false;
  /** The column order the user dragged in the view, carried into the exports. */
  private order: readonly string[] = [];
  private refreshTimer: NodeJS.Timeout | undefined;
  /** Bumped per request, so that a slow answer for an older version is dropped. */
  private generation = 0;
  private readonly disposables: vscode.Disposable[] = [];

  /** Opens (or brings forward) the flow of `document`, showing `calls` (all when empty). */
  static show(context: vscode.ExtensionContext, client: LanguageClient, document: vscode.TextDocument, calls: readonly string[]): void {
    const key = document.uri.toString();
    const existing = CallFlowPanel.panels.get(key);
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      if (calls.length > 0) existing.select(calls, existing.legs);
      return;
    }
    const media = vscode.Uri.joinPath(context.extensionUri, 'dist', 'media');
    const panel = vscode.window.createWebviewPanel('sipTrace.callFlow', `Call flow: ${document.uri.path.split('/').pop()}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [media],
      retainContextWhenHidden: true,
    });
    CallFlowPanel.panels.set(key, new CallFlowPanel(panel, client, document, media, calls));
  }

  /** The panel showing `document`, if any. */
  static of(document: vscode.TextDocument): CallFlowPanel | undefined {
    return CallFlowPanel.panels.get(document.uri.toString());
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly client: LanguageClient,
    private readonly document: vscode.TextDocument,
    media: vscode.Uri,
    calls: readonly string[],
  ) {
    this.calls = calls;
    panel.webview.html = this.html(media);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === document) this.scheduleRefresh();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`sipTrace.${NAMES_SETTING}`, document.uri)) this.scheduleRefresh();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document === document) this.followCursor(e.textEditor);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === document) panel.dispose();
      }),
    );
  }

  /** The export of what this panel shows, columns in the order shown. */
  get selection(): Omit<CallFlowParams, 'uri' | 'names'> {
    return { calls: this.calls, legs: this.legs, order: this.order };
  }

  private html(media: vscode.Uri): string {
    const { webview } = this.panel;
    return callFlowPage({
      nonce: randomBytes(18).toString('base64'),
      source: webview.cspSource,
      script: webview.asWebviewUri(vscode.Uri.joinPath(media, 'callFlow.js')).toString(),
      style: webview.asWebviewUri(vscode.Uri.joinPath(media, 'callFlow.css')).toString(),
    });
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private async receive(raw: unknown): Promise<void> {
    const message = readWebviewMessage(raw, this.flow);
    if (!message) return;
    switch (message.type) {
      case 'ready':
        return this.refresh();
      case 'reveal':
        return this.reveal(message.arrow);
      case 'select':
        return this.select(message.calls, message.legs);
      case 'rename':
        return this.rename(message.address);
      case 'order':
        this.order = message.order;
        return;
      case 'export':
        return exportCallFlow(this.client, this.document, this.selection, message.format);
    }
  }

  private select(calls: readonly string[], legs: boolean): void {
    this.calls = calls;
    this.legs = legs;
    void this.refresh();
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  private async refresh(): Promise<void> {
    const generation = ++this.generation;
    const params: CallFlowParams = { uri: this.document.uri.toString(), calls: this.calls, legs: this.legs, names: participantNames(this.document) };
    const flow = await this.client.sendRequest<CallFlow | null>(CALL_FLOW, params);
    if (generation !== this.generation || !flow) return;
    this.flow = flow;
    this.post({ type: 'flow', flow, legs: this.legs });
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
    if (editor) this.followCursor(editor);
  }

  private followCursor(editor: vscode.TextEditor): void {
    if (!this.flow) return;
    this.post({ type: 'highlight', arrow: arrowAt(this.flow, this.document.offsetAt(editor.selection.active)) });
  }

  private async reveal(arrow: number): Promise<void> {
    const arrows = this.flow?.arrows;
    if (!arrows || arrow < 0 || arrow >= arrows.count) return;
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
    const editor = await vscode.window.showTextDocument(this.document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
    const range = new vscode.Range(this.document.positionAt(arrows.offset[arrow]), this.document.positionAt(arrows.end[arrow]));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async rename(address: string): Promise<void> {
    const config = vscode.workspace.getConfiguration('sipTrace', this.document.uri);
    const names = { ...participantNames(this.document) };
    const name = await vscode.window.showInputBox({ title: `Name for ${address}`, value: names[address] ?? '', prompt: 'Shown as the column name in call flows (setting sipTrace.callFlow.participantNames). Empty: the address.' });
    if (name === undefined) return;
    if (name.trim() === '') delete names[address];
    else names[address] = name.trim();
    const target = vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await config.update(NAMES_SETTING, names, target);
  }

  private dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    CallFlowPanel.panels.delete(this.document.uri.toString());
    for (const d of this.disposables) d.dispose();
  }
}

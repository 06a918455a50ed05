// Captures (pcap, pcapng, .cap, gzipped or not) open as their decoded SIP text: a read-only
// virtual document of the sip-capture: scheme, which the language server checks like any trace.
// A custom editor catches the capture file being opened and puts the decoded document in its place,
// or, for one too big for VS Code to hand to extensions, a page that says so.
import * as vscode from 'vscode';
import { Worker } from 'node:worker_threads';
import type { CaptureSummary } from '../../server/src/sip/capture/decode';
import { CAPTURE_SCHEME, describeCapture } from '../../server/src/sip/capture/files';
import type { DecodeReply, DecodeRequest } from './captureWorker';

/** The custom editor's view type, as package.json declares it. */
const CAPTURE_EDITOR = 'sipTrace.capture';

/** A capture file's decoded document: the same path; a file system other than file: is kept in the query. */
function captureUri(file: vscode.Uri): vscode.Uri {
  return file.with({ scheme: CAPTURE_SCHEME, query: file.scheme === 'file' ? '' : file.scheme });
}

function fileOf(capture: vscode.Uri): vscode.Uri {
  return capture.with({ scheme: capture.query || 'file', query: '' });
}

const basename = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** What the custom editor shows while the capture is decoded, or when it cannot be. No scripts. */
function page(text: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"></head><body><p style="color: var(--vscode-foreground); font-family: var(--vscode-font-family)">${escapeHtml(text)}</p></body></html>`;
}

/** VS Code hands no document longer than this to extensions, nor through them to the language server. */
const SYNC_LIMIT = 50 * 1024 * 1024;

interface Decoded {
  readonly text: string;
  readonly summary: CaptureSummary;
}

class CaptureDocuments implements vscode.TextDocumentContentProvider, vscode.CustomReadonlyEditorProvider {
  /** What each decoded capture held, for the status bar; the decoded text itself lives only in its document. */
  readonly summaries = new Map<string, CaptureSummary>();
  /** Decoded by the custom editor, waiting for VS Code to ask the provider for it. */
  private readonly handOver = new Map<string, Decoded>();

  constructor(private readonly workerPath: string) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const key = uri.toString();
    const decoded = this.handOver.get(key) ?? (await this.decode(fileOf(uri)));
    this.handOver.delete(key);
    if (!decoded) throw new vscode.CancellationError();
    this.summaries.set(key, decoded.summary);
    return decoded.text;
  }

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  async resolveCustomEditor(capture: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    const name = basename(capture.uri);
    const uri = captureUri(capture.uri);
    const key = uri.toString();
    panel.webview.html = page(`Decoding ${name}…`);
    try {
      if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) {
        const decoded = await this.decode(capture.uri);
        if (!decoded) {
          panel.dispose();
          return;
        }
        if (decoded.text.length > SYNC_LIMIT) {
          // The page stays in the editor instead: the text could not be checked, and so is not shown.
          const megabytes = Math.round(decoded.text.length / (1024 * 1024));
          panel.webview.html = page(
            `${name}: ${describeCapture(decoded.summary)}. Its SIP messages come to ${megabytes} MB of text, and VS Code gives extensions no document over 50 MB, so they cannot be checked here. Lint the capture with sip-trace-lint ${name}, or split it (editcap -c 50000 ${name} part.pcap) and open the parts.`,
          );
          return;
        }
        this.handOver.set(key, decoded);
      }
      const editor = await vscode.window.showTextDocument(uri, { viewColumn: panel.viewColumn, preview: false });
      panel.dispose();
      // The decoded text's first line makes it SIP; an empty one (a capture without SIP) does not,
      // and changing the language closes the document, which forgets its summary.
      if (editor.document.languageId !== 'sip') {
        const summary = this.summaries.get(key);
        await vscode.languages.setTextDocumentLanguage(editor.document, 'sip');
        if (summary) this.summaries.set(key, summary);
      }
    } catch (error) {
      const message = `${name} cannot be read as a capture: ${(error as Error).message}`;
      panel.webview.html = page(message);
      void vscode.window.showErrorMessage(`SIP Trace Inspector: ${message}`);
    } finally {
      this.handOver.delete(key);
    }
  }

  /** The capture's text and summary, undefined when the user cancelled. */
  private decode(file: vscode.Uri): Thenable<Decoded | undefined> {
    const title = `Decoding ${basename(file)}`;
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      const cancel = new Int32Array(new SharedArrayBuffer(4));
      const request: DecodeRequest = file.scheme === 'file' ? { path: file.fsPath, cancel } : { bytes: await vscode.workspace.fs.readFile(file), cancel };
      // The bytes move to the worker instead of being copied, unless they share their buffer with other data.
      const whole = request.bytes && request.bytes.byteOffset === 0 && request.bytes.byteLength === request.bytes.buffer.byteLength;
      const worker = new Worker(this.workerPath, { workerData: request, transferList: whole ? [request.bytes!.buffer as ArrayBuffer] : [] });
      const cancelling = token.onCancellationRequested(() => Atomics.store(cancel, 0, 1));
      let done = 0;
      try {
        return await new Promise<Decoded | undefined>((resolve, reject) => {
          worker.on('message', (reply: DecodeReply) => {
            if (reply.kind === 'progress') {
              progress.report({ increment: (reply.fraction - done) * 100, message: `${Math.floor(reply.fraction * 100)} %` });
              done = reply.fraction;
            } else if (reply.kind === 'done') resolve(reply);
            else if (reply.cancelled) resolve(undefined);
            else reject(new Error(reply.message));
          });
          worker.on('error', reject);
          // Only matters when the worker ended without a reply; a settled promise ignores it.
          worker.on('exit', (code) => reject(new Error(`the decoder stopped (exit code ${code})`)));
        });
      } finally {
        cancelling.dispose();
      }
    });
  }
}

/**
 * Registers the sip-capture: documents and the custom editor that opens them; returns what the
 * status bar shows for a document (`pcapng · Ethernet · 1,204 frames · 312 SIP messages`),
 * undefined for anything but a decoded capture.
 */
export function registerCaptures(context: vscode.ExtensionContext): (uri: vscode.Uri) => string | undefined {
  const captures = new CaptureDocuments(context.asAbsolutePath('dist/captureWorker.js'));
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(CAPTURE_SCHEME, captures),
    vscode.window.registerCustomEditorProvider(CAPTURE_EDITOR, captures, { supportsMultipleEditorsPerDocument: true }),
    vscode.workspace.onDidCloseTextDocument((d) => captures.summaries.delete(d.uri.toString())),
  );
  return (uri) => {
    const summary = captures.summaries.get(uri.toString());
    return summary && describeCapture(summary);
  };
}

// Captures (pcap, pcapng, .cap, gzipped or not) open as their decoded SIP text: a read-only
// virtual document of the sip-capture: scheme, which the language server checks like any trace.
// A custom editor catches the capture file being opened and puts the decoded document in its place.
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

class CaptureDocuments implements vscode.TextDocumentContentProvider, vscode.CustomReadonlyEditorProvider {
  /** What each decoded capture held, for the status bar; the decoded text itself lives only in its document. */
  readonly summaries = new Map<string, CaptureSummary>();

  constructor(private readonly workerPath: string) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const decoded = await this.decode(fileOf(uri));
    if (!decoded) throw new vscode.CancellationError();
    this.summaries.set(uri.toString(), decoded.summary);
    return decoded.text;
  }

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  async resolveCustomEditor(capture: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    panel.webview.html = page(`Decoding ${basename(capture.uri)}…`);
    try {
      let document = await vscode.workspace.openTextDocument(captureUri(capture.uri));
      // The decoded text's first line makes it SIP; an empty one (a capture without SIP) does not,
      // and changing the language closes the document, which forgets its summary.
      if (document.languageId !== 'sip') {
        const summary = this.summaries.get(document.uri.toString());
        document = await vscode.languages.setTextDocumentLanguage(document, 'sip');
        if (summary) this.summaries.set(document.uri.toString(), summary);
      }
      await vscode.window.showTextDocument(document, { viewColumn: panel.viewColumn, preview: false });
      panel.dispose();
    } catch (error) {
      if (error instanceof vscode.CancellationError || (error as Error).name === 'Canceled') {
        panel.dispose();
        return;
      }
      const message = `${basename(capture.uri)} cannot be read as a capture: ${(error as Error).message}`;
      panel.webview.html = page(message);
      void vscode.window.showErrorMessage(`SIP Trace Inspector: ${message}`);
    }
  }

  /** The capture's text and summary, undefined when the user cancelled. */
  private decode(file: vscode.Uri): Thenable<{ text: string; summary: CaptureSummary } | undefined> {
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
        return await new Promise<{ text: string; summary: CaptureSummary } | undefined>((resolve, reject) => {
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

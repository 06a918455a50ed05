// Parse once per document version; every feature takes the parsed trace from here.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseTrace } from './sip/parser';
import { Trace } from './sip/model';

export class TraceCache {
  private readonly traces = new Map<string, { version: number; trace: Trace }>();

  get(document: TextDocument): Trace {
    const cached = this.traces.get(document.uri);
    if (cached && cached.version === document.version) return cached.trace;
    const trace = parseTrace(document.getText());
    this.traces.set(document.uri, { version: document.version, trace });
    return trace;
  }

  delete(uri: string): void {
    this.traces.delete(uri);
  }
}

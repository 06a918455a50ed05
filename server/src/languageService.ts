// Parse once per document version; every feature takes the parsed document from here.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseTrace } from './sip/parser';
import { Trace } from './sip/model';
import { LineIndex } from './sip/lineIndex';
import { CallModel, buildCallModel } from './sip/calls/callModel';

export class ParsedDocument {
  private lineIndex: LineIndex | undefined;
  private callModel: CallModel | undefined;

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly trace: Trace,
  ) {}

  /** Built on first use: hovers and code actions on a small trace never pay for it twice. */
  get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.trace.text));
  }

  /** Transactions and follow-ups, for hovers that tell what happened next. */
  get calls(): CallModel {
    return (this.callModel ??= buildCallModel(this.trace));
  }
}

export class TraceCache {
  private readonly parsed = new Map<string, ParsedDocument>();

  get(document: TextDocument): ParsedDocument {
    const cached = this.parsed.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    const parsed = new ParsedDocument(document.uri, document.version, parseTrace(document.getText()));
    this.parsed.set(document.uri, parsed);
    return parsed;
  }

  delete(uri: string): void {
    this.parsed.delete(uri);
  }
}

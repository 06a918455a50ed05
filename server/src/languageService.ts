// Parse once per document version; every feature takes the parsed document from here. Edits are
// recorded as they arrive, so the next version re-reads only the messages they touched (reparse)
// and re-checks only those (Analysis); the line index follows the edits the same way.
import { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { parseTrace } from './sip/parser';
import { Trace } from './sip/model';
import { LineIndex } from './sip/lineIndex';
import { CallModel, buildCallModel } from './sip/calls/callModel';
import { TextChange, reparse } from './sip/reparse';
import { Analysis } from './sip/analysis';
import { RuleParameters, sameParameters } from './sip/rules/rule';

export class ParsedDocument {
  private callModel: CallModel | undefined;

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly trace: Trace,
    readonly lines: LineIndex,
  ) {}

  /** Transactions and follow-ups, for hovers that tell what happened next: built on first use. */
  get calls(): CallModel {
    return (this.callModel ??= buildCallModel(this.trace));
  }
}

interface DocumentState {
  readonly parsed: ParsedDocument;
  analysis: Analysis;
}

/** Since the last parsed version: the edits merged into one change, or undefined when the whole text was replaced. */
interface Pending {
  readonly since: number;
  change: TextChange | undefined;
}

/** The smallest change that does what `first` and then `next` did (offsets of `next` are in the text after `first`). */
function merge(first: TextChange, next: TextChange): TextChange {
  const firstEnd = first.offset + first.inserted;
  const start = Math.min(first.offset, next.offset);
  // Beyond both changes the text is the previous one, moved by both deltas.
  const endBetween = Math.max(firstEnd, next.offset + next.removed);
  const endBefore = endBetween - (first.inserted - first.removed);
  const endAfter = endBetween + (next.inserted - next.removed);
  return { offset: start, removed: endBefore - start, inserted: endAfter - start };
}

export class TraceCache {
  private readonly states = new Map<string, DocumentState>();
  private readonly pending = new Map<string, Pending>();
  /** The line index of each document's latest text, kept up to date edit by edit. */
  private readonly lines = new Map<string, LineIndex>();

  /**
   * Applies one content change to `document` (as TextDocuments' update does), recording where it
   * fell so that the next parse can re-read only that part.
   */
  applyChange(document: TextDocument, change: TextDocumentContentChangeEvent, version: number): void {
    const { uri } = document;
    const before = document.getText();
    let lines = this.lines.get(uri);
    if (!lines || lines.text !== before) lines = new LineIndex(before);
    let recorded: TextChange | undefined;
    if ('range' in change) {
      const offset = lines.offset(change.range.start.line, change.range.start.character);
      const end = Math.max(offset, lines.offset(change.range.end.line, change.range.end.character));
      recorded = { offset, removed: end - offset, inserted: change.text.length };
    }
    TextDocument.update(document, [change], version);
    const after = document.getText();
    this.lines.set(uri, recorded ? lines.edited(after, recorded) : new LineIndex(after));
    const state = this.states.get(uri);
    const pending = this.pending.get(uri);
    if (!state) return;
    if (!pending) this.pending.set(uri, { since: state.parsed.version, change: recorded });
    else pending.change = pending.change && recorded ? merge(pending.change, recorded) : undefined;
  }

  get(document: TextDocument): ParsedDocument {
    return this.state(document).parsed;
  }

  /** The findings of the document's current version, with the rule thresholds of its settings. */
  analysis(document: TextDocument, parameters: RuleParameters): Analysis {
    const state = this.state(document);
    if (!sameParameters(state.analysis.parameters, parameters)) state.analysis = new Analysis(state.parsed.trace, parameters);
    return state.analysis;
  }

  delete(uri: string): void {
    this.states.delete(uri);
    this.pending.delete(uri);
    this.lines.delete(uri);
  }

  private state(document: TextDocument): DocumentState {
    const { uri, version } = document;
    const cached = this.states.get(uri);
    if (cached && cached.parsed.version === version) return cached;
    const text = document.getText();
    let lines = this.lines.get(uri);
    if (!lines || lines.text !== text) {
      lines = new LineIndex(text);
      this.lines.set(uri, lines);
    }
    const pending = this.pending.get(uri);
    this.pending.delete(uri);
    let state: DocumentState;
    if (cached && pending?.change && pending.since === cached.parsed.version) {
      const change = reparse(cached.parsed.trace, text, pending.change);
      state = { parsed: new ParsedDocument(uri, version, change.trace, lines), analysis: cached.analysis.edited(change) };
    } else {
      const trace = parseTrace(text);
      state = { parsed: new ParsedDocument(uri, version, trace, lines), analysis: new Analysis(trace, cached?.analysis.parameters) };
    }
    this.states.set(uri, state);
    return state;
  }
}

// The open documents: parsed once per version; every feature takes the parsed document from here. Edits are
// recorded as they arrive, so the next version re-reads only the messages they touched (reparse)
// and re-checks only those (Analysis); the line index follows the edits the same way.
import { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { TraceReader, parseTrace } from './sip/parser';
import { Finding, Trace } from './sip/model';
import { LineIndex } from './sip/lineIndex';
import { CallModel, buildCallModel } from './sip/calls/callModel';
import { TextChange, reparse } from './sip/reparse';
import { Analysis } from './sip/analysis';
import { checkMessages } from './sip/diagnose';
import { RuleParameters } from './sip/rules/rule';

export class ParsedDocument {
  private callModel: CallModel | undefined;

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly trace: Trace,
    readonly lines: LineIndex,
    /** The call model the diagnostics built (or will build) for this version, when there is one. */
    private readonly analysed?: () => CallModel,
  ) {}

  /** Transactions and follow-ups, for hovers that tell what happened next: the diagnostics' own, or built on first use. */
  get calls(): CallModel {
    return (this.callModel ??= this.analysed ? this.analysed() : buildCallModel(this.trace));
  }
}

interface DocumentState {
  analysis: Analysis;
  readonly parsed: ParsedDocument;
}

/** A document opened but not read to its end yet, and the findings of the messages read so far. */
interface Opening {
  readonly version: number;
  readonly reader: TraceReader;
  readonly perMessage: Array<readonly Finding[]>;
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
  private readonly openings = new Map<string, Opening>();

  /**
   * The document after one content change (what TextDocuments' update returns), recording where the
   * change fell so that the next parse can re-read only that part. The new text is made here with
   * the line index kept edit by edit, in a new TextDocument: TextDocument.update would find the
   * change's offsets with a line table of its own, a number per line of the whole text kept beside
   * ours (300,000 numbers for a 10 MB trace), built on the first edit.
   */
  applyChange(document: TextDocument, change: TextDocumentContentChangeEvent, version: number): TextDocument {
    const { uri } = document;
    const before = document.getText();
    let lines = this.lines.get(uri);
    if (!lines || lines.text !== before) lines = new LineIndex(before);
    let recorded: TextChange | undefined;
    let after: string;
    if ('range' in change) {
      // As TextDocument does, a range whose end comes before its start is read the other way round.
      const from = lines.offset(change.range.start.line, change.range.start.character);
      const to = lines.offset(change.range.end.line, change.range.end.character);
      const offset = Math.min(from, to);
      const end = Math.max(from, to);
      recorded = { offset, removed: end - offset, inserted: change.text.length };
      after = before.slice(0, offset) + change.text + before.slice(end);
    } else {
      after = change.text;
    }
    this.lines.set(uri, recorded ? lines.edited(after, recorded) : new LineIndex(after));
    const state = this.states.get(uri);
    const pending = this.pending.get(uri);
    if (state) {
      if (!pending) this.pending.set(uri, { since: state.parsed.version, change: recorded });
      else pending.change = pending.change && recorded ? merge(pending.change, recorded) : undefined;
    }
    return TextDocument.create(uri, document.languageId, version, after);
  }

  /**
   * For a document that is not parsed yet (just opened, or replaced as a whole): reads about
   * `count` more of its messages and checks them; the first part of the trace as a document, with
   * its findings so far. Undefined once the document is parsed (then use get and analysis).
   */
  readPart(document: TextDocument, count: number): { parsed: ParsedDocument; done: boolean; findings: () => Finding[] } | undefined {
    const { uri, version } = document;
    if (this.states.get(uri)?.parsed.version === version || this.pending.get(uri)?.change) return undefined;
    let opening = this.openings.get(uri);
    if (opening?.version !== version) {
      opening = { version, reader: new TraceReader(document.getText()), perMessage: [] };
      this.openings.set(uri, opening);
    }
    const { reader, perMessage } = opening;
    reader.read(count);
    const trace = reader.partial();
    checkMessages(trace, perMessage.length, trace.messages.length, (i, found) => (perMessage[i] = found));
    const findings = () => {
      const all = [...trace.findings];
      for (const list of perMessage) for (const f of list) all.push(f);
      return all.sort((a, b) => a.offset - b.offset);
    };
    return { parsed: new ParsedDocument(uri, version, trace, this.linesOf(uri, trace.text)), done: reader.done, findings };
  }

  get(document: TextDocument): ParsedDocument {
    return this.state(document).parsed;
  }

  /** The findings of the document's current version, with the rule thresholds of its settings. */
  analysis(document: TextDocument, parameters: RuleParameters): Analysis {
    const state = this.state(document);
    state.analysis = state.analysis.withParameters(parameters);
    return state.analysis;
  }

  delete(uri: string): void {
    this.states.delete(uri);
    this.pending.delete(uri);
    this.lines.delete(uri);
    this.openings.delete(uri);
  }

  private linesOf(uri: string, text: string): LineIndex {
    let lines = this.lines.get(uri);
    if (!lines || lines.text !== text) {
      lines = new LineIndex(text);
      this.lines.set(uri, lines);
    }
    return lines;
  }

  private state(document: TextDocument): DocumentState {
    const { uri, version } = document;
    const cached = this.states.get(uri);
    if (cached && cached.parsed.version === version) return cached;
    const text = document.getText();
    const lines = this.linesOf(uri, text);
    const pending = this.pending.get(uri);
    this.pending.delete(uri);
    const opening = this.openings.get(uri);
    this.openings.delete(uri);
    let analysis: Analysis;
    if (cached && pending?.change && pending.since === cached.parsed.version) {
      analysis = cached.analysis.edited(reparse(cached.parsed.trace, text, pending.change));
    } else if (opening?.version === version) {
      // The messages checked while the document was read in parts keep their findings.
      const trace = opening.reader.finish();
      const perMessage: Array<readonly Finding[] | undefined> = new Array(trace.messages.length);
      opening.perMessage.forEach((found, i) => (perMessage[i] = found));
      analysis = new Analysis(trace, cached?.analysis.parameters, perMessage, opening.perMessage.length);
    } else {
      analysis = new Analysis(parseTrace(text), cached?.analysis.parameters);
    }
    // Hovers use the call model of the diagnostics, whichever analysis the settings lead to.
    const state: DocumentState = { analysis, parsed: new ParsedDocument(uri, version, analysis.trace, lines, () => state.analysis.calls) };
    this.states.set(uri, state);
    return state;
  }
}

// The language service: every feature as a function over an open document, behind one facade (as
// vscode-json-languageservice's getLanguageService). The server only wires it to the connection and
// decides when to publish; tests call it in-process. Each document is parsed once per version, and
// the hovers use the call model its diagnostics built.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeActionContext, CodeLens, Diagnostic, DocumentSymbol, FoldingRange, Hover, InlayHint, Location, Position, Range } from 'vscode-languageserver-types';
import { ParsedDocument, TraceCache } from './documents';
import { Settings, ruleParameters } from './settings';
import { Finding } from './sip/model';
import { RatedFinding, rate } from './sip/diagnose';
import { computeDiagnostics } from './features/diagnostics';
import { computeHover } from './features/hover';
import { computeCodeActions } from './features/codeActions';
import { computeSymbols } from './features/symbols';
import { computeFoldingRanges } from './features/folding';
import { computeDefinition } from './features/definition';
import { computeReferences } from './features/references';
import { computeInlayHints } from './features/inlayHints';
import { computeTraceSummary } from './features/traceSummary';
import { describeTrace, detectTrace } from './features/traceInfo';
import { computeCallFlow, computeCallFlowExport, computeCallFlowLenses } from './features/callFlow';
import type { CallFlowExportParams, CallFlowParams, DetectResult, TraceInfo, TraceSummaryResult } from './protocol';
import type { CallFlow } from './sip/flow/flowModel';

export interface LanguageService {
  /** The open documents, their parses and findings, kept up to date edit by edit. */
  readonly documents: TraceCache;
  /** Every finding of the document's current version, all rules run. */
  doValidation(document: TextDocument, settings: Settings): Finding[];
  /** Findings as LSP diagnostics, with the user's severities and bound. */
  toDiagnostics(parsed: ParsedDocument, findings: readonly Finding[], settings: Settings): Diagnostic[];
  doHover(document: TextDocument, position: Position): Hover | null;
  getSymbols(document: TextDocument): DocumentSymbol[];
  /** A fold per message and per multi-line body. */
  getFoldingRanges(document: TextDocument): FoldingRange[];
  /** On a response: its request. */
  getDefinition(document: TextDocument, position: Position): Location | null;
  /** On a Call-ID: the call's messages; on a top Via branch: the transaction's. */
  findReferences(document: TextDocument, position: Position, includeDeclaration: boolean): Location[];
  /** Deltas within each call after the start lines in `range`, unless the settings turn them off. */
  getInlayHints(document: TextDocument, range: Range, settings: Settings): InlayHint[];
  getCodeActions(document: TextDocument, context: CodeActionContext, settings: Settings): CodeAction[];
  getCodeLenses(document: TextDocument): CodeLens[];
  getCallFlow(document: TextDocument, settings: Settings, params: CallFlowParams): CallFlow;
  getTraceSummary(document: TextDocument): TraceSummaryResult;
  exportCallFlow(document: TextDocument, settings: Settings, params: CallFlowExportParams): string;
  describe(parsed: ParsedDocument, complete: boolean): TraceInfo;
  detect(sample: string): DetectResult;
}

export function getLanguageService(): LanguageService {
  const documents = new TraceCache();
  const doValidation = (document: TextDocument, settings: Settings): Finding[] => {
    const analysis = documents.analysis(document, ruleParameters(settings));
    analysis.checkMessages(Infinity);
    analysis.checkTrace();
    return analysis.findings();
  };
  // What the call flow marks: every finding, with the user's severities.
  const rated = (document: TextDocument, settings: Settings): RatedFinding[] => [...rate(doValidation(document, settings), { severities: settings.rules, maxFindings: Infinity }).findings];
  return {
    documents,
    doValidation,
    toDiagnostics: computeDiagnostics,
    doHover: (document, position) => computeHover(documents.get(document), position),
    getSymbols: (document) => computeSymbols(documents.get(document)),
    getFoldingRanges: (document) => computeFoldingRanges(documents.get(document)),
    getDefinition: (document, position) => computeDefinition(documents.get(document), position),
    findReferences: (document, position, includeDeclaration) => computeReferences(documents.get(document), position, includeDeclaration),
    getInlayHints: (document, range, settings) => (settings.inlayHints.callDelta ? computeInlayHints(documents.get(document), range) : []),
    getCodeActions: (document, context, settings) => computeCodeActions(documents.get(document), context, settings),
    getCodeLenses: (document) => computeCallFlowLenses(documents.get(document)),
    getTraceSummary: (document) => ({ markdown: computeTraceSummary(documents.get(document)) }),
    getCallFlow: (document, settings, params) => computeCallFlow(documents.get(document), rated(document, settings), params),
    exportCallFlow: (document, settings, params) => computeCallFlowExport(documents.get(document), rated(document, settings), params),
    describe: describeTrace,
    detect: detectTrace,
  };
}

import { ParsedDocument } from '../documents';
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import { rangeOf } from './positions';
import { describeMeta } from '../sip/formats/describe';

const MAX_NAME = 120;

/**
 * One symbol per message, named by its start line (after the log's time and route, when the trace
 * came from a log format), so the Outline and breadcrumbs list the trace.
 */
export function computeSymbols(document: ParsedDocument): DocumentSymbol[] {
  const { trace } = document;
  const { text } = trace;
  return [...trace.messages].map((m) => {
    const line = m.startLine;
    const raw = text.slice(line.offset, Math.min(line.end, line.offset + MAX_NAME + 1));
    const name = raw.length > MAX_NAME ? `${raw.slice(0, MAX_NAME)}…` : raw;
    const context = describeMeta(trace.meta[m.index]);
    return {
      name: `${context ? `${context} ` : ''}${name.trim() === '' ? '(empty start line)' : name}`,
      detail: `#${m.index + 1}`,
      kind: line.kind === 'request' ? SymbolKind.Method : SymbolKind.Event,
      range: rangeOf(document, m.offset, Math.max(m.end, line.end) - m.offset),
      selectionRange: rangeOf(document, line.offset, line.end - line.offset),
    };
  });
}

import { ParsedDocument } from '../documents';
import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import { findHeader, messageIndexAt } from '../sip/access';
import { explainHeader, explainMethod, explainStatus } from '../sip/explain';
import { explainMeta } from '../sip/formats/describe';
import { responsesOf, storyOf } from '../sip/calls/story';
import { offsetOf, rangeOf } from './positions';

function markdown(document: ParsedDocument, value: string, offset: number, length: number): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range: rangeOf(document, offset, length) };
}

/** Hover over a status code or reason, a method (request line or CSeq), a header name, or a logged message's start line. */
export function computeHover(document: ParsedDocument, position: Position): Hover | null {
  const { trace } = document;
  const offset = offsetOf(document, position);
  const index = messageIndexAt(trace.messages, offset);
  if (index < 0) return null;
  const message = trace.messages.at(index);
  const { text } = trace;
  const line = message.startLine;
  // On the start line, what the log says about the message (time, route) comes first.
  const context = explainMeta(trace.meta[index], trace.format?.name);
  const onStartLine = (value: string) => (context ? `${context}\n\n---\n\n${value}` : value);
  if (line.kind === 'response' && line.code > 0 && offset >= line.codeOffset && offset <= line.reasonEnd) {
    const lineOf = (o: number) => document.lines.position(o).line + 1;
    const story = line.code >= 300 ? storyOf(document.calls, index, lineOf) : [];
    const explanation = explainStatus(trace, message, line.code, lineOf, story);
    return markdown(document, onStartLine(explanation), line.codeOffset, line.reasonEnd - line.codeOffset);
  }
  if (line.kind === 'request' && offset >= line.methodOffset && offset <= line.methodEnd) {
    const responses = responsesOf(trace, document.calls, index, (o) => document.lines.position(o).line + 1);
    const explanation = explainMethod(text.slice(line.methodOffset, line.methodEnd)) + (responses ? `\n\n${responses}` : '');
    return markdown(document, onStartLine(explanation), line.methodOffset, line.methodEnd - line.methodOffset);
  }
  if (context && offset >= line.offset && offset <= line.end) return markdown(document, context, line.offset, line.end - line.offset);
  const headers = trace.headers.headersOf(message);
  for (const h of headers) {
    if (offset >= h.offset && offset <= h.nameEnd) {
      return markdown(document, explainHeader(text.slice(h.offset, h.nameEnd), h.name), h.offset, h.nameEnd - h.offset);
    }
  }
  const cseq = findHeader(headers, 'cseq');
  if (cseq && offset >= cseq.valueOffset && offset <= cseq.valueEnd) {
    const method = /\S+$/.exec(text.slice(cseq.valueOffset, cseq.valueEnd));
    if (method) {
      const start = cseq.valueEnd - method[0].length;
      if (offset >= start) return markdown(document, explainMethod(method[0]), start, method[0].length);
    }
  }
  return null;
}

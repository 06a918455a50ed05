// Text edits that fixes share: one edit never spans messages, and a new line is written the way the
// message's own lines are (line ending, log decoration).
import { SipMessage, Trace } from './model';
import { LF, lineEnd } from './chars';

export interface TextEdit {
  readonly offset: number;
  readonly length: number;
  readonly newText: string;
}

/**
 * A new header line after the last one, before the blank line that ends the header section, with
 * the message's line ending and the decoration its lines carry in the log (an indent, a prefix,
 * ngrep's "." for CR), copied from the last header line.
 */
export function insertHeaderLine(trace: Trace, message: SipMessage, line: string): TextEdit {
  const { text } = trace;
  const last = message.headerCount > 0 ? trace.headers.header(message.firstHeader + message.headerCount - 1) : undefined;
  let prefix = '';
  let suffix = '';
  if (last) {
    let lineStart = last.end;
    while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== LF) lineStart--;
    // The decoration before a folded last line is whitespace of the value, not of the log.
    if (lineStart <= last.offset) prefix = text.slice(lineStart, last.offset);
    const lineStop = lineEnd(text, last.end);
    suffix = text.slice(last.end, lineStop);
  }
  const decorated = prefix + line + suffix;
  const newText = message.headersUnterminated ? message.eol + decorated : decorated + message.eol;
  return { offset: message.headersEnd, length: 0, newText };
}

/** Replaces the finding's own span, e.g. a wrong number with the measured one. */
export function replaceSpan(span: { readonly offset: number; readonly length: number }, newText: string): TextEdit {
  return { offset: span.offset, length: span.length, newText };
}

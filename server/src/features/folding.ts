import { FoldingRange } from 'vscode-languageserver-types';
import { ParsedDocument } from '../documents';
import { CR, LF } from '../sip/chars';

/**
 * One fold per message, from its start line to its last line with text, so that Fold All leaves the
 * start lines: the trace read as a list of requests and responses, as sngrep's first screen reads.
 * A message body of several lines folds on its own inside it.
 */
export function computeFoldingRanges(document: ParsedDocument): FoldingRange[] {
  const { trace, lines } = document;
  const { text, messages } = trace;
  const lastLineOf = (from: number, to: number) => {
    while (to > from && (text.charCodeAt(to - 1) === LF || text.charCodeAt(to - 1) === CR)) to--;
    return lines.position(to).line;
  };
  const ranges: FoldingRange[] = [];
  for (let i = 0; i < messages.length; i++) {
    const m = messages.at(i);
    const startLine = lines.position(m.offset).line;
    const endLine = lastLineOf(m.offset, m.end);
    if (endLine > startLine) ranges.push({ startLine, endLine });
    if (m.bodyEnd > m.bodyOffset) {
      const bodyStart = lines.position(m.bodyOffset).line;
      const bodyEnd = lastLineOf(m.bodyOffset, m.bodyEnd);
      if (bodyEnd > bodyStart) ranges.push({ startLine: bodyStart, endLine: bodyEnd });
    }
  }
  return ranges;
}

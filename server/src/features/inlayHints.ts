import { InlayHint, Range } from 'vscode-languageserver-types';
import { ParsedDocument } from '../documents';
import { firstAfter } from '../sip/calls/callModel';
import { messagesStartingBy } from '../sip/access';
import { formatDelta } from '../sip/flow/text';

/**
 * After each start line in `range`: the time since the previous message of the same call (`+0.212 s`),
 * which is what tells a slow answer or a retransmission timer apart when calls interleave. Only
 * the messages in sight are looked at; a trace without times gets none.
 */
export function computeInlayHints(document: ParsedDocument, range: Range): InlayHint[] {
  const { trace, calls, lines } = document;
  const { summaries } = calls;
  const end = lines.offset(range.end.line, range.end.character);
  const hints: InlayHint[] = [];
  // The first message that starts at or after the range.
  for (let i = messagesStartingBy(trace.messages, lines.offset(range.start.line, range.start.character) - 1); i < trace.messages.length && trace.messages.offsetOf(i) <= end; i++) {
    const s = summaries.at(i);
    const call = s.time === undefined || s.callId === '' ? undefined : calls.calls.get(s.callId);
    if (!call) continue;
    // The message's own slot is the one before the first after it.
    const previous = call[firstAfter(call, i) - 2];
    const before = previous === undefined ? undefined : summaries.at(previous).time;
    if (before === undefined) continue;
    const line = trace.messages.at(i).startLine;
    hints.push({
      position: lines.position(line.end),
      label: formatDelta(s.time! - before),
      paddingLeft: true,
      tooltip: `Since the previous message of call ${s.callId} (line ${lines.position(trace.messages.offsetOf(previous)).line + 1})`,
    });
  }
  return hints;
}

// Quick fixes as plain text edits. Each rule builds its own (Rule.fix); here they are found for a
// finding and the log's byte count is kept in step. A fix touches only the message its finding is about.
import { Finding, SipMessage, Trace } from './model';
import { messageIndexAt } from './access';
import { RULES_BY_CODE } from './rules';
import { FORMATS } from './formats';
import { contentLength } from './region';
import { utf8Length } from './utf8';
import { createContext, messageContext } from './rules/context';
import { ValueChecker } from './rules/valueRules';
import { FixOptions } from './rules/rule';
import { TextEdit } from './edits';

export interface Fix {
  readonly title: string;
  readonly code: Finding['code'];
  readonly edits: readonly TextEdit[];
}

/** The findings with `code` that start at `offset`, recomputed from the current parse. */
export function findingsAt(trace: Trace, code: string, offset: number): Finding[] {
  const fromParser = trace.findings.filter((f) => f.code === code && f.offset === offset);
  if (fromParser.length > 0) return fromParser;
  const rule = RULES_BY_CODE.get(code);
  const index = messageIndexAt(trace.messages, offset);
  if (!rule || index < 0) return [];
  const message = trace.messages.at(index);
  if (rule.checkValue) return (new ValueChecker([rule]).check(trace, message) ?? []).filter((f) => f.offset === offset);
  const found: Finding[] = [];
  rule.check?.(
    createContext(trace, message, (o, length, text, data) => {
      if (o === offset) found.push({ code: rule.code, offset: o, length, message: text, data });
    }),
  );
  return found;
}

/** Adds to a fix the change of the log's byte count that its edits make, where the framing prints one. */
function withByteCount(trace: Trace, message: SipMessage, fix: Fix): Fix {
  const count = trace.meta[message.index]?.byteCount;
  if (!count) return fix;
  const formatView = FORMATS.find((f) => f.id === trace.format?.id)?.view;
  const view = trace.linePrefix ? trace.linePrefix.view(formatView) : formatView;
  // A new line counts as the CRLF it would be sent with, as the framing's count does.
  const wire = (s: string) => contentLength(s, 0, s.length, view, true);
  const delta = fix.edits.reduce((sum, e) => sum + wire(e.newText) - utf8Length(trace.text, e.offset, e.offset + e.length), 0);
  if (delta === 0) return fix;
  return { ...fix, edits: [...fix.edits, { offset: count.offset, length: count.length, newText: String(count.value + delta) }] };
}

/** The quick fix for a finding, or undefined when its rule has none or this finding cannot be fixed. */
export function fixFor(trace: Trace, finding: Finding, options: FixOptions): Fix | undefined {
  const fix = RULES_BY_CODE.get(finding.code)?.fix;
  const index = messageIndexAt(trace.messages, finding.offset);
  if (!fix || index < 0) return undefined;
  const message = trace.messages.at(index);
  const edits = fix.edits({ ...messageContext(trace, message), options }, finding);
  if (!edits) return undefined;
  return withByteCount(trace, message, { title: fix.titleFor?.(finding) ?? fix.title, code: finding.code, edits });
}

// Quick fixes as plain text edits. Each fix touches only the message its finding is about, and
// writes new lines with that message's own line ending.
import { Finding, SipMessage, Trace } from './model';
import { messageIndexAt } from './access';
import { RULES_BY_CODE } from './rules';
import { FORMATS } from './formats';
import { lineEnd } from './chars';
import { contentLength } from './region';
import { utf8Length } from './utf8';
import { createContext } from './rules/context';

export interface TextEdit {
  readonly offset: number;
  readonly length: number;
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly code: string;
  readonly edits: readonly TextEdit[];
}

export interface FixOptions {
  readonly retryAfterSeconds: number;
}

/** The findings with `code` that start at `offset`, recomputed from the current parse. */
export function findingsAt(trace: Trace, code: string, offset: number): Finding[] {
  const fromParser = trace.findings.filter((f) => f.code === code && f.offset === offset);
  if (fromParser.length > 0) return fromParser;
  const rule = RULES_BY_CODE.get(code);
  const index = messageIndexAt(trace.messages, offset);
  if (!rule?.check || index < 0) return [];
  const found: Finding[] = [];
  rule.check(
    createContext(trace, trace.messages.at(index), (o, length, message, data) => {
      if (o === offset) found.push({ code, offset: o, length, message, data });
    }),
  );
  return found;
}

/**
 * A new header line after the last one, before the blank line that ends the header section, with
 * the message's line ending and the decoration its lines carry in the log (an indent, a prefix,
 * ngrep's "." for CR), copied from the last header line.
 */
function insertHeaderLine(trace: Trace, message: SipMessage, line: string): TextEdit {
  const { text } = trace;
  const last = message.headerCount > 0 ? trace.headers.header(message.firstHeader + message.headerCount - 1) : undefined;
  let prefix = '';
  let suffix = '';
  if (last) {
    let lineStart = last.end;
    while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
    // The decoration before a folded last line is whitespace of the value, not of the log.
    if (lineStart <= last.offset) prefix = text.slice(lineStart, last.offset);
    const lineStop = lineEnd(text, last.end);
    suffix = text.slice(last.end, lineStop);
  }
  const decorated = prefix + line + suffix;
  const newText = message.headersUnterminated ? message.eol + decorated : decorated + message.eol;
  return { offset: message.headersEnd, length: 0, newText };
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

/** The quick fix for a finding, or undefined when its code has none. */
export function fixFor(trace: Trace, finding: Finding, options: FixOptions): Fix | undefined {
  const index = messageIndexAt(trace.messages, finding.offset);
  const fix = index < 0 ? undefined : messageFix(trace, trace.messages.at(index), finding, options);
  return fix && withByteCount(trace, trace.messages.at(index), fix);
}

function messageFix(trace: Trace, message: SipMessage, finding: Finding, options: FixOptions): Fix | undefined {
  const title = RULES_BY_CODE.get(finding.code)?.fix;
  if (!title) return undefined;
  switch (finding.code) {
    case 'sip.503.missing-retry-after': {
      if (trace.headers.find(message, 'retry-after')) return undefined;
      const seconds = Math.max(0, Math.floor(options.retryAfterSeconds));
      return { title, code: finding.code, edits: [insertHeaderLine(trace, message, `Retry-After: ${seconds}`)] };
    }
    case 'sip.content-length.truncated-body':
    case 'sip.content-length.extra-body': {
      const actual = finding.data?.actual;
      if (typeof actual !== 'number') return undefined;
      return {
        title: `${title} to ${actual}`,
        code: finding.code,
        edits: [{ offset: finding.offset, length: finding.length, newText: String(actual) }],
      };
    }
    case 'sip.302.missing-contact': {
      if (trace.headers.find(message, 'contact')) return undefined;
      return { title, code: finding.code, edits: [insertHeaderLine(trace, message, 'Contact: <sip:new-target@example.invalid>')] };
    }
    case 'sip.request.missing-header': {
      if (trace.headers.find(message, 'max-forwards')) return undefined;
      return { title, code: finding.code, edits: [insertHeaderLine(trace, message, 'Max-Forwards: 70')] };
    }
    case 'sip.response.missing-to-tag': {
      const to = trace.headers.find(message, 'to');
      if (!to) return undefined;
      return { title, code: finding.code, edits: [{ offset: to.valueEnd, length: 0, newText: ';tag=to-tag-placeholder' }] };
    }
    case 'sip.cseq.method-mismatch': {
      const method = finding.data?.method;
      if (typeof method !== 'string') return undefined;
      return { title: `${title} (${method})`, code: finding.code, edits: [{ offset: finding.offset, length: finding.length, newText: method }] };
    }
    default:
      return undefined;
  }
}

// Quick fixes as plain text edits. Each fix touches only the message its finding is about, and
// writes new lines with that message's own line ending.
import { Finding, SipMessage, Trace } from './model';
import { messageIndexAt } from './access';
import { RULES_BY_CODE } from './rules';
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

function insertHeaderLine(message: SipMessage, line: string): TextEdit {
  // After the last header line, before the blank line that ends the header section.
  const newText = message.headersUnterminated ? message.eol + line : line + message.eol;
  return { offset: message.headersEnd, length: 0, newText };
}

/** The quick fix for a finding, or undefined when its code has none. */
export function fixFor(trace: Trace, finding: Finding, options: FixOptions): Fix | undefined {
  const title = RULES_BY_CODE.get(finding.code)?.fix;
  const index = messageIndexAt(trace.messages, finding.offset);
  if (!title || index < 0) return undefined;
  const message = trace.messages.at(index);
  switch (finding.code) {
    case 'sip.503.missing-retry-after': {
      if (trace.headers.find(message, 'retry-after')) return undefined;
      const seconds = Math.max(0, Math.floor(options.retryAfterSeconds));
      return { title, code: finding.code, edits: [insertHeaderLine(message, `Retry-After: ${seconds}`)] };
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
      return { title, code: finding.code, edits: [insertHeaderLine(message, 'Contact: <sip:new-target@example.invalid>')] };
    }
    case 'sip.request.missing-header': {
      if (trace.headers.find(message, 'max-forwards')) return undefined;
      return { title, code: finding.code, edits: [insertHeaderLine(message, 'Max-Forwards: 70')] };
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

// The shape of a rule: a stable code, a severity that follows the RFC's MUST/SHOULD/MAY, where the
// RFC says so, a doc block for docs/rules.md, and (unless the parser reports it) a check per message.
import { Finding, Header, RelatedLocation, Severity, SipMessage, Trace } from '../model';
import type { CallModel } from '../calls/callModel';
import { ValueScan } from '../values';

export interface RuleContext {
  readonly trace: Trace;
  readonly text: string;
  readonly message: SipMessage;
  /** The message's header fields, made once for all rules. */
  readonly headers: readonly Header[];
  /** The scanned structure of headers[index] when it is a structured header, computed once. */
  structure(index: number): ValueScan | undefined;
  report(offset: number, length: number, message: string, data?: Finding['data']): void;
}

/** The thresholds of the rules that have them; users set them (`sipTrace.*`, CLI options). */
export interface RuleParameters {
  /** `sip.503.persistent`: at least this many requests answered 503 by one server … */
  readonly persistent503MinResponses: number;
  /** … spread over at least this many seconds. */
  readonly persistent503MinSpanSeconds: number;
}

export const DEFAULT_RULE_PARAMETERS: RuleParameters = { persistent503MinResponses: 3, persistent503MinSpanSeconds: 30 };

export function sameParameters(a: RuleParameters, b: RuleParameters): boolean {
  return a.persistent503MinResponses === b.persistent503MinResponses && a.persistent503MinSpanSeconds === b.persistent503MinSpanSeconds;
}

/** For rules about the whole trace: what clients did across messages. */
export interface TraceRuleContext {
  readonly trace: Trace;
  readonly text: string;
  readonly calls: CallModel;
  readonly parameters: RuleParameters;
  report(offset: number, length: number, message: string, related?: readonly RelatedLocation[]): void;
}

export interface Rule {
  readonly code: string;
  readonly severity: Severity;
  /** Human reference, e.g. 'RFC 3261 §21.5.4'. */
  readonly rfc: string;
  readonly url: string;
  readonly title: string;
  /** Markdown: what it reports, why, and an example. */
  readonly doc: string;
  /** Checks one message; absent for findings the parser makes while reading the trace. */
  readonly check?: (context: RuleContext) => void;
  /** Checks the trace as calls and transactions. */
  readonly checkTrace?: (context: TraceRuleContext) => void;
  /** Title of the quick fix this rule offers, if any. */
  readonly fix?: string;
}

const RFC_BASE = 'https://www.rfc-editor.org/rfc/';

/** Link to an RFC section: rfcUrl(3261, '21.5.4'). */
export function rfcUrl(rfc: number, section: string): string {
  return `${RFC_BASE}rfc${rfc}#section-${section}`;
}

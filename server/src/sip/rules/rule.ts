// The shape of a rule: a stable code, a severity that follows the RFC's MUST/SHOULD/MAY, where the
// RFC says so, a doc block for docs/rules.md, and (unless the parser reports it) a check per message.
import { Finding, Header, RelatedLocation, RuleCode, Severity, SipMessage, Trace } from '../model';
import type { TextEdit } from '../edits';
import type { CallModel } from '../calls/callModel';
import { ValueScan } from '../values';

/** One message as the rules and fixes read it; its headers are indexed by name once. */
export interface MessageContext {
  readonly trace: Trace;
  readonly text: string;
  readonly message: SipMessage;
  /** The first field called `name` (lower-case long form), or undefined. */
  header(name: string): Header | undefined;
  /** Every field called `name`, in order. */
  headers(name: string): readonly Header[];
}

export interface RuleContext extends MessageContext {
  report(offset: number, length: number, message: string, data?: Finding['data']): void;
}

/** One header field, as a value rule reads it. */
export interface ValueContext {
  readonly text: string;
  readonly header: Header;
  /** The scanned value of a structured header (structuredHeaders.ts), undefined for the others. */
  readonly structure: ValueScan | undefined;
  report(offset: number, length: number, message: string, data?: Finding['data']): void;
}

/**
 * A check of one header field on its own, whose findings depend only on the field's name and
 * value: a run does not check again a value that gave no finding (valueRules.ts).
 */
export interface ValueCheck {
  /** The canonical names of the fields it reads, or 'structured' for every header structuredHeaders.ts knows. */
  readonly names: 'structured' | ReadonlySet<string>;
  readonly check: (context: ValueContext) => void;
}

/** What a fix may ask beyond the message: the user's choices for the text it writes. */
export interface FixOptions {
  readonly retryAfterSeconds: number;
}

export interface FixContext extends MessageContext {
  readonly options: FixOptions;
}

/** The quick fix of a rule: edits to the finding's message, undefined when this finding cannot be fixed. */
export interface RuleFix {
  /** As the docs and the code action list name it. */
  readonly title: string;
  /** The title for one finding, when it says what will be written. */
  readonly titleFor?: (finding: Finding) => string;
  edits(context: FixContext, finding: Finding): readonly TextEdit[] | undefined;
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

/**
 * For rules about the whole trace: what clients did across messages. They read the call model
 * only, not the text, so that a trace checked in parts (stream.ts) needs none of it at the end.
 */
export interface TraceRuleContext {
  readonly calls: CallModel;
  readonly parameters: RuleParameters;
  report(offset: number, length: number, message: string, related?: readonly RelatedLocation[]): void;
}

export interface Rule<Code extends string = RuleCode> {
  readonly code: Code;
  readonly severity: Severity;
  /** Human reference, e.g. 'RFC 3261 §21.5.4'. */
  readonly rfc: string;
  readonly url: string;
  readonly title: string;
  /** Markdown: what it reports, why, and an example. */
  readonly doc: string;
  /** Checks one message; absent for findings the parser makes while reading the trace. */
  readonly check?: (context: RuleContext) => void;
  /** Checks each header field it names, instead of a whole message. */
  readonly checkValue?: ValueCheck;
  /** Checks the trace as calls and transactions. */
  readonly checkTrace?: (context: TraceRuleContext) => void;
  readonly fix?: RuleFix;
}

/** A rule whose code keeps its literal type, so the table can list the codes (RuleCode). */
export function defineRule<Code extends string>(rule: Rule<Code>): Rule<Code> {
  return rule;
}

const RFC_BASE = 'https://www.rfc-editor.org/rfc/';

/** Link to an RFC section: rfcUrl(3261, '21.5.4'). */
export function rfcUrl(rfc: number, section: string): string {
  return `${RFC_BASE}rfc${rfc}#section-${section}`;
}

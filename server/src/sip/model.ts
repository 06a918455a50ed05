// The parsed trace. Every position is a UTF-16 offset into the trace text; nothing here holds a
// substring of it, so a 10 MB trace costs numbers, not copies. Line/column is computed only at the edge.
// This module imports nothing: the tables, the formats and the rule table build on it, not it on them.

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/**
 * The codes of the rule table, as keys. rules/index.ts declares them from its table, so the model
 * needs no import and a code that is not in the table does not compile.
 */
export interface RuleCodes {}

export type RuleCode = keyof RuleCodes;

/** Something a rule or the parser found, located by offset. */
export interface Finding {
  readonly code: RuleCode;
  readonly offset: number;
  readonly length: number;
  readonly message: string;
  /** What a quick fix needs, e.g. the correct Content-Length. */
  readonly data?: Readonly<Record<string, string | number>>;
  /** The other messages involved (the 302, the retry, the ACK), each with a note. */
  readonly related?: readonly RelatedLocation[];
}

export interface RelatedLocation {
  readonly offset: number;
  readonly length: number;
  readonly message: string;
}

export interface RequestLine {
  readonly kind: 'request';
  readonly offset: number;
  readonly end: number;
  readonly methodOffset: number;
  readonly methodEnd: number;
  readonly uriOffset: number;
  readonly uriEnd: number;
  readonly versionOffset: number;
  readonly versionEnd: number;
}

export interface StatusLine {
  readonly kind: 'response';
  readonly offset: number;
  readonly end: number;
  readonly versionOffset: number;
  readonly versionEnd: number;
  readonly codeOffset: number;
  readonly codeEnd: number;
  /** 0 when the code is not three digits. */
  readonly code: number;
  readonly reasonOffset: number;
  readonly reasonEnd: number;
}

export type StartLine = RequestLine | StatusLine;

export interface Header {
  /** Lower-case long form: `v` and `Via` both give `via`. */
  readonly name: string;
  readonly offset: number;
  readonly nameEnd: number;
  /** Value without leading and trailing whitespace; may span folded lines. */
  readonly valueOffset: number;
  readonly valueEnd: number;
  /** End of the field's last line, before its line ending. */
  readonly end: number;
}

export interface SipMessage {
  readonly index: number;
  readonly offset: number;
  /** End of the message: the end of its body. */
  readonly end: number;
  readonly startLine: StartLine;
  /** Row of the first header field in the trace's HeaderTable; the message's fields follow it. */
  readonly firstHeader: number;
  readonly headerCount: number;
  /** Where a new header line is inserted: just after the last header line's line ending. */
  readonly headersEnd: number;
  /** True when the last header line has no line ending (message cut off at end of file). */
  readonly headersUnterminated: boolean;
  readonly bodyOffset: number;
  readonly bodyEnd: number;
  readonly eol: '\r\n' | '\n';
}

/** Every message of a trace, one row each (messageTable.ts). */
export interface MessageRows extends Iterable<SipMessage> {
  readonly length: number;
  /** The message at `index` as an object (made per call: keep it while you need it). */
  at(index: number): SipMessage;
  offsetOf(index: number): number;
  endOf(index: number): number;
  firstHeaderOf(index: number): number;
  /** Rows [0, from), `inserted`'s rows, rows [to, length) moved: see MessageTable.spliced. */
  spliced(from: number, to: number, inserted: MessageRows, insertedHeaderBase: number, offsetDelta: number, headerDelta: number): MessageRows;
}

/** Every header field of a trace, one row each (headerTable.ts); names are numbered per table. */
export interface HeaderRows {
  readonly count: number;
  /** The id of a canonical header name, or -1 when no field of the trace has it. */
  knownId(name: string): number;
  /** How many distinct names have ids (ids run from 0 to this, excluded). */
  readonly nameCount: number;
  nameIdOf(row: number): number;
  nameOf(row: number): string;
  valueOffsetOf(row: number): number;
  valueEndOf(row: number): number;
  header(row: number): Header;
  /** The message's header fields, in order (allocated per call). */
  headersOf(message: SipMessage): Header[];
  /** First field called `name` among the message's, or undefined. */
  find(message: SipMessage, name: string): Header | undefined;
  findIn(first: number, count: number, name: string): Header | undefined;
  /** Rows [0, from), `inserted`'s rows, rows [to, count) moved: see HeaderTable.spliced. */
  spliced(from: number, to: number, inserted: HeaderRows, offsetDelta: number): HeaderRows;
}

/** Maps a physical line [start, end) to the SIP content inside it. */
export interface LineView {
  contentStart(text: string, start: number, end: number): number;
  contentEnd(text: string, start: number, end: number): number;
}

/** The prefix another logger put on every line (prefix.ts learns it). */
export interface LinePrefix {
  /** True when both recognise the same shapes. */
  equals(other: LinePrefix | undefined): boolean;
  /** Length of the prefix on the line [start, end), 0 when it has none. */
  length(text: string, start: number, end: number): number;
  /** The time in the prefix of the line that `at` lies in (within its first characters), if any. */
  time(text: string, at: number): Pick<MessageMeta, 'timestamp' | 'time' | 'absolute'>;
  /** `inner` (a format's own decoration) applied to what follows the prefix. */
  view(inner: LineView | undefined): LineView;
}

export type Direction = 'sent' | 'received';

/** What a framing line says about the message it introduces. */
export interface MessageMeta {
  /** As printed by the tool. */
  readonly timestamp?: string;
  /** Milliseconds: since the epoch when `absolute`, else since midnight of the trace's first day. */
  readonly time?: number;
  readonly absolute?: boolean;
  readonly direction?: Direction;
  /** `ip:port` */
  readonly src?: string;
  readonly dst?: string;
  readonly transport?: string;
  /** Frame number in the packet capture the message was decoded from (1-based, as Wireshark numbers frames). */
  readonly frame?: number;
  /** Where the framing line prints the message's byte count, for fixes that change the message's length. */
  readonly byteCount?: { readonly value: number; readonly offset: number; readonly length: number };
}

export interface Trace {
  readonly text: string;
  readonly messages: MessageRows;
  /** Every header field of every message. */
  readonly headers: HeaderRows;
  /** The log format the trace was read as; undefined for bare SIP messages. */
  readonly format?: { readonly id: string; readonly name: string };
  /** The prefix another logger put on the lines, when it did. */
  readonly linePrefix?: LinePrefix;
  /** What the log's framing says about each message (time, direction, addresses), by message index. */
  readonly meta: ReadonlyArray<MessageMeta | undefined>;
  /** Framing and syntax findings the parser made while reading. */
  readonly findings: readonly Finding[];
}

import type { HeaderTable } from './headerTable';
import type { MessageTable } from './messageTable';
import type { MessageMeta } from './formats/format';
import type { LinePrefix } from './prefix';

// The parsed trace. Every position is a UTF-16 offset into the trace text; nothing here holds a
// substring of it, so a 10 MB trace costs numbers, not copies. Line/column is computed only at the edge.

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Something a rule or the parser found, located by offset. */
export interface Finding {
  readonly code: string;
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

export interface Trace {
  readonly text: string;
  readonly messages: MessageTable;
  /** Every header field of every message. */
  readonly headers: HeaderTable;
  /** The log format the trace was read as; undefined for bare SIP messages. */
  readonly format?: { readonly id: string; readonly name: string };
  /** The prefix another logger put on the lines, when it did. */
  readonly linePrefix?: LinePrefix;
  /** What the log's framing says about each message (time, direction, addresses), by message index. */
  readonly meta: ReadonlyArray<MessageMeta | undefined>;
  /** Framing and syntax findings the parser made while reading. */
  readonly findings: readonly Finding[];
}

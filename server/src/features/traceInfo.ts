// How the file was read, for the client's status bar: the detected log format and the message count.
import { ParsedDocument } from '../languageService';
import { parseTrace } from '../sip/parser';

/** Notification the server sends after each validation. */
export const TRACE_INFO = 'sipTrace/traceInfo';

export interface TraceInfo {
  readonly uri: string;
  readonly version: number;
  /** e.g. 'SIPp message log', or 'plain SIP messages'. */
  readonly format: string;
  readonly messages: number;
  /** False while a big trace is still being checked: the diagnostics so far cover its first part. */
  readonly complete: boolean;
}

export function describeTrace(document: ParsedDocument, complete: boolean): TraceInfo {
  return { uri: document.uri, version: document.version, format: document.trace.format?.name ?? 'plain SIP messages', messages: document.trace.messages.length, complete };
}

/** Request: does this text (the start of a file in another language) look like a SIP log? */
export const DETECT_FORMAT = 'sipTrace/detectFormat';

/** The start of a file is enough to recognise a log format; more would only cost time. */
export const DETECT_SAMPLE = 64 * 1024;

export interface DetectResult {
  /** The log format's name, when the text is in one and holds SIP messages. */
  readonly format?: string;
  readonly messages: number;
}

export function detectTrace(sample: string): DetectResult {
  const trace = parseTrace(sample.length > DETECT_SAMPLE ? sample.slice(0, DETECT_SAMPLE) : sample);
  const messages = trace.messages.length;
  return { format: trace.format && messages > 0 ? trace.format.name : undefined, messages };
}

// How the file was read, for the client's status bar: the detected log format and the message count.
import { ParsedDocument } from '../documents';
import { parseTrace } from '../sip/parser';
import { DETECT_SAMPLE, DetectResult, TraceInfo } from '../protocol';

export function describeTrace(document: ParsedDocument, complete: boolean): TraceInfo {
  return { uri: document.uri, version: document.version, format: document.trace.format?.name ?? 'plain SIP messages', messages: document.trace.messages.length, complete };
}

export function detectTrace(sample: string): DetectResult {
  const trace = parseTrace(sample.length > DETECT_SAMPLE ? sample.slice(0, DETECT_SAMPLE) : sample);
  const messages = trace.messages.length;
  return { format: trace.format && messages > 0 ? trace.format.name : undefined, messages };
}

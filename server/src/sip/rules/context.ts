// One context per message, shared by every rule, so each header is materialised and scanned once.
import { Finding, SipMessage, Trace } from '../model';
import { ValueScan, scanValue } from '../values';
import { LIST_HEADERS, isStructured } from './structuredHeaders';
import { RuleContext } from './rule';

export type Report = (offset: number, length: number, message: string, data?: Finding['data']) => void;

export function createContext(trace: Trace, message: SipMessage, report: Report): RuleContext {
  const headers = trace.headers.headersOf(message);
  // null marks "not structured", so the lookup is not repeated.
  const scans: Array<ValueScan | null | undefined> = new Array(headers.length);
  return {
    trace,
    text: trace.text,
    message,
    headers,
    structure(index: number): ValueScan | undefined {
      let scan = scans[index];
      if (scan === undefined) {
        const h = headers[index];
        scan = isStructured(h.name) ? scanValue(trace.text, h.valueOffset, h.valueEnd, LIST_HEADERS.has(h.name)) : null;
        scans[index] = scan;
      }
      return scan ?? undefined;
    },
    report,
  };
}

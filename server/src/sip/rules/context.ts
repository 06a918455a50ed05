// One context per message, shared by every rule, so each header is materialised and scanned once;
// a header is found by the name id the table gave it, comparing numbers, not strings.
import { Finding, Header, SipMessage, Trace } from '../model';
import { ValueScan, scanValue } from '../values';
import { LIST_HEADERS, isStructured } from './structuredHeaders';
import { MessageContext, RuleContext } from './rule';

export type Report = (offset: number, length: number, message: string, data?: Finding['data']) => void;

const NONE: readonly Header[] = [];


export function messageContext(trace: Trace, message: SipMessage): MessageContext {
  return createContext(trace, message, ignore);
}

function ignore(): void {}

export function createContext(trace: Trace, message: SipMessage, report: Report): RuleContext {
  const allHeaders = trace.headers.headersOf(message);
  // null marks "not structured", so the lookup is not repeated.
  const scans: Array<ValueScan | null | undefined> = new Array(allHeaders.length);
  const table = trace.headers;
  const first = message.firstHeader;
  const header = (name: string): Header | undefined => {
    const id = table.knownId(name);
    for (let i = 0; i < allHeaders.length; i++) if (table.nameIdOf(first + i) === id) return allHeaders[i];
    return undefined;
  };
  const headers = (name: string): readonly Header[] => {
    const id = table.knownId(name);
    let out: Header[] | undefined;
    for (let i = 0; i < allHeaders.length; i++) if (table.nameIdOf(first + i) === id) (out ??= []).push(allHeaders[i]);
    return out ?? NONE;
  };
  return {
    trace,
    text: trace.text,
    message,
    allHeaders,
    header,
    headers,
    structure(index: number): ValueScan | undefined {
      let scan = scans[index];
      if (scan === undefined) {
        const h = allHeaders[index];
        scan = isStructured(h.name) ? scanValue(trace.text, h.valueOffset, h.valueEnd, LIST_HEADERS.has(h.name)) : null;
        scans[index] = scan;
      }
      return scan ?? undefined;
    },
    report,
  };
}

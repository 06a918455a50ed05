// Reading a parsed message: headers by name and their values, sliced only when asked for.
import { Header, MessageRows, SipMessage, Trace } from './model';
import { addressSpan, headerParam, scanValue } from './values';

export function findHeader(headers: readonly Header[], name: string): Header | undefined {
  for (const h of headers) if (h.name === name) return h;
  return undefined;
}

export function headersNamed(headers: readonly Header[], name: string): Header[] {
  return headers.filter((h) => h.name === name);
}

/** The header's value with folded lines joined by a single space. */
export function headerValue(text: string, header: Header): string {
  const raw = text.slice(header.valueOffset, header.valueEnd);
  return raw.includes('\n') ? raw.replace(/[ \t]*\r?\n[ \t]+/g, ' ') : raw;
}

/** How many messages start at or before `offset` (messages are sorted by start). */
export function messagesStartingBy(messages: MessageRows, offset: number): number {
  let lo = 0;
  let hi = messages.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (messages.offsetOf(mid) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Index of the message that contains `offset` (messages are sorted), or -1. A message's range
 * includes its end, so a cursor just after the last character still finds it; where one message
 * ends and the next starts, the next one wins.
 */
export function messageIndexAt(messages: MessageRows, offset: number): number {
  const found = messagesStartingBy(messages, offset) - 1;
  return found >= 0 && offset <= messages.endOf(found) ? found : -1;
}

/** The value of the message's first header called `name`, read from the trace's header table. */
function valueIn(trace: Trace, message: SipMessage, name: string): string | undefined {
  const h = trace.headers.find(message, name);
  return h ? headerValue(trace.text, h) : undefined;
}

/** How many earlier messages a per-message rule may read (requestFor): an edit re-checks that many after it. */
export const MESSAGE_LOOK_BACK = 500;

/**
 * The request a response answers: the nearest earlier request with the same Call-ID and CSeq.
 * Only used for the few responses that explain themselves (302, 503), so a bounded look-back will do.
 */
export function requestFor(trace: Trace, response: SipMessage): SipMessage | undefined {
  const callId = valueIn(trace, response, 'call-id');
  const cseq = valueIn(trace, response, 'cseq');
  if (callId === undefined || cseq === undefined) return undefined;
  for (let i = response.index - 1; i >= 0 && i >= response.index - MESSAGE_LOOK_BACK; i--) {
    const m = trace.messages.at(i);
    if (m.startLine.kind === 'request' && valueIn(trace, m, 'call-id') === callId && valueIn(trace, m, 'cseq') === cseq) return m;
  }
  return undefined;
}

/** The URI inside a name-addr (`"Bob" <sip:bob@x>;tag=1` → `sip:bob@x`) or a bare addr-spec. */
export function addressUri(value: string): string {
  const lt = value.indexOf('<');
  if (lt >= 0) {
    const gt = value.indexOf('>', lt);
    return value.slice(lt + 1, gt < 0 ? undefined : gt).trim();
  }
  const semi = value.indexOf(';');
  return (semi < 0 ? value : value.slice(0, semi)).trim();
}

/** [start, end) of every element of the Contact header fields `contacts`, in order. */
export function contactElements(text: string, contacts: readonly Header[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const h of contacts) {
    const { elements } = scanValue(text, h.valueOffset, h.valueEnd, true);
    for (let k = 0; k < elements.length; k += 2) out.push([elements[k], elements[k + 1]]);
  }
  return out;
}

/** Every URI listed in the Contact header fields `contacts`, in order. */
export function contactUris(text: string, contacts: readonly Header[]): string[] {
  return contactElements(text, contacts).map(([from, to]) => {
    const uri = addressSpan(text, from, to);
    return text.slice(uri.start, uri.end);
  });
}

/** Display names of the headers in `required` ([canonical, display] pairs) that the message lacks. */
export function missingHeaders(header: (name: string) => Header | undefined, required: ReadonlyArray<readonly [string, string]>): readonly string[] {
  // An indexed loop (destructuring each pair would run the array iterator) and one shared empty
  // list: every message of a trace asks, and almost none lacks any.
  let missing: string[] | undefined;
  for (let k = 0; k < required.length; k++) if (!header(required[k][0])) (missing ??= []).push(required[k][1]);
  return missing ?? NOTHING_MISSING;
}

const NOTHING_MISSING: readonly string[] = [];

/**
 * True when a Contact carries an `expires` parameter, which lets a 3xx's Contact be cached that long.
 * Only the Contact's own parameter counts: `<sip:b@x;expires=60>` is a URI parameter (RFC 3261 §20.10).
 */
export function contactHasExpiresParam(text: string, contacts: readonly Header[]): boolean {
  return contactElements(text, contacts).some(([from, to]) => headerParam(text, from, to, 'expires') !== undefined);
}

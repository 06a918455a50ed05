// The few facts per message that transactions, dialogs and follow-ups are built from, read once.
import { Header, SipMessage, Trace } from '../model';
import { addressUri, contactHasExpiresParam, contactUris, findHeader, headerValue } from '../access';
import { isLws, parseDigits } from '../values';

export interface MessageSummary {
  readonly index: number;
  readonly offset: number;
  readonly kind: 'request' | 'response';
  /** The request's method, or for a response the method in its CSeq. */
  readonly method: string;
  /** Status code of a response; 0 for a request. */
  readonly code: number;
  readonly requestUri?: string;
  /** `uriKey` of a request's Request-URI, From URI and To URI (what follow-ups are matched on), computed once. */
  readonly requestUriKey?: string;
  readonly fromKey?: string;
  readonly toKey?: string;
  readonly callId: string;
  readonly cseq: number;
  readonly fromUri?: string;
  readonly fromTag?: string;
  readonly toUri?: string;
  readonly toTag?: string;
  /** Top Via: its branch, sent-by, and where the branch value lies in the text. */
  readonly branch?: string;
  readonly branchOffset?: number;
  readonly sentBy?: string;
  readonly viaCount: number;
  /** The top Via value and the one below it (no more), to follow a response across a proxy. */
  readonly vias: readonly string[];
  /** Contact URIs of a 3xx response (not read for other messages). */
  readonly contacts: readonly string[];
  /** Retry-After in seconds. */
  readonly retryAfter?: number;
  /** A 3xx response with an Expires header or an `expires` Contact parameter. */
  readonly explicitExpiry: boolean;
  /** Top Route URI, which decides the next hop before the Request-URI does. */
  readonly route?: string;
  readonly cseqOffset?: number;
  /** From the log framing, when the trace came from a log format. */
  readonly time?: number;
  readonly src?: string;
  readonly dst?: string;
}

/**
 * The value of parameter `name` (`;name=value`) in `value` from `from` on. The usual lower-case,
 * unspaced spelling is found with indexOf; anything else falls back to a regular expression.
 */
function parameter(value: string, name: string, from = 0): string | undefined {
  const plain = value.indexOf(`;${name}=`, from);
  if (plain >= 0) {
    const start = plain + name.length + 2;
    let end = start;
    while (end < value.length && !';, \t>\r\n'.includes(value[end])) end++;
    return end > start ? value.slice(start, end) : undefined;
  }
  if (!value.toLowerCase().includes(name)) return undefined;
  return new RegExp(`;\\s*${name}\\s*=\\s*([^;,\\s>]+)`, 'i').exec(value.slice(from))?.[1];
}

function tagOf(value: string | undefined): string | undefined {
  return value === undefined ? undefined : parameter(value, 'tag', Math.max(0, value.lastIndexOf('>')));
}

/** Compares URIs the way a SIP engineer would for "the same target": scheme, user, host and port, not parameters. */
export function uriKey(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  const m = /^(sips?|tel):([^;?>]*)/i.exec(uri.trim());
  if (!m) return uri.trim().toLowerCase();
  const [user, host] = m[2].includes('@') ? [m[2].slice(0, m[2].lastIndexOf('@')), m[2].slice(m[2].lastIndexOf('@') + 1)] : ['', m[2]];
  return `${m[1].toLowerCase()}:${user}@${host.toLowerCase()}`;
}

const NONE: readonly string[] = [];

export function summarize(trace: Trace): MessageSummary[] {
  const out: MessageSummary[] = [];
  for (let i = 0; i < trace.messages.length; i++) {
    const m = trace.messages.at(i);
    out.push(summarizeMessage(trace, m, trace.headers.headersOf(m)));
  }
  return out;
}

/** The summary of one message, from its already materialised header fields. */
export function summarizeMessage(trace: Trace, m: SipMessage, headers: readonly Header[]): MessageSummary {
  const { text } = trace;
  const i = m.index;
  const value = (name: string) => {
    const h = findHeader(headers, name);
    return h ? headerValue(text, h) : undefined;
  };
  const cseqHeader = findHeader(headers, 'cseq');
  let cseqNumberEnd = cseqHeader ? cseqHeader.valueOffset : 0;
  while (cseqHeader && cseqNumberEnd < cseqHeader.valueEnd && !isLws(text.charCodeAt(cseqNumberEnd))) cseqNumberEnd++;
  let cseqMethod = cseqNumberEnd;
  while (cseqHeader && cseqMethod < cseqHeader.valueEnd && isLws(text.charCodeAt(cseqMethod))) cseqMethod++;
  // Only the top two Via values are read (transactions, proxies); the rest are counted.
  const vias: string[] = [];
  let viaCount = 0;
  for (const h of headers) {
    if (h.name !== 'via') continue;
    const v = headerValue(text, h);
    if (!v.includes(',')) {
      viaCount++;
      if (vias.length < 2) vias.push(v);
    } else {
      for (const part of v.split(',')) {
        if (part.trim() === '') continue;
        viaCount++;
        if (vias.length < 2) vias.push(part.trim());
      }
    }
  }
  const topVia = vias[0];
  const branch = topVia ? parameter(topVia, 'branch') : undefined;
  const viaHeader = findHeader(headers, 'via');
  let branchOffset: number | undefined;
  if (branch && viaHeader) {
    const at = text.slice(viaHeader.valueOffset, viaHeader.valueEnd).indexOf(branch);
    if (at >= 0) branchOffset = viaHeader.valueOffset + at;
  }
  const sentBy = topVia ? /^SIP\s*\/\s*[^/]+\/\s*\S+\s+([^;\s]+)/i.exec(topVia)?.[1]?.toLowerCase() : undefined;
  const retryAfterHeader = findHeader(headers, 'retry-after');
  let retryAfter: number | undefined;
  if (retryAfterHeader) {
    let end = retryAfterHeader.valueOffset;
    while (end < retryAfterHeader.valueEnd && !isLws(text.charCodeAt(end)) && text.charCodeAt(end) !== 59 && text.charCodeAt(end) !== 40) end++;
    retryAfter = parseDigits(text, retryAfterHeader.valueOffset, end);
  }
  const from = value('from');
  const to = value('to');
  const line = m.startLine;
  const route = line.kind === 'request' ? value('route') : undefined;
  // Contacts and their expiry matter for redirects only; reading them for every message costs time.
  const redirect = line.kind === 'response' && line.code >= 300 && line.code < 400;
  const meta = trace.meta[i];
  const fromUri = from !== undefined ? addressUri(from) : undefined;
  const toUri = to !== undefined ? addressUri(to) : undefined;
  const requestUri = line.kind === 'request' ? text.slice(line.uriOffset, line.uriEnd) : undefined;
  return {
    index: i,
    offset: m.offset,
    kind: line.kind,
    method: line.kind === 'request' ? text.slice(line.methodOffset, line.methodEnd) : cseqHeader ? text.slice(cseqMethod, cseqHeader.valueEnd) : '',
    code: line.kind === 'response' ? line.code : 0,
    requestUri,
    requestUriKey: uriKey(requestUri),
    callId: value('call-id')?.trim() ?? '',
    cseq: cseqHeader ? parseDigits(text, cseqHeader.valueOffset, cseqNumberEnd) ?? NaN : NaN,
    cseqOffset: cseqHeader?.valueOffset,
    fromUri,
    fromKey: line.kind === 'request' ? uriKey(fromUri) : undefined,
    fromTag: tagOf(from),
    toUri,
    toKey: line.kind === 'request' ? uriKey(toUri) : undefined,
    toTag: tagOf(to),
    branch,
    branchOffset,
    sentBy,
    viaCount,
    vias,
    contacts: redirect ? contactUris(text, headers) : NONE,
    retryAfter,
    explicitExpiry: redirect && (findHeader(headers, 'expires') !== undefined || contactHasExpiresParam(text, headers)),
    route: route !== undefined ? addressUri(route.split(',')[0]) : undefined,
    time: meta?.time,
    src: meta?.src,
    dst: meta?.dst,
  };
}

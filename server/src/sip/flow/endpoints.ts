// Who sent each message and to whom: the log's addresses where it has them (as sngrep draws one
// column per IP:port), else inferred from the message itself, so that plain traces and SIPp logs
// still show the client, the server and the Contact it was sent on to as separate columns.
import { CallModel } from '../calls/callModel';
import { MessageSummary } from '../calls/summary';

/** Sender and receiver of one message, as column keys. */
export interface Hop {
  readonly from: string;
  readonly to: string;
}

/** The column of a message whose other end the trace does not tell. */
export const UNKNOWN_ENDPOINT = '?';

/**
 * `host:port` of a SIP URI, a `uriKey` or a Via sent-by, lower-case, with the default port written
 * out: `sip:bob@h`, `h:5060` and `H` are one column. Undefined for URIs without a host (tel:).
 */
export function hostPort(value: string, secure = false): string | undefined {
  let s = value.trim();
  const scheme = /^(sips?):/i.exec(s);
  if (scheme) {
    secure = scheme[1].toLowerCase() === 'sips';
    s = s.slice(scheme[0].length);
  } else if (/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(s) && !s.startsWith('[')) return undefined;
  const at = s.lastIndexOf('@', s.search(/[;?>]|$/));
  if (at >= 0) s = s.slice(at + 1);
  s = s.slice(0, s.search(/[;?>,\s]|$/)).toLowerCase();
  if (s === '') return undefined;
  const ipv6 = s.startsWith('[');
  const close = ipv6 ? s.indexOf(']') : -1;
  const hasPort = ipv6 ? s.charAt(close + 1) === ':' : s.includes(':');
  return hasPort ? s : `${s}:${secure ? 5061 : 5060}`;
}

/**
 * The hop of every message. A request goes from its top Via's sent-by to its Route or Request-URI;
 * a response goes back along the Via, from where its request went to where it came from (RFC 3261
 * §18.2.2), which also holds when the request is a retry sent to a redirect's Contact.
 */
export function inferHops(calls: CallModel): Hop[] {
  const { summaries, transactions, transactionOf } = calls;
  const hops: Hop[] = new Array(summaries.length);
  // Thousands of messages name the same few hundred hosts: each spelling is read once (and not
  // spelled again to make a key: by the sent-by, and the top Via where it is kept for its transport).
  const senders = new Map<string, string>();
  const targets = new Map<string, string>();
  const once = (seen: Map<string, string>, key: string, read: () => string | undefined): string => {
    let column = seen.get(key);
    if (column === undefined) seen.set(key, (column = read() ?? UNKNOWN_ENDPOINT));
    return column;
  };
  const sender = ({ sentBy, topVia }: MessageSummary) =>
    sentBy === undefined ? UNKNOWN_ENDPOINT : once(senders, topVia ?? sentBy, () => hostPort(sentBy, /\/TLS\b/i.test(topVia ?? '')));
  for (const s of summaries) {
    if (s.src !== undefined && s.dst !== undefined) {
      hops[s.index] = { from: s.src, to: s.dst };
      continue;
    }
    if (s.kind === 'request') {
      // Its top Route decides the next hop before the Request-URI does (RFC 3261 §8.1.2).
      const target = s.routeKey ?? s.requestUri;
      hops[s.index] = { from: sender(s), to: target === undefined ? UNKNOWN_ENDPOINT : once(targets, target, () => hostPort(target)) };
      continue;
    }
    const t = transactionOf[s.index];
    const request = t >= 0 ? transactions.at(t).request : -1;
    // Requests come before their responses, so the request's hop is already known.
    const asked = request >= 0 && request < s.index ? hops[request] : undefined;
    hops[s.index] = asked ? { from: asked.to, to: asked.from } : { from: UNKNOWN_ENDPOINT, to: sender(s) };
  }
  return hops;
}

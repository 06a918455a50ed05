// Hover texts as Markdown, built from the catalogue and, for a response, from the message itself.
import { SipMessage, Trace } from './model';
import { statusCodeInfo, statusClassName } from './catalog/statusCodes';
import { headerInfo } from './catalog/headers';
import { methodInfo } from './catalog/methods';
import { COMPACT_OF } from './headerNames';
import { contactHasExpiresParam, contactUris, findHeader, headerValue, headersNamed, requestFor } from './access';

function link(rfc: string, url: string): string {
  return `[${rfc}](${url})`;
}

/** What this particular 302 or 503 says: its Contact targets, Expires, Retry-After, the request it answers. */
function messageSpecifics(trace: Trace, message: SipMessage, code: number, lineOf: LineOf): string[] {
  const { text } = trace;
  const headers = trace.headers.headersOf(message);
  const lines: string[] = [];
  const request = requestFor(trace, message);
  if (request && request.startLine.kind === 'request') {
    lines.push(`Answers \`${text.slice(request.startLine.offset, request.startLine.end)}\` (line ${lineOf(request.offset)}).`);
  }
  if (code === 302) {
    const contactFields = headersNamed(headers, 'contact');
    const contacts = contactUris(text, contactFields);
    lines.push(contacts.length > 0 ? `Retry at: ${contacts.map((c) => `\`${c}\``).join(', ')}.` : 'This 302 has **no Contact**: there is nowhere to retry.');
    const expires = findHeader(headers, 'expires');
    lines.push(
      expires
        ? `Expires: ${headerValue(text, expires)}, so the Contact may be cached for that long.`
        : contactHasExpiresParam(text, contactFields)
          ? 'The Contact carries an expires parameter, so it may be cached for that long.'
          : 'No Expires: use the Contact for this retry only; later requests go to the original URI.',
    );
  } else if (code === 503) {
    const retryAfter = findHeader(headers, 'retry-after');
    lines.push(
      retryAfter
        ? `Retry-After: ${headerValue(text, retryAfter)}. Do not send to this server before then.`
        : 'No Retry-After: fail over to another server (next SRV target or alternate proxy) instead of retrying this one.',
    );
  }
  return lines;
}

/** 1-based line number of an offset. */
export type LineOf = (offset: number) => number;

/** `story` tells what the client did next (see calls/story.ts), when the caller has the call model. */
export function explainStatus(trace: Trace, message: SipMessage, code: number, lineOf: LineOf, story: readonly string[] = []): string {
  const info = statusCodeInfo(code);
  const cls = statusClassName(code);
  if (!info) {
    const base = Math.floor(code / 100) * 100;
    return [
      `**${code}** — unknown status code${cls ? ` (${cls}, ${base / 100}xx)` : ''}`,
      '',
      cls
        ? `A client that does not know this code treats it as ${base} (RFC 3261 §8.1.3.2).`
        : 'Status codes run from 100 to 699.',
    ].join('\n');
  }
  const parts = [
    `**${info.code} ${info.reason}** — ${cls} (${Math.floor(code / 100)}xx)`,
    '',
    info.meaning,
    '',
    `**When you see it:** ${info.whenYouSeeIt}`,
    '',
    `**What the client should do:** ${info.clientAction}`,
  ];
  const specifics = messageSpecifics(trace, message, code, lineOf);
  if (specifics.length > 0) parts.push('', '**In this trace:** ' + specifics.join(' '));
  if (story.length > 0) parts.push('', '**What the client did:** ' + story.join('; ') + '.');
  parts.push('', link(info.rfc, info.url));
  return parts.join('\n');
}

export function explainHeader(written: string, canonical: string): string {
  const info = headerInfo(canonical);
  if (!info) return `**${written}** — an extension header SIP Trace Inspector does not know. Elements that do not understand a header ignore it (RFC 3261 §7.3).`;
  const compact = info.compact ?? COMPACT_OF[canonical];
  return [`**${info.name}**${compact ? ` (compact form \`${compact}\`)` : ''}`, '', info.purpose, '', link(info.rfc, info.url)].join('\n');
}

export function explainMethod(method: string): string {
  const info = methodInfo(method);
  if (!info) return `**${method}** — not a standard SIP method. A server that does not support it answers 405 Method Not Allowed with an Allow header (RFC 3261 §8.2.1).`;
  return [`**${info.name}**`, '', info.purpose, '', link(info.rfc, info.url)].join('\n');
}

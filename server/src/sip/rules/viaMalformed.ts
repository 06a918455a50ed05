import { defineRule, rfcUrl } from './rule';
import { headerValue } from '../access';
import { COMMA, SLASH, TOKEN, isLws, startsWithIgnoreCase } from '../chars';
import { Header } from '../model';

// sent-protocol, with the LWS RFC 3261 allows around "/", then sent-by.
const SENT_PROTOCOL = /^SIP\s*\/\s*(\S+?)\s*\/\s*[A-Za-z0-9.!%*_+`'~-]+\s+\S/i;

export const rule = defineRule({
  code: 'sip.via.malformed',
  severity: 'error',
  rfc: 'RFC 3261 §20.42',
  url: rfcUrl(3261, '20.42'),
  title: 'Malformed Via',
  doc: `Each Via value starts with the sent protocol \`SIP/2.0/<transport>\` and the sent-by host. Responses are routed back along Via, so a broken Via means the response cannot find its way (RFC 4475 §3.1.2.16 for a wrong version).

Example: \`Via: SIP/7.0/UDP c.example.com;branch=z9hG4bKkdjuw\`.`,
  checkValue: {
    names: new Set(['via']),
    check({ text, header: h, report }) {
      if (allSip20(text, h)) return;
      const value = headerValue(text, h);
      for (const element of value.split(',')) {
        const trimmed = element.trim();
        if (trimmed === '') continue; // reported by sip.header.empty-element
        const m = SENT_PROTOCOL.exec(trimmed);
        if (!m) {
          report(h.valueOffset, h.valueEnd - h.valueOffset, `Expected "SIP/2.0/<transport> <host>" at the start of each Via value (RFC 3261 §20.42); found "${trimmed.slice(0, 40)}".`);
        } else if (m[1] !== '2.0') {
          report(h.valueOffset, h.valueEnd - h.valueOffset, `This Via names protocol version ${m[1]}; a SIP/2.0 element only handles SIP/2.0 (RFC 3261 §20.42) and answers 505 Version Not Supported.`);
        }
      }
    },
  },
});

/**
 * True when every comma-separated element of the Via reads `SIP/2.0/<transport> <host>`, which the
 * pattern above would accept with version 2.0: the common case, told without copying the value.
 * Anything else goes to the pattern, so what it reports stays the pattern's.
 */
function allSip20(text: string, h: Header): boolean {
  const to = h.valueEnd;
  let start = h.valueOffset;
  while (start <= to) {
    let end = start;
    while (end < to && text.charCodeAt(end) !== COMMA) end++;
    if (!isSip20(text, start, end)) return false;
    start = end + 1;
  }
  return true;
}

function isSip20(text: string, from: number, to: number): boolean {
  let i = skipLws(text, from, to);
  if (i + 3 > to || !startsWithIgnoreCase(text, i, 'SIP')) return false;
  i = skipLws(text, i + 3, to);
  if (i >= to || text.charCodeAt(i) !== SLASH) return false;
  i = skipLws(text, i + 1, to);
  if (i + 3 > to || !text.startsWith('2.0', i)) return false;
  i = skipLws(text, i + 3, to);
  if (i >= to || text.charCodeAt(i) !== SLASH) return false;
  i = skipLws(text, i + 1, to);
  const transport = i;
  for (let c = text.charCodeAt(i); i < to && c < 128 && TOKEN[c] === 1; c = text.charCodeAt(++i));
  if (i === transport || i >= to || !isLws(text.charCodeAt(i))) return false;
  i = skipLws(text, i, to);
  const c = text.charCodeAt(i);
  return i < to && c > 32 && c < 128;
}

function skipLws(text: string, i: number, to: number): number {
  while (i < to && isLws(text.charCodeAt(i))) i++;
  return i;
}

import { defineRule, rfcUrl } from './rule';
import { ADDRESS_HEADERS } from './structuredHeaders';
import { QUOTE, STAR, TOKEN, indexOfCode } from '../chars';
import { LT, indexOutsideQuotes, isLws } from '../values';

const RFC = 'RFC 3261 §20.10';

/** What is wrong with one name-addr / addr-spec element, or undefined when it reads correctly. */
function problem(text: string, start: number, end: number, isContact: boolean): [number, number, string] | undefined {
  if (isContact && end - start === 1 && text.charCodeAt(start) === STAR) return undefined;
  const lt = indexOutsideQuotes(text, start, end, LT);
  if (lt >= 0) {
    let displayStart = start;
    let displayEnd = lt;
    while (displayEnd > displayStart && isLws(text.charCodeAt(displayEnd - 1))) displayEnd--;
    if (text.charCodeAt(displayStart) !== QUOTE && !allTokenOrLws(text, displayStart, displayEnd)) {
      return [displayStart, displayEnd - displayStart, `The display name contains characters that are not allowed unquoted (such as "," or "@"); enclose it in double quotes (${RFC}, RFC 4475 §3.1.2.15).`];
    }
    const gt = indexOfCode(text, 62 /* > */, lt, end);
    if (gt < 0) return undefined; // an unclosed "<" is reported by the caller
    if (hasLws(text, lt + 1, gt)) {
      return [lt, gt + 1 - lt, `No whitespace is allowed inside <...>: the URI must follow "<" and be followed by ">" directly (${RFC}, RFC 4475 §3.1.2.14).`];
    }
    return undefined;
  }
  // addr-spec: without <>, everything from the first ";" on is header parameters.
  const semi = indexOutsideQuotes(text, start, end, 59);
  let uriEnd = semi < 0 ? end : semi;
  while (uriEnd > start && isLws(text.charCodeAt(uriEnd - 1))) uriEnd--;
  if (hasLws(text, start, uriEnd)) {
    return [start, uriEnd - start, `This address has a display name or spaces but no <...>: write it as "Name" <sip:user@host> (${RFC}).`];
  }
  if (indexOfCode(text, 58 /* : */, start, uriEnd) < 0) {
    return [start, uriEnd - start, `Expected a URI such as sip:user@host here (${RFC}).`];
  }
  if (indexOfCode(text, 63 /* ? */, start, uriEnd) >= 0) {
    return [start, uriEnd - start, `A URI containing "?", "," or ";" MUST be enclosed in <...> in this header; otherwise its parts are read as header parameters (${RFC}, RFC 4475 §3.1.2.13).`];
  }
  return undefined;
}

// Loops written out rather than allChars with a callback: they run on every address of a trace.
function hasLws(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 && isLws(c)) return true;
  }
  return false;
}

function allTokenOrLws(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!(c < 128 && TOKEN[c] === 1) && !isLws(c)) return false;
  }
  return true;
}

export const rule = defineRule({
  code: 'sip.address.malformed',
  severity: 'error',
  rfc: RFC,
  url: rfcUrl(3261, '20.10'),
  title: 'Malformed name-addr or addr-spec',
  doc: `Addresses in To, From, Contact, Route, Record-Route and similar headers are either \`"Display Name" <URI>\` or a bare URI. A display name with characters outside token must be quoted; nothing may stand between \`<\`, the URI and \`>\`; a URI with \`?\`, \`,\` or \`;\` must be in \`<>\` (RFC 4475 §3.1.2.13–3.1.2.15).

Example: \`From: Bell, Alexander <sip:a.g.bell@example.com>;tag=43\`.`,
  checkValue: {
    names: ADDRESS_HEADERS,
    check({ text, header, structure, report }) {
      if (header.valueEnd <= header.valueOffset || !structure || structure.unterminatedQuote >= 0) return; // an open quote is sip.header.unterminated-quote's
      if (structure.unterminatedAngle >= 0) {
        report(structure.unterminatedAngle, header.valueEnd - structure.unterminatedAngle, `This "<" is never closed with ">" (${RFC}).`);
        return;
      }
      for (let k = 0; k < structure.elements.length; k += 2) {
        const found = problem(text, structure.elements[k], structure.elements[k + 1], header.name === 'contact');
        if (found) report(found[0], found[1], found[2]);
      }
    },
  },
});



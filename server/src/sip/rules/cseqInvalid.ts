import { defineRule, rfcUrl } from './rule';
import { allTokenChars, isLws, parseDigits } from '../values';
import { isDigit } from '../chars';

export const rule = defineRule({
  code: 'sip.cseq.invalid',
  severity: 'error',
  rfc: 'RFC 3261 §8.1.1.5',
  url: rfcUrl(3261, '8.1.1.5'),
  title: 'Invalid CSeq',
  doc: `CSeq is a sequence number and a method: \`CSeq: 4711 INVITE\`. The number MUST be below 2^31 (RFC 3261 §8.1.1.5); an overlarge one is rejected with 400 Bad Request (RFC 4475 §3.1.2.4, §3.1.2.5).

Example: \`CSeq: 36893488147419103232 REGISTER\`.`,
  check({ text, header, report }) {
    const cseq = header('cseq');
    if (!cseq) return;
    const { valueOffset: from, valueEnd: to } = cseq;
    let i = from;
    while (i < to && isDigit(text.charCodeAt(i))) i++;
    const numberEnd = i;
    while (i < to && isLws(text.charCodeAt(i))) i++;
    const number = parseDigits(text, from, numberEnd);
    if (number === undefined || i === numberEnd || i === to || !allTokenChars(text, i, to)) {
      report(from, to - from, 'CSeq must be a sequence number followed by the method, e.g. "CSeq: 1 INVITE" (RFC 3261 §20.16).');
    } else if (number >= 2 ** 31) {
      report(from, numberEnd - from, `The CSeq number ${text.slice(from, numberEnd)} is too large: it MUST be below 2^31 (RFC 3261 §8.1.1.5). A server answers 400 Bad Request.`);
    }
  },
});

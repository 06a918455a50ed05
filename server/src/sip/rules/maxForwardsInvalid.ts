import { defineRule, rfcUrl } from './rule';
import { parseDigits } from '../values';

export const rule = defineRule({
  code: 'sip.max-forwards.invalid',
  severity: 'error',
  rfc: 'RFC 3261 §20.22',
  url: rfcUrl(3261, '20.22'),
  title: 'Invalid Max-Forwards',
  doc: `Max-Forwards is an integer from 0 to 255 (RFC 3261 §20.22, §8.1.1.6; the usual start value is 70). Anything else is rejected with 400 Bad Request (RFC 4475 §3.1.2.4).

Example: \`Max-Forwards: 300\`.`,
  check({ text, header, report }) {
    const h = header('max-forwards');
    if (!h) return;
    const value = parseDigits(text, h.valueOffset, h.valueEnd);
    if (value !== undefined && value <= 255) return;
    report(
      h.valueOffset,
      h.valueEnd - h.valueOffset,
      `Max-Forwards must be an integer from 0 to 255 (RFC 3261 §20.22); found "${text.slice(h.valueOffset, Math.min(h.valueEnd, h.valueOffset + 40))}". A server answers 400 Bad Request.`,
    );
  },
});

import { defineRule, rfcUrl } from './rule';
import { isDigit } from '../chars';
import { MAX_DELTA_SECONDS, headerParam, parseDigits } from '../values';

export const rule = defineRule({
  code: 'sip.delta-seconds.out-of-range',
  severity: 'warning',
  rfc: 'RFC 3261 §20.19',
  url: rfcUrl(3261, '20.19'),
  title: 'Seconds value beyond 2^32-1',
  doc: `Expires, Retry-After and the Contact \`expires\` parameter count seconds from 0 to 2^32-1 (about 136 years). Larger values overflow 32-bit stacks, which then read a small or negative number (RFC 4475 §3.1.2.4, §3.1.2.5).

Example: \`Expires: 10000000000000000000\`.`,
  checkValue: {
    names: new Set(['expires', 'retry-after', 'contact']),
    check({ text, header: h, structure, report }) {
      const flag = (from: number, to: number, what: string) =>
        report(from, to - from, `${what} ${text.slice(from, Math.min(to, from + 30))}${to - from > 30 ? '…' : ''} exceeds 2^32-1 seconds (RFC 3261 §20.19); 32-bit implementations overflow on it.`);
      if (h.name === 'contact') {
        // Only the Contact's own parameter: an expires inside <…> belongs to the URI (RFC 3261 §20.10).
        const elements = structure?.elements ?? [];
        for (let k = 0; k < elements.length; k += 2) {
          const param = headerParam(text, elements[k], elements[k + 1], 'expires');
          const seconds = param && parseDigits(text, param.start, param.end);
          if (param && seconds !== undefined && seconds > MAX_DELTA_SECONDS) flag(param.start, param.end, 'The Contact expires parameter');
        }
        return;
      }
      let end = h.valueOffset;
      while (end < h.valueEnd && isDigit(text.charCodeAt(end))) end++;
      const seconds = parseDigits(text, h.valueOffset, end);
      if (seconds !== undefined && seconds > MAX_DELTA_SECONDS) flag(h.valueOffset, end, h.name === 'expires' ? 'Expires' : 'Retry-After');
    },
  },
});

import { defineRule, rfcUrl } from './rule';
import { isDigit } from '../chars';
import { isLws, scanValue } from '../values';

export const rule = defineRule({
  code: 'sip.warning-header.invalid',
  severity: 'error',
  rfc: 'RFC 3261 §20.43',
  url: rfcUrl(3261, '20.43'),
  title: 'Invalid Warning header',
  doc: `Each Warning value is a three-digit warn-code, the warning agent and a quoted text: \`Warning: 370 devnull "Choose a bigger pipe"\` (RFC 3261 §20.43; RFC 4475 §3.1.2.5).

Example: \`Warning: 1812 overture "In Progress"\`.`,
  checkValue: {
    names: new Set(['warning']),
    check({ text, header: h, report }) {
      const scan = scanValue(text, h.valueOffset, h.valueEnd, true);
      for (let k = 0; k < scan.elements.length; k += 2) {
        const s = scan.elements[k];
        let i = s;
        while (i < scan.elements[k + 1] && isDigit(text.charCodeAt(i))) i++;
        if (i - s === 3 && isLws(text.charCodeAt(i))) continue;
        report(s, scan.elements[k + 1] - s, 'A Warning value starts with a three-digit warn-code followed by a space, e.g. 399 (RFC 3261 §20.43).');
      }
    },
  },
});

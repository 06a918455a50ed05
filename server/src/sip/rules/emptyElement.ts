import { defineRule, rfcUrl } from './rule';

export const rule = defineRule({
  code: 'sip.header.empty-element',
  severity: 'error',
  rfc: 'RFC 3261 §7.3.1',
  url: rfcUrl(3261, '7.3.1'),
  title: 'Empty parameter or list element',
  doc: `A \`;\` must be followed by a parameter and a \`,\` must separate two values. Stray separators make the header unparseable for strict stacks, which answer 400 Bad Request (RFC 4475 §3.1.2.1). Unknown headers are not checked.

Example: \`Via: SIP/2.0/UDP 192.0.2.15;;,;,,\`.`,
  checkValue: {
    names: 'structured',
    check({ header, structure, report }) {
      if (!structure || structure.strayAt.length === 0) return;
      const first = structure.strayAt[0];
      const count = structure.strayAt.length;
      report(
        first,
        header.valueEnd - first,
        `${count} empty parameter${count === 1 ? '' : 's'} or list element${count === 1 ? '' : 's'} here: every ";" needs a parameter after it and every "," a value on each side (RFC 3261 §7.3.1, §25.1). Remove the stray separators.`,
      );
    },
  },
});

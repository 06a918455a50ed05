import { defineRule, rfcUrl } from './rule';
import { headerValue } from '../access';

const RFC1123 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

export const rule = defineRule({
  code: 'sip.date.invalid',
  severity: 'error',
  rfc: 'RFC 3261 §20.17',
  url: rfcUrl(3261, '20.17'),
  title: 'Invalid Date header',
  doc: `The Date header uses the RFC 1123 form and is always in GMT: \`Date: Sat, 13 Nov 2010 23:29:00 GMT\`. Other time zones are not allowed (RFC 4475 §3.1.2.12).

Example: \`Date: Fri, 01 Jan 2010 16:00:00 EST\`.`,
  check({ text, header, report }) {
    const h = header('date');
    if (!h || RFC1123.test(headerValue(text, h))) return;
    report(
      h.valueOffset,
      h.valueEnd - h.valueOffset,
      'Date must read like "Sat, 13 Nov 2010 23:29:00 GMT": RFC 1123 form, always in GMT (RFC 3261 §20.17).',
    );
  },
});

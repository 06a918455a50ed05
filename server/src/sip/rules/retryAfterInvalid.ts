import { defineRule, rfcUrl } from './rule';
import { headerValue } from '../access';

// delta-seconds [ comment ] *( SEMI retry-param ), with the LWS the grammar allows.
const RETRY_AFTER = /^\d+\s*(\([^)]*\))?\s*(;\s*[^;\s=]+(\s*=\s*[^;]+)?\s*)*$/;

export const rule = defineRule({
  code: 'sip.retry-after.invalid',
  severity: 'error',
  rfc: 'RFC 3261 §20.33',
  url: rfcUrl(3261, '20.33'),
  title: 'Invalid Retry-After',
  doc: `Retry-After is a number of seconds, optionally followed by a comment in parentheses and parameters such as \`duration\`: \`Retry-After: 18000;duration=3600\` or \`Retry-After: 120 (I'm in a meeting)\`. An HTTP-style date is not valid in SIP.

Example: \`Retry-After: tomorrow\`.`,
  check({ text, header, report }) {
    const h = header('retry-after');
    if (!h || RETRY_AFTER.test(headerValue(text, h))) return;
    report(
      h.valueOffset,
      h.valueEnd - h.valueOffset,
      'Retry-After must start with a number of seconds, optionally followed by a (comment) and ;parameters, e.g. "Retry-After: 120;duration=3600" (RFC 3261 §20.33). Clients cannot honour this value.',
    );
  },
});

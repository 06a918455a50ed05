import { defineRule, rfcUrl } from './rule';
import { headerValue } from '../access';

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
  check({ text, headers, report }) {
    for (const h of headers('via')) {
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
    }
  },
});

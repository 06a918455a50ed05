import { defineRule, rfcUrl } from './rule';
import { statusCodeInfo } from '../catalog/statusCodes';

export const rule = defineRule({
  code: 'sip.status.unknown-code',
  severity: 'information',
  rfc: 'RFC 3261 §8.1.3.2',
  url: rfcUrl(3261, '8.1.3.2'),
  title: 'Status code that is not registered',
  doc: `A client that does not know a response code treats it as the x00 code of its class: an unknown 4xx as 400, an unknown 5xx as 500 (RFC 3261 §8.1.3.2). Worth knowing when the server meant something specific by it.

Example: \`SIP/2.0 499 Request Terminated By Policy\` is handled as 400.`,
  check({ message, report }) {
    const line = message.startLine;
    if (line.kind !== 'response' || line.code === 0 || statusCodeInfo(line.code)) return;
    const base = Math.floor(line.code / 100) * 100;
    report(line.codeOffset, line.codeEnd - line.codeOffset, `${line.code} is not a registered SIP response code: a client that does not know it treats it as ${base} (RFC 3261 §8.1.3.2).`);
  },
});

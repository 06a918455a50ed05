import { defineRule, rfcUrl } from './rule';
import { contactUris } from '../access';

const DIALOG_CREATING = new Set(['INVITE', 'SUBSCRIBE', 'REFER']);

export const rule = defineRule({
  code: 'sip.invite.contact-count',
  severity: 'warning',
  rfc: 'RFC 3261 §8.1.1.8',
  url: rfcUrl(3261, '8.1.1.8'),
  title: 'Dialog-creating request without exactly one Contact',
  doc: `A request that can establish a dialog (INVITE, SUBSCRIBE, REFER) MUST carry a Contact with exactly one SIP or SIPS URI (RFC 3261 §8.1.1.8): it becomes the remote target where the peer sends BYE and re-INVITEs. Reported as a warning because RFC 2543 clients, where Contact was optional, still send INVITEs without one.

Example: an INVITE with no Contact, or \`Contact: <sip:a@192.0.2.1>, <sip:a@192.0.2.2>\`.`,
  check({ text, message, headers, report }) {
    const line = message.startLine;
    if (line.kind !== 'request') return;
    const method = text.slice(line.methodOffset, line.methodEnd);
    if (!DIALOG_CREATING.has(method)) return;
    const count = contactUris(text, headers('contact')).length;
    if (count === 1) return;
    report(
      line.offset,
      line.end - line.offset,
      `This ${method} has ${count === 0 ? 'no Contact' : `${count} Contact URIs`}; a dialog-creating request MUST carry exactly one (RFC 3261 §8.1.1.8), the address the peer will send BYE and re-INVITEs to.`,
    );
  },
});

import { defineRule, rfcUrl } from './rule';
import { COMMA, indexOfCode, trimEnd } from '../chars';
import { headerParam } from '../values';

export const rule = defineRule({
  code: 'sip.via.branch-cookie',
  severity: 'warning',
  rfc: 'RFC 3261 §8.1.1.7',
  url: rfcUrl(3261, '8.1.1.7'),
  title: 'Via branch without the z9hG4bK magic cookie',
  doc: `An RFC 3261 element starts every branch with \`z9hG4bK\` so that the branch alone identifies the transaction (RFC 3261 §8.1.1.7, §17.1.3). A branch without it, or no branch at all, comes from an RFC 2543 element: transactions are then matched the old way, which breaks with forking and loops (RFC 4475 §3.2.1). A warning, since RFC 2543 peers are still legal.

Example: \`Via: SIP/2.0/UDP 192.0.2.2;branch=390skdjuw\`.`,
  check({ text, message, header, report }) {
    if (message.startLine.kind !== 'request') return;
    const top = header('via');
    if (!top) return;
    // The top Via's first element is the last hop's: it ends at the first comma.
    const branch = headerParam(text, top.valueOffset, top.valueEnd, 'branch');
    if (branch && text.startsWith('z9hG4bK', branch.start)) return;
    const comma = indexOfCode(text, COMMA, top.valueOffset, top.valueEnd);
    const at = branch ? text.lastIndexOf(';', branch.start) : top.valueOffset;
    const end = branch ? branch.end : trimEnd(text, top.valueOffset, comma < 0 ? top.valueEnd : comma);
    report(
      at,
      end - at,
      branch
        ? `The branch "${text.slice(branch.start, branch.end)}" lacks the z9hG4bK magic cookie, so this request comes from an RFC 2543 element and its transaction is matched the old way (RFC 3261 §8.1.1.7, §17.1.3).`
        : 'The top Via has no branch parameter: an RFC 3261 element always sends one starting with z9hG4bK (RFC 3261 §8.1.1.7).',
    );
  },
});

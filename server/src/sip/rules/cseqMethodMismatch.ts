import { defineRule, rfcUrl } from './rule';
import { replaceSpan } from '../edits';
import { isLws } from '../values';
import { sameChars } from '../chars';

export const rule = defineRule({
  code: 'sip.cseq.method-mismatch',
  severity: 'error',
  rfc: 'RFC 3261 §8.1.1.5',
  url: rfcUrl(3261, '8.1.1.5'),
  title: 'CSeq method differs from the request method',
  doc: `The method in CSeq MUST match the request's method. A server answers a mismatch with 400 Bad Request (RFC 4475 §3.1.2.17, §3.1.2.18); it usually means a request was built from a template and only half edited.

Example: \`OPTIONS sip:bob@example.com SIP/2.0\` with \`CSeq: 8 INVITE\`.`,
  fix: {
    title: 'Set the CSeq method to the request method',
    titleFor: (finding) => `Set the CSeq method to the request method (${finding.data?.method})`,
    edits: (_, finding) => (typeof finding.data?.method === 'string' ? [replaceSpan(finding, finding.data.method)] : undefined),
  },
  check({ text, message, header, report }) {
    const line = message.startLine;
    if (line.kind !== 'request') return;
    const cseq = header('cseq');
    if (!cseq) return;
    let end = cseq.valueEnd;
    let start = end;
    while (start > cseq.valueOffset && !isLws(text.charCodeAt(start - 1))) start--;
    if (start === cseq.valueOffset) return; // no method at all: sip.cseq.invalid reports it
    // Compared in place: every request of a trace comes here, and almost all match.
    if (end - start === line.methodEnd - line.methodOffset && sameChars(text, start, line.methodOffset, end - start)) return;
    const method = text.slice(line.methodOffset, line.methodEnd);
    const inCSeq = text.slice(start, end);
    report(
      start,
      end - start,
      `CSeq says ${inCSeq} but this is a ${method} request; the CSeq method MUST match the request method (RFC 3261 §8.1.1.5). A server answers 400 Bad Request.`,
      { method },
    );
  },
});

import { defineRule, rfcUrl } from './rule';

/** Headers whose value is not a comma-separated list, so they may appear only once (RFC 3261 §7.3.1). */
const SINGLE = new Map([
  ['to', 'To'],
  ['from', 'From'],
  ['call-id', 'Call-ID'],
  ['cseq', 'CSeq'],
  ['max-forwards', 'Max-Forwards'],
  ['content-length', 'Content-Length'],
  ['content-type', 'Content-Type'],
  ['expires', 'Expires'],
  ['min-expires', 'Min-Expires'],
  ['retry-after', 'Retry-After'],
  ['date', 'Date'],
  ['timestamp', 'Timestamp'],
  ['mime-version', 'MIME-Version'],
  ['rseq', 'RSeq'],
  ['rack', 'RAck'],
  ['session-expires', 'Session-Expires'],
  ['event', 'Event'],
  ['subscription-state', 'Subscription-State'],
  ['refer-to', 'Refer-To'],
]);

export const rule = defineRule({
  code: 'sip.header.duplicate',
  severity: 'error',
  rfc: 'RFC 3261 §7.3.1',
  url: rfcUrl(3261, '7.3.1'),
  title: 'Single-valued header given twice',
  doc: `A header may appear on several rows only when its value is a comma-separated list (RFC 3261 §7.3.1). To, From, Call-ID, CSeq, Max-Forwards, Content-Length and the like appear once; a second copy makes the message ambiguous, and a server answers 400 Bad Request (RFC 4475 §3.3.8, §3.3.9).

Example: two \`Call-ID\` headers, or \`Content-Length: 13\` followed by \`l: 0\`.`,
  check({ allHeaders, report }) {
    // A message has a handful of these: a short list beats a Set made per message.
    const seen: string[] = [];
    for (const h of allHeaders) {
      const display = SINGLE.get(h.name);
      if (!display) continue;
      if (!seen.includes(h.name)) {
        seen.push(h.name);
        continue;
      }
      report(h.offset, h.nameEnd - h.offset, `${display} appears more than once, but it takes a single value (RFC 3261 §7.3.1): which one counts is undefined, and a server answers 400 Bad Request.`);
    }
  },
});

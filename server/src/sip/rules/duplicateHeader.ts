import { defineRule, rfcUrl } from './rule';
import type { HeaderRows } from '../model';

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
  check({ trace, message, report }) {
    const table = trace.headers;
    const displays = displaysOf(table);
    // A message has a handful of these: a short list beats a Set made per message.
    const seen: number[] = [];
    for (let row = message.firstHeader, last = row + message.headerCount; row < last; row++) {
      const id = table.nameIdOf(row);
      let display = displays[id];
      if (display === undefined) display = displays[id] = SINGLE.get(table.nameOf(row)) ?? null;
      if (display === null) continue;
      if (!seen.includes(id)) {
        seen.push(id);
        continue;
      }
      const h = table.header(row);
      report(h.offset, h.nameEnd - h.offset, `${display} appears more than once, but it takes a single value (RFC 3261 §7.3.1): which one counts is undefined, and a server answers 400 Bad Request.`);
    }
  },
});

/**
 * By name id of a header table, the display name of a single-valued header or null, filled in as
 * the ids come: every field of every message is read, by its id, without a Header object or a
 * lookup by name string each time.
 */
const displaysByTable = new WeakMap<HeaderRows, Array<string | null>>();

function displaysOf(table: HeaderRows): Array<string | null> {
  let displays = displaysByTable.get(table);
  if (!displays) displaysByTable.set(table, (displays = []));
  return displays;
}

import { Location, Position } from 'vscode-languageserver-types';
import { ParsedDocument } from '../documents';
import { messageIndexAt } from '../sip/access';
import { offsetOf, rangeOf } from './positions';

/**
 * On a Call-ID value: that Call-ID in every message of the call. On the top Via's branch: that
 * branch in every message of the transaction (request, retransmissions, responses, the ACK of a
 * non-2xx). The declaration is the first message of the call, or the transaction's request.
 */
export function computeReferences(document: ParsedDocument, position: Position, includeDeclaration: boolean): Location[] {
  const { trace, calls } = document;
  const offset = offsetOf(document, position);
  const index = messageIndexAt(trace.messages, offset);
  if (index < 0) return [];
  const s = calls.summaries[index];
  const callIdOf = (i: number) => trace.headers.find(trace.messages.at(i), 'call-id');
  const here = callIdOf(index);
  let found: Array<{ index: number; offset: number; length: number }> = [];
  let declaration = -1;
  if (here && offset >= here.valueOffset && offset <= here.valueEnd && s.callId !== '') {
    const messages = calls.calls.get(s.callId) ?? [];
    declaration = messages[0];
    found = messages.map((i) => {
      const h = callIdOf(i)!;
      return { index: i, offset: h.valueOffset, length: h.valueEnd - h.valueOffset };
    });
  } else if (s.branch !== undefined && s.branchOffset !== undefined && offset >= s.branchOffset && offset <= s.branchOffset + s.branch.length && calls.transactionOf[index] >= 0) {
    const t = calls.transactions[calls.transactionOf[index]];
    declaration = t.request;
    const members = [t.request, ...t.retransmissions, ...t.responses, t.ack].filter((i) => i >= 0).sort((a, b) => a - b);
    found = members.flatMap((i) => {
      const m = calls.summaries[i];
      return m.branch !== undefined && m.branchOffset !== undefined ? [{ index: i, offset: m.branchOffset, length: m.branch.length }] : [];
    });
  }
  return found
    .filter((f) => includeDeclaration || f.index !== declaration)
    .map((f) => ({ uri: document.uri, range: rangeOf(document, f.offset, f.length) }));
}

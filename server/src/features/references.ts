import { Location, Position } from 'vscode-languageserver-types';
import { ParsedDocument } from '../documents';
import { messageIndexAt } from '../sip/access';
import { transactionMethod } from '../sip/calls/callModel';
import { Trace } from '../sip/model';
import { headerParam, scanValue } from '../sip/values';
import { offsetOf, rangeOf } from './positions';

interface Span {
  readonly offset: number;
  readonly length: number;
}

/** The branch of every Via value of a message, the top one first, wherever the Via values are split across fields and commas. */
function viaBranches(trace: Trace, index: number): Span[] {
  const { text, headers } = trace;
  const m = trace.messages.at(index);
  const via = headers.knownId('via');
  const branches: Span[] = [];
  for (let row = m.firstHeader, last = m.firstHeader + m.headerCount; row < last; row++) {
    if (headers.nameIdOf(row) !== via) continue;
    const { elements } = scanValue(text, headers.valueOffsetOf(row), headers.valueEndOf(row), true);
    for (let k = 0; k < elements.length; k += 2) {
      const span = headerParam(text, elements[k], elements[k + 1], 'branch');
      if (span && span.end > span.start) branches.push({ offset: span.start, length: span.end - span.start });
    }
  }
  return branches;
}

/**
 * On a Call-ID value: that Call-ID in every message of the call. On the branch of any Via: that
 * branch in every message of the call that carries it in a Via, for the same method, which is the
 * transaction (request, retransmissions, responses, the ACK of a non-2xx) on every hop the trace
 * saw it pass: a proxy's forwarded request and the responses coming back keep it below their own
 * Via (RFC 3261 §16.6). The declaration is the first message of the call, or of the transaction.
 */
export function computeReferences(document: ParsedDocument, position: Position, includeDeclaration: boolean): Location[] {
  const { trace, calls } = document;
  const offset = offsetOf(document, position);
  const index = messageIndexAt(trace.messages, offset);
  if (index < 0) return [];
  const s = calls.summaries.at(index);
  const callIdOf = (i: number) => trace.headers.find(trace.messages.at(i), 'call-id');
  const here = callIdOf(index);
  const messages = calls.calls.get(s.callId) ?? [];
  let found: Array<Span & { readonly index: number }> = [];
  if (here && offset >= here.valueOffset && offset <= here.valueEnd && s.callId !== '') {
    found = messages.map((i) => {
      const h = callIdOf(i)!;
      return { index: i, offset: h.valueOffset, length: h.valueEnd - h.valueOffset };
    });
  } else {
    const branch = viaBranches(trace, index).find((b) => offset >= b.offset && offset <= b.offset + b.length);
    if (!branch) return [];
    const value = trace.text.slice(branch.offset, branch.offset + branch.length);
    const method = transactionMethod(s.method);
    found = messages.flatMap((i) => {
      if (transactionMethod(calls.summaries.at(i).method) !== method) return [];
      const same = viaBranches(trace, i).find((b) => b.length === value.length && trace.text.startsWith(value, b.offset));
      return same ? [{ index: i, ...same }] : [];
    });
  }
  const declaration = found.length > 0 ? found[0].index : -1;
  return found
    .filter((f) => includeDeclaration || f.index !== declaration)
    .map((f) => ({ uri: document.uri, range: rangeOf(document, f.offset, f.length) }));
}

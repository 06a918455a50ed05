import { Location, Position } from 'vscode-languageserver-types';
import { ParsedDocument } from '../documents';
import { messageIndexAt } from '../sip/access';
import { offsetOf, rangeOf } from './positions';

/** The start line of a message, where a jump to it should land. */
function startLineLocation(document: ParsedDocument, index: number): Location {
  const line = document.trace.messages.at(index).startLine;
  return { uri: document.uri, range: rangeOf(document, line.offset, line.end - line.offset) };
}

/**
 * Anywhere in a response: the request it answers (RFC 3261 §17.1.3 matching, as the call model
 * does), so that in a long trace one keystroke finds what a 503 was about.
 */
export function computeDefinition(document: ParsedDocument, position: Position): Location | null {
  const index = messageIndexAt(document.trace.messages, offsetOf(document, position));
  if (index < 0 || document.calls.summaries.at(index).kind !== 'response') return null;
  const t = document.calls.transactionOf[index];
  const request = t < 0 ? -1 : document.calls.transactions.at(t).request;
  return request < 0 ? null : startLineLocation(document, request);
}

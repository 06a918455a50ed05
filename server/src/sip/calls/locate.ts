// Locations of the messages a behaviour finding points at.
import { RelatedLocation } from '../model';
import { MessageSummary } from './summary';

/** The start line of a message as a related location. */
export function startLineOf(s: MessageSummary, note: string): RelatedLocation {
  const line = s.startLine;
  return { offset: line.offset, length: line.end - line.offset, message: note };
}

/** The start line of a message as [offset, length]. */
export function startLineSpan(s: MessageSummary): [number, number] {
  const line = s.startLine;
  return [line.offset, line.end - line.offset];
}

/** "1.2 s" */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

// Where things go in the ladder and what they say, shared by the SVG export and the webview so
// that both draw the same diagram: the webview draws only the rows in sight, the SVG all of them.
import { Arrow, CallFlow } from './flowModel';
import { clip, formatDelta } from './text';

export const LAYOUT = {
  /** Width of the time column on the left. */
  timeWidth: 170,
  columnWidth: 200,
  headerHeight: 48,
  rowHeight: 34,
  /** Room on the right for the notes of 302s and 503s. */
  noteWidth: 420,
  /** Colours cycle through this many slots, as sngrep's do. */
  colours: 8,
} as const;

export function columnX(column: number): number {
  return LAYOUT.timeWidth + LAYOUT.columnWidth / 2 + column * LAYOUT.columnWidth;
}

/** The y of the arrow of row `row`, relative to the top of the rows. */
export function rowY(row: number): number {
  return row * LAYOUT.rowHeight + LAYOUT.rowHeight / 2 + 6;
}

export function diagramWidth(columns: number): number {
  return LAYOUT.timeWidth + Math.max(1, columns) * LAYOUT.columnWidth + LAYOUT.noteWidth;
}

/** The arrow's shaft and head as SVG path data: a loop for a message a participant sends itself. */
export function arrowGeometry(from: number, to: number, y: number): { shaft: string; head: string; labelX: number } {
  const x1 = columnX(from);
  const x2 = columnX(to);
  if (from === to) {
    const w = LAYOUT.columnWidth / 4;
    return { shaft: `M${x1} ${y - 8}H${x1 + w}V${y + 6}H${x1 + 6}`, head: `M${x1 + 6} ${y + 2}L${x1} ${y + 6}L${x1 + 6} ${y + 10}Z`, labelX: x1 + w + 4 };
  }
  const dir = x2 > x1 ? 1 : -1;
  return { shaft: `M${x1} ${y}H${x2 - dir * 8}`, head: `M${x2} ${y}L${x2 - dir * 9} ${y - 4}L${x2 - dir * 9} ${y + 4}Z`, labelX: (x1 + x2) / 2 };
}

/** Right of the last column: where the note of a 3xx or 503 goes, and the curve to its retry's row when that is drawn. */
export function followUpGeometry(columns: number, y: number, retryY?: number): { curve?: string; noteX: number } {
  const x = columnX(columns - 1) + LAYOUT.columnWidth / 2;
  return { noteX: x + 52, ...(retryY !== undefined ? { curve: `M${x} ${y}C${x + 60} ${y} ${x + 60} ${retryY} ${x} ${retryY}` } : {}) };
}

/** The time of day the log printed (the date is in the calls list). */
export function clockOf(arrow: Arrow): string | undefined {
  return arrow.timestamp?.split(/[ T]/).pop();
}

/** Under the time: since the previous message drawn and since the call's first message. */
export function deltasOf(arrow: Arrow): string | undefined {
  if (arrow.sincePrevious === undefined && arrow.sinceCallStart === undefined) return undefined;
  const parts = [arrow.sincePrevious !== undefined ? formatDelta(arrow.sincePrevious) : '', arrow.sinceCallStart !== undefined ? `call ${formatDelta(arrow.sinceCallStart)}` : ''];
  return parts.filter((p) => p !== '').join(' · ');
}

/** The arrow's label as drawn: retransmissions say so. */
export function labelOf(arrow: Arrow): string {
  return arrow.retransmission ? `${arrow.label} (retransmission)` : arrow.label;
}

/** What hovering the arrow shows: the start line, where it is, the findings, where a 302 or 503 led. */
export function tooltipOf(flow: CallFlow, arrow: Arrow): string {
  const lines = [startLineOf(arrow)];
  lines.push(`${flow.participants[arrow.from].name} → ${flow.participants[arrow.to].name} · line ${arrow.line}${arrow.frame !== undefined ? ` · frame ${arrow.frame}` : ''}`);
  lines.push(`Call-ID: ${flow.calls[arrow.call].callId}`);
  if (arrow.retransmission) lines.push('Retransmission of an earlier message of its transaction');
  const followUp = followUpNote(arrow);
  if (followUp) lines.push(`${arrow.code}: ${followUp}`);
  for (const f of arrow.findings) lines.push(`${f.severity}: ${f.message} (${f.code})`);
  return lines.join('\n');
}

/** The note beside a 3xx or 503: whether a retry came, how long the client waited, what Retry-After asked for. */
export function followUpNote(arrow: Arrow): string | undefined {
  const f = arrow.followUp;
  if (!f) return undefined;
  const parts = [f.retry === undefined ? 'no retry came' : `retried at line ${f.line}${f.arrow === undefined ? ' (a call not shown)' : ''}`];
  if (f.after !== undefined) parts.push(`${formatDelta(f.after).slice(1)} later`);
  if (f.retryAfter !== undefined) parts.push(`Retry-After: ${f.retryAfter} s`);
  return parts.join(' · ');
}

/** The start line in short: the method and Request-URI, or the status code and reason. */
export function startLineOf(arrow: Arrow): string {
  return arrow.kind === 'request' ? `${arrow.method}${arrow.requestUri !== undefined ? ` ${arrow.requestUri}` : ''}` : arrow.label;
}

/** Longest note in an export: a finding's message can be long, the diagram should stay readable. */
const MAX_NOTE = 200;

/** The notes under an arrow in the text exports: its findings, then what its 3xx or 503 led to. */
export function notesOf(arrow: Arrow): string[] {
  const notes = arrow.findings.map((f) => clip(`${f.severity}: ${f.message}`, MAX_NOTE));
  const followUp = followUpNote(arrow);
  if (followUp) notes.push(`${arrow.code}: ${followUp}`);
  return notes;
}

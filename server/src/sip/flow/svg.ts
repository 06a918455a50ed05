// The call flow as one self-contained SVG that opens in a browser: no script, no external resource,
// every string from the trace escaped. Each message's arrow is a <g> with data-line (and data-frame
// for captures), so a reader can find the message it stands for.
import { CallFlow, arrowsOf, selectedCallIds } from './flowModel';
import { LAYOUT, arrowGeometry, clockOf, columnX, deltasOf, diagramWidth, followUpGeometry, followUpNote, labelOf, rowY, tooltipOf } from './layout';
import { escapeXml } from './text';

/** Call colours (sngrep's palette, readable on white), then the severities. */
const STYLE = `
text { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; fill: #222; }
.participant rect { fill: #f3f3f3; stroke: #888; }
.participant text { font-weight: bold; text-anchor: middle; }
.lifeline { stroke: #bbb; stroke-dasharray: 4 4; }
.time, .delta { font-size: 10px; fill: #666; }
.msg .shaft { stroke-width: 1.5; fill: none; }
.msg .label { text-anchor: middle; }
.msg.retransmission .shaft { stroke-dasharray: 6 4; }
.msg.retransmission .label { font-style: italic; }
.c0 { stroke: #1565c0; fill: #1565c0; } .c1 { stroke: #2e7d32; fill: #2e7d32; } .c2 { stroke: #6a1b9a; fill: #6a1b9a; }
.c3 { stroke: #00838f; fill: #00838f; } .c4 { stroke: #ad1457; fill: #ad1457; } .c5 { stroke: #4e342e; fill: #4e342e; }
.c6 { stroke: #283593; fill: #283593; } .c7 { stroke: #558b2f; fill: #558b2f; }
.msg text { stroke: none; }
.sev-error .label { fill: #c62828; font-weight: bold; } .sev-warning .label { fill: #ef6c00; font-weight: bold; }
.sev-information .label, .sev-hint .label { fill: #1565c0; font-weight: bold; }
.marker.sev-error { fill: #c62828; } .marker.sev-warning { fill: #ef6c00; } .marker.sev-information, .marker.sev-hint { fill: #1565c0; }
.follow { fill: none; stroke: #ef6c00; stroke-width: 1.2; stroke-dasharray: 2 3; }
.note { font-size: 11px; fill: #ef6c00; }
`;

function attr(name: string, value: string | number): string {
  return ` ${name}="${escapeXml(String(value))}"`;
}

export function renderSvg(flow: CallFlow): string {
  const { participants } = flow;
  const arrows = arrowsOf(flow);
  const width = diagramWidth(participants.length);
  const height = LAYOUT.headerHeight + arrows.length * LAYOUT.rowHeight + 16;
  const top = LAYOUT.headerHeight;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`);
  out.push(`<title>SIP call flow: ${escapeXml(flow.selected.length === 1 ? selectedCallIds(flow)[0] : `${flow.selected.length} calls`)}</title>`);
  out.push(`<style>${STYLE}</style>`, `<rect width="100%" height="100%" fill="#fff"/>`);
  participants.forEach((p, c) => {
    const x = columnX(c);
    out.push(`<line class="lifeline" x1="${x}" y1="${top - 8}" x2="${x}" y2="${height - 8}"/>`);
    out.push(`<g class="participant"${attr('data-address', p.address)}><title>${escapeXml(p.address)}</title>`);
    out.push(`<rect x="${x - LAYOUT.columnWidth / 2 + 8}" y="8" width="${LAYOUT.columnWidth - 16}" height="${top - 20}" rx="4"/>`);
    out.push(`<text x="${x}" y="${top / 2 + 2}">${escapeXml(p.name)}</text></g>`);
  });
  arrows.forEach((a, row) => {
    const y = top + rowY(row);
    const g = arrowGeometry(a.from, a.to, y);
    const classes = `msg c${a.colour % LAYOUT.colours}${a.retransmission ? ' retransmission' : ''}${a.severity ? ` sev-${a.severity}` : ''}`;
    out.push(`<g class="${classes}"${attr('data-line', a.line)}${a.frame !== undefined ? attr('data-frame', a.frame) : ''}${attr('data-index', a.index)}>`);
    // A tooltip keeps its lines; each line is escaped on its own.
    out.push(`<title>${tooltipOf(flow, a).split('\n').map(escapeXml).join('\n')}</title>`);
    const clock = clockOf(a);
    const deltas = deltasOf(a);
    if (clock) out.push(`<text class="time" x="8" y="${y - 4}">${escapeXml(clock)}</text>`);
    if (deltas) out.push(`<text class="delta" x="8" y="${y + 9}">${escapeXml(deltas)}</text>`);
    out.push(`<path class="shaft" d="${g.shaft}"/><path class="head" d="${g.head}"/>`);
    if (a.severity) out.push(`<circle class="marker sev-${a.severity}" cx="${g.labelX - 4 - Math.min(labelOf(a).length, 60) * 3.6}" cy="${y - 8}" r="3"/>`);
    out.push(`<text class="label" x="${g.labelX}" y="${y - 5}">${escapeXml(labelOf(a))}</text></g>`);
  });
  // 302s and 503s: a link to the retry they caused, or a note that none came.
  arrows.forEach((a, row) => {
    const note = followUpNote(a);
    if (!note) return;
    const y = top + rowY(row);
    const { curve, noteX } = followUpGeometry(participants.length, y, a.followUp?.arrow !== undefined ? top + rowY(a.followUp.arrow) : undefined);
    if (curve) out.push(`<path class="follow" d="${curve}"/>`);
    out.push(`<text class="note" x="${noteX}" y="${y + 4}">${escapeXml(note)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}

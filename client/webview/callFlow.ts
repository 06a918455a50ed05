// The call flow webview. Only the rows in sight are in the DOM (a trace of 20,000 messages scrolls
// like one of 20), drawn with the geometry the SVG export uses. Text from the trace goes in through
// textContent and setAttribute only: it came from a network capture and is treated as hostile.
import { Arrow, CallFlow, arrowOf, columnOrder, selectedCallIds } from '../../server/src/sip/flow/flowModel';
import type { FromWebview, ToWebview } from '../../server/src/protocol';
import { LAYOUT, arrowGeometry, clockOf, columnX, deltasOf, diagramWidth, followUpGeometry, followUpNote, labelOf, rowY, tooltipOf } from '../../server/src/sip/flow/layout';
import { formatDelta } from '../../server/src/sip/flow/text';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const SVG = 'http://www.w3.org/2000/svg';
/** Rows drawn above and below the visible ones, so a small scroll shows no gap. */
const OVERSCAN = 20;

interface SavedState {
  /** Column order by address, as the user dragged it. */
  readonly order: readonly string[];
}

let flow: CallFlow | undefined;
let legs = false;
let highlighted = -1;
/** Display position of each participant, by participant index. */
let position: number[] = [];
let savedOrder: string[] = (vscode.getState() as SavedState | undefined)?.order?.filter((a) => typeof a === 'string') ?? [];

const scroller = document.getElementById('scroller') as HTMLDivElement;
const spacer = document.getElementById('spacer') as HTMLDivElement;
const rows = document.getElementById('rows') as unknown as SVGSVGElement;
const header = document.getElementById('header') as HTMLDivElement;
const callsBody = document.getElementById('calls-body') as HTMLTableSectionElement;
const summary = document.getElementById('summary') as HTMLSpanElement;

function svg<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>, parent: Element): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attributes)) element.setAttribute(k, String(v));
  parent.appendChild(element);
  return element;
}

function text(parent: Element, name: string, content: string, className?: string): HTMLElement {
  const element = document.createElement(name);
  element.textContent = content;
  if (className) element.className = className;
  parent.appendChild(element);
  return element;
}

function x(column: number): number {
  return columnX(position[column] ?? column);
}

/** The participants in the saved order; new ones after the known ones. */
function applyOrder(): void {
  if (!flow) return;
  const indexes = columnOrder(flow.participants, savedOrder);
  position = new Array(indexes.length);
  indexes.forEach((participant, pos) => (position[participant] = pos));
}

/** Whether column x is in sight (give or take a column): a trace can have thousands of endpoints, only these are drawn. */
function inSight(columnX: number): boolean {
  return columnX >= scroller.scrollLeft - LAYOUT.columnWidth && columnX <= scroller.scrollLeft + scroller.clientWidth + LAYOUT.columnWidth;
}

/** The column boxes in sight; their events are handled once, on the header. */
function renderHeader(): void {
  header.replaceChildren();
  if (!flow) return;
  header.style.width = `${diagramWidth(flow.participants.length)}px`;
  flow.participants.forEach((p, i) => {
    if (!inSight(x(i))) return;
    const box = text(header, 'div', p.name, 'participant');
    box.title = `${p.address}\nDrag to move the column, double-click to rename it.`;
    box.draggable = true;
    box.dataset.column = String(i);
    box.style.left = `${x(i) - LAYOUT.columnWidth / 2 + 8}px`;
    box.style.width = `${LAYOUT.columnWidth - 16}px`;
  });
}

/** The participant of the column box an event happened on. */
function columnOf(e: Event): number | undefined {
  const box = (e.target as Element).closest<HTMLElement>('.participant');
  const column = Number(box?.dataset.column);
  return flow && Number.isInteger(column) && column >= 0 && column < flow.participants.length ? column : undefined;
}

header.addEventListener('dragstart', (e) => {
  const column = columnOf(e);
  if (column !== undefined) e.dataTransfer?.setData('text/plain', String(column));
});
header.addEventListener('dragover', (e) => e.preventDefault());
header.addEventListener('drop', (e) => {
  e.preventDefault();
  const to = columnOf(e);
  const from = Number(e.dataTransfer?.getData('text/plain'));
  if (!flow || to === undefined || !Number.isInteger(from) || from < 0 || from >= flow.participants.length || from === to) return;
  const ordered = flow.participants.map((_, k) => k).sort((a, b) => position[a] - position[b]);
  ordered.splice(ordered.indexOf(from), 1);
  ordered.splice(ordered.indexOf(to) + (position[from] < position[to] ? 1 : 0), 0, from);
  savedOrder = ordered.map((k) => flow!.participants[k].address);
  vscode.setState({ order: savedOrder } satisfies SavedState);
  vscode.postMessage({ type: 'order', order: savedOrder });
  applyOrder();
  render();
});
header.addEventListener('dblclick', (e) => {
  const column = columnOf(e);
  if (flow && column !== undefined) vscode.postMessage({ type: 'rename', address: flow.participants[column].address });
});

function drawArrow(a: Arrow, arrow: number, y: number, parent: Element): void {
  const classes = ['msg', `c${a.colour % LAYOUT.colours}`];
  if (a.retransmission) classes.push('retransmission');
  if (a.severity) classes.push(`sev-${a.severity}`);
  if (arrow === highlighted) classes.push('highlight');
  const g = svg('g', { class: classes.join(' '), 'data-line': a.line, 'data-index': a.index, 'data-arrow': arrow }, parent);
  if (a.frame !== undefined) g.setAttribute('data-frame', String(a.frame));
  svg('rect', { class: 'hit', x: 0, y: y - LAYOUT.rowHeight / 2 - 6, width: '100%', height: LAYOUT.rowHeight }, g);
  svg('title', {}, g).textContent = tooltipOf(flow!, a);
  const clock = clockOf(a);
  const deltas = deltasOf(a);
  if (clock) svg('text', { class: 'time', x: 8, y: y - 4 }, g).textContent = clock;
  if (deltas) svg('text', { class: 'delta', x: 8, y: y + 9 }, g).textContent = deltas;
  const from = position[a.from] ?? a.from;
  const to = position[a.to] ?? a.to;
  const geometry = arrowGeometry(from, to, y);
  svg('path', { class: 'shaft', d: geometry.shaft }, g);
  svg('path', { class: 'head', d: geometry.head }, g);
  svg('text', { class: 'label', x: geometry.labelX, y: y - 5 }, g).textContent = labelOf(a);
}

/** Draws the rows and columns in sight (and a few more), nothing else. */
function render(): void {
  rows.replaceChildren();
  renderHeader();
  if (!flow) return;
  const { arrows, participants } = flow;
  const width = diagramWidth(participants.length);
  spacer.style.height = `${arrows.count * LAYOUT.rowHeight + 16}px`;
  spacer.style.width = `${width}px`;
  const first = Math.max(0, Math.floor(scroller.scrollTop / LAYOUT.rowHeight) - OVERSCAN);
  const last = Math.min(arrows.count, Math.ceil((scroller.scrollTop + scroller.clientHeight) / LAYOUT.rowHeight) + OVERSCAN);
  const height = Math.max(1, last - first) * LAYOUT.rowHeight;
  rows.setAttribute('width', String(width));
  rows.setAttribute('height', String(height));
  rows.style.transform = `translateY(${first * LAYOUT.rowHeight}px)`;
  participants.forEach((_, i) => {
    if (inSight(x(i))) svg('line', { class: 'lifeline', x1: x(i), y1: 0, x2: x(i), y2: height }, rows);
  });
  for (let row = first; row < last; row++) {
    const a = arrowOf(flow, row);
    const y = rowY(row - first);
    drawArrow(a, row, y, rows);
    const note = followUpNote(a);
    if (!note) continue;
    const { curve, noteX } = followUpGeometry(participants.length, y, a.followUp?.arrow !== undefined ? rowY(a.followUp.arrow - first) : undefined);
    if (curve) svg('path', { class: 'follow', d: curve }, rows);
    svg('text', { class: 'note', x: noteX, y: y + 4 }, rows).textContent = note;
  }
}

/** The calls list's rows are made when it is opened, not before: thousands of calls are thousands of rows. */
let callsDrawn = false;

function renderCalls(): void {
  if (!flow || !document.body.classList.contains('calls-open') || callsDrawn) return;
  callsDrawn = true;
  callsBody.replaceChildren();
  const selected = new Set(flow.selected);
  const all = flow.selected.length === flow.calls.length;
  flow.calls.forEach((c, i) => {
    const tr = document.createElement('tr');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = !all && selected.has(i);
    box.dataset.callId = c.callId;
    tr.appendChild(document.createElement('td')).appendChild(box);
    const cells = [c.callId, c.from, c.to, c.firstMethod, c.timestamp ?? '', c.duration !== undefined ? formatDelta(c.duration).slice(1) : '', String(c.messages), c.state, String(c.findings), c.legs.map((l) => flow!.calls[l].callId).join(' ')];
    for (const cell of cells) text(tr, 'td', cell);
    callsBody.appendChild(tr);
  });
}

function renderSummary(): void {
  if (!flow) return;
  summary.textContent = `${flow.arrows.count.toLocaleString('en-US')} messages · ${flow.selected.length} of ${flow.calls.length} calls · ${flow.participants.length} participants`;
}

/** Scrolls the highlighted row into sight when it is not. */
function scrollToHighlight(): void {
  if (highlighted < 0) return;
  const top = highlighted * LAYOUT.rowHeight;
  if (top < scroller.scrollTop || top + LAYOUT.rowHeight > scroller.scrollTop + scroller.clientHeight) {
    scroller.scrollTop = Math.max(0, top - scroller.clientHeight / 2);
  }
}

function highlight(arrow: number, reveal: boolean): void {
  if (!flow || arrow < -1 || arrow >= flow.arrows.count) return;
  highlighted = arrow;
  scrollToHighlight();
  render();
  if (reveal && arrow >= 0) vscode.postMessage({ type: 'reveal', arrow });
}

function isMessage(raw: unknown): raw is ToWebview {
  const m = raw as { type?: unknown } | null;
  return typeof m === 'object' && m !== null && (m.type === 'flow' || m.type === 'highlight');
}

window.addEventListener('message', (event: MessageEvent) => {
  const message: unknown = event.data;
  if (!isMessage(message)) return;
  if (message.type === 'flow') {
    flow = message.flow;
    legs = message.legs;
    (document.getElementById('legs') as HTMLInputElement).checked = legs;
    if (highlighted >= flow.arrows.count) highlighted = -1;
    callsDrawn = false;
    // The order restored from the view's state goes to the exports too.
    if (savedOrder.length > 0) vscode.postMessage({ type: 'order', order: savedOrder });
    applyOrder();
    render();
    renderSummary();
    renderCalls();
  } else if (typeof message.arrow === 'number') {
    highlight(message.arrow, false);
  }
});

scroller.addEventListener('scroll', () => {
  header.style.transform = `translateX(${-scroller.scrollLeft}px)`;
  render();
});
window.addEventListener('resize', render);
rows.addEventListener('click', (e) => {
  const g = (e.target as Element).closest('g.msg');
  const arrow = Number(g?.getAttribute('data-arrow'));
  if (g && Number.isInteger(arrow)) highlight(arrow, true);
});
document.addEventListener('keydown', (e) => {
  if (!flow || (e.target as Element).tagName === 'INPUT') return;
  const page = Math.max(1, Math.floor(scroller.clientHeight / LAYOUT.rowHeight) - 1);
  const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -Infinity, End: Infinity };
  if (e.key in moves) {
    e.preventDefault();
    highlight(Math.min(flow.arrows.count - 1, Math.max(0, (highlighted < 0 ? 0 : highlighted) + moves[e.key])), false);
  } else if (e.key === 'Enter' && highlighted >= 0) {
    e.preventDefault();
    vscode.postMessage({ type: 'reveal', arrow: highlighted });
  }
});

function checkedCalls(): string[] {
  return [...callsBody.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].filter((b) => b.checked).map((b) => b.dataset.callId ?? '');
}

document.getElementById('show-selected')!.addEventListener('click', () => vscode.postMessage({ type: 'select', calls: checkedCalls(), legs }));
document.getElementById('show-all')!.addEventListener('click', () => vscode.postMessage({ type: 'select', calls: [], legs }));
document.getElementById('legs')!.addEventListener('change', (e) => {
  legs = (e.target as HTMLInputElement).checked;
  vscode.postMessage({ type: 'select', calls: flow && flow.selected.length < flow.calls.length ? selectedCallIds(flow) : [], legs });
});
document.getElementById('toggle-calls')!.addEventListener('click', () => {
  document.body.classList.toggle('calls-open');
  renderCalls();
});
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-export]')) {
  button.addEventListener('click', () => {
    const format = button.dataset.export;
    if (format === 'svg' || format === 'mermaid' || format === 'plantuml' || format === 'csv') vscode.postMessage({ type: 'export', format });
  });
}
vscode.postMessage({ type: 'ready' });

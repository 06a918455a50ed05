// The custom messages between the extension, the server and the call flow webview, declared once
// for all sides (as vscode-eslint's shared customMessages), with the checks each side runs on what it
// receives (a webview shows text from a capture, so nothing it sends is taken on trust). It imports
// types only, so the client bundle takes no server code.
import type { CallFlow } from './sip/flow/flowModel';
import type { FlowFormat } from './sip/flow/exports';

/** Notification the server sends after each validation: how the file was read, for the status bar. */
export const TRACE_INFO = 'sipTrace/traceInfo';

export interface TraceInfo {
  readonly uri: string;
  readonly version: number;
  /** e.g. 'SIPp message log', or 'plain SIP messages'. */
  readonly format: string;
  readonly messages: number;
  /** False while a big trace is still being checked: the diagnostics so far cover its first part. */
  readonly complete: boolean;
}

/** Request: does this text (the start of a file in another language) look like a SIP log? */
export const DETECT_FORMAT = 'sipTrace/detectFormat';

export interface DetectParams {
  /** The first DETECT_SAMPLE characters of the file, or fewer. */
  readonly sample: string;
}

export interface DetectResult {
  /** The log format's name, when the text is in one and holds SIP messages. */
  readonly format?: string;
  readonly messages: number;
}

/** The start of a file is enough to recognise a log format; more would only cost time. */
export const DETECT_SAMPLE = 64 * 1024;

/** Server request: the trace in numbers (counts per method, status code and server, the 302s and 503s over time, the slowest transactions) as Markdown. */
export const TRACE_SUMMARY = 'sipTrace/traceSummary';

export interface TraceSummaryParams {
  readonly uri: string;
}

export interface TraceSummaryResult {
  readonly markdown: string;
}

export function readTraceSummaryParams(raw: unknown): TraceSummaryParams | undefined {
  return isRecord(raw) && typeof raw.uri === 'string' ? { uri: raw.uri } : undefined;
}

// --- Call flow ---------------------------------------------------------------------------------

/** Server request: the call flow of an open document. */
export const CALL_FLOW = 'sipTrace/callFlow';
/** Server request: the call flow exported as text (`csv`: the calls list). */
export const CALL_FLOW_EXPORT = 'sipTrace/callFlowExport';

export interface CallFlowParams {
  readonly uri: string;
  /** Call-IDs to draw; all when empty. */
  readonly calls: readonly string[];
  readonly legs: boolean;
  /** Address → column name (`sipTrace.callFlow.participantNames`). */
  readonly names: Readonly<Record<string, string>>;
  /** Addresses in the order the view shows the columns (dragged there); the others follow. */
  readonly order?: readonly string[];
}

/** What a call flow exports to: the diagrams of sip/flow/exports.ts, and the calls list as CSV. */
const EXPORT_FORMATS = ['mermaid', 'plantuml', 'svg', 'csv'] as const satisfies ReadonlyArray<FlowFormat | 'csv'>;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

export interface CallFlowExportParams extends CallFlowParams {
  readonly format: ExportFormat;
}

/** A trace can hold thousands of calls; a selection longer than this is not a selection anyone made. */
const MAX_SELECTED = 100_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Only strings survive: a bad entry is dropped, not an error. */
function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isRecord(value)) for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, MAX_SELECTED) : [];
}

export function readCallFlowParams(raw: unknown): CallFlowParams | undefined {
  if (!isRecord(raw) || typeof raw.uri !== 'string') return undefined;
  return { uri: raw.uri, calls: stringList(raw.calls), legs: raw.legs === true, names: stringRecord(raw.names), order: stringList(raw.order) };
}

export function readCallFlowExportParams(raw: unknown): CallFlowExportParams | undefined {
  const params = readCallFlowParams(raw);
  if (!params || !isRecord(raw)) return undefined;
  const format = raw.format;
  return isExportFormat(format) ? { ...params, format } : undefined;
}

/** From the extension to the webview. */
export type ToWebview =
  | { readonly type: 'flow'; readonly flow: CallFlow; readonly legs: boolean }
  /** The arrow of the message the editor's cursor is in (-1: none). */
  | { readonly type: 'highlight'; readonly arrow: number };

/** From the webview to the extension. */
export type FromWebview =
  | { readonly type: 'ready' }
  /** Reveal and select the message of this arrow in the editor. */
  | { readonly type: 'reveal'; readonly arrow: number }
  | { readonly type: 'select'; readonly calls: readonly string[]; readonly legs: boolean }
  | { readonly type: 'rename'; readonly address: string }
  /** The columns' addresses in the order the user dragged them to, for the exports. */
  | { readonly type: 'order'; readonly order: readonly string[] }
  | { readonly type: 'export'; readonly format: ExportFormat };

/** The webview's message, checked against the flow it was shown (arrow positions in range, Call-IDs and addresses it holds), or undefined. */
export function readWebviewMessage(raw: unknown, flow: CallFlow | undefined): FromWebview | undefined {
  if (!isRecord(raw)) return undefined;
  switch (raw.type) {
    case 'ready':
      return { type: 'ready' };
    case 'reveal': {
      const arrow = raw.arrow;
      return typeof arrow === 'number' && Number.isInteger(arrow) && flow && arrow >= 0 && arrow < flow.arrows.count ? { type: 'reveal', arrow } : undefined;
    }
    case 'select': {
      if (!flow) return undefined;
      const known = new Set(flow.calls.map((c) => c.callId));
      return { type: 'select', calls: stringList(raw.calls).filter((id) => known.has(id)), legs: raw.legs === true };
    }
    case 'rename': {
      const address = raw.address;
      return typeof address === 'string' && flow?.participants.some((p) => p.address === address) ? { type: 'rename', address } : undefined;
    }
    case 'order': {
      if (!flow) return undefined;
      const known = new Set(flow.participants.map((p) => p.address));
      return { type: 'order', order: stringList(raw.order).filter((address) => known.has(address)) };
    }
    case 'export': {
      const format = raw.format;
      return isExportFormat(format) ? { type: 'export', format } : undefined;
    }
    default:
      return undefined;
  }
}

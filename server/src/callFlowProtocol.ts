// What the extension, the language server and the call flow webview say to one another about call
// flows: request names, their parameters, the webview's messages, and the checks each side runs on
// what it receives (a webview shows text from a capture, so nothing it sends is taken on trust).
import type { CallFlow } from './sip/flow/callFlow';
import { FlowFormat, isFlowFormat } from './sip/flow/exports';

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
}

export type ExportFormat = FlowFormat | 'csv';

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
  return { uri: raw.uri, calls: stringList(raw.calls), legs: raw.legs === true, names: stringRecord(raw.names) };
}

export function readCallFlowExportParams(raw: unknown): CallFlowExportParams | undefined {
  const params = readCallFlowParams(raw);
  if (!params || !isRecord(raw)) return undefined;
  const format = raw.format;
  return format === 'csv' || isFlowFormat(format) ? { ...params, format } : undefined;
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
  | { readonly type: 'export'; readonly format: ExportFormat };

/** The webview's message, checked against the flow it was shown (arrow positions in range, Call-IDs and addresses it holds), or undefined. */
export function readWebviewMessage(raw: unknown, flow: CallFlow | undefined): FromWebview | undefined {
  if (!isRecord(raw)) return undefined;
  switch (raw.type) {
    case 'ready':
      return { type: 'ready' };
    case 'reveal': {
      const arrow = raw.arrow;
      return typeof arrow === 'number' && Number.isInteger(arrow) && flow && arrow >= 0 && arrow < flow.arrows.length ? { type: 'reveal', arrow } : undefined;
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
    case 'export': {
      const format = raw.format;
      return format === 'csv' || isFlowFormat(format) ? { type: 'export', format } : undefined;
    }
    default:
      return undefined;
  }
}

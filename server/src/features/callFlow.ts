// The call flow of an open document for the client's webview and exports, and the "Call flow"
// CodeLens on the first request of each call.
import { CodeLens } from 'vscode-languageserver-types';
import { ParsedDocument } from '../documents';
import { RatedFinding } from '../sip/diagnose';
import { buildCallFlow } from '../sip/flow/callFlow';
import { CallFlow } from '../sip/flow/flowModel';
import { callsCsv } from '../sip/flow/callList';
import { renderFlow } from '../sip/flow/exports';
import { CallFlowExportParams, CallFlowParams } from '../protocol';
import { rangeOf } from './positions';

export const SHOW_CALL_FLOW_COMMAND = 'sipTrace.showCallFlow';

export function computeCallFlow(document: ParsedDocument, findings: readonly RatedFinding[], params: CallFlowParams): CallFlow {
  return buildCallFlow(document.trace, document.calls, findings, {
    calls: params.calls,
    legs: params.legs,
    names: params.names,
    order: params.order,
    lineOf: (offset) => document.lines.position(offset).line + 1,
  });
}

export function computeCallFlowExport(document: ParsedDocument, findings: readonly RatedFinding[], params: CallFlowExportParams): string {
  const flow = computeCallFlow(document, findings, params);
  return params.format === 'csv' ? callsCsv(flow.calls) : renderFlow(flow, params.format);
}

/** One lens per call, on its first request, that opens the flow of that call. */
export function computeCallFlowLenses(document: ParsedDocument): CodeLens[] {
  const { summaries } = document.calls;
  const lenses: CodeLens[] = [];
  for (const [callId, messages] of document.calls.calls) {
    const first = messages.find((i) => summaries.at(i).kind === 'request');
    if (first === undefined) continue;
    const line = document.trace.messages.at(first).startLine;
    lenses.push({
      range: rangeOf(document, line.offset, line.end - line.offset),
      command: { title: 'Call flow', command: SHOW_CALL_FLOW_COMMAND, arguments: [document.uri, callId] },
    });
  }
  return lenses;
}

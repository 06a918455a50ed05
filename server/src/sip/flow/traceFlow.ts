// The call flow of a trace read from scratch, with every rule's findings: what the CLI and the
// tests draw. The language server has the parsed trace and its findings already and calls
// buildCallFlow itself.
import { Trace } from '../model';
import { buildCallModel } from '../calls/callModel';
import { diagnose } from '../diagnose';
import { LineIndex } from '../lineIndex';
import { CallFlowOptions, buildCallFlow } from './callFlow';
import { CallFlow } from './flowModel';

export function callFlowOf(trace: Trace, options: Omit<CallFlowOptions, 'lineOf'> = {}): CallFlow {
  const lines = new LineIndex(trace.text);
  const { findings } = diagnose(trace, { maxFindings: Infinity });
  return buildCallFlow(trace, buildCallModel(trace), findings, { ...options, lineOf: (offset) => lines.position(offset).line + 1 });
}

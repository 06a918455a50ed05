// What stands between SIP: Show Call Flow and the first paint on a 10 MB trace, on the server's
// side: the flow of every call (participants, arrows, calls list, legs) built from a parsed trace
// and its findings, and the JSON that crosses to the webview. The webview then draws only the
// rows in sight, whatever the trace's size. node out/test/bench/flowBench.js [MB]
import { performance } from 'node:perf_hooks';
import { parseTrace } from '../../server/src/sip/parser';
import { buildCallModel } from '../../server/src/sip/calls/callModel';
import { diagnose } from '../../server/src/sip/diagnose';
import { LineIndex } from '../../server/src/sip/lineIndex';
import { buildCallFlow } from '../../server/src/sip/flow/callFlow';
import { renderSvg } from '../../server/src/sip/flow/svg';
import { DEFAULT_TARGET_BYTES, generateTrace } from './generateTrace';

const bytes = process.argv[2] ? Number(process.argv[2]) * 1024 * 1024 : DEFAULT_TARGET_BYTES;
const { text } = generateTrace(bytes);
// The server has these already when the command comes: the document is open and checked.
const trace = parseTrace(text);
const lines = new LineIndex(text);
const calls = buildCallModel(trace);
const { findings } = diagnose(trace, { maxFindings: Infinity });

const start = performance.now();
const flow = buildCallFlow(trace, calls, findings, { lineOf: (offset) => lines.position(offset).line + 1 });
const built = performance.now();
const json = JSON.stringify(flow);
const serialised = performance.now();
JSON.parse(json);
const parsed = performance.now();
const svg = renderSvg(flow);
const rendered = performance.now();

const ms = (a: number, b: number) => `${(b - a).toFixed(0)} ms`;
console.log(
  `call flow of ${(text.length / 1048576).toFixed(1)} MB, ${flow.arrows.count} messages, ${flow.calls.length} calls, ${flow.participants.length} participants: ` +
    `model ${ms(start, built)}, JSON ${(json.length / 1048576).toFixed(1)} MB in ${ms(built, serialised)}, parsed in ${ms(serialised, parsed)} ` +
    `(first paint budget taken: ${ms(start, parsed)}); whole SVG export ${(svg.length / 1048576).toFixed(1)} MB in ${ms(parsed, rendered)}; heap ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB`,
);

// Time of the per-message rules alone (checkMessages) over the generated 10 MB trace: the parse is
// done once, outside the timing, and the median of several rounds is printed.
// Run: tsc -p tsconfig.test.json && node out/test/bench/checkMessagesTime.js [rounds]
import { performance } from 'node:perf_hooks';
import { parseTrace } from '../../server/src/sip/parser';
import { checkMessages } from '../../server/src/sip/diagnose';
import { generateTrace } from './generateTrace';

const rounds = Number(process.argv[2] ?? 9);
const { text } = generateTrace();
const trace = parseTrace(text);
const times: number[] = [];
let findings = 0;
for (let round = 0; round < rounds; round++) {
  findings = 0;
  const start = performance.now();
  checkMessages(trace, 0, trace.messages.length, (_, found) => (findings += found.length));
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const median = times[times.length >> 1];
console.log(`${trace.messages.length} messages, ${findings} findings: checkMessages median ${median.toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[times.length - 1].toFixed(0)}) over ${rounds} rounds`);

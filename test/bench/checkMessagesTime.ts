// Time of the per-message rules alone (checkMessages) over the generated 10 MB trace: the parse is
// done once, outside the timing, and the median of several rounds is printed, as wall time and as
// this process's CPU time (which other processes on a busy machine disturb less).
// Run: tsc -p tsconfig.test.json && node out/test/bench/checkMessagesTime.js [rounds]
import { performance } from 'node:perf_hooks';
import { parseTrace } from '../../server/src/sip/parser';
import { checkMessages } from '../../server/src/sip/diagnose';
import { generateTrace } from './generateTrace';

const rounds = Number(process.argv[2] ?? 9);
const { text } = generateTrace();
const trace = parseTrace(text);
const wall: number[] = [];
const cpu: number[] = [];
let findings = 0;
for (let round = 0; round < rounds; round++) {
  findings = 0;
  const start = performance.now();
  const startCpu = process.cpuUsage();
  checkMessages(trace, 0, trace.messages.length, (_, found) => (findings += found.length));
  const used = process.cpuUsage(startCpu);
  wall.push(performance.now() - start);
  cpu.push((used.user + used.system) / 1000);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1].toFixed(0);
console.log(`${trace.messages.length} messages, ${findings} findings: checkMessages median ${median(wall)} ms wall, ${median(cpu)} ms CPU, min ${Math.min(...wall).toFixed(0)} ms wall, over ${rounds} rounds`);

// Preloaded into the benchmarked CLI (node -r out/test/bench/maxRss.js dist/cli.js …): prints the
// process's peak RSS on stderr at exit, so the benchmark can compare it with the file's size. The
// peak is /proc/self/status's VmHWM, the peak of this program's own memory: getrusage's maxRSS (what
// process.resourceUsage() gives) starts from the RSS of the parent at the fork, here the benchmark
// holding a 100 MB trace, and so made "node alone" anywhere between 50 and 160 MB.
import { readFileSync, writeSync } from 'node:fs';

function peakKb(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // no /proc (not Linux): getrusage's figure, which may include the parent's share
  }
  return process.resourceUsage().maxRSS;
}

process.on('exit', () => writeSync(2, `\nmaxrss ${peakKb()}\n`));

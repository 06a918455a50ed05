// Preloaded into the benchmarked CLI (node -r out/test/bench/maxRss.js dist/cli.js …): prints the
// process's peak RSS on stderr at exit, so the benchmark can compare it with the file's size.
import { writeSync } from 'node:fs';

process.on('exit', () => writeSync(2, `\nmaxrss ${process.resourceUsage().maxRSS}\n`));

// f. A capture of about 15 MB (the generated calls sent over UDP): decode + parse + all rules,
// in-process and as sip-trace-lint, against tshark reading the Call-IDs of the same file's SIP
// messages. tshark is the reference of the field; it runs only here, never in the tests.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { decodeCapture } from '../../server/src/sip/capture/decode';
import { parseTrace } from '../../server/src/sip/parser';
import { diagnose } from '../../server/src/sip/diagnose';
import { generateTrace } from './generateTrace';
import { captureOf } from './makeCapture';

const MB = 1024 * 1024;
const ROUNDS = 5;

type Row = [string, string, string, string];

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function timed(run: () => { status: number | null; stderr: string }, what: string): number {
  const t0 = performance.now();
  const result = run();
  const elapsed = performance.now() - t0;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${what} failed (${result.status}): ${result.stderr.slice(-500)}`);
  return elapsed;
}

export function measureCapture(root: string, targetMb: number): Row[] {
  const bytes = captureOf(generateTrace(Math.round(targetMb * MB)).messages);
  const dir = mkdtempSync(join(tmpdir(), 'sip-bench-capture-'));
  try {
    const file = join(dir, 'calls.pcap');
    writeFileSync(file, bytes);
    const decoded = decodeCapture(bytes);
    console.log(`\nf. A ${(bytes.length / MB).toFixed(1)} MB pcap (${decoded.summary.frames.toLocaleString('en-US')} frames, ${decoded.summary.sipMessages.toLocaleString('en-US')} SIP messages), ${ROUNDS} rounds`);
    const tshark = spawnSync('tshark', ['--version'], { encoding: 'utf8' });
    if (tshark.status !== 0) {
      console.log('   tshark is not installed (apt-get install tshark): no comparison');
      return [];
    }
    console.log(`   ${tshark.stdout.split('\n')[0]}`);
    const inProcess: number[] = [];
    const decoding: number[] = [];
    const cli: number[] = [];
    const decodeOnly: number[] = [];
    const reference: number[] = [];
    // Rounds of ours then tshark's, so that load from other processes falls on both alike.
    for (let r = 0; r < ROUNDS; r++) {
      const t0 = performance.now();
      const { text } = decodeCapture(bytes);
      const t1 = performance.now();
      diagnose(parseTrace(text), { maxFindings: Infinity });
      decoding.push(t1 - t0);
      inProcess.push(performance.now() - t0);
      cli.push(timed(() => spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), '--format', 'json', file], { encoding: 'utf8', maxBuffer: 1 << 30 }), 'sip-trace-lint'));
      // What any lint of the capture costs before a message is parsed: start node, read, decode.
      decodeOnly.push(timed(() => spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), '--decode', file], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' }), 'sip-trace-lint --decode'));
      reference.push(timed(() => spawnSync('tshark', ['-r', file, '-Y', 'sip', '-T', 'fields', '-e', 'sip.Call-ID'], { encoding: 'utf8', maxBuffer: 1 << 30 }), 'tshark'));
    }
    const [ours, lint, theirs] = [median(inProcess), median(cli), median(reference)];
    const speedup = theirs / lint;
    console.log(`   decode alone, in-process                 ${decoding.map(seconds).join(', ')} → median ${seconds(median(decoding))} (${(theirs / median(decoding)).toFixed(1)}× tshark)`);
    console.log(`   decode + parse + all rules, in-process   ${inProcess.map(seconds).join(', ')} → median ${seconds(ours)}`);
    console.log(`   sip-trace-lint --format json FILE         ${cli.map(seconds).join(', ')} → median ${seconds(lint)}`);
    console.log(`   sip-trace-lint --decode FILE > /dev/null   ${decodeOnly.map(seconds).join(', ')} → median ${seconds(median(decodeOnly))} (${(theirs / median(decodeOnly)).toFixed(2)}× tshark: start, read and decode only, no parse, no rules)`);
    console.log(`   tshark -r FILE -Y sip -T fields -e sip.Call-ID  ${reference.map(seconds).join(', ')} → median ${seconds(theirs)}`);
    console.log(`   sip-trace-lint vs tshark: ${speedup.toFixed(2)}× as fast (in-process: ${(theirs / ours).toFixed(2)}×) (target ≥ 5×)  ${speedup >= 5 ? 'target met' : 'target missed'}`);
    return [
      [`capture ${(bytes.length / MB).toFixed(1)} MB: CLI / tshark`, `${seconds(lint)} / ${seconds(theirs)}`, '', ''],
      ['  CLI vs tshark', `${speedup.toFixed(2)}× (in-process ${(theirs / ours).toFixed(2)}×)`, '≥ 5×', speedup >= 5 ? 'target met' : 'target missed'],
      ['  --decode alone vs tshark', `${(theirs / median(decodeOnly)).toFixed(2)}×`, '', ''],
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Benchmark of SIP Trace Inspector on a generated 10 MB trace. Prints figures only: no assertions,
// and the exit code is non-zero only when something crashes.
//   a. the generated trace (size, message count, what the project finds in it)
//   b. in-process throughput: parseTrace, parseTrace + diagnose (all rules), the `sip` package's parse
//   c. over LSP/stdio, dist/server.js against a floor server: open, one-line edit, memory (300 ms after
//      the open, after 10 s idle, after a forced GC: the target's); for the project both the first diagnostics (the
//      top of the trace, or the edited message) and the complete ones (traceInfo says complete: every
//      message and the rules across calls)
//   d. a 100 MB trace over LSP (BENCH_BIG_MB, 0 to skip): open until complete, memory
//   e. sip-trace-lint on the same 100 MB trace: MB/s and peak memory
//   f. a capture of about 15 MB: decode + parse + all rules against tshark (captureBench.ts)
//   g. SIP: Show Call Flow on the 10 MB trace: command to first paint in headless Chromium (flowPaint.ts)
// Both parts interleave what they compare (rounds of A B C; alternating server processes), so that
// load from other processes on the machine falls on both sides alike.
// Run: npm run bench   (or: npm run build && tsc -p tsconfig.test.json && node out/test/bench/bench.js)
// Env: BENCH_MB (trace size, default 10), BENCH_BIG_MB (default 100), BENCH_CAPTURE_MB (default 15), BENCH_CPU_PROF=<dir> (start the servers with --cpu-prof there),
//      BENCH_PARTS (the parts to run after a and b, default cdefg; e.g. BENCH_PARTS=c, or de).
// Both servers run as `node --expose-gc --require out/test/bench/gcOnSignal.js <server> --stdio`, so the
// bench can also read their RSS after a full GC; the project's server also gets the flags the extension
// starts it with (SERVER_EXEC_ARGV, client/src/serverFlags.ts), the floor none. Part c also measures
// the floor once more with those flags, to show how much of the difference they make on their own.
import { spawn, ChildProcess } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { parseTrace } from '../../server/src/sip/parser';
import { diagnose } from '../../server/src/sip/diagnose';
import { generateTrace } from './generateTrace';
import { measureCapture } from './captureBench';
import { measureFlowPaint } from './flowPaint';
import { SERVER_EXEC_ARGV } from '../../client/src/serverFlags';

const sip = require('sip') as { parse(message: string): { headers: Record<string, unknown>; content?: string } | undefined };

const MB = 1024 * 1024;
const IN_PROCESS_WARMUPS = 2;
const IN_PROCESS_RUNS = 9;
const LSP_PROCESSES = 5; // fresh server processes per server (alternating project / floor), one cold open each
const EDITS_PER_PROCESS = 5;
const SETTLE_MS = 300;
/** How long the first processes of each server sit idle after the open before their RSS is read again: V8's memory reducer runs after about 8 s without work. */
const IDLE_MS = 10_000;
const IDLE_PROCESSES = 2;
const TIMEOUT_MS = 120_000;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/**
 * What this machine takes to touch fresh memory, in µs per 4 KiB page, in a process of its own (best
 * of three). Big workloads touch hundreds of MB: the CLI on 100 MB faults about 143,000 pages in,
 * which at the 10.5 µs measured on 2026-12-04 is about 1.5 s of its 4–5 s. Printed, so that runs
 * on different machines or days can be told apart from a change of the code.
 */
function freshPageMicros(): number {
  const script = `const b = Buffer.alloc(${256 * MB}); const t = performance.now(); for (let i = 0; i < b.length; i += 4096) b[i] = 1; process.stdout.write(String((performance.now() - t) * 1000 / (b.length / 4096)));`;
  return Math.min(...[0, 1, 2].map(() => Number(spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' }).stdout)));
}

function findRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'sip-trace-inspector') return dir;
  }
  throw new Error(`package.json of sip-trace-inspector not found above ${__dirname}`);
}
const ROOT = findRoot();
/** Node arguments before `--stdio`: the project's server as the extension starts it, the floor server bare and with the same flags. */
const PROJECT_SERVER = [...SERVER_EXEC_ARGV, join(ROOT, 'dist', 'server.js')];
const FLOOR_SERVER = [join(ROOT, 'out', 'test', 'bench', 'floorServer.js')];
const FLOOR_SERVER_WITH_FLAGS = [...SERVER_EXEC_ARGV, ...FLOOR_SERVER];

// --- Small statistics and formatting -----------------------------------------------------------

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const best = (xs: readonly number[]) => Math.min(...xs);
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const mib = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
const ratio = (x: number) => `${x.toFixed(2)}×`;
const verdict = (ok: boolean) => (ok ? 'target met' : 'target missed');

type Row = [string, string, string, string];

// --- b. In-process throughput ------------------------------------------------------------------

interface Timing {
  readonly name: string;
  readonly runs: number[];
  readonly median: number;
  readonly best: number;
}

/**
 * Runs the tasks in rounds (A B C, A B C, …) so that load from other processes on the machine falls
 * on all of them alike; a full GC before each run keeps one task's garbage off the next one's clock.
 */
function timeInterleaved(tasks: ReadonlyArray<{ name: string; run: () => number }>): Timing[] {
  let sink = 0;
  for (let i = 0; i < IN_PROCESS_WARMUPS; i++) for (const t of tasks) sink += t.run();
  const runs = tasks.map(() => [] as number[]);
  for (let i = 0; i < IN_PROCESS_RUNS; i++) {
    tasks.forEach((t, k) => {
      gc();
      const t0 = performance.now();
      sink += t.run();
      runs[k].push(performance.now() - t0);
    });
  }
  if (sink < 0) console.log(sink); // keeps the results observable
  return tasks.map((t, k) => ({ name: t.name, runs: runs[k], median: median(runs[k]), best: best(runs[k]) }));
}

// --- c. LSP over stdio ---------------------------------------------------------------------------

interface Published {
  uri: string;
  version?: number;
  diagnostics: unknown[];
}

function vmKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!m) throw new Error(`${field} not in /proc/${pid}/status`);
  return Number(m[1]) * 1024;
}

class Server {
  readonly child: ChildProcess;
  readonly connection: MessageConnection;
  private readonly arrivals = new Map<string, { at: number; count: number }>();
  private readonly waiters = new Map<string, { resolve: (at: number) => void; reject: (error: Error) => void }>();
  /** When the project's server said a version was completely checked (sipTrace/traceInfo complete). */
  private readonly completions = new Map<string, number>();
  private readonly completionWaiters = new Map<string, (at: number) => void>();
  private exitStatus: string | undefined;

  constructor(args: string[]) {
    const prof = process.env.BENCH_CPU_PROF;
    const flags = ['--expose-gc', ...(process.env.BENCH_NODE_FLAGS ? process.env.BENCH_NODE_FLAGS.split(' ') : []), '--require', join(__dirname, 'gcOnSignal.js'), ...(prof ? ['--cpu-prof', `--cpu-prof-dir=${resolve(prof)}`] : [])];
    this.child = spawn(process.execPath, [...flags, ...args, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.child.once('exit', (code, signal) => {
      this.exitStatus = `exited (code ${code}, signal ${signal})`;
      for (const [key, w] of this.waiters) w.reject(new Error(`server ${args.join(' ')} ${this.exitStatus} while waiting for diagnostics for ${key}`));
      this.waiters.clear();
    });
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      const at = performance.now();
      const key = `${p.uri}#${p.version ?? ''}`;
      this.arrivals.set(key, { at, count: p.diagnostics.length });
      const waiter = this.waiters.get(key);
      if (waiter) {
        this.waiters.delete(key);
        waiter.resolve(at);
      }
    });
    this.connection.onNotification('sipTrace/traceInfo', (info: { uri: string; version: number; complete: boolean }) => {
      if (!info.complete) return;
      const at = performance.now();
      const key = `${info.uri}#${info.version}`;
      this.completions.set(key, at);
      this.completionWaiters.get(key)?.(at);
      this.completionWaiters.delete(key);
    });
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** RSS after a full GC in the server (see gcOnSignal.ts). */
  async rssAfterGc(): Promise<number> {
    process.kill(this.pid, 'SIGUSR2');
    await sleep(SETTLE_MS);
    return vmKb(this.pid, 'VmRSS');
  }

  async initialize(): Promise<void> {
    // As VS Code: settings are pulled from the client (answered with null here: the defaults).
    await this.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
    await this.connection.sendNotification('initialized', {});
  }

  /**
   * What VS Code asks for as soon as a document opens (Outline and breadcrumbs, code lenses,
   * folding, the hints in sight), sent right after didOpen as VS Code sends them. The floor answers
   * "method not found" at once; the answers are awaited before the process closes.
   */
  askAsEditorDoes(uri: string): Promise<unknown> {
    const textDocument = { uri };
    const inSight = { start: { line: 0, character: 0 }, end: { line: 60, character: 0 } };
    return Promise.allSettled([
      this.connection.sendRequest('textDocument/documentSymbol', { textDocument }),
      this.connection.sendRequest('textDocument/codeLens', { textDocument }),
      this.connection.sendRequest('textDocument/foldingRange', { textDocument }),
      this.connection.sendRequest('textDocument/inlayHint', { textDocument, range: inSight }),
    ]);
  }

  /** Time at which diagnostics for this uri and version arrived. */
  diagnosticsAt(uri: string, version: number): Promise<number> {
    const key = `${uri}#${version}`;
    const arrived = this.arrivals.get(key);
    if (arrived) return Promise.resolve(arrived.at);
    if (this.exitStatus) return Promise.reject(new Error(`server ${this.exitStatus}`));
    return new Promise((resolveAt, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${key} within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
      this.waiters.set(key, {
        resolve: (at) => {
          clearTimeout(timer);
          resolveAt(at);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
    });
  }

  /** Time at which the version was completely checked; a server without that notification (the floor) is complete at its first publication. */
  async completeAt(uri: string, version: number, announces: boolean): Promise<number> {
    const first = await this.diagnosticsAt(uri, version);
    if (!announces) return first;
    const key = `${uri}#${version}`;
    const done = this.completions.get(key);
    if (done !== undefined) return done;
    return new Promise((resolveAt, reject) => {
      const timer = setTimeout(() => reject(new Error(`${key} not complete within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
      this.completionWaiters.set(key, (at) => {
        clearTimeout(timer);
        resolveAt(at);
      });
    });
  }

  diagnosticCount(uri: string, version: number): number {
    return this.arrivals.get(`${uri}#${version}`)?.count ?? -1;
  }

  async close(): Promise<void> {
    if (this.exitStatus) {
      this.connection.dispose();
      return;
    }
    const exited = new Promise<void>((r) => this.child.once('exit', () => r()));
    // A server that does not exit within 10 s of the request (e.g. stuck) is killed.
    const timer = setTimeout(() => this.child.kill(), 10_000);
    try {
      await Promise.race([this.connection.sendRequest('shutdown').then(() => this.connection.sendNotification('exit')), exited]);
    } catch {
      // the kill above still applies
    }
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}

const sleep = (milliseconds: number) => new Promise((r) => setTimeout(r, milliseconds));

interface LspResult {
  readonly label: string;
  readonly opens: number[];
  readonly opensComplete: number[];
  readonly editsComplete: number[];
  readonly warmOpens: number[];
  readonly edits: number[];
  readonly rssBefore: number[];
  readonly rssDelta: number[];
  readonly peakDelta: number[];
  readonly idleDelta: number[];
  readonly gcDelta: number[];
  readonly diagnostics: number;
}

interface Edit {
  readonly line: number;
  readonly length: number;
  readonly texts: readonly [string, string];
}

interface ProcessResult {
  readonly open: number;
  readonly openComplete: number;
  readonly editsComplete: number[];
  readonly warmOpen: number;
  readonly edits: number[];
  readonly rssBefore: number;
  readonly rssDelta: number;
  readonly peakDelta: number;
  /** RSS after IDLE_MS without requests (no forced GC), in the first IDLE_PROCESSES processes. */
  readonly idleDelta: number | undefined;
  readonly gcDelta: number;
  readonly diagnostics: number;
}

/** One fresh server process: cold open, edits, RSS, then a second (warm) open. */
async function measureProcess(label: string, args: string[], p: number, text: string, edit: Edit, announces: boolean): Promise<ProcessResult> {
  gc();
  const server = new Server(args);
  try {
    await server.initialize();
    await sleep(SETTLE_MS);
    // Baseline: the idle server after a full GC (startup garbage gone).
    const before = await server.rssAfterGc();

    const uri = `file:///bench/${label}-${p}.sip`;
    const t0 = performance.now();
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sip', version: 1, text } });
    const asked = server.askAsEditorDoes(uri);
    const open = (await server.diagnosticsAt(uri, 1)) - t0;
    const openComplete = (await server.completeAt(uri, 1, announces)) - t0;
    await asked;
    const diagnostics = server.diagnosticCount(uri, 1);
    await sleep(SETTLE_MS);
    const rssDelta = vmKb(server.pid, 'VmRSS') - before;
    const peakDelta = vmKb(server.pid, 'VmHWM') - before;
    let idleDelta: number | undefined;
    if (p < IDLE_PROCESSES) {
      await sleep(IDLE_MS);
      idleDelta = vmKb(server.pid, 'VmRSS') - before;
    }
    const gcDelta = (await server.rssAfterGc()) - before;

    const edits: number[] = [];
    const editsComplete: number[] = [];
    let version = 1;
    for (let e = 0; e < EDITS_PER_PROCESS; e++) {
      version++;
      const t1 = performance.now();
      await server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line: edit.line, character: 0 }, end: { line: edit.line, character: edit.length } }, text: edit.texts[e % 2] }],
      });
      edits.push((await server.diagnosticsAt(uri, version)) - t1);
      editsComplete.push((await server.completeAt(uri, version, announces)) - t1);
    }

    // A second document in the same process, once the code is warm (not a target; shows the JIT's share).
    const uri2 = `file:///bench/${label}-${p}-second.sip`;
    const t2 = performance.now();
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri2, languageId: 'sip', version: 1, text } });
    const warmOpen = (await server.completeAt(uri2, 1, announces)) - t2;
    return { open, openComplete, editsComplete, warmOpen, edits, rssBefore: before, rssDelta, peakDelta, idleDelta, gcDelta, diagnostics };
  } finally {
    await server.close();
  }
}

function collect(label: string, results: readonly ProcessResult[]): LspResult {
  return {
    label,
    opens: results.map((r) => r.open),
    opensComplete: results.map((r) => r.openComplete),
    editsComplete: results.flatMap((r) => r.editsComplete),
    warmOpens: results.map((r) => r.warmOpen),
    edits: results.flatMap((r) => r.edits),
    rssBefore: results.map((r) => r.rssBefore),
    rssDelta: results.map((r) => r.rssDelta),
    peakDelta: results.map((r) => r.peakDelta),
    idleDelta: results.flatMap((r) => (r.idleDelta === undefined ? [] : [r.idleDelta])),
    gcDelta: results.map((r) => r.gcDelta),
    diagnostics: results[results.length - 1].diagnostics,
  };
}

/** A header line in the middle of the trace: Max-Forwards of the first request at or after the middle message. */
function middleEdit(text: string, messages: readonly string[]): Edit {
  let offset = 0;
  const middle = messages.length >> 1;
  for (let i = 0; i < messages.length; i++) {
    const at = messages[i].indexOf('\r\nMax-Forwards: ');
    if (i >= middle && at >= 0) {
      const lineStart = offset + at + 2;
      const lineStop = text.indexOf('\r\n', lineStart);
      let line = 0;
      for (let k = text.indexOf('\n'); k >= 0 && k < lineStart; k = text.indexOf('\n', k + 1)) line++;
      const old = text.slice(lineStart, lineStop);
      return { line, length: lineStop - lineStart, texts: ['Max-Forwards: 69', old] };
    }
    offset += messages[i].length + 2;
  }
  throw new Error('no request with Max-Forwards after the middle of the trace');
}

/** c. The 10 MB trace over LSP against the floor server; the summary's rows. */
async function measureLsp(text: string, messages: readonly string[], bytes: number, sipParse: Timing): Promise<Row[]> {
  const edit = middleEdit(text, messages);
  console.log(`\nc. LSP over stdio: ${LSP_PROCESSES} fresh processes per server, alternating; each: initialize, open (cold) with the requests VS Code sends on open (symbols, code lenses, folding, hints), ${EDITS_PER_PROCESS} edits of line ${edit.line + 1}, a second open (warm)`);
  console.log(`   the project's server starts with the extension's flags (${SERVER_EXEC_ARGV.join(' ')}), the floor without; "floor+" is the floor with them`);
  const projectRuns: ProcessResult[] = [];
  const floorRuns: ProcessResult[] = [];
  const flaggedFloorRuns: ProcessResult[] = [];
  for (let p = 0; p < LSP_PROCESSES; p++) {
    projectRuns.push(await measureProcess('project', PROJECT_SERVER, p, text, edit, true));
    floorRuns.push(await measureProcess('floor', FLOOR_SERVER, p, text, edit, false));
    flaggedFloorRuns.push(await measureProcess('floorFlags', FLOOR_SERVER_WITH_FLAGS, p, text, edit, false));
  }
  const project = collect('project', projectRuns);
  const floor = collect('floor', floorRuns);
  const flaggedFloor = collect('floor+', flaggedFloorRuns);
  for (const r of [project, floor, flaggedFloor]) {
    console.log(
      `   ${r.label.padEnd(8)} open ${r.opens.map(ms).join(', ')} (complete ${r.opensComplete.map(ms).join(', ')}) | edit ${r.edits.map((x) => x.toFixed(0)).join(', ')} ms (complete ${r.editsComplete.map((x) => x.toFixed(0)).join(', ')} ms) | second open ${r.warmOpens.map(ms).join(', ')} | RSS before ${r.rssBefore.map(mib).join(', ')}, +${r.rssDelta.map(mib).join(', +')} after open (peak +${r.peakDelta.map(mib).join(', +')}; after ${IDLE_MS / 1000} s idle +${r.idleDelta.map(mib).join(', +')}; after full GC +${r.gcDelta.map(mib).join(', +')}) | ${r.diagnostics} diagnostics published`,
    );
  }
  const openP = median(project.opens);
  const openF = median(floor.opens);
  const openExtra = openP - openF;
  // The sip package's parse time is its best run, as in part b (the least disturbed estimate).
  const openRatio = openExtra / sipParse.best;
  const openCompleteExtra = median(project.opensComplete) - openF;
  const editExtra = median(project.edits) - median(floor.edits);
  const editCompleteExtra = median(project.editsComplete) - median(floor.edits);
  const memP = median(project.rssDelta);
  const memF = median(floor.rssDelta);
  const memRatio = (memP - memF) / bytes;
  const gcP = median(project.gcDelta);
  const gcF = median(floor.gcDelta);
  const gcRatio = (gcP - gcF) / bytes;
  console.log(`   open: project ${ms(openP)}, floor ${ms(openF)}, project − floor ${ms(openExtra)} = ${ratio(openRatio)} the sip package's parse of the whole trace (${ms(sipParse.best)}; target ≤ 0.5×)  ${verdict(openRatio <= 0.5)}`);
  console.log(`         complete (every message and the rules across calls): project − floor ${ms(openCompleteExtra)} = ${ratio(openCompleteExtra / sipParse.best)}`);
  console.log(`   edit: first diagnostics (the edited message's) project − floor ${ms(editExtra)} (target ≤ 50 ms)  ${verdict(editExtra <= 50)}`);
  console.log(`         complete (trace-wide findings) project − floor ${ms(editCompleteExtra)} (target ≤ 300 ms)  ${verdict(editCompleteExtra <= 300)}`);
  // The target is on the memory after a forced full GC in both servers, as the issue asks: 300 ms
  // after the open the project has collected its own garbage (idleCollector.ts) and the floor has
  // not, so that row compares unlike states and is shown for what a user sees.
  console.log(`   memory 300 ms after open: project +${mib(memP)}, floor +${mib(memF)}, (project − floor) / file size = ${ratio(memRatio)}`);
  console.log(`   after a forced full GC in both servers (what stays retained): project +${mib(gcP)}, floor +${mib(gcF)}, (project − floor) / file size = ${ratio(gcRatio)} (target ≤ 2×)  ${verdict(gcRatio <= 2)}`);
  const memFF = median(flaggedFloor.rssDelta);
  const gcFF = median(flaggedFloor.gcDelta);
  console.log(`   against the floor with the same flags: floor+ +${mib(memFF)} (after full GC +${mib(gcFF)}), (project − floor+) / file size = ${ratio((memP - memFF) / bytes)} (after full GC ${ratio((gcP - gcFF) / bytes)})`);
  const idleP = median(project.idleDelta);
  const idleF = median(floor.idleDelta);
  // The floor may do no full GC at all after the open, so its memory reducer never starts: the project idle is also compared with the floor after a forced GC (the least it holds).
  const idleRatio = (idleP - gcF) / bytes;
  console.log(`   after ${IDLE_MS / 1000} s idle, no forced GC (what V8's memory reducer leaves; first ${IDLE_PROCESSES} processes): project +${mib(idleP)}, floor +${mib(idleF)} (${ratio((idleP - idleF) / bytes)}); (project idle − floor after a full GC) / file size = ${ratio(idleRatio)}`);
  return [
    ['LSP open project / floor', `${ms(openP)} / ${ms(openF)}`, '', ''],
    ['(open P − F) / sip parse', `${ms(openExtra)} / ${ms(sipParse.best)} = ${ratio(openRatio)}`, '≤ 0.5×', verdict(openRatio <= 0.5)],
    ['  complete, P − F', `${ms(openCompleteExtra)} = ${ratio(openCompleteExtra / sipParse.best)}`, '', ''],
    ['LSP edit, first, P − F', ms(editExtra), '≤ 50 ms', verdict(editExtra <= 50)],
    ['LSP edit, complete, P − F', ms(editCompleteExtra), '≤ 300 ms', verdict(editCompleteExtra <= 300)],
    ['LSP 2nd open project / floor', `${ms(median(project.warmOpens))} / ${ms(median(floor.warmOpens))}`, '', ''],
    ['RSS after open P / F', `+${mib(memP)} / +${mib(memF)}`, '', ''],
    ['  (RSS P − F) / file size', `${mib(memP - memF)} / ${mib(bytes)} = ${ratio(memRatio)}`, '', ''],
    ['RSS after full GC P / F, ÷ file', `+${mib(gcP)} / +${mib(gcF)} → ${ratio(gcRatio)}`, '≤ 2×', verdict(gcRatio <= 2)],
    [`  project ${IDLE_MS / 1000} s idle / floor GC'd`, `+${mib(idleP)} / +${mib(gcF)} → ${ratio(idleRatio)}`, '', '(V8 memory reducer)'],
    ['  floor with the flags too', `+${mib(memFF)} → ${ratio((memP - memFF) / bytes)}; GC'd +${mib(gcFF)} → ${ratio((gcP - gcFF) / bytes)}`, '', ''],
  ];
}

// --- Main ------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = performance.now();
  const parts = process.env.BENCH_PARTS ?? 'cdefg';
  const targetMb = Number(process.env.BENCH_MB ?? 10);
  console.log(`SIP Trace Inspector benchmark — node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(2)}`);
  console.log(`machine: first touch of fresh memory ${freshPageMicros().toFixed(2)} µs per 4 KiB page (what the 100 MB rows depend on most from machine to machine)`);

  // a. The trace.
  const g0 = performance.now();
  const { text, messages } = generateTrace(Math.round(targetMb * MB));
  const genMs = performance.now() - g0;
  const bytes = Buffer.byteLength(text, 'utf8');
  const sizeMb = bytes / MB;
  const trace = parseTrace(text);
  const byCode = new Map<string, number>();
  for (const f of diagnose(trace, { maxFindings: Infinity }).findings) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
  let sipOk = 0;
  for (const m of messages) if (sip.parse(m)) sipOk++;
  console.log(`\na. Trace: ${sizeMb.toFixed(2)} MB (${bytes.toLocaleString('en-US')} bytes, MB = 2^20), ${messages.length.toLocaleString('en-US')} messages, generated in ${ms(genMs)}`);
  console.log(`   parseTrace finds ${trace.messages.length} messages, ${trace.findings.length} parser findings; sip.parse accepts ${sipOk}/${messages.length}`);
  console.log(`   diagnose findings: ${[...byCode].map(([c, n]) => `${c} ${n}`).join(', ') || 'none'}`);

  // b. In-process.
  console.log(`\nb. In-process, ${IN_PROCESS_WARMUPS} warm-up + ${IN_PROCESS_RUNS} timed runs each (gc before each run)`);
  const [parse, full, sipParse] = timeInterleaved([
    { name: 'parseTrace (parse + model)', run: () => parseTrace(text).messages.length },
    { name: 'parseTrace + diagnose (all rules)', run: () => diagnose(parseTrace(text), { maxFindings: Infinity }).findings.length },
    {
      name: 'sip.parse over every message',
      run: () => {
        let n = 0;
        for (const m of messages) if (sip.parse(m)) n++;
        return n;
      },
    },
  ]);
  for (const t of [parse, full, sipParse]) {
    console.log(
      `   ${t.name.padEnd(34)} median ${ms(t.median).padStart(9)} (${(sizeMb / (t.median / 1000)).toFixed(1).padStart(6)} MB/s)   best ${ms(t.best).padStart(9)} (${(sizeMb / (t.best / 1000)).toFixed(1).padStart(6)} MB/s)`,
    );
  }
  // Verdicts on the best runs: on a shared machine the minimum is the least disturbed measurement.
  const parseVsSip = sipParse.best / parse.best;
  const fullVsSip = sipParse.best / full.best;
  console.log(`   parse vs sip:             ${ratio(parseVsSip)} as fast (best runs; medians ${ratio(sipParse.median / parse.median)}) (target ≥ 3×)  ${verdict(parseVsSip >= 3)}`);
  console.log(`   full diagnostics vs sip:  ${ratio(fullVsSip)} as fast (best runs; medians ${ratio(sipParse.median / full.median)}) (target ≥ 1.5×)  ${verdict(fullVsSip >= 1.5)}`);

  const lsp = parts.includes('c') ? await measureLsp(text, messages, bytes, sipParse) : [];

  // d. and e. A big trace.
  const bigMb = Number(process.env.BENCH_BIG_MB ?? 100);
  const big = bigMb > 0 && (parts.includes('d') || parts.includes('e')) ? await measureBig(bigMb, parts.includes('d'), parts.includes('e')) : [];
  const captureMb = Number(process.env.BENCH_CAPTURE_MB ?? 15);
  const capture = captureMb > 0 && parts.includes('f') ? measureCapture(ROOT, captureMb) : [];
  const paint = parts.includes('g') ? await measureFlowPaint(ROOT, text) : [];

  // Summary.
  const rows: Row[] = [
    ['trace', `${sizeMb.toFixed(2)} MB, ${messages.length} msgs`, '', ''],
    ['parseTrace (best)', `${ms(parse.best)}  ${(sizeMb / (parse.best / 1000)).toFixed(1)} MB/s`, '', ''],
    ['parseTrace + diagnose (best)', `${ms(full.best)}  ${(sizeMb / (full.best / 1000)).toFixed(1)} MB/s`, '', ''],
    ['sip.parse, all msgs (best)', `${ms(sipParse.best)}  ${(sizeMb / (sipParse.best / 1000)).toFixed(1)} MB/s`, '', ''],
    ['parse vs sip', ratio(parseVsSip), '≥ 3×', verdict(parseVsSip >= 3)],
    ['full diagnostics vs sip', ratio(fullVsSip), '≥ 1.5×', verdict(fullVsSip >= 1.5)],
    ...lsp,
    ...big,
    ...capture,
    ...paint,
  ];
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
  console.log('\nSummary (in-process: best of runs; LSP: medians)');
  for (const r of rows) console.log(`  ${r[0].padEnd(w[0])}  ${r[1].padEnd(w[1])}  ${r[2].padEnd(w[2])}  ${r[3]}`.trimEnd());
  console.log(`\nbench took ${((performance.now() - started) / 1000).toFixed(1)} s; load average ${loadavg()[0].toFixed(2)} (other processes on the machine skew timings)`);
}


/** Peak RSS of a node process run with maxRss.js, in bytes. */
function peakRss(stderr: string): number {
  const m = /maxrss (\d+)/.exec(stderr);
  if (!m) throw new Error(`no maxrss in: ${stderr.slice(-500)}`);
  return Number(m[1]) * 1024;
}

/** d. A big trace over LSP (one process per server), e. the CLI on it; each when asked for. */
async function measureBig(targetMb: number, lsp: boolean, cli: boolean): Promise<Row[]> {
  const { text } = generateTrace(Math.round(targetMb * MB));
  const bytes = Buffer.byteLength(text, 'utf8');
  return [...(lsp ? await measureBigLsp(text, bytes) : []), ...(cli ? measureCli(text, bytes) : [])];
}

async function measureBigLsp(text: string, bytes: number): Promise<Row[]> {
  console.log(`\nd. A ${mib(bytes)} trace over LSP: one process per server, open until complete`);
  const results: Array<{ complete: number; first: number; rss: number; peak: number; gc: number }> = [];
  for (const [label, args, announces] of [
    ['project', PROJECT_SERVER, true],
    ['floor', FLOOR_SERVER, false],
  ] as const) {
    gc();
    const server = new Server([...args]);
    try {
      await server.initialize();
      await sleep(SETTLE_MS);
      const before = await server.rssAfterGc();
      const uri = `file:///bench/big-${label}.sip`;
      const t0 = performance.now();
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sip', version: 1, text } });
      const first = (await server.diagnosticsAt(uri, 1)) - t0;
      const complete = (await server.completeAt(uri, 1, announces)) - t0;
      await sleep(SETTLE_MS);
      results.push({ first, complete, rss: vmKb(server.pid, 'VmRSS') - before, peak: vmKb(server.pid, 'VmHWM') - before, gc: (await server.rssAfterGc()) - before });
      const r = results[results.length - 1];
      console.log(`   ${label.padEnd(8)} first diagnostics ${ms(first)}, complete ${ms(complete)}, RSS +${mib(r.rss)} (peak +${mib(r.peak)}, after a full GC +${mib(r.gc)})`);
    } finally {
      await server.close();
    }
  }
  const [p, f] = results;
  // The floor's RSS right after the open still holds the 100 MB message's garbage: compare what each retains after a full GC.
  const lspMem = (p.gc - f.gc) / bytes;
  // The floor only receives the text over JSON-RPC and answers: what no server can do in less on this machine.
  console.log(`   project − floor: first diagnostics ${ms(p.first - f.first)}, complete ${ms(p.complete - f.complete)}`);
  console.log(`   complete within ${ms(p.complete)} (target ≤ 5 s)  ${verdict(p.complete <= 5000)}; memory after a full GC (project − floor) / file size = ${ratio(lspMem)} (target ≤ 3×)  ${verdict(lspMem <= 3)}`);

  return [
    [`LSP ${mib(bytes)}: complete`, ms(p.complete), '≤ 5 s', verdict(p.complete <= 5000)],
    [`LSP ${mib(bytes)}: (RSS P − F) / size, GC'd`, ratio(lspMem), '≤ 3×', verdict(lspMem <= 3)],
  ];
}

function measureCli(text: string, bytes: number): Row[] {
  console.log(`\ne. sip-trace-lint on the same ${mib(bytes)} trace (--format json to /dev/null)`);
  const dir = mkdtempSync(join(tmpdir(), 'sip-bench-'));
  try {
    const file = join(dir, 'big.sip');
    writeFileSync(file, text);
    const preload = ['-r', join(__dirname, 'maxRss.js')];
    const floorRss = peakRss(spawnSync(process.execPath, [...preload, '-e', `require('fs').readFileSync(${JSON.stringify(file)}, 'utf8').length`], { encoding: 'utf8' }).stderr);
    const baseRss = peakRss(spawnSync(process.execPath, [...preload, '-e', ''], { encoding: 'utf8' }).stderr);
    const times: number[] = [];
    let cliRss = 0;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const run = spawnSync(process.execPath, [...preload, join(ROOT, 'dist', 'cli.js'), '--format', 'json', file], { encoding: 'utf8', maxBuffer: 1 << 30 });
      times.push(performance.now() - t0);
      if (run.status === 2) throw new Error(`sip-trace-lint failed: ${run.stderr.slice(-500)}`);
      cliRss = Math.max(cliRss, peakRss(run.stderr));
    }
    const cliMs = median(times);
    const mbps = bytes / MB / (cliMs / 1000);
    const cliMem = (cliRss - baseRss) / bytes;
    console.log(`   ${times.map(ms).join(', ')} → median ${ms(cliMs)} = ${mbps.toFixed(1)} MB/s (target ≥ 50 MB/s)  ${verdict(mbps >= 50)}`);
    console.log(`   peak RSS ${mib(cliRss)}; node alone ${mib(baseRss)}, node reading the file ${mib(floorRss)}; (peak − node alone) / file size = ${ratio(cliMem)} (target ≤ 2×)  ${verdict(cliMem <= 2)}`);
    return [
      [`CLI ${mib(bytes)}: throughput`, `${mbps.toFixed(1)} MB/s`, '≥ 50 MB/s', verdict(mbps >= 50)],
      [`CLI ${mib(bytes)}: (peak − node) / size`, ratio(cliMem), '≤ 2×', verdict(cliMem <= 2)],
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

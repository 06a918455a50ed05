// The bundled command-line linter: output format and exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, ROOT } from '../helpers';
import { decodeCapture } from '../../server/src/sip/capture/decode';
import { parseTrace } from '../../server/src/sip/parser';

/** Runs the bundled linter with an empty standard input, or the given one. */
function lintStdin(input: string, ...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { encoding: 'utf8', input });
}

function lint(...args: string[]) {
  return lintStdin('', ...args);
}

test('the example trace: 302 and 503 findings as file:line:col severity code message, exit 0', () => {
  const file = join(ROOT, 'examples', 'redirect-and-overload.sip');
  const run = lint(file);
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.trim().split('\n');
  for (const line of lines) assert.match(line, /^.+:\d+:\d+ (error|warning|information|hint) sip\.[a-z0-9.-]+ .+$/);
  assert.ok(lines.some((l) => l.startsWith(`${file}:21:1 information sip.302.moved-temporarily `)), run.stdout);
  assert.ok(lines.some((l) => / information sip\.503\.missing-retry-after /.test(l)));
  assert.ok(lines.some((l) => / information sip\.503\.service-unavailable .*Retry-After: 120/.test(l)));
});

test('an invalid message exits 1; a missing file exits 2; no arguments exit 2', () => {
  const bad = lint(join(FIXTURES, 'rfc4475', 'badvers.dat'));
  assert.equal(bad.status, 1);
  assert.match(bad.stdout, /badvers\.dat:1:\d+ error sip\.version\.unsupported/);
  const missing = lint(join(ROOT, 'no-such-file.sip'));
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no-such-file\.sip: cannot read/);
  assert.equal(lint().status, 2);
  assert.equal(lint('--format', 'xml', 'x.sip').status, 2);
  assert.match(lint('--rule', 'sip.nope=off', 'x.sip').stderr, /unknown code "sip\.nope"/);
});

test('a summary line on stderr: files, messages, calls, findings per severity', () => {
  const run = lint(join(ROOT, 'examples', 'redirect-and-overload.sip'));
  assert.equal(run.stderr, '1 file, 13 messages, 3 calls: 0 errors, 0 warnings, 4 information\n');
});

test('--rule changes a severity or turns a rule off; an error found then exits 1', () => {
  const file = join(ROOT, 'examples', 'redirect-and-overload.sip');
  const quiet = lint('--rule', 'sip.503.missing-retry-after=off', '--rule=sip.302.moved-temporarily=error', file);
  assert.equal(quiet.status, 1);
  assert.ok(!quiet.stdout.includes('sip.503.missing-retry-after'));
  assert.match(quiet.stdout, / error sip\.302\.moved-temporarily /);
});

test('--format json and --format sarif', () => {
  const file = join(ROOT, 'test', 'fixtures', 'behaviour', 'reused-branch.sip');
  const json = JSON.parse(lint('--format', 'json', file).stdout);
  assert.equal(json.summary.files, 1);
  const finding = json.files[0].findings.find((f: { code: string }) => f.code === 'sip.retry.same-branch');
  assert.equal(finding.severity, 'error');
  assert.ok(finding.related.length > 0 && finding.related[0].line > 0);
  const sarifRun = lint('--format=sarif', file);
  assert.equal(sarifRun.status, 1);
  const log = JSON.parse(sarifRun.stdout);
  assert.equal(log.version, '2.1.0');
  const result = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'sip.retry.same-branch');
  assert.equal(result.level, 'error');
  assert.match(result.locations[0].physicalLocation.artifactLocation.uri, /^file:\/\/.*reused-branch\.sip$/);
  assert.ok(result.locations[0].physicalLocation.region.startLine > 1);
  assert.ok(log.runs[0].tool.driver.rules.some((r: { id: string; helpUri: string }) => r.id === 'sip.503.missing-retry-after' && r.helpUri.includes('rfc3261')));
});

test('invalid UTF-8 and NUL bytes are reported, not fatal', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sip-cli-'));
  const file = join(dir, 'garbage.sip');
  writeFileSync(file, Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x0a, 0xc3, 0x28]));
  const run = lint(file);
  assert.equal(run.status, 0);
  assert.match(run.stdout, /garbage\.sip:1:1 warning sip\.trace\.binary-content/);
});

test('- reads standard input, named by --stdin-filename', () => {
  const text = readFileSync(join(FIXTURES, 'rfc4475', 'badvers.dat'), 'utf8');
  const unnamed = lintStdin(text, '-');
  assert.equal(unnamed.status, 1);
  assert.match(unnamed.stdout, /^<stdin>:1:\d+ error sip\.version\.unsupported /m);
  const named = lintStdin(text, '--stdin-filename', 'captures/badvers.sip', '-');
  assert.match(named.stdout, /^captures\/badvers\.sip:1:\d+ error sip\.version\.unsupported /m);
  assert.equal(lintStdin(text, '-', '-').status, 2);
});

test('--version prints the version of package.json', () => {
  const run = lint('--version');
  assert.equal(run.status, 0);
  assert.equal(run.stdout, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version + '\n');
});

test('an unknown option exits 2 and names the option', () => {
  const run = lint('--fromat', 'json', join(ROOT, 'examples', 'redirect-and-overload.sip'));
  assert.equal(run.status, 2);
  assert.match(run.stderr, /Unknown option '--fromat'/);
  assert.equal(run.stdout, '');
});

test('a directory: its .sip files, SIPp message logs and the .txt and .log files that hold SIP messages, in order', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sip-cli-dir-'));
  const formats = join(ROOT, 'test', 'fixtures', 'formats');
  mkdirSync(join(dir, 'b', 'node_modules', 'pkg'), { recursive: true });
  mkdirSync(join(dir, 'a'));
  mkdirSync(join(dir, '.cache'));
  copyFileSync(join(ROOT, 'examples', 'redirect-and-overload.sip'), join(dir, 'z.sip'));
  copyFileSync(join(formats, 'sipp', 'redirect-uac_messages.log'), join(dir, 'b', 'redirect-uac_messages.log'));
  copyFileSync(join(formats, 'sngrep', 'selected-503-dialogs.txt'), join(dir, 'a', 'sngrep.txt'));
  copyFileSync(join(ROOT, 'examples', 'redirect-and-overload.sip'), join(dir, 'a', 'plain.txt'));
  writeFileSync(join(dir, 'a', 'notes.txt'), 'Bob was redirected; the request was\nINVITE sip:bob@biloxi.example.com SIP/2.0\nand the answer a 302.\n');
  copyFileSync(join(ROOT, 'examples', 'redirect-and-overload.sip'), join(dir, 'b', 'node_modules', 'pkg', 'skipped.sip'));
  copyFileSync(join(ROOT, 'examples', 'redirect-and-overload.sip'), join(dir, '.cache', 'skipped.sip'));
  const run = lint('--format', 'json', dir);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(
    JSON.parse(run.stdout).files.map((f: { file: string }) => f.file),
    [join(dir, 'a', 'plain.txt'), join(dir, 'a', 'sngrep.txt'), join(dir, 'b', 'redirect-uac_messages.log'), join(dir, 'z.sip')],
  );
});

test('a directory without traces exits 2 and says what was looked for', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sip-cli-empty-'));
  writeFileSync(join(dir, 'notes.txt'), 'nothing SIP here\n');
  const run = lint(dir);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /no SIP trace found under this directory \(looked for \*\.sip, \*_messages\.log/);
});

const CAPTURES = join(FIXTURES, 'captures');

test('a capture is linted like a text file: each JSON finding names its frame, the file its messages and how the capture was read', () => {
  const run = lint('--format', 'json', join(CAPTURES, 'udp-lo.pcapng'));
  assert.equal(run.status, 0, run.stderr);
  const [file] = JSON.parse(run.stdout).files;
  assert.equal(file.format, 'packet capture');
  assert.equal(file.messages, 18);
  assert.deepEqual([file.capture.container, file.capture.linkTypes, file.capture.frames, file.capture.sipMessages], ['pcapng', ['Ethernet'], 18, 18]);
  assert.deepEqual(
    file.findings.map((f: { code: string; frame: number; line: number }) => [f.code, f.frame, f.line]),
    [
      ['sip.302.moved-temporarily', 2, 29],
      ['sip.503.service-unavailable', 13, 204],
      ['sip.503.sent-during-retry-after', 15, 229],
      ['sip.503.service-unavailable', 17, 266],
      ['sip.503.missing-retry-after', 17, 266],
    ],
  );
  const text = lint(join(CAPTURES, 'udp-lo.pcapng.gz'));
  assert.match(text.stdout, /udp-lo\.pcapng\.gz:29:1 information sip\.302\.moved-temporarily .* \(frame 2\)$/m);
  assert.match(text.stderr, /udp-lo\.pcapng\.gz: pcapng\.gz · Ethernet · 18 frames · 18 SIP messages/);
});

test('SARIF carries the frame of a capture finding in the result properties', () => {
  const log = JSON.parse(lint('--format', 'sarif', join(CAPTURES, 'tcp-lo.pcap')).stdout);
  const results = log.runs[0].results as Array<{ ruleId: string; properties?: { frame?: number } }>;
  assert.ok(results.length > 0);
  for (const r of results) assert.equal(typeof r.properties?.frame, 'number', r.ruleId);
  const plain = JSON.parse(lint('--format', 'sarif', join(ROOT, 'examples', 'redirect-and-overload.sip')).stdout);
  assert.ok(plain.runs[0].results.every((r: { properties?: unknown }) => r.properties === undefined));
});

test('--decode writes a text trace that reads back as the same messages and gives the same findings', () => {
  const capture = join(CAPTURES, 'two-interfaces.pcapng');
  const decoded = lint('--decode', capture);
  assert.equal(decoded.status, 0, decoded.stderr);
  const expected = decodeCapture(readFileSync(capture));
  assert.equal(decoded.stdout, expected.text);
  const trace = parseTrace(decoded.stdout);
  assert.equal(trace.format?.id, 'capture');
  assert.deepEqual(
    trace.meta.map((m) => [m?.frame, m?.src, m?.dst, m?.transport]),
    expected.messages.map((m) => [m.frame, m.src, m.dst, m.transport]),
  );
  const dir = mkdtempSync(join(tmpdir(), 'sip-cli-decode-'));
  const sip = join(dir, 'trace.sip');
  writeFileSync(sip, decoded.stdout);
  const strip = (run: { stdout: string }) => JSON.parse(run.stdout).files[0].findings.map((f: { code: string; line: number; column: number }) => [f.code, f.line, f.column]);
  assert.deepEqual(strip(lint('--format', 'json', sip)), strip(lint('--format', 'json', capture)));
  const stdin = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), '--decode', '-'], { encoding: 'utf8', input: readFileSync(capture) });
  assert.equal(stdin.stdout, expected.text);
});

test('--decode refuses what is not a capture and more than one file; a damaged capture exits 2', () => {
  const notCapture = lint('--decode', join(ROOT, 'examples', 'redirect-and-overload.sip'));
  assert.equal(notCapture.status, 2);
  assert.match(notCapture.stderr, /not a pcap or pcapng file/);
  assert.equal(lint('--decode', join(CAPTURES, 'tcp-lo.pcap'), join(CAPTURES, 'udp-lo.pcapng')).status, 2);
  const dir = mkdtempSync(join(tmpdir(), 'sip-cli-gz-'));
  const bad = join(dir, 'bad.pcap.gz');
  writeFileSync(bad, Buffer.from([0x1f, 0x8b, 1, 2, 3, 4]));
  const run = lint(bad);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /bad\.pcap\.gz: cannot read the capture: The gzip file is damaged/);
});

test('a directory: captures by name and magic number beside the text traces', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sip-cli-captures-'));
  copyFileSync(join(CAPTURES, 'udp-lo.pcapng'), join(dir, 'b.pcapng'));
  copyFileSync(join(CAPTURES, 'tcp-lo.pcap.gz'), join(dir, 'c.pcap.gz'));
  copyFileSync(join(CAPTURES, 'udp-sll.pcap'), join(dir, 'd.cap'));
  writeFileSync(join(dir, 'e.cap'), 'not a capture at all');
  copyFileSync(join(ROOT, 'examples', 'redirect-and-overload.sip'), join(dir, 'a.sip'));
  const run = lint('--format', 'json', dir);
  assert.equal(run.status, 0, run.stderr);
  const files = JSON.parse(run.stdout).files as Array<{ file: string; capture?: unknown }>;
  assert.deepEqual(
    files.map((f) => [f.file, f.capture !== undefined]),
    [
      [join(dir, 'a.sip'), false],
      [join(dir, 'b.pcapng'), true],
      [join(dir, 'c.pcap.gz'), true],
      [join(dir, 'd.cap'), true],
    ],
  );
});

// The bundled command-line linter: output format and exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, ROOT } from '../helpers';

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

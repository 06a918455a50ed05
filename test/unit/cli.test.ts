// The bundled command-line linter: output format and exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, ROOT } from '../helpers';

function lint(...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { encoding: 'utf8' });
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

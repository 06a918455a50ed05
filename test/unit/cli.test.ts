// The bundled command-line linter: output format and exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS, ROOT } from '../helpers';

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
  const bad = lint(join(CORPUS, 'rfc4475', 'badvers.dat'));
  assert.equal(bad.status, 1);
  assert.match(bad.stdout, /badvers\.dat:1:\d+ error sip\.version\.unsupported/);
  const missing = lint(join(ROOT, 'no-such-file.sip'));
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no-such-file\.sip: cannot read/);
  assert.equal(lint().status, 2);
});

test('invalid UTF-8 and NUL bytes are reported, not fatal', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sip-cli-'));
  const file = join(dir, 'garbage.sip');
  writeFileSync(file, Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x0a, 0xc3, 0x28]));
  const run = lint(file);
  assert.equal(run.status, 0);
  assert.match(run.stdout, /garbage\.sip:1:1 warning sip\.trace\.binary-content/);
});

// The CLI's reports written in chunks: the same bytes as JSON.stringify(value, null, 2), never one string for a big report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { writeJson } from '../../server/src/jsonOut';
import { ROOT } from '../helpers';

function written(value: unknown): string[] {
  const chunks: string[] = [];
  writeJson(value, (text) => chunks.push(text));
  return chunks;
}

test('writeJson gives what JSON.stringify(value, null, 2) gives, on every kind of value a report holds or may hold', () => {
  const values: unknown[] = [
    null,
    0,
    -1.5,
    NaN,
    Infinity,
    true,
    'plain',
    'line\nbreak, "quotes", \\ back-slash, \u2028, \u0000 and é',
    [],
    {},
    [[]],
    [{}],
    { empty: [], none: {} },
    [1, 'two', null, undefined, () => 3, [4, [5]]],
    { kept: 1, gone: undefined, fn: () => 1, nested: { a: [1, { b: undefined, c: 'x' }], d: null } },
    { 'key "quoted"\n': 'v', '': '' },
    { summary: { files: 1 }, files: [{ file: 'a.sip', findings: [{ code: 'sip.x', line: 1, related: [], frame: undefined }] }] },
  ];
  for (const value of values) assert.equal(written(value).join(''), JSON.stringify(value, null, 2), JSON.stringify(value));
});

test('writeJson writes a big report in chunks of about 64K characters, in order', () => {
  const findings = Array.from({ length: 5000 }, (_, i) => ({ code: 'sip.503.missing-retry-after', line: i + 1, column: 1, message: `finding ${i}`, related: [{ line: i, column: 2, message: 'the request' }] }));
  const report = { summary: { files: 1, messages: 5000 }, files: [{ file: 'big.sip', findings }] };
  const chunks = written(report);
  assert.equal(chunks.join(''), JSON.stringify(report, null, 2));
  assert.ok(chunks.length > 10, `${chunks.length} chunks`);
  // A chunk is written once it reaches 64K characters: at most one piece (a key, a value) more.
  for (const chunk of chunks) assert.ok(chunk.length < 64 * 1024 + 1024, `a chunk of ${chunk.length} characters`);
});

test('sip-trace-lint --format json and sarif: the reports JSON.stringify would write, with a newline at the end', () => {
  const file = join(ROOT, 'examples', 'redirect-and-overload.sip');
  for (const format of ['json', 'sarif']) {
    const run = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), '--format', format, file], { encoding: 'utf8' });
    assert.ok(run.stdout.endsWith('}\n'), run.stdout.slice(-20));
    assert.equal(run.stdout, JSON.stringify(JSON.parse(run.stdout), null, 2) + '\n');
  }
});

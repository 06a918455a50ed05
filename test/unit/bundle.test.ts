// The packaged extension: what vsce would put in the .vsix, and that the server bundle stands alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers';

test('the .vsix holds the bundles, grammar and language configuration, and no sources or node_modules', () => {
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const files = run.stdout.trim().split('\n').map((f) => f.trim());
  for (const needed of ['dist/extension.js', 'dist/server.js', 'dist/cli.js', 'syntaxes/sip.tmLanguage.json', 'language-configuration.json', 'package.json', 'README.md']) {
    assert.ok(files.includes(needed), `${needed} in ${files.join(', ')}`);
  }
  assert.ok(!files.some((f) => f.startsWith('node_modules/') || f.endsWith('.ts') || f.startsWith('test/')), files.join(', '));
});

test('the server bundle imports nothing from vscode and runs without node_modules', () => {
  const bundle = readFileSync(join(ROOT, 'dist', 'server.js'), 'utf8');
  assert.ok(!/require\(["']vscode["']\)/.test(bundle));
  assert.ok(!/require\(["']vscode-languageserver/.test(bundle));
});

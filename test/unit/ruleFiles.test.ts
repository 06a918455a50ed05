// The rule table's promises that the compiler cannot keep: each rule file has its tests beside it
// (mirrored under test/unit/rules/), each fix is applied there, and codes are written only in rule files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../helpers';

const RULES_DIR = join(ROOT, 'server', 'src', 'sip', 'rules');
const TESTS_DIR = join(ROOT, 'test', 'unit', 'rules');
const ruleFiles = readdirSync(RULES_DIR).filter((f) => readFileSync(join(RULES_DIR, f), 'utf8').includes('export const rule = defineRule('));

test('every rule file has a test file with a firing and a silent case', () => {
  assert.ok(ruleFiles.length > 40);
  for (const file of ruleFiles) {
    const tests = join(TESTS_DIR, file.replace(/\.ts$/, '.test.ts'));
    assert.ok(existsSync(tests), `${relative(ROOT, tests)} is missing`);
    const source = readFileSync(tests, 'utf8');
    assert.match(source, /test\(`\$\{code\}: fires/, `${file}: a case where the rule fires`);
    assert.match(source, /test\(`\$\{code\}: silent/, `${file}: a case where the rule stays silent`);
  }
});

test('every quick fix is applied and re-linted in its rule\'s tests', () => {
  for (const file of ruleFiles.filter((f) => /^\s{2}fix: \{/m.test(readFileSync(join(RULES_DIR, f), 'utf8')))) {
    assert.match(readFileSync(join(TESTS_DIR, file.replace(/\.ts$/, '.test.ts')), 'utf8'), /applyFix\(code/, file);
  }
});

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (entry.name.endsWith('.ts')) yield path;
  }
}

test('codes are written only in the rule files: everyone else imports them', () => {
  const literal = /['"`]sip\.[a-z0-9-]+\.[a-z0-9.-]+['"`]/;
  const offenders: string[] = [];
  for (const dir of [join(ROOT, 'server', 'src'), join(ROOT, 'client', 'src')]) {
    for (const path of sources(dir)) {
      if (path.startsWith(RULES_DIR)) continue;
      readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
        if (literal.test(line)) offenders.push(`${relative(ROOT, path)}:${i + 1}: ${line.trim()}`);
      });
    }
  }
  assert.deepEqual(offenders, []);
});

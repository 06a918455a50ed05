// What is derived from the rule table must match it: settings, docs/rules.md, the README table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../server/src/sip/rules';
import { configurationProperties, renderRulesDoc, withReadmeTable } from '../../scripts/generate';
import { ROOT } from '../helpers';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

test('every rule code is dotted kebab-case, unique, with an RFC reference and a link', () => {
  const seen = new Set<string>();
  for (const r of RULES) {
    assert.match(r.code, /^sip(\.[a-z0-9]+(-[a-z0-9]+)*)+$/);
    assert.ok(!seen.has(r.code), `duplicate ${r.code}`);
    seen.add(r.code);
    assert.match(r.rfc, /^RFC \d+ §[\d.]+$/);
    assert.match(r.url, /^https:\/\/www\.rfc-editor\.org\/rfc\/rfc\d+#section-[\d.]+$/);
    assert.ok(r.doc.includes('Example:'), `${r.code} documents an example`);
  }
  for (const fixed of ['sip.302.moved-temporarily', 'sip.302.missing-contact', 'sip.503.service-unavailable', 'sip.503.missing-retry-after']) {
    assert.ok(seen.has(fixed), fixed);
  }
});

test('package.json settings list every code with its default severity (run npm run generate if this fails)', () => {
  assert.deepEqual(pkg.contributes.configuration.properties, configurationProperties());
  const ruleSettings = pkg.contributes.configuration.properties['sipTrace.rules'].properties;
  for (const r of RULES) assert.equal(ruleSettings[r.code]?.default, r.severity, r.code);
});

test('docs/rules.md and the README table are generated from the rules (run npm run generate if this fails)', () => {
  assert.equal(readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8'), renderRulesDoc());
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  assert.equal(readme, withReadmeTable(readme));
  for (const r of RULES) assert.ok(readme.includes(`\`${r.code}\``), r.code);
});

test('.ci/run runs the README quick start, which installs, demos and tests', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
  const quickStart = /^## Quick start\n[^]*?^```sh\n([^]*?)^```/m.exec(readme)?.[1] ?? '';
  assert.match(quickStart, /^npm ci && npm run demo\b/m);
  assert.match(quickStart, /^npm test\b/m);
  assert.match(ci, /## Quick start/);
  assert.match(ci, /README\.md/);
});

test('@types/vscode is pinned to the engines.vscode minimum', () => {
  assert.equal(pkg.devDependencies['@types/vscode'], pkg.engines.vscode.replace(/^\^/, ''));
});

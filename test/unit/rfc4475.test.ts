// RFC 4475 torture tests: valid messages give no error; each invalid one is flagged on the faulty line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, lintText, lineOf } from '../helpers';

interface Entry {
  file: string;
  section: string;
  title: string;
  kind: string;
}

const DIR = join(FIXTURES, 'rfc4475');
const manifest: Entry[] = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8'));

/** Where the fault of each invalid message is, as a pattern for the faulty line (RFC 4475 §3.1.2). */
const FAULT_LINE: Record<string, RegExp> = {
  'badinv01.dat': /^(Via|Contact):/,
  'clerr.dat': /^Content-Length:/,
  'ncl.dat': /^Content-Length:/,
  'scalar02.dat': /^(CSeq|Max-Forwards|Expires):/,
  'scalarlg.dat': /^(CSeq|Retry-After|Warning):/,
  'quotbal.dat': /^To:/,
  'ltgtruri.dat': /^INVITE </,
  'lwsruri.dat': /^INVITE /,
  'lwsstart.dat': /^INVITE /,
  'trws.dat': /^OPTIONS /,
  'escruri.dat': /^INVITE /,
  'baddate.dat': /^Date:/,
  'regbadct.dat': /^Contact:/,
  'badaspec.dat': /^To:/,
  'baddn.dat': /^(From|To):/,
  'badvers.dat': /^OPTIONS .* SIP\/7\.0/,
  'mismatch01.dat': /^CSeq:/,
  'mismatch02.dat': /^CSeq:/,
  'bigcode.dat': /^SIP\/2\.0 4294967301/,
};

test('the manifest lists 13 valid and 19 invalid messages', () => {
  assert.equal(manifest.filter((e) => e.kind === 'valid').length, 13);
  assert.equal(manifest.filter((e) => e.kind === 'invalid').length, 19);
  assert.deepEqual(manifest.filter((e) => e.kind === 'invalid').map((e) => e.file).sort(), Object.keys(FAULT_LINE).sort());
});

for (const entry of manifest.filter((e) => e.kind === 'valid')) {
  test(`${entry.section} ${entry.title} (${entry.file}): no error`, () => {
    const text = readFileSync(join(DIR, entry.file), 'utf8');
    const errors = lintText(text).filter((f) => f.severity === 'error');
    assert.deepEqual(errors.map((f) => `${f.code} at line ${lineOf(text, f.offset)}: ${f.message}`), []);
  });
}

for (const entry of manifest.filter((e) => e.kind === 'invalid')) {
  test(`${entry.section} ${entry.title} (${entry.file}): error or warning on the faulty line`, () => {
    const text = readFileSync(join(DIR, entry.file), 'utf8');
    const lines = text.split(/\r?\n/);
    const faulty = new Set(lines.flatMap((line, i) => (FAULT_LINE[entry.file].test(line) ? [i + 1] : [])));
    assert.ok(faulty.size > 0, 'the fault pattern matches a line');
    const hits = lintText(text).filter((f) => (f.severity === 'error' || f.severity === 'warning') && faulty.has(lineOf(text, f.offset)));
    assert.ok(hits.length > 0, `expected an error or warning on line ${[...faulty].join(', ')}`);
  });
}

test('every other torture message parses without throwing and yields findings with valid ranges', () => {
  for (const entry of manifest) {
    const text = readFileSync(join(DIR, entry.file), 'utf8');
    for (const f of lintText(text)) assert.ok(f.offset >= 0 && f.offset + f.length <= text.length, `${entry.file}: ${f.code}`);
  }
});

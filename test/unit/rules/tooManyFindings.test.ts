import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTrace } from '../../../server/src/sip/parser';
import { runRules } from '../../../server/src/sip/diagnose';
import { LineIndex } from '../../../server/src/sip/lineIndex';
import { ParsedDocument } from '../../../server/src/documents';
import { computeDiagnostics } from '../../../server/src/features/diagnostics';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { response } from '../../helpers';

const code = 'sip.trace.too-many-findings';

function diagnosticsOf(text: string, maxDiagnostics: number) {
  const trace = parseTrace(text);
  return computeDiagnostics(new ParsedDocument('file:///t.sip', 1, trace, new LineIndex(text)), runRules(trace), { ...DEFAULT_SETTINGS, maxDiagnostics });
}

// Each 503 without Retry-After gives two findings: the 503 itself and the missing Retry-After.
const text = response('503 Service Unavailable').repeat(3);

test(`${code}: fires once, at the top of the file, on an empty span, when the bound cuts the list`, () => {
  const notes = diagnosticsOf(text, 3).filter((d) => d.code === code);
  assert.equal(notes.length, 1);
  assert.deepEqual(notes[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  assert.match(notes[0].message, /^4 more findings are not shown/);
});

test(`${code}: silent when every finding fits`, () => {
  assert.ok(!diagnosticsOf(text, 1000).some((d) => d.code === code));
});

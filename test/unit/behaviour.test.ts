// What clients did after 302 and 503, on real SIPp traces that misbehave (and their well-behaved
// counterparts): see test/fixtures/behaviour/README.md. Each code fires exactly where expected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTrace } from '../../server/src/sip/parser';
import { runRules } from '../../server/src/sip/diagnose';
import { messageIndexAt } from '../../server/src/sip/access';
import { lineOf, ROOT } from '../helpers';

interface Scenario {
  name: string;
  files: string[];
  expect: Record<string, boolean>;
  expectPerFile?: Record<string, Record<string, boolean>>;
  keyLines?: Record<string, number>;
  /** Per file, per code: the start lines of exactly the messages the code fires on. */
  expectAt?: Record<string, Record<string, number[]>>;
  note: string;
}

const DIR = join(ROOT, 'test', 'fixtures', 'behaviour');
const scenarios: Scenario[] = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8'));

for (const scenario of scenarios) {
  for (const file of scenario.files) {
    test(`${file}: ${Object.entries({ ...scenario.expect, ...scenario.expectPerFile?.[file] }).filter(([, on]) => on).map(([code]) => code).join(', ') || 'no behaviour finding'}`, () => {
      const text = readFileSync(join(DIR, file), 'utf8');
      const trace = parseTrace(text);
      const findings = runRules(trace);
      const expected = { ...scenario.expect, ...scenario.expectPerFile?.[file] };
      for (const [code, fires] of Object.entries(expected)) {
        const hits = findings.filter((f) => f.code === code);
        assert.equal(hits.length > 0, fires, `${code} ${fires ? 'should fire' : 'must stay silent'} (${scenario.note.slice(0, 200)}…): ${hits.map((f) => `line ${lineOf(text, f.offset)}`).join(', ')}`);
        for (const hit of hits) assert.ok(hit.related && hit.related.length > 0, `${code} points at the other messages involved`);
        if (fires && file.endsWith('.sip') && scenario.keyLines) {
          // On the key message: its start line is one of the scenario's key lines.
          const keyLines = new Set(Object.values(scenario.keyLines));
          const messageLine = (offset: number) => lineOf(text, trace.messages.offsetOf(messageIndexAt(trace.messages, offset)));
          assert.ok(hits.some((f) => keyLines.has(messageLine(f.offset))), `${code} on one of the messages at lines ${[...keyLines].join(', ')}; got ${hits.map((f) => messageLine(f.offset)).join(', ')}`);
        }
      }
      // Overlapping calls: each code on exactly the right messages.
      for (const [code, lines] of Object.entries(scenario.expectAt?.[file] ?? {})) {
        const at = findings.filter((f) => f.code === code).map((f) => lineOf(text, trace.messages.offsetOf(messageIndexAt(trace.messages, f.offset))));
        assert.deepEqual(at, lines, `${code} fires on the messages at lines ${lines.join(', ') || '(none)'}`);
      }
    });
  }
}

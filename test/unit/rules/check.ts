// Per-rule tests mark where a code must fire inside the trace text, as rust-analyzer's tests do:
// a marker line of `^` under a line, followed by the code, spans those columns of the line above.
// Marker lines are taken out; the other lines are joined with CRLF, as sent on the wire.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTrace } from '../../../server/src/sip/parser';
import { runRules } from '../../../server/src/sip/diagnose';
import type { Finding, RuleCode } from '../../../server/src/sip/model';
import { FIXTURES, applyFirstFix } from '../../helpers';

const MARKER = /^(\s*)(\^+)\s+(\S+)\s*$/;

interface Span {
  readonly offset: number;
  readonly length: number;
  readonly code: string;
}

/** The trace without its marker lines, and the spans they mark. A leading newline is dropped. */
export function unmark(marked: string): { text: string; spans: Span[] } {
  const lines: string[] = [];
  const spans: Span[] = [];
  let offset = 0;
  let previousStart = 0;
  for (const line of marked.replace(/^\n/, '').split('\n')) {
    const m = MARKER.exec(line);
    if (m) {
      spans.push({ offset: previousStart + m[1].length, length: m[2].length, code: m[3] });
      continue;
    }
    previousStart = offset;
    lines.push(line);
    offset += line.length + 2;
  }
  return { text: lines.join('\r\n'), spans };
}

function spansOf(findings: readonly Finding[], code: RuleCode): string[] {
  return findings.filter((f) => f.code === code).map((f) => `${f.offset}+${f.length}`);
}

/** `code` fires exactly on the marked spans of `marked` (none marked: it stays silent). Other codes are not looked at. */
export function check(code: RuleCode, marked: string): Finding[] {
  const { text, spans } = unmark(marked);
  const findings = runRules(parseTrace(text));
  assert.deepEqual(
    spansOf(findings, code),
    spans.filter((s) => s.code === code).map((s) => `${s.offset}+${s.length}`),
    `${code}: ${findings.filter((f) => f.code === code).map((f) => JSON.stringify(text.slice(f.offset, f.offset + f.length))).join(', ') || 'silent'}`,
  );
  return findings.filter((f) => f.code === code);
}

/** `code` fires in the fixture file exactly on `spans`: each its 1-based line and the text it covers. */
export function checkFixture(code: RuleCode, file: string, spans: ReadonlyArray<readonly [number, string]>): void {
  const text = readFileSync(join(FIXTURES, file), 'utf8');
  const found = runRules(parseTrace(text)).filter((f) => f.code === code);
  assert.deepEqual(
    found.map((f) => [text.slice(0, f.offset).split('\n').length, text.slice(f.offset, f.offset + f.length)]),
    spans.map(([line, covered]) => [line, covered]),
    `${code} in ${file}`,
  );
}

/** Applies the quick fix of the first `code` finding in `marked` and returns the new text, which no longer has that finding there. */
export function applyFix(code: RuleCode, marked: string, options = { retryAfterSeconds: 30 }): string {
  const { text } = unmark(marked);
  const fixed = applyFirstFix(text, code, options);
  const after = runRules(parseTrace(fixed)).filter((f) => f.code === code);
  assert.equal(after.length, runRules(parseTrace(text)).filter((f) => f.code === code).length - 1, `the fix removes one ${code}`);
  return fixed;
}

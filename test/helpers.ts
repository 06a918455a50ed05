// Shared by the tests: locating the repository and the RFC fixtures, building messages from lines.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseTrace } from '../server/src/sip/parser';
import assert from 'node:assert/strict';
import { diagnose, RatedFinding, runRules } from '../server/src/sip/diagnose';
import { findingsAt, fixFor } from '../server/src/sip/fixes';
import { TextEdit } from '../server/src/sip/edits';
import type { DocumentSymbol } from 'vscode-languageserver-types';

function findRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'sip-trace-inspector') return dir;
  }
  throw new Error(`package.json of sip-trace-inspector not found above ${__dirname}`);
}

export const ROOT = findRoot();
/** RFC 4475 torture messages and RFC call flows, kept in the repository so that a lone clone tests itself. */
export const FIXTURES = join(ROOT, 'test', 'fixtures');

/** Joins lines with CRLF and ends with the blank line of an empty body. */
export function crlf(...lines: string[]): string {
  return lines.join('\r\n') + '\r\n\r\n';
}

export function lintText(text: string): RatedFinding[] {
  return [...diagnose(parseTrace(text), { maxFindings: Infinity }).findings];
}

export function codes(text: string): string[] {
  return lintText(text).map((f) => f.code);
}

/** The text after the quick fix of the first `code` finding, found again from its code and offset as the editor asks for it. */
export function applyFirstFix(text: string, code: string, options = { retryAfterSeconds: 30 }): string {
  const trace = parseTrace(text);
  const finding = runRules(trace).find((f) => f.code === code);
  assert.ok(finding, `${code} expected before the fix`);
  const [again] = findingsAt(trace, code, finding.offset);
  assert.ok(again, 'the finding is found again from its code and offset');
  const fix = fixFor(trace, again, options);
  assert.ok(fix, `a fix for ${code}`);
  return applyEdits(text, fix.edits);
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset)) out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}

/** 1-based line of an offset. */
export function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** A well-formed request with all mandatory headers; `extra` lines are added before Content-Length. */
export function request(method = 'OPTIONS', extra: string[] = [], uri = 'sip:bob@biloxi.example.com'): string {
  return crlf(
    `${method} ${uri} SIP/2.0`,
    'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds',
    'Max-Forwards: 70',
    'To: Bob <sip:bob@biloxi.example.com>',
    'From: Alice <sip:alice@atlanta.example.com>;tag=1928301774',
    'Call-ID: a84b4c76e66710@pc33.atlanta.example.com',
    `CSeq: 314159 ${method}`,
    'Contact: <sip:alice@pc33.atlanta.example.com>',
    ...extra,
    'Content-Length: 0',
  );
}

/** A response to `request()`; `extra` lines are added before Content-Length. */
export function response(status: string, extra: string[] = [], method = 'INVITE'): string {
  return crlf(
    `SIP/2.0 ${status}`,
    'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds',
    'To: Bob <sip:bob@biloxi.example.com>;tag=a6c85cf',
    'From: Alice <sip:alice@atlanta.example.com>;tag=1928301774',
    'Call-ID: a84b4c76e66710@pc33.atlanta.example.com',
    `CSeq: 314159 ${method}`,
    ...extra,
    'Content-Length: 0',
  );
}

/** The leaves of an Outline (calls → transactions → messages): one symbol per message, in tree order. */
export function messageSymbols(symbols: readonly DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((s) => (s.children ? messageSymbols(s.children) : [s]));
}

// The language service in-process: features as functions over an open document, one parse per
// version, and the hovers on the call model the diagnostics built.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { ROOT } from '../helpers';

const text = readFileSync(join(ROOT, 'test', 'fixtures', 'behaviour', 'redirect-followed.sip'), 'utf8');

test('validation, hover, symbols and code lenses on one parse; the hover reuses the diagnostics\' call model', () => {
  const service = getLanguageService();
  const document = TextDocument.create('file:///redirect-followed.sip', 'sip', 1, text);
  const findings = service.doValidation(document, DEFAULT_SETTINGS);
  assert.ok(findings.some((f) => f.code === 'sip.302.moved-temporarily'));
  const parsed = service.documents.get(document);
  assert.equal(service.documents.get(document), parsed, 'one parse per version');
  assert.equal(parsed.calls, service.documents.analysis(document, { persistent503MinResponses: 3, persistent503MinSpanSeconds: 30 }).calls, 'the hover uses the model the rules built');
  const line = text.split('\n').findIndex((l) => l.startsWith('SIP/2.0 302'));
  const hover = service.doHover(document, { line, character: 9 });
  assert.match((hover!.contents as MarkupContent).value, /retried at sip:bob@127\.0\.0\.1:5080/);
  assert.ok(service.getSymbols(document).length > 0);
  assert.ok(service.getCodeLenses(document).length > 0);
  const diagnostics = service.toDiagnostics(parsed, findings, DEFAULT_SETTINGS);
  assert.equal(diagnostics.length, findings.length);
});

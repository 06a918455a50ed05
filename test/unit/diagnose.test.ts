import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTrace } from '../../server/src/sip/parser';
import { diagnose } from '../../server/src/sip/diagnose';
import { readSettings, DEFAULT_SETTINGS } from '../../server/src/settings';
import { request, response } from '../helpers';

const TRACE = request('INVITE') + response('503 Service Unavailable') + response('302 Moved Temporarily');

test('defaults follow the rule table', () => {
  const { findings } = diagnose(parseTrace(TRACE));
  const byCode = Object.fromEntries(findings.map((f) => [f.code, f.severity]));
  assert.deepEqual(byCode, {
    'sip.503.service-unavailable': 'information',
    'sip.503.missing-retry-after': 'information',
    'sip.302.moved-temporarily': 'information',
    'sip.302.missing-contact': 'warning',
  });
});

test('severity overrides, including off', () => {
  const { findings } = diagnose(parseTrace(TRACE), { severities: { 'sip.503.missing-retry-after': 'off', 'sip.302.missing-contact': 'error' } });
  assert.ok(!findings.some((f) => f.code === 'sip.503.missing-retry-after'));
  assert.equal(findings.find((f) => f.code === 'sip.302.missing-contact')?.severity, 'error');
});

test('the bound keeps the most severe findings and counts the rest', () => {
  const many = Array.from({ length: 50 }, () => response('503 Service Unavailable')).join('') + response('302 Moved Temporarily');
  const { findings, omitted } = diagnose(parseTrace(many), { maxFindings: 10 });
  assert.equal(findings.length, 10);
  assert.equal(findings.filter((f) => f.severity === 'warning').length, 1, 'the one warning survives');
  assert.equal(omitted.information, 50 * 2 + 1 - 9);
  assert.deepEqual([...findings].sort((a, b) => a.offset - b.offset), findings, 'document order');
});

test('settings are read defensively', () => {
  assert.deepEqual(readSettings(undefined), DEFAULT_SETTINGS);
  const s = readSettings({ rules: { 'sip.503.missing-retry-after': 'off', 'sip.x': 'loud' }, maxDiagnostics: -3, quickFix: { retryAfterSeconds: 12.7 } });
  assert.deepEqual(s.rules, { 'sip.503.missing-retry-after': 'off' });
  assert.equal(s.maxDiagnostics, DEFAULT_SETTINGS.maxDiagnostics);
  assert.equal(s.quickFix.retryAfterSeconds, 12);
});

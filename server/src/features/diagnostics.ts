import { ParsedDocument } from '../documents';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { Severity } from '../sip/model';
import { rate, severityOf } from '../sip/diagnose';
import { Finding } from '../sip/model';
import { RULES_BY_CODE } from '../sip/rules';
import { rule as tooManyFindings } from '../sip/rules/tooManyFindings';
import { Settings } from '../settings';
import { rangeOf } from './positions';

export const SOURCE = 'sip-trace';

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The findings as LSP diagnostics, severities from the settings, at most sipTrace.maxDiagnostics of them. */
export function computeDiagnostics(document: ParsedDocument, all: readonly Finding[], settings: Settings): Diagnostic[] {
  // One slot is kept for the note that says how many findings were left out.
  const { findings, omitted } = rate(all, { severities: settings.rules, maxFindings: Math.max(0, settings.maxDiagnostics - 1) });
  const diagnostics: Diagnostic[] = findings.map((f) => {
    const rule = RULES_BY_CODE.get(f.code);
    const diagnostic: Diagnostic = {
      range: rangeOf(document, f.offset, f.length),
      severity: SEVERITY[f.severity],
      code: f.code,
      source: SOURCE,
      message: f.message,
    };
    if (rule) diagnostic.codeDescription = { href: rule.url };
    if (f.data) diagnostic.data = f.data;
    if (f.related && f.related.length > 0) {
      diagnostic.relatedInformation = f.related.map((r) => ({ location: { uri: document.uri, range: rangeOf(document, r.offset, r.length) }, message: r.message }));
    }
    return diagnostic;
  });
  const left = omitted.error + omitted.warning + omitted.information + omitted.hint;
  // The note is a rule of the table, so sipTrace.rules can change its severity or turn it off.
  const noteSeverity = severityOf(tooManyFindings.code, settings.rules);
  if (left > 0 && settings.maxDiagnostics > 0 && noteSeverity !== 'off') {
    diagnostics.unshift({
      range: rangeOf(document, 0, 0),
      severity: SEVERITY[noteSeverity],
      code: tooManyFindings.code,
      codeDescription: { href: tooManyFindings.url },
      source: SOURCE,
      message: `${left} more findings are not shown (${omitted.error} errors, ${omitted.warning} warnings, ${omitted.information + omitted.hint} others): this trace exceeds sipTrace.maxDiagnostics (${settings.maxDiagnostics}). The most severe are listed first. Raise the setting, turn noisy codes off in sipTrace.rules, or run sip-trace-lint on the file for the full list.`,
    });
  }
  return diagnostics;
}

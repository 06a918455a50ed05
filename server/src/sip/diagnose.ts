// Runs the rule table over a parsed trace and turns findings into what a user sees: a severity
// (the rule's, unless the user overrode it), bounded in number so a huge trace stays usable.
import { Finding, RuleCode, Severity, Trace } from './model';
import { RULES, RULES_BY_CODE } from './rules';
import { createContext } from './rules/context';
import { ValueChecker } from './rules/valueRules';
import { DEFAULT_RULE_PARAMETERS, RuleParameters } from './rules/rule';
import { CallModel, buildCallModel } from './calls/callModel';

export type SeveritySetting = Severity | 'off';

export interface DiagnoseOptions {
  /** Per-code severity overrides (a code of the table, e.g. the 503's missing Retry-After, to 'off'). */
  readonly severities?: Readonly<Record<string, SeveritySetting>>;
  /** At most this many findings are returned; the rest are summarised in `omitted`. */
  readonly maxFindings?: number;
  readonly parameters?: RuleParameters;
  /** The trace's call model, when the caller has built it already (it is built otherwise). */
  readonly calls?: CallModel;
}

export interface RatedFinding extends Finding {
  readonly severity: Severity;
}

export interface Diagnosis {
  readonly findings: readonly RatedFinding[];
  /** Findings beyond maxFindings, by severity. */
  readonly omitted: Readonly<Record<Severity, number>>;
}

export const DEFAULT_MAX_FINDINGS = 1000;

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, information: 2, hint: 3 };
const CHECKS = RULES.filter((r) => r.check);
const VALUE_CHECKS = RULES.filter((r) => r.checkValue);
const TRACE_CHECKS = RULES.filter((r) => r.checkTrace);
const RANK: ReadonlyMap<string, number> = new Map(RULES.map((r, i) => [r.code, i]));

/** Runs the per-message rules on messages [from, to), giving each message's findings to `found`. */
export function checkMessages(trace: Trace, from: number, to: number, found: (index: number, findings: readonly Finding[]) => void): void {
  const values = new ValueChecker(VALUE_CHECKS);
  for (let i = from; i < to; i++) {
    const message = trace.messages.at(i);
    let findings: Finding[] | undefined;
    let code: RuleCode;
    const context = createContext(trace, message, (offset, length, msg, data) => (findings ??= []).push({ code, offset, length, message: msg, data }));
    for (const rule of CHECKS) {
      code = rule.code;
      rule.check!(context);
    }
    const ofValues = values.check(trace, message);
    found(i, ofValues ? inTableOrder(findings, ofValues) : findings ?? NO_FINDINGS);
  }
}

/** A message's findings in the order of the rule table, as if every rule had read the whole message in turn. */
function inTableOrder(ofMessage: readonly Finding[] | undefined, ofValues: readonly Finding[]): Finding[] {
  // A stable sort: within one rule, the order in which it reported.
  return [...(ofMessage ?? []), ...ofValues].sort((a, b) => RANK.get(a.code)! - RANK.get(b.code)!);
}

const NO_FINDINGS: readonly Finding[] = [];

/** The rules about the whole trace: what clients did across messages, on the calls and transactions. */
export function checkTraceWide(trace: Trace, parameters: RuleParameters = DEFAULT_RULE_PARAMETERS, calls?: CallModel): Finding[] {
  if (TRACE_CHECKS.length === 0 || trace.messages.length === 0) return [];
  return checkCalls(calls ?? buildCallModel(trace), parameters);
}

/** The rules about the whole trace, on its call model: all they read. */
export function checkCalls(calls: CallModel, parameters: RuleParameters = DEFAULT_RULE_PARAMETERS): Finding[] {
  const found: Finding[] = [];
  if (calls.summaries.length === 0) return found;
  for (const rule of TRACE_CHECKS) {
    rule.checkTrace!({
      calls,
      parameters,
      report: (offset, length, message, related) => found.push({ code: rule.code, offset, length, message, related }),
    });
  }
  return found;
}

/** Every finding of every rule, in document order, before severities are applied. */
export function runRules(trace: Trace, parameters: RuleParameters = DEFAULT_RULE_PARAMETERS, calls?: CallModel): Finding[] {
  const found: Finding[] = [...trace.findings];
  checkMessages(trace, 0, trace.messages.length, (_, findings) => {
    for (const f of findings) found.push(f);
  });
  for (const f of checkTraceWide(trace, parameters, calls)) found.push(f);
  return found.sort((a, b) => a.offset - b.offset);
}

export function severityOf(code: string, severities?: Readonly<Record<string, SeveritySetting>>): SeveritySetting {
  const override = severities?.[code];
  if (override !== undefined && isSeveritySetting(override)) return override;
  return RULES_BY_CODE.get(code)?.severity ?? 'warning';
}

export function isSeveritySetting(value: unknown): value is SeveritySetting {
  return value === 'error' || value === 'warning' || value === 'information' || value === 'hint' || value === 'off';
}

/**
 * Applies severities and the bound. When there are too many findings, the most severe are kept
 * (errors first, then warnings, …; within a severity, the earliest in the file) and the returned
 * list is in document order again.
 */
export function diagnose(trace: Trace, options: DiagnoseOptions = {}): Diagnosis {
  return rate(runRules(trace, options.parameters, options.calls), options);
}

/** Severities and the bound applied to findings in document order. */
export function rate(findings: readonly Finding[], options: DiagnoseOptions = {}): Diagnosis {
  const max = options.maxFindings ?? DEFAULT_MAX_FINDINGS;
  const rated: RatedFinding[] = [];
  for (const finding of findings) {
    const severity = severityOf(finding.code, options.severities);
    if (severity !== 'off') rated.push({ ...finding, severity });
  }
  const omitted: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  if (rated.length <= max) return { findings: rated, omitted };
  const kept = [...rated]
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.offset - b.offset)
    .slice(0, Math.max(0, max));
  const keptSet = new Set(kept);
  for (const f of rated) if (!keptSet.has(f)) omitted[f.severity]++;
  return { findings: kept.sort((a, b) => a.offset - b.offset), omitted };
}

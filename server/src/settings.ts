// The `sipTrace.*` settings as the server uses them, read defensively: a bad value falls back to
// the default instead of breaking validation.
import { SeveritySetting, isSeveritySetting, DEFAULT_MAX_FINDINGS } from './sip/diagnose';
import { DEFAULT_RULE_PARAMETERS, RuleParameters } from './sip/rules/rule';

export interface Settings {
  /** Severity per diagnostic code, or 'off'. */
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly maxDiagnostics: number;
  readonly quickFix: { readonly retryAfterSeconds: number };
  readonly persistent503: { readonly minResponses: number; readonly minSpanSeconds: number };
  readonly inlayHints: { readonly callDelta: boolean };
}

export const DEFAULT_SETTINGS: Settings = {
  rules: {},
  maxDiagnostics: DEFAULT_MAX_FINDINGS,
  quickFix: { retryAfterSeconds: 30 },
  persistent503: { minResponses: DEFAULT_RULE_PARAMETERS.persistent503MinResponses, minSpanSeconds: DEFAULT_RULE_PARAMETERS.persistent503MinSpanSeconds },
  inlayHints: { callDelta: true },
};

/** The rule thresholds the settings hold. */
export function ruleParameters(settings: Settings): RuleParameters {
  return { persistent503MinResponses: settings.persistent503.minResponses, persistent503MinSpanSeconds: settings.persistent503.minSpanSeconds };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonNegativeInteger(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}

/** Settings from the client's `sipTrace` section (or initializationOptions), validated. */
export function readSettings(raw: unknown): Settings {
  if (!isRecord(raw)) return DEFAULT_SETTINGS;
  const rules: Record<string, SeveritySetting> = {};
  if (isRecord(raw.rules)) {
    for (const [code, value] of Object.entries(raw.rules)) if (isSeveritySetting(value)) rules[code] = value;
  }
  const quickFix = isRecord(raw.quickFix) ? raw.quickFix : {};
  const persistent503 = isRecord(raw.persistent503) ? raw.persistent503 : {};
  const inlayHints = isRecord(raw.inlayHints) ? raw.inlayHints : {};
  return {
    rules,
    maxDiagnostics: nonNegativeInteger(raw.maxDiagnostics, DEFAULT_SETTINGS.maxDiagnostics),
    quickFix: { retryAfterSeconds: nonNegativeInteger(quickFix.retryAfterSeconds, DEFAULT_SETTINGS.quickFix.retryAfterSeconds) },
    persistent503: {
      minResponses: nonNegativeInteger(persistent503.minResponses, DEFAULT_SETTINGS.persistent503.minResponses),
      minSpanSeconds: nonNegativeInteger(persistent503.minSpanSeconds, DEFAULT_SETTINGS.persistent503.minSpanSeconds),
    },
    inlayHints: { callDelta: typeof inlayHints.callDelta === 'boolean' ? inlayHints.callDelta : DEFAULT_SETTINGS.inlayHints.callDelta },
  };
}

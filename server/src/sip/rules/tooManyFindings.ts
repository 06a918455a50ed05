import { defineRule, rfcUrl } from './rule';

/** Reported by the editor's diagnostics (features/diagnostics.ts) when sipTrace.maxDiagnostics cuts the list. */
export const rule = defineRule({
  code: 'sip.trace.too-many-findings',
  severity: 'information',
  rfc: 'RFC 3261 §7',
  url: rfcUrl(3261, '7'),
  title: 'More findings than sipTrace.maxDiagnostics',
  doc: `One note at the top of the file when the trace has more findings than \`sipTrace.maxDiagnostics\` (default 1000) allows: the most severe are shown (errors first, then warnings, then the rest), and the note counts those left out by severity. Raise the setting, turn noisy codes off in \`sipTrace.rules\`, or run \`sip-trace-lint\` on the file, which has no bound.

Example: a night of load testing with 40 000 \`sip.503.service-unavailable\` notes.`,
});

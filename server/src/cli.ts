// sip-trace-lint [--format text|json|sarif] [--rule CODE=LEVEL]... FILE...
// The language server's checks on the command line. Exit status: 0 no errors, 1 errors found,
// 2 usage or I/O failure.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseTrace } from './sip/parser';
import { RatedFinding, SeveritySetting, diagnose } from './sip/diagnose';
import { LineIndex } from './sip/lineIndex';
import { RULES } from './sip/rules';
import { Severity, Trace } from './sip/model';

const USAGE = `usage: sip-trace-lint [--format text|json|sarif] [--rule CODE=off|hint|info|warning|error]... FILE...
  Checks SIP traces (plain messages or SIPp, sngrep, ngrep, tshark, Kamailio, Asterisk and
  FreeSWITCH logs) and prints file:line:col severity code message (text, the default), one JSON
  document, or a SARIF 2.1.0 log. A summary goes to stderr in text format.
  Exit status: 0 no errors, 1 errors found, 2 usage or I/O failure.`;

type Format = 'text' | 'json' | 'sarif';

interface Options {
  readonly format: Format;
  readonly severities: Record<string, SeveritySetting>;
  readonly files: string[];
}

interface FileReport {
  readonly file: string;
  readonly format: string;
  readonly messages: number;
  readonly calls: number;
  readonly findings: readonly PlacedFinding[];
}

interface Place {
  readonly line: number;
  readonly column: number;
}

type PlacedFinding = Omit<RatedFinding, 'related'> &
  Place & { readonly endLine: number; readonly endColumn: number; readonly related: ReadonlyArray<Place & { readonly message: string }> };

class UsageError extends Error {}

const LEVELS: Record<string, SeveritySetting> = { off: 'off', hint: 'hint', info: 'information', information: 'information', warning: 'warning', error: 'error' };

function parseArguments(argv: string[]): Options | 'help' {
  let format: Format = 'text';
  const severities: Record<string, SeveritySetting> = {};
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (name: string) => {
      const inline = arg.includes('=') && arg.startsWith(`${name}=`) ? arg.slice(name.length + 1) : undefined;
      if (inline !== undefined) return inline;
      if (i + 1 >= argv.length) throw new UsageError(`${name} needs a value`);
      return argv[++i];
    };
    if (arg === '--help' || arg === '-h') return 'help';
    else if (arg === '--format' || arg.startsWith('--format=')) {
      const f = value('--format');
      if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not "${f}"`);
      format = f;
    } else if (arg === '--rule' || arg.startsWith('--rule=')) {
      const rule = value('--rule');
      const eq = rule.lastIndexOf('=');
      const code = rule.slice(0, eq);
      const level = LEVELS[rule.slice(eq + 1)];
      if (eq <= 0 || !level) throw new UsageError(`--rule takes CODE=off|hint|info|warning|error, not "${rule}"`);
      if (!RULES.some((r) => r.code === code)) throw new UsageError(`--rule: unknown code "${code}" (see docs/rules.md)`);
      severities[code] = level;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length === 0) throw new UsageError('no file given');
  return { format, severities, files };
}

function countCalls(trace: Trace): number {
  const callIds = new Set<string>();
  for (let i = 0; i < trace.messages.length; i++) {
    const h = trace.headers.find(trace.messages.at(i), 'call-id');
    if (h) callIds.add(trace.text.slice(h.valueOffset, h.valueEnd));
  }
  return callIds.size;
}

function lint(file: string, text: string, options: Options): FileReport {
  const trace = parseTrace(text);
  const lines = new LineIndex(text);
  const { findings } = diagnose(trace, { severities: options.severities, maxFindings: Infinity });
  return {
    file,
    format: trace.format?.name ?? 'plain SIP messages',
    messages: trace.messages.length,
    calls: countCalls(trace),
    findings: findings.map((f) => {
      const place = (offset: number): Place => {
        const p = lines.position(offset);
        return { line: p.line + 1, column: p.character + 1 };
      };
      const start = place(f.offset);
      const end = place(f.offset + f.length);
      const related = (f.related ?? []).map((r) => ({ ...place(r.offset), message: r.message }));
      return { ...f, ...start, endLine: end.line, endColumn: end.column, related };
    }),
  };
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function sarif(reports: readonly FileReport[]): object {
  const uri = (file: string) => pathToFileURL(file).href;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'sip-trace-lint',
            informationUri: 'https://www.rfc-editor.org/rfc/rfc3261',
            rules: RULES.map((r) => ({
              id: r.code,
              shortDescription: { text: r.title },
              fullDescription: { text: r.doc },
              helpUri: r.url,
              defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
            })),
          },
        },
        results: reports.flatMap((report) =>
          report.findings.map((f) => ({
            ruleId: f.code,
            level: SARIF_LEVEL[f.severity],
            message: { text: f.message },
            locations: [{ physicalLocation: { artifactLocation: { uri: uri(report.file) }, region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn } } }],
            relatedLocations: f.related.map((r, id) => ({
              id,
              message: { text: r.message },
              physicalLocation: { artifactLocation: { uri: uri(report.file) }, region: { startLine: r.line, startColumn: r.column } },
            })),
          })),
        ),
      },
    ],
  };
}

function main(argv: string[]): number {
  let options: Options | 'help';
  try {
    options = parseArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`sip-trace-lint: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  let status = 0;
  const reports: FileReport[] = [];
  for (const file of options.files) {
    let text: string;
    try {
      // Invalid UTF-8 becomes U+FFFD, which the parser reports instead of failing on.
      text = new TextDecoder('utf-8').decode(readFileSync(file));
    } catch (error) {
      process.stderr.write(`${file}: cannot read: ${(error as NodeJS.ErrnoException).message}\n`);
      status = 2;
      continue;
    }
    const report = lint(file, text, options);
    reports.push(report);
    if (status === 0 && report.findings.some((f) => f.severity === 'error')) status = 1;
    if (options.format === 'text' && report.findings.length > 0) {
      process.stdout.write(report.findings.map((f) => `${file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`).join('\n') + '\n');
    }
  }
  const count = (severity: Severity) => reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === severity).length, 0);
  const summary = {
    files: reports.length,
    messages: reports.reduce((n, r) => n + r.messages, 0),
    calls: reports.reduce((n, r) => n + r.calls, 0),
    errors: count('error'),
    warnings: count('warning'),
    information: count('information') + count('hint'),
  };
  if (options.format === 'json') process.stdout.write(JSON.stringify({ summary, files: reports }, null, 2) + '\n');
  else if (options.format === 'sarif') process.stdout.write(JSON.stringify(sarif(reports), null, 2) + '\n');
  else {
    process.stderr.write(
      `${summary.files} file${summary.files === 1 ? '' : 's'}, ${summary.messages} messages, ${summary.calls} calls: ${summary.errors} errors, ${summary.warnings} warnings, ${summary.information} information\n`,
    );
  }
  return status;
}

process.exitCode = main(process.argv.slice(2));

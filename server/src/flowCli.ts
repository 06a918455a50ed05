// sip-trace-flow FILE [--call CALL-ID]... [--legs] [--format mermaid|plantuml|svg] | --list
// The editor's call flow export on the command line, written to stdout. Exit status: 0 drawn,
// 2 usage or I/O failure (an unknown option or Call-ID, an unreadable file).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseTrace } from './sip/parser';
import { decodeCapture, isCapture } from './sip/capture/decode';
import { callFlowOf } from './sip/flow/traceFlow';
import { FLOW_FORMATS, isFlowFormat, renderFlow } from './sip/flow/exports';
import { callsCsv } from './sip/flow/callList';

declare const SIP_TRACE_LINT_VERSION: string;

const USAGE = `usage: sip-trace-flow FILE [--call CALL-ID]... [--legs] [--format mermaid|plantuml|svg]
       sip-trace-flow FILE --list
       sip-trace-flow --version | --help
  Draws the calls of a SIP trace (plain messages, a SIP tool's log, or a pcap/pcapng capture) as a
  ladder diagram on stdout: Mermaid (the default), PlantUML or a self-contained SVG. One arrow per
  message in trace order; findings and what each 302 and 503 led to are notes.
  --call CALL-ID  only this call (repeat for more); all calls by default
  --legs          also the calls linked to the chosen ones (B-legs through a B2BUA or PBX)
  --list          the calls list as CSV instead of a diagram
  -  reads standard input.
  Exit status: 0 drawn, 2 usage or I/O failure.`;

class UsageError extends Error {}

function parse(argv: string[]) {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        call: { type: 'string', multiple: true, default: [] },
        format: { type: 'string', default: 'mermaid' },
        legs: { type: 'boolean', default: false },
        list: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
    if (values.help || values.version) return values.help ? 'help' : 'version';
    if (!isFlowFormat(values.format)) throw new UsageError(`--format must be ${FLOW_FORMATS.join(', ')}, not "${values.format}"`);
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'no file given (give - to read standard input)' : 'one file at a time');
    return { file: positionals[0], calls: values.call, format: values.format, legs: values.legs, list: values.list };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) throw new UsageError((error as Error).message);
    throw error;
  }
}

/** The trace's text: a capture is decoded as the editor decodes it, anything else read as UTF-8 (invalid bytes become U+FFFD). */
function readTrace(file: string): string {
  const bytes = readFileSync(file === '-' ? process.stdin.fd : file);
  return isCapture(bytes) ? decodeCapture(bytes).text : new TextDecoder('utf-8').decode(bytes);
}

function main(argv: string[]): number {
  let options: ReturnType<typeof parse>;
  try {
    options = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`sip-trace-flow: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (options === 'help' || options === 'version') {
    process.stdout.write((options === 'help' ? USAGE : SIP_TRACE_LINT_VERSION) + '\n');
    return 0;
  }
  let text: string;
  try {
    text = readTrace(options.file);
  } catch (error) {
    process.stderr.write(`${options.file}: cannot read: ${(error as Error).message}\n`);
    return 2;
  }
  const flow = callFlowOf(parseTrace(text), { calls: options.calls, legs: options.legs });
  const known = new Set(flow.calls.map((c) => c.callId));
  const unknown = options.calls.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    process.stderr.write(`${options.file}: no call with Call-ID ${unknown.map((id) => `"${id}"`).join(', ')} (sip-trace-flow ${options.file} --list shows the calls)\n`);
    return 2;
  }
  process.stdout.write(options.list ? callsCsv(flow.calls) : renderFlow(flow, options.format));
  return 0;
}

process.exitCode = main(process.argv.slice(2));

// sip-trace-lint FILE...: the language server's checks on the command line.
// Prints file:line:col severity code message; exits 1 when an error was found, 2 on bad usage or I/O.
import { readFileSync } from 'node:fs';
import { parseTrace } from './sip/parser';
import { diagnose } from './sip/diagnose';
import { LineIndex } from './sip/lineIndex';

const USAGE = 'usage: sip-trace-lint FILE...\n  Checks SIP trace files and prints file:line:col severity code message.\n  Exit status: 0 no errors, 1 errors found, 2 usage or I/O failure.';

function main(argv: string[]): number {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    (argv.length === 0 ? process.stderr : process.stdout).write(USAGE + '\n');
    return argv.length === 0 ? 2 : 0;
  }
  let status = 0;
  for (const file of argv) {
    let text: string;
    try {
      // Invalid UTF-8 becomes U+FFFD, which the parser reports instead of failing on.
      text = new TextDecoder('utf-8').decode(readFileSync(file));
    } catch (error) {
      process.stderr.write(`${file}: cannot read: ${(error as NodeJS.ErrnoException).message}\n`);
      status = 2;
      continue;
    }
    const lines = new LineIndex(text);
    const { findings } = diagnose(parseTrace(text), { maxFindings: Infinity });
    const out: string[] = [];
    for (const f of findings) {
      const { line, character } = lines.position(f.offset);
      out.push(`${file}:${line + 1}:${character + 1} ${f.severity} ${f.code} ${f.message}`);
      if (f.severity === 'error' && status === 0) status = 1;
    }
    if (out.length > 0) process.stdout.write(out.join('\n') + '\n');
  }
  return status;
}

process.exitCode = main(process.argv.slice(2));

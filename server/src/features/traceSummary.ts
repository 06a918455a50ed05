import { ParsedDocument } from '../documents';
import { traceStatistics } from '../sip/calls/statistics';
import { seconds } from '../sip/calls/locate';
import { clip, oneLine } from '../sip/flow/text';

/** Bucket widths for the 302s and 503s over time: the first that keeps the table this narrow wins. */
const BUCKETS = [1000, 10_000, 60_000, 600_000, 3_600_000, 86_400_000];
const MAX_COLUMNS = 12;
const OUTCOMES = ['2xx', '302', '3xx', '4xx', '503', '5xx', '6xx', 'none'];
const OUTCOME_TITLES = ['2xx', '302', 'other 3xx', '4xx', '503', 'other 5xx', '6xx', 'no final response'];

/** Text from the trace goes into the preview as text: every Markdown sign escaped, on one line. */
function cell(text: string): string {
  return clip(oneLine(text), 80).replace(/[\\`*_{}[\]<>()#+\-!|~&]/g, '\\$&');
}

function table(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? '---' : '--:')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function offsetLabel(ms: number): string {
  if (ms < 60_000) return `+${ms / 1000} s`;
  if (ms < 3_600_000) return `+${ms / 60_000} min`;
  return `+${+(ms / 3_600_000).toFixed(1)} h`;
}

/**
 * The trace in numbers, as Wireshark's SIP statistics give them, as a Markdown document: counts
 * per method and status code, transactions per server, each server's 302s and 503s over time (a
 * redirect storm or an overload shows as a column of them), and the slowest transactions.
 */
export function computeTraceSummary(document: ParsedDocument): string {
  const { trace, calls, lines } = document;
  const stats = traceStatistics(trace, calls);
  const name = decodeURIComponent(document.uri.slice(document.uri.lastIndexOf('/') + 1));
  const lineLink = (index: number) => {
    const line = lines.position(trace.messages.offsetOf(index)).line + 1;
    return `[${line}](${document.uri}#L${line})`;
  };
  const span = stats.start !== undefined && stats.end !== undefined ? stats.end - stats.start : undefined;
  const out = [
    `# SIP trace summary: ${cell(name)}`,
    '',
    `${stats.messages} messages · ${stats.calls} calls · ${stats.transactions} transactions${span !== undefined ? ` · over ${seconds(span)}` : ' · the log has no times'}`,
    '',
    '## Requests per method',
    '',
    ...table(['Method', 'Requests', 'Retransmissions'], [...stats.methods].sort((a, b) => b[1].count - a[1].count).map(([m, c]) => [cell(m), c.count, c.retransmissions])),
    '',
    '## Responses per status code',
    '',
    ...table(['Code', 'Reason', 'Responses', 'Retransmissions'], [...stats.statuses].sort((a, b) => a[0] - b[0]).map(([code, c]) => [code, cell(c.reason), c.count, c.retransmissions])),
    '',
    '## Transactions per server',
    '',
    'The server is the destination address where the log has one, else the top Route, else the Request-URI\'s host.',
    '',
    ...table(['Server', 'Transactions', ...OUTCOME_TITLES], stats.servers.map((s) => [cell(s.server), s.transactions, ...OUTCOMES.map((o) => s.outcomes.get(o) ?? 0)])),
    '',
    '## 302 and 503 per server over time',
    '',
  ];
  const servers = [...stats.redirectsAndOverloads].sort((a, b) => a[0].localeCompare(b[0]));
  if (servers.length === 0) out.push('No transaction ended in a 302 or a 503.');
  else if (span === undefined || stats.start === undefined) {
    out.push('The log has no times: the counts only.', '', ...table(['Server', '302', '503'], servers.map(([server, list]) => [cell(server), ...[302, 503].map((code) => list.filter((r) => r.code === code).length)])));
  } else {
    const width = BUCKETS.find((w) => Math.floor(span / w) < MAX_COLUMNS) ?? Math.ceil((span + 1) / MAX_COLUMNS);
    const columns = Math.floor(span / width) + 1;
    const start = stats.start;
    const rows: Array<Array<string | number>> = [];
    for (const [server, list] of servers) {
      for (const code of [302, 503]) {
        const mine = list.filter((r) => r.code === code && r.time !== undefined);
        if (mine.length === 0) continue;
        const counts = new Array<number>(columns).fill(0);
        for (const r of mine) counts[Math.floor((r.time! - start) / width)]++;
        rows.push([cell(server), code, ...counts.map((n) => (n === 0 ? '' : n))]);
      }
    }
    out.push(`Final responses per ${offsetLabel(width).slice(1)} since the first message.`, '', ...table(['Server', 'Code', ...Array.from({ length: columns }, (_, k) => offsetLabel(k * width))], rows));
  }
  out.push('', '## Slowest transactions', '');
  if (stats.slowest.length === 0) out.push(span === undefined ? 'The log has no times.' : 'No transaction has both its request and a final response.');
  else {
    out.push(...table(['Request', 'Line', 'Server', 'Final response', 'Time'], stats.slowest.map((s) => {
      const request = calls.summaries.at(s.request);
      const final = calls.summaries.at(s.final);
      return [cell(request.method), lineLink(s.request), cell(s.server), `${final.code} (line ${lineLink(s.final)})`, `${(s.ms / 1000).toFixed(3)} s`];
    })));
  }
  out.push('', '*Transactions are matched as RFC 3261 §17.1.3 matches them: by top Via branch, sent-by and method.*');
  return out.join('\n') + '\n';
}

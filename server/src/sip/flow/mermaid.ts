// The call flow as a Mermaid sequence diagram. The contract: `sequenceDiagram`, one `participant`
// line per column, then exactly one arrow line per SIP message in trace order (requests `A->>B:
// METHOD Request-URI`, responses `B-->>A: code reason`); findings and the fate of 302s and 503s
// are `Note over` lines, never arrows, so counting arrows counts messages.
import { CallFlow, arrowsOf } from './flowModel';
import { notesOf, startLineOf } from './layout';
import { escapeMermaid } from './text';

export function renderMermaid(flow: CallFlow): string {
  const out = ['sequenceDiagram'];
  const id = (column: number) => `P${column + 1}`;
  flow.participants.forEach((p, c) => out.push(`    participant ${id(c)} as ${escapeMermaid(p.name)}`));
  for (const a of arrowsOf(flow)) {
    out.push(`    ${id(a.from)}${a.kind === 'request' ? '->>' : '-->>'}${id(a.to)}: ${escapeMermaid(startLineOf(a))}${a.retransmission ? ' (retransmission)' : ''}`);
    const over = a.from === a.to ? id(a.from) : `${id(Math.min(a.from, a.to))},${id(Math.max(a.from, a.to))}`;
    for (const note of notesOf(a)) out.push(`    Note over ${over}: ${escapeMermaid(note)}`);
  }
  return out.join('\n') + '\n';
}

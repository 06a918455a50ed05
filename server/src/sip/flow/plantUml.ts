// The call flow as a PlantUML sequence diagram: one participant per column, one arrow per message
// in trace order (responses dashed, retransmissions thin, messages with findings in their
// severity's colour), findings and the fate of 302s and 503s as notes.
import { Severity } from '../model';
import { CallFlow, arrowsOf } from './flowModel';
import { notesOf, startLineOf } from './layout';
import { escapePlantUml } from './text';

const COLOUR: Readonly<Record<Severity, string>> = { error: '#c62828', warning: '#ef6c00', information: '#1565c0', hint: '#1565c0' };

export function renderPlantUml(flow: CallFlow): string {
  const out = ['@startuml', 'hide footbox'];
  const id = (column: number) => `P${column + 1}`;
  // Inside the quotes a lone `"` would end the name: it becomes a typographic one.
  flow.participants.forEach((p, c) => out.push(`participant "${escapePlantUml(p.name).replace(/"/g, '″')}" as ${id(c)}`));
  for (const a of arrowsOf(flow)) {
    const colour = a.severity ? `[${COLOUR[a.severity]}]` : '';
    const shaft = a.kind === 'request' ? `-${colour}` : `-${colour}-`;
    const head = a.retransmission ? '>>' : '>';
    out.push(`${id(a.from)} ${shaft}${head} ${id(a.to)} : ${escapePlantUml(startLineOf(a))}${a.retransmission ? ' (retransmission)' : ''}`);
    const over = a.from === a.to ? id(a.from) : `${id(Math.min(a.from, a.to))}, ${id(Math.max(a.from, a.to))}`;
    for (const note of notesOf(a)) out.push(`note over ${over} : ${escapePlantUml(note)}`);
  }
  out.push('@enduml');
  return out.join('\n') + '\n';
}

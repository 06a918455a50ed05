// The formats a call flow is exported to, by name, for the CLI and the editor's Export command.
import { CallFlow } from './flowModel';
import { renderMermaid } from './mermaid';
import { renderPlantUml } from './plantUml';
import { renderSvg } from './svg';

export const FLOW_FORMATS = ['mermaid', 'plantuml', 'svg'] as const;
export type FlowFormat = (typeof FLOW_FORMATS)[number];

/** File extension of each format. */
export const FLOW_EXTENSIONS: Readonly<Record<FlowFormat, string>> = { mermaid: 'mmd', plantuml: 'puml', svg: 'svg' };

export function isFlowFormat(value: unknown): value is FlowFormat {
  return typeof value === 'string' && (FLOW_FORMATS as readonly string[]).includes(value);
}

export function renderFlow(flow: CallFlow, format: FlowFormat): string {
  return format === 'svg' ? renderSvg(flow) : format === 'plantuml' ? renderPlantUml(flow) : renderMermaid(flow);
}

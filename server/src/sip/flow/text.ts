// Text of a trace on its way into a diagram: clipped, because a start line can be a megabyte long,
// and escaped for each target, because a capture's text is whatever a stranger put on the wire.

/** Longest label drawn. */
export const MAX_LABEL = 160;

export function clip(text: string, max = MAX_LABEL): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Human reading of milliseconds: `+0.212 s`, `+4.2 s`, `+1 min 5 s`. */
export function formatDelta(ms: number): string {
  const sign = ms < 0 ? '−' : '+';
  const abs = Math.abs(ms);
  if (abs < 10_000) return `${sign}${(abs / 1000).toFixed(3)} s`;
  if (abs < 60_000) return `${sign}${(abs / 1000).toFixed(1)} s`;
  const minutes = Math.floor(abs / 60_000);
  return `${sign}${minutes} min ${Math.round((abs % 60_000) / 1000)} s`;
}


/** Line breaks and control characters become spaces and lone surrogates U+FFFD: a label is one line of valid text. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\ufffe\uffff]/g, ' ').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

const XML: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** For SVG text and attribute values alike. */
export function escapeXml(text: string): string {
  return oneLine(text).replace(/[&<>"']/g, (c) => XML[c]);
}

/**
 * For Mermaid labels: `;` and `#` end or start an entity, `<` `>` would be read as HTML, `%%`
 * starts a comment, so all of them go in as Mermaid's `#code;` entities.
 */
export function escapeMermaid(text: string): string {
  return oneLine(text).replace(/[#;<>&%"`{}]/g, (c) => `#${c.charCodeAt(0)};`);
}

/**
 * For PlantUML labels: `~` is Creole's escape. It goes before `~`, `\` (PlantUML reads `\n` as a
 * line break), `<` (an HTML tag) and before doubled markup characters (`**`, `//`, `--`, …), so
 * that a Request-URI keeps its looks and a hostile header cannot style or break the diagram.
 */
export function escapePlantUml(text: string): string {
  return oneLine(text).replace(/[~\\<]|([*/"_\-=^|#+])(?=\1)/g, (c) => `~${c}`);
}

// Metadata in words, for the outline and hovers: `01:35:48.281 127.0.0.1:5060 → 127.0.0.1:5070`.
import { MessageMeta } from './format';

const DAY = 24 * 3600 * 1000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** HH:MM:SS.mmm of the message's time. */
export function timeOfDay(meta: MessageMeta): string | undefined {
  if (meta.time === undefined) return undefined;
  const ms = ((Math.round(meta.time) % DAY) + DAY) % DAY;
  return `${pad(Math.floor(ms / 3600000))}:${pad(Math.floor(ms / 60000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

/** Who sent it to whom, as far as the log says. */
export function route(meta: MessageMeta): string | undefined {
  if (meta.src && meta.dst) return `${meta.src} → ${meta.dst}`;
  if (meta.src) return `${meta.direction === 'received' ? 'received from ' : 'from '}${meta.src}`;
  if (meta.dst) return `${meta.direction === 'sent' ? 'sent to ' : 'to '}${meta.dst}`;
  return meta.direction;
}

/** One line for the outline: time, then route. */
export function describeMeta(meta: MessageMeta | undefined): string {
  if (!meta) return '';
  return [timeOfDay(meta), route(meta)].filter((part) => part !== undefined).join(' ');
}

/** A few Markdown lines for a hover. */
export function explainMeta(meta: MessageMeta | undefined, formatName: string | undefined): string | undefined {
  if (!meta) return undefined;
  const lines: string[] = [];
  // The number to type into Wireshark's Go to Packet.
  if (meta.frame !== undefined) lines.push(`**Frame:** ${meta.frame}`);
  const when = timeOfDay(meta);
  if (when) lines.push(`**Time:** ${when}${meta.timestamp && meta.timestamp !== when ? ` (logged as \`${meta.timestamp}\`)` : ''}`);
  const where = route(meta);
  if (where) lines.push(`**Route:** ${where}${meta.transport ? ` over ${meta.transport}` : ''}`);
  if (formatName) lines.push(`*Read from a ${formatName}.*`);
  return lines.join('  \n');
}

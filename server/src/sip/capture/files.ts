// How captures are named and shown, shared by the extension, the language server and the CLI.
import type { CaptureSummary } from './decode';

/** The scheme of a capture's decoded text in the editor: a read-only document, so no quick fixes. */
export const CAPTURE_SCHEME = 'sip-capture';

/** File names read as captures: pcap, pcapng and Wireshark's older .cap, gzip-compressed or not. */
export const CAPTURE_NAME = /\.(pcap|pcapng|cap)(\.gz)?$/i;

/** `pcapng · Ethernet · 1,204 frames · 312 SIP messages`: what the file is and what was found in it. */
export function describeCapture(summary: CaptureSummary): string {
  const count = (n: number, what: string) => `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;
  const container = summary.gzip ? `${summary.container}.gz` : summary.container;
  return [container, ...(summary.linkTypes.length > 0 ? [summary.linkTypes.join(', ')] : []), count(summary.frames, 'frame'), count(summary.sipMessages, 'SIP message')].join(' · ');
}

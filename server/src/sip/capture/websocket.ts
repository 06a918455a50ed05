// SIP over WebSocket (RFC 7118): after the HTTP upgrade, each SIP message is one WebSocket message
// (a text or binary frame, possibly continued over several frames); client frames are masked.

export interface WebSocketFrame {
  /** Offset after the frame. */
  readonly next: number;
  readonly fin: boolean;
  readonly opcode: number;
  /** Unmasked payload. */
  readonly payload: Uint8Array;
}

/** Frames bigger than this are not SIP; the stream is given up rather than buffered. */
export const MAX_WEBSOCKET_FRAME = 16 * 1024 * 1024;

/** The frame at `start`, `undefined` when more bytes are needed, `null` when the bytes cannot be a frame. */
export function readWebSocketFrame(b: Uint8Array, start: number, end: number): WebSocketFrame | undefined | null {
  if (end - start < 2) return undefined;
  const fin = (b[start] & 0x80) !== 0;
  const opcode = b[start] & 0x0f;
  if ((b[start] & 0x70) !== 0 || (opcode > 2 && opcode < 8) || opcode > 10) return null;
  const masked = (b[start + 1] & 0x80) !== 0;
  let length = b[start + 1] & 0x7f;
  let at = start + 2;
  if (length === 126) {
    if (end - at < 2) return undefined;
    length = (b[at] << 8) | b[at + 1];
    at += 2;
  } else if (length === 127) {
    if (end - at < 8) return undefined;
    // Anything needing the upper 32 bits is far past MAX_WEBSOCKET_FRAME.
    if (b[at] | b[at + 1] | b[at + 2] | b[at + 3]) return null;
    length = ((b[at + 4] << 24) | (b[at + 5] << 16) | (b[at + 6] << 8) | b[at + 7]) >>> 0;
    at += 8;
  }
  if (length > MAX_WEBSOCKET_FRAME) return null;
  const maskAt = at;
  if (masked) at += 4;
  if (end - at < length) return undefined;
  const payload = b.slice(at, at + length);
  if (masked) for (let i = 0; i < length; i++) payload[i] ^= b[maskAt + (i & 3)];
  return { next: at + length, fin, opcode, payload };
}

const UPGRADE = /^upgrade:[ \t]*websocket[ \t]*\r?$/im;

/** Whether an HTTP header block (as Latin-1 text) upgrades the connection to WebSocket. */
export function isWebSocketUpgrade(head: string): boolean {
  return (head.startsWith('GET ') || /^HTTP\/1\.1 101/.test(head)) && UPGRADE.test(head);
}

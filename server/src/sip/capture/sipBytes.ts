// Recognising SIP by its content, on any port (as Wireshark's heuristic does), and finding where
// a message ends in a stream: the header block, then Content-Length bytes (RFC 3261 §18.3).

const CR = 13;
const LF = 10;
const SP = 32;

function isTokenByte(c: number): boolean {
  // RFC 3261 token characters (alphanum and -.!%*_+`'~).
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e || c === 0x21 || c === 0x25 || c === 0x2a || c === 0x5f || c === 0x2b || c === 0x60 || c === 0x27 || c === 0x7e;
}

const SIP_VERSION = [0x53, 0x49, 0x50, 0x2f, 0x32, 0x2e, 0x30]; // "SIP/2.0"

function matchesAt(b: Uint8Array, at: number, expected: readonly number[]): boolean {
  if (at + expected.length > b.length) return false;
  for (let i = 0; i < expected.length; i++) if (b[at + i] !== expected[i]) return false;
  return true;
}

/** How far a start line is looked for: a longer first line is not taken for SIP. */
const MAX_START_LINE = 4096;

/**
 * Whether a SIP start line begins at `at`: `SIP/2.0 NNN ` or `METHOD SP uri SP SIP/2.0` up to the
 * line end. Needs the whole line; `undefined` when the bytes end before the line does.
 */
export function startsWithSip(b: Uint8Array, at = 0, end = b.length): boolean | undefined {
  if (matchesAt(b, at, SIP_VERSION)) {
    if (at + 12 > end) return undefined;
    return b[at + 7] === SP && isDigit(b[at + 8]) && isDigit(b[at + 9]) && isDigit(b[at + 10]) && b[at + 11] === SP;
  }
  let i = at;
  while (i < end && i - at < 32 && isTokenByte(b[i])) i++;
  if (i === at) return false;
  if (i === end) return undefined;
  if (b[i] !== SP) return false;
  const limit = Math.min(end, at + MAX_START_LINE);
  let lineEnd = i + 1;
  while (lineEnd < limit && b[lineEnd] !== LF) lineEnd++;
  if (lineEnd === limit) return limit === end ? undefined : false;
  const last = b[lineEnd - 1] === CR ? lineEnd - 1 : lineEnd;
  return last - 8 > i && b[last - 8] === SP && matchesAt(b, last - 7, SIP_VERSION);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** End of the blank line that closes the header block (after CRLFCRLF or LFLF), or -1. */
export function headerEnd(b: Uint8Array, from: number, end: number): number {
  for (let i = Math.max(from, 1); i < end; i++) {
    if (b[i] !== LF) continue;
    if (b[i - 1] === LF) return i + 1;
    if (b[i - 1] === CR && i >= 3 && b[i - 2] === LF && b[i - 3] === CR) return i + 1;
  }
  return -1;
}

/**
 * The Content-Length the header block [start, end) declares (long or compact form), -1 when it
 * has none, -2 when the value is not a number.
 */
export function contentLength(b: Uint8Array, start: number, end: number): number {
  for (let line = start; line < end; ) {
    let lineEnd = line;
    while (lineEnd < end && b[lineEnd] !== LF) lineEnd++;
    const value = contentLengthValue(b, line, lineEnd);
    if (value !== -1) return value;
    line = lineEnd + 1;
  }
  return -1;
}

const CONTENT_LENGTH = 'content-length';

function contentLengthValue(b: Uint8Array, line: number, end: number): number {
  let i = line;
  const lower = (c: number) => (c >= 0x41 && c <= 0x5a ? c + 32 : c);
  if (lower(b[i]) === 0x6c && (b[i + 1] === 0x3a || b[i + 1] === SP || b[i + 1] === 9)) i++;
  else {
    for (let k = 0; k < CONTENT_LENGTH.length; k++, i++) if (i >= end || lower(b[i]) !== CONTENT_LENGTH.charCodeAt(k)) return -1;
  }
  while (i < end && (b[i] === SP || b[i] === 9)) i++;
  if (b[i] !== 0x3a) return -1;
  i++;
  while (i < end && (b[i] === SP || b[i] === 9)) i++;
  let value = 0;
  let digits = 0;
  while (i < end && isDigit(b[i]) && digits < 10) {
    value = value * 10 + (b[i] - 0x30);
    digits++;
    i++;
  }
  return digits === 0 ? -2 : value;
}

/** Looks like the start of a TLS record: handshake, alert, change cipher spec or application data, version 3.x. */
export function startsWithTls(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] >= 20 && b[0] <= 23 && b[1] === 3 && b[2] <= 4;
}

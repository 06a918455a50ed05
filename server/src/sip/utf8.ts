// Content-Length counts bytes of UTF-8; the text is UTF-16. These convert without encoding anything.
import { CR, HT, LF, SP } from './chars';

function utf8Width(text: string, i: number): { bytes: number; units: number } {
  const c = text.charCodeAt(i);
  if (c < 0x80) return { bytes: 1, units: 1 };
  if (c < 0x800) return { bytes: 2, units: 1 };
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return { bytes: 4, units: 2 };
  }
  return { bytes: 3, units: 1 };
}

/**
 * UTF-8 byte length of text[start, end). With `lfAsCrlf`, a bare LF counts as the CRLF it stood
 * for on the wire (logs copied through tools that convert line endings).
 */
export function utf8Length(text: string, start: number, end: number, lfAsCrlf = false): number {
  let bytes = 0;
  for (let i = start; i < end; ) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      bytes += lfAsCrlf && c === LF && text.charCodeAt(i - 1) !== CR ? 2 : 1;
      i++;
    } else {
      const w = utf8Width(text, i);
      bytes += w.bytes;
      i += w.units;
    }
  }
  return bytes;
}

/** Offset reached after `bytes` UTF-8 bytes from `start`, or -1 when the text ends first (or the count falls inside a character). */
export function advanceUtf8(text: string, start: number, bytes: number, lfAsCrlf = false, limit = text.length): number {
  const n = Math.min(limit, text.length);
  // A UTF-16 unit is at most 3 bytes (a surrogate pair 4 for 2 units), so more cannot fit.
  if (bytes > (n - start) * 3) return -1;
  let i = start;
  let remaining = bytes;
  while (remaining > 0) {
    if (i >= n) return -1;
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      remaining -= lfAsCrlf && c === LF && text.charCodeAt(i - 1) !== CR ? 2 : 1;
      i++;
    } else {
      const w = utf8Width(text, i);
      remaining -= w.bytes;
      i += w.units;
    }
  }
  return remaining === 0 ? i : -1;
}

/** Offset after exactly `bytes` bytes of line breaks and spaces from `start`, or -1 when something else comes first. */
export function advanceBlank(text: string, start: number, bytes: number, lfAsCrlf: boolean, limit: number): number {
  let i = start;
  let remaining = bytes;
  while (remaining > 0) {
    if (i >= limit) return -1;
    const c = text.charCodeAt(i);
    if (c !== CR && c !== LF && c !== SP && c !== HT) return -1;
    remaining -= lfAsCrlf && c === LF && text.charCodeAt(i - 1) !== CR ? 2 : 1;
    i++;
  }
  return remaining === 0 ? i : -1;
}

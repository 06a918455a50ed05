// Character classes of RFC 3261 §25.1, tested by char code so the scanner needs no regular expressions.

export const CR = 13;
export const LF = 10;
export const SP = 32;
export const HT = 9;
export const COLON = 58;
export const QUOTE = 34;
export const BACKSLASH = 92;
export const LT = 60;
export const GT = 62;
export const COMMA = 44;
export const SEMI = 59;
export const EQUALS = 61;
export const QUESTION = 63;
export const AT = 64;
export const SLASH = 47;
export const DOT = 46;
export const STAR = 42;

const TOKEN_PUNCTUATION = "-.!%*_+`'~";
/** 1 for the ASCII codes of token chars; for loops that test `c < 128 && TOKEN[c] === 1` inline. */
export const TOKEN = new Uint8Array(128);
for (let c = 48; c <= 57; c++) TOKEN[c] = 1;
for (let c = 65; c <= 90; c++) TOKEN[c] = 1;
for (let c = 97; c <= 122; c++) TOKEN[c] = 1;
for (const ch of TOKEN_PUNCTUATION) TOKEN[ch.charCodeAt(0)] = 1;

export function isTokenChar(c: number): boolean {
  return c < 128 && TOKEN[c] === 1;
}

export function isWhitespace(c: number): boolean {
  return c === SP || c === HT;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Offset of the line ending (CRLF or LF) at or after `pos`, or the text length. */
export function lineEnd(text: string, pos: number): number {
  const lf = text.indexOf('\n', pos);
  if (lf < 0) return text.length;
  return lf > pos && text.charCodeAt(lf - 1) === CR ? lf - 1 : lf;
}

/** Offset of the next line's start, given the end of the current line. */
export function nextLineStart(text: string, end: number): number {
  if (end >= text.length) return text.length;
  return text.charCodeAt(end) === CR ? end + 2 : end + 1;
}

export function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isWhitespace(text.charCodeAt(end - 1))) end--;
  return end;
}

export function skipWhitespace(text: string, pos: number, end: number): number {
  while (pos < end && isWhitespace(text.charCodeAt(pos))) pos++;
  return pos;
}

/** True when `text` at `pos` starts with `ascii`, compared case-insensitively. */
export function startsWithIgnoreCase(text: string, pos: number, ascii: string): boolean {
  if (pos + ascii.length > text.length) return false;
  for (let i = 0; i < ascii.length; i++) {
    let c = text.charCodeAt(pos + i);
    if (c >= 97 && c <= 122) c -= 32;
    let d = ascii.charCodeAt(i);
    if (d >= 97 && d <= 122) d -= 32;
    if (c !== d) return false;
  }
  return true;
}

/** Index of char `code` in text[from, to), or -1. Bounded, unlike String#indexOf, which would scan the rest of a large trace. */
export function indexOfCode(text: string, code: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === code) return i;
  return -1;
}

/** Linear whitespace, folded line breaks included. */
export function isLws(c: number): boolean {
  return isWhitespace(c) || c === CR || c === LF;
}

/** Given the offset of an opening `"`, the offset just after its closing quote (or `to`); `\\` escapes a character. */
export function skipQuoted(text: string, open: number, to: number): number {
  let i = open + 1;
  while (i < to && text.charCodeAt(i) !== QUOTE) i += text.charCodeAt(i) === BACKSLASH ? 2 : 1;
  return Math.min(i + 1, to);
}

/** FNV-1a over text[from, to), continuing from `hash`: the hash of the tables keyed by a range of the text. */
export function hashChars(text: string, from: number, to: number, hash = 0x811c9dc5 | 0): number {
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}

/** Whether text[a, a + length) and text[b, b + length) hold the same characters: two ranges of one flat text compare faster than a slice with startsWith. */
export function sameChars(text: string, a: number, b: number, length: number): boolean {
  let k = 0;
  while (k < length && text.charCodeAt(a + k) === text.charCodeAt(b + k)) k++;
  return k === length;
}

/**
 * `value` in a string of its own. A slice of 13 characters or more shares the characters of the
 * string it was cut from, and keeps all of it alive: a value kept from a part of a big trace would
 * keep the part. Joined to a space, the slice is copied when the join is cut again.
 */
export function copied(value: string): string {
  return value.length < 13 ? value : (' ' + value).slice(1);
}

/**
 * Replaces values[from…] by copies that keep no text alive (see copied), one byte a character
 * where they are ASCII: a slice of a text with any character beyond Latin-1 takes two bytes a
 * character, and so would a plain copy of it, while decoded UTF-8 that is all ASCII is stored one
 * byte a character. One round trip through UTF-8 for all of them.
 */
export function copyAll(values: string[], from: number): void {
  const batch = values.slice(from).join('');
  if (NOT_ASCII.test(batch)) {
    for (let id = from; id < values.length; id++) values[id] = NOT_ASCII.test(values[id]) ? copied(values[id]) : utf8.decode(ascii.encode(values[id]));
    return;
  }
  const flat = utf8.decode(ascii.encode(batch));
  for (let id = from, at = 0; id < values.length; id++) values[id] = flat.slice(at, (at += values[id].length));
}

const NOT_ASCII = /[^\u0000-\u007f]/;
const ascii = new TextEncoder();
const utf8 = new TextDecoder();

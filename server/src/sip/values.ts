// Lazy readers for header values: called by the rules that need them, on the few headers they check.
import { BACKSLASH, COMMA, EQUALS, GT, LT, QUOTE, SEMI, indexOfCode, isDigit, isLws, isTokenChar, skipQuoted, startsWithIgnoreCase } from './chars';

export interface ValueScan {
  /** [start, end) pairs of comma-separated elements, trimmed (only split when asked). */
  readonly elements: number[];
  /** Offset of an opening quote that is never closed, or -1. */
  readonly unterminatedQuote: number;
  /** Offset of a "<" that is never closed, or -1. */
  readonly unterminatedAngle: number;
  /** Offsets of a ";" with no parameter after it, or of a "," that leaves an empty element. */
  readonly strayAt: readonly number[];
}

const NONE: readonly number[] = [];

/** 1 for the chars that shape a structured value: quote, "<", ";" and ",". */
const STRUCTURE_CHAR = new Uint8Array(128);
for (const c of [QUOTE, LT, SEMI, COMMA]) STRUCTURE_CHAR[c] = 1;

/** Walks a structured value, honouring quoted strings and <URI> so their contents are not split. */
export function scanValue(text: string, from: number, to: number, splitOnComma: boolean): ValueScan {
  const elements: number[] = [];
  // Allocated only when a stray separator turns up, which well-formed headers never have.
  let strayAt: number[] | undefined;
  let unterminatedQuote = -1;
  let unterminatedAngle = -1;
  let elementStart = from;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c >= 128 || STRUCTURE_CHAR[c] === 0) {
      i++;
    } else if (c === QUOTE) {
      const open = i++;
      while (i < to && text.charCodeAt(i) !== QUOTE) i += text.charCodeAt(i) === BACKSLASH ? 2 : 1;
      if (i >= to) {
        unterminatedQuote = open;
        break;
      }
      i++;
    } else if (c === LT) {
      const close = indexOfCode(text, GT, i, to);
      if (close < 0) {
        unterminatedAngle = i;
        break;
      }
      i = close + 1;
    } else if (c === SEMI) {
      let j = i + 1;
      while (j < to && isLws(text.charCodeAt(j))) j++;
      const next = j < to ? text.charCodeAt(j) : -1;
      if (next === -1 || next === SEMI || next === COMMA) (strayAt ??= []).push(i);
      i++;
    } else if (c === COMMA && splitOnComma) {
      if (!closeElement(text, elementStart, i, elements)) (strayAt ??= []).push(i);
      elementStart = i + 1;
      i++;
    } else {
      i++;
    }
  }
  const last = splitOnComma && elementStart > from;
  if (!closeElement(text, elementStart, to, elements) && last) (strayAt ??= []).push(elementStart - 1);
  return { elements, unterminatedQuote, unterminatedAngle, strayAt: strayAt?.sort((a, b) => a - b) ?? NONE };
}

/** Adds text[start, end) trimmed to `elements`; false when it is empty (a stray separator when one bounds it). */
function closeElement(text: string, start: number, end: number, elements: number[]): boolean {
  while (start < end && isLws(text.charCodeAt(start))) start++;
  while (end > start && isLws(text.charCodeAt(end - 1))) end--;
  if (start === end) return false;
  elements.push(start, end);
  return true;
}

/** Index of `code` in text[from, to) outside quoted strings, or -1. */
export function indexOutsideQuotes(text: string, from: number, to: number, code: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === code) return i;
    if (c === QUOTE) {
      i++;
      while (i < to && text.charCodeAt(i) !== QUOTE) i += text.charCodeAt(i) === BACKSLASH ? 2 : 1;
    }
  }
  return -1;
}

/** True when every char of text[from, to) is a token char (RFC 3261 §25.1). */
export function allTokenChars(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isTokenChar(text.charCodeAt(i))) return false;
  return true;
}

export { isLws, LT };

/** Digits beyond which the value is read by Number(), as a double: up to here the sum is exact. */
const EXACT_DIGITS = 15;

/** Parses 1*DIGIT; undefined when the text is not all digits. Large values stay exact enough to compare with 2^32. */
export function parseDigits(text: string, from: number, to: number): number | undefined {
  if (to <= from) return undefined;
  // Summed in the loop (every CSeq, Content-Length and Max-Forwards of a trace comes here); a slice only for long ones.
  let value = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!isDigit(c)) return undefined;
    value = value * 10 + (c - 48);
  }
  return to - from <= EXACT_DIGITS ? value : Number(text.slice(from, to));
}

export const MAX_DELTA_SECONDS = 2 ** 32 - 1;

/** Where a parameter's value lies: [start, end) in the text (empty for a parameter without `=`). */
export interface ParamSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * The parameter `name` (lower-case) of one header-value element in text[from, to): `;name=value`,
 * the name compared case-insensitively, spaces allowed around `;` and `=` (RFC 3261 §25.1). Only
 * the element's own parameters count: a `;name=` inside `<…>` belongs to the URI and one inside a
 * quoted string to the display name (§20.10), and the element ends at a `,` outside both.
 */
export function headerParam(text: string, from: number, to: number, name: string): ParamSpan | undefined {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c > LT) {
      i++;
    } else if (c === QUOTE) {
      i = skipQuoted(text, i, to);
    } else if (c === LT) {
      const close = indexOfCode(text, GT, i, to);
      if (close < 0) return undefined;
      i = close + 1;
    } else if (c === COMMA) {
      return undefined;
    } else if (c === SEMI) {
      i++;
      while (i < to && isLws(text.charCodeAt(i))) i++;
      const nameStart = i;
      while (i < to && isTokenChar(text.charCodeAt(i))) i++;
      if (i - nameStart !== name.length || !startsWithIgnoreCase(text, nameStart, name)) continue;
      let j = i;
      while (j < to && isLws(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== EQUALS) return { start: i, end: i };
      j++;
      while (j < to && isLws(text.charCodeAt(j))) j++;
      const start = j;
      if (text.charCodeAt(j) === QUOTE) return { start, end: skipQuoted(text, j, to) };
      while (j < to && !isLws(text.charCodeAt(j)) && text.charCodeAt(j) !== SEMI && text.charCodeAt(j) !== COMMA) j++;
      return { start, end: j };
    } else {
      i++;
    }
  }
  return undefined;
}

/** The URI of a name-addr (`"Bob" <sip:bob@x>;tag=1` → the span of `sip:bob@x`) or of an addr-spec, whose parameters are the header's. */
export function addressSpan(text: string, from: number, to: number): ParamSpan {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = skipQuoted(text, i, to);
    } else if (c === LT) {
      const close = indexOfCode(text, GT, i + 1, to);
      return trimmed(text, i + 1, close < 0 ? to : close);
    } else if (c === SEMI || c === COMMA) {
      break;
    } else {
      i++;
    }
  }
  return trimmed(text, from, Math.min(i, to));
}

function trimmed(text: string, start: number, end: number): ParamSpan {
  while (start < end && isLws(text.charCodeAt(start))) start++;
  while (end > start && isLws(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

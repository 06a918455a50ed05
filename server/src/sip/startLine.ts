// Recognising and dissecting request and status lines (RFC 3261 §7.1, §7.2).
import { Finding, RequestLine, StatusLine, StartLine } from './model';
import { AT, COLON, DOT, LT, QUESTION, SP, isDigit, isTokenChar, isWhitespace, startsWithIgnoreCase, trimEnd } from './chars';
import { rule as requestLineInvalidUri } from './rules/requestLineInvalidUri';
import { rule as requestLineMalformed } from './rules/requestLineMalformed';
import { rule as statusLineMalformed } from './rules/statusLineMalformed';
import { rule as versionUnsupported } from './rules/versionUnsupported';

const RFC_REQUEST_LINE = 'RFC 3261 §7.1';

/** Offset where a trailing `SIP/<digits>.<digits>` version starts on [start, end), or -1. */
function trailingVersion(text: string, start: number, end: number): number {
  let i = end;
  let digits = 0;
  let dots = 0;
  while (i > start) {
    const c = text.charCodeAt(i - 1);
    if (isDigit(c)) digits++;
    else if (c === DOT) dots++;
    else break;
    i--;
  }
  if (digits < 2 || dots !== 1 || i - 4 < start || !startsWithIgnoreCase(text, i - 4, 'SIP/')) return -1;
  return i - 4;
}

/** `<digits>.<digits>` then whitespace or the end of the line, as in `SIP/2.0 200 OK` (not `SIP/2.0/UDP`). */
function isStatusLineVersion(text: string, i: number, end: number): boolean {
  const major = i;
  while (i < end && isDigit(text.charCodeAt(i))) i++;
  if (i === major || text.charCodeAt(i) !== DOT) return false;
  const minor = ++i;
  while (i < end && isDigit(text.charCodeAt(i))) i++;
  return i > minor && (i === end || isWhitespace(text.charCodeAt(i)));
}

/**
 * True when the line [start, end) looks like a SIP start line. Deliberately lenient, so that a
 * malformed request line (extra spaces, a bad version) is still read as a message and diagnosed.
 */
export function isStartLine(text: string, start: number, end: number): boolean {
  if (startsWithIgnoreCase(text, start, 'SIP/')) return isStatusLineVersion(text, start + 4, end);
  let i = start;
  while (i < end && isTokenChar(text.charCodeAt(i))) i++;
  if (i === start || i === end || !isWhitespace(text.charCodeAt(i))) return false;
  const version = trailingVersion(text, i, trimEnd(text, i, end));
  return version > i && isWhitespace(text.charCodeAt(version - 1));
}

export function parseStartLine(text: string, start: number, end: number, findings: Finding[]): StartLine {
  return startsWithIgnoreCase(text, start, 'SIP/')
    ? parseStatusLine(text, start, end, findings)
    : parseRequestLine(text, start, end, findings);
}

function checkVersion(text: string, offset: number, end: number, findings: Finding[]): void {
  if (end - offset === 7 && startsWithIgnoreCase(text, offset, 'SIP/2.0')) return;
  findings.push({
    code: versionUnsupported.code,
    offset,
    length: end - offset,
    message: `Protocol version "${text.slice(offset, Math.min(end, offset + 40))}" is not SIP/2.0. A SIP/2.0 element answers it with 505 Version Not Supported.`,
  });
}

function parseRequestLine(text: string, start: number, end: number, findings: Finding[]): RequestLine {
  // Split on runs of whitespace; a correct line has exactly three elements separated by single SPs.
  // Only the first two elements and the last two are kept, in numbers: no array per message.
  let count = 0;
  let methodOffset = start;
  let methodEnd = start;
  let secondOffset = start;
  let lastOffset = start;
  let lastEnd = start;
  let beforeLastEnd = start;
  let badSeparators: number[] | undefined;
  let i = start;
  while (i < end) {
    const elementStart = i;
    while (i < end && !isWhitespace(text.charCodeAt(i))) i++;
    if (count === 0) {
      methodOffset = elementStart;
      methodEnd = i;
    } else if (count === 1) secondOffset = elementStart;
    beforeLastEnd = lastEnd;
    lastOffset = elementStart;
    lastEnd = i;
    count++;
    const gapStart = i;
    while (i < end && isWhitespace(text.charCodeAt(i))) i++;
    if (i < end && (i - gapStart !== 1 || text.charCodeAt(gapStart) !== SP)) (badSeparators ??= []).push(gapStart, i);
    if (i === end && i > gapStart) {
      findings.push({
        code: requestLineMalformed.code,
        offset: gapStart,
        length: i - gapStart,
        message: `Whitespace after the SIP version at the end of the request line. ${RFC_REQUEST_LINE} ends the line right after SIP-Version; remove the trailing whitespace.`,
      });
    }
  }
  for (let k = 0; badSeparators && k < badSeparators.length; k += 2) {
    findings.push({
      code: requestLineMalformed.code,
      offset: badSeparators[k],
      length: badSeparators[k + 1] - badSeparators[k],
      message: `Request-line elements must be separated by exactly one space (${RFC_REQUEST_LINE}); found ${badSeparators[k + 1] - badSeparators[k]} whitespace characters.`,
    });
  }
  const versionOffset = count >= 2 ? lastOffset : end;
  const versionEnd = count >= 2 ? lastEnd : end;
  const uriOffset = count >= 3 ? secondOffset : versionOffset;
  const uriEnd = count >= 3 ? beforeLastEnd : versionOffset;
  if (count < 3) {
    findings.push({
      code: requestLineMalformed.code,
      offset: start,
      length: end - start,
      message: `The request line needs three elements, "Method Request-URI SIP/2.0" (${RFC_REQUEST_LINE}); found ${count}.`,
    });
  } else if (count > 3) {
    findings.push({
      code: requestLineMalformed.code,
      offset: uriOffset,
      length: uriEnd - uriOffset,
      message: `The Request-URI contains whitespace, which ${RFC_REQUEST_LINE} forbids; a server rejects this request with 400 Bad Request. Escape or remove the whitespace.`,
    });
  } else {
    checkRequestUri(text, uriOffset, uriEnd, findings);
  }
  checkVersion(text, versionOffset, versionEnd, findings);
  return { kind: 'request', offset: start, end, methodOffset, methodEnd, uriOffset, uriEnd, versionOffset, versionEnd };
}

function isSchemeChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || isDigit(c) || c === 43 || c === 45 || c === DOT;
}

function checkRequestUri(text: string, offset: number, end: number, findings: Finding[]): void {
  const report = (message: string) =>
    findings.push({ code: requestLineInvalidUri.code, offset, length: end - offset, message });
  if (text.charCodeAt(offset) === LT) {
    report('The Request-URI is enclosed in "<>". Angle brackets belong to name-addr in headers, never to the Request-URI (RFC 3261 §7.1); remove them.');
    return;
  }
  let i = offset;
  while (i < end && isSchemeChar(text.charCodeAt(i))) i++;
  if (i === offset || i >= end || text.charCodeAt(i) !== COLON) {
    report('The Request-URI has no scheme: expected an absolute URI such as sip:bob@example.com (RFC 3261 §19.1).');
    return;
  }
  const isSip = (i - offset === 3 && startsWithIgnoreCase(text, offset, 'sip')) || (i - offset === 4 && startsWithIgnoreCase(text, offset, 'sips'));
  if (!isSip) return;
  // The user part may contain "?", so look for URI headers only after the host part begins.
  let hostStart = i + 1;
  for (let k = end - 1; k > i; k--) {
    if (text.charCodeAt(k) === AT) {
      hostStart = k + 1;
      break;
    }
  }
  let question = -1;
  for (let k = hostStart; k < end && question < 0; k++) if (text.charCodeAt(k) === QUESTION) question = k;
  if (question >= 0) {
    report('A SIP Request-URI must not carry URI headers ("?name=value"); RFC 3261 §19.1.1 allows them only in URIs that are not Request-URIs. A server answers 400 Bad Request.');
  }
}

function parseStatusLine(text: string, start: number, end: number, findings: Finding[]): StatusLine {
  let i = start;
  while (i < end && !isWhitespace(text.charCodeAt(i))) i++;
  const versionOffset = start;
  const versionEnd = i;
  checkVersion(text, versionOffset, versionEnd, findings);
  const gapStart = i;
  while (i < end && isWhitespace(text.charCodeAt(i))) i++;
  const codeOffset = i;
  while (i < end && !isWhitespace(text.charCodeAt(i))) i++;
  const codeEnd = i;
  let code = 0;
  const length = codeEnd - codeOffset;
  let allDigits = length > 0;
  for (let k = codeOffset; k < codeEnd; k++) {
    const c = text.charCodeAt(k);
    if (!isDigit(c)) allDigits = false;
    code = code * 10 + c - 48;
  }
  if (!allDigits || length !== 3) code = 0;
  if (code < 100 || code > 699) {
    code = 0;
    findings.push({
      code: statusLineMalformed.code,
      offset: codeOffset,
      length: Math.max(length, 0),
      message: `The status code must be three digits from 100 to 699 (RFC 3261 §7.2); found "${text.slice(codeOffset, Math.min(codeEnd, codeOffset + 40))}". A client treats such a response as malformed and discards it.`,
    });
  } else if (codeOffset - gapStart !== 1 || text.charCodeAt(gapStart) !== SP) {
    findings.push({
      code: statusLineMalformed.code,
      offset: gapStart,
      length: codeOffset - gapStart,
      message: 'SIP-Version and Status-Code must be separated by exactly one space (RFC 3261 §7.2).',
    });
  }
  // The reason phrase may be empty and may contain spaces: everything after the single SP.
  const reasonOffset = codeEnd < end ? codeEnd + 1 : end;
  return { kind: 'response', offset: start, end, versionOffset, versionEnd, codeOffset, codeEnd, code, reasonOffset, reasonEnd: end };
}

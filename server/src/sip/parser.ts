// Splits a trace into SIP messages and records where every part of each one lies.
// One forward pass over the text, char codes only; it never throws: problems become findings.
import { Finding, Header, SipMessage, Trace } from './model';
import { HeaderTable } from './headerTable';
import { MessageTable } from './messageTable';
import { COLON, CR, HT, LF, SP, indexOfCode, isDigit, isTokenChar, lineEnd, nextLineStart, skipWhitespace, trimEnd } from './chars';
import { isStartLine, parseStartLine } from './startLine';
import { canonicalHeaderName } from './headerNames';
import { advanceUtf8, utf8Length } from './utf8';
import { messageIndexAt } from './access';

export function parseTrace(text: string): Trace {
  const findings: Finding[] = [];
  const messages = new MessageTable();
  const names = new Map<string, number>();
  const table = new HeaderTable();
  let pos = 0;
  const n = text.length;
  while (pos < n) {
    const end = lineEnd(text, pos);
    if (isStartLine(text, pos, end)) {
      const message = parseMessage(text, pos, end, messages.length, findings, names, table);
      messages.add(message);
      // A message always consumes its start line, so the loop advances.
      pos = message.end > pos ? message.end : nextLineStart(text, end);
    } else {
      pos = nextLineStart(text, end);
    }
  }
  table.trim();
  messages.trim();
  reportUnreadableContent(text, messages, findings);
  return { text, messages, headers: table, findings };
}

/** NUL bytes or undecodable text outside any message: most likely a binary file such as a pcap. */
function reportUnreadableContent(text: string, messages: MessageTable, findings: Finding[]): void {
  const bad = firstUnreadableOutside(text, messages);
  if (bad >= 0) {
    findings.push({
      code: 'sip.trace.binary-content',
      offset: bad,
      length: 1,
      message: 'The file contains NUL bytes or invalid UTF-8 here, so it is probably not a text trace (a pcap?). Export the capture as text first, e.g. `tshark -r capture.pcap -Y sip -V` or sngrep\'s "Save as .txt"; messages found in the text are still checked.',
    });
  }
  if (messages.length === 0 && text.length > 0) {
    findings.push({
      code: 'sip.trace.no-messages',
      offset: 0,
      length: 0,
      message: 'No SIP message found. A message starts with a request line such as "INVITE sip:bob@example.com SIP/2.0" or a status line such as "SIP/2.0 200 OK" at the beginning of a line.',
    });
  }
}

function firstUnreadableOutside(text: string, messages: MessageTable): number {
  let first = -1;
  for (const ch of ['\0', '\uFFFD']) {
    for (let at = text.indexOf(ch); at >= 0 && (first < 0 || at < first); ) {
      const inside = messageIndexAt(messages, at);
      if (inside < 0 || at >= messages.endOf(inside)) {
        first = at;
        break;
      }
      at = text.indexOf(ch, messages.endOf(inside));
    }
  }
  return first;
}

function parseMessage(
  text: string,
  start: number,
  startEnd: number,
  index: number,
  findings: Finding[],
  names: Map<string, number>,
  table: HeaderTable,
): SipMessage {
  const n = text.length;
  const startLine = parseStartLine(text, start, startEnd, findings);
  const eol = text.charCodeAt(startEnd) === CR ? '\r\n' : '\n';
  const firstHeader = table.count;
  let pos = nextLineStart(text, startEnd);
  let headersEnd = pos;
  let bodyOffset = -1;
  let headersUnterminated = startEnd === n;

  // The header being read; flushed when a line that does not continue it arrives.
  let hNameId = 0;
  let hOffset = -1;
  let hNameEnd = 0;
  let hValueOffset = -1;
  let hValueEnd = 0;
  let hEnd = 0;
  let skippingMalformed = false;
  const flush = () => {
    if (hOffset < 0) return;
    if (hValueOffset < 0) hValueOffset = hValueEnd;
    table.add(hNameId, hOffset, hNameEnd, hValueOffset, hValueEnd, hEnd);
    hOffset = -1;
  };
  /** Extends the current header's value with the content of [from, to). */
  const addValue = (from: number, to: number) => {
    const contentStart = skipWhitespace(text, from, to);
    const contentEnd = trimEnd(text, contentStart, to);
    if (contentEnd > contentStart) {
      if (hValueOffset < 0) hValueOffset = contentStart;
      hValueEnd = contentEnd;
    }
    hEnd = to;
  };

  while (pos < n) {
    const end = lineEnd(text, pos);
    if (skipWhitespace(text, pos, end) === end) {
      // Empty (or whitespace-only) line: the header section ends here.
      flush();
      headersEnd = pos;
      bodyOffset = nextLineStart(text, end);
      break;
    }
    const first = text.charCodeAt(pos);
    if (first === SP || first === HT) {
      if (hOffset >= 0) addValue(pos, end);
      else if (!skippingMalformed) {
        findings.push({
          code: 'sip.header.malformed',
          offset: pos,
          length: end - pos,
          message: 'A line starting with whitespace continues the previous header (RFC 3261 §7.3.1), but there is no header before it. Remove the leading whitespace or join it to a header.',
        });
      }
    } else if (isStartLine(text, pos, end)) {
      // The next message begins without the blank line that ends a header section.
      flush();
      headersEnd = pos;
      bodyOffset = pos;
      break;
    } else {
      flush();
      let i = pos;
      while (i < end && isTokenChar(text.charCodeAt(i))) i++;
      const colon = skipWhitespace(text, i, end);
      if (i === pos || text.charCodeAt(colon) !== COLON) {
        skippingMalformed = true;
        findings.push({
          code: 'sip.header.malformed',
          offset: pos,
          length: end - pos,
          message: 'Not a header line: expected "Name: value", where the name is a token (RFC 3261 §7.3). If this is the body, the blank line before it is missing.',
        });
      } else {
        skippingMalformed = false;
        const written = text.slice(pos, i);
        let id = names.get(written);
        if (id === undefined) {
          id = table.idOf(canonicalHeaderName(written));
          if (names.size < 1024) names.set(written, id);
        }
        hNameId = id;
        hOffset = pos;
        hNameEnd = i;
        hValueOffset = -1;
        hValueEnd = colon + 1;
        addValue(colon + 1, end);
      }
    }
    const next = nextLineStart(text, end);
    headersEnd = next;
    if (next === end) headersUnterminated = true;
    pos = next;
  }
  flush();
  if (bodyOffset < 0) bodyOffset = n;

  const headerCount = table.count - firstHeader;
  const bodyEnd = findBodyEnd(
    text,
    table.findIn(firstHeader, headerCount, 'content-length'),
    table.findIn(firstHeader, headerCount, 'content-type'),
    bodyOffset,
    findings,
  );
  return {
    index,
    offset: start,
    end: bodyEnd,
    startLine,
    firstHeader,
    headerCount,
    headersEnd,
    headersUnterminated,
    bodyOffset,
    bodyEnd,
    eol,
  };
}

/** Content-Length as a number, undefined when absent; reports a value that is not 1*DIGIT. */
function readContentLength(text: string, header: Header | undefined, findings: Finding[]): number | undefined {
  if (!header) return undefined;
  const { valueOffset: from, valueEnd: to } = header;
  let ok = to > from;
  for (let i = from; i < to && ok; i++) ok = isDigit(text.charCodeAt(i));
  if (!ok) {
    findings.push({
      code: 'sip.content-length.invalid',
      offset: from,
      length: to - from,
      message: `Content-Length must be a non-negative decimal number of bytes (RFC 3261 §20.14); found "${text.slice(from, Math.min(to, from + 40))}". The body was measured from the text instead.`,
    });
    return undefined;
  }
  return Number(text.slice(from, to));
}

/**
 * Where the body ends. Content-Length is trusted when it lands on a plausible boundary; otherwise
 * the body runs to the next start line (or the end of the file), and a disagreeing Content-Length
 * is reported with the measured length.
 */
function findBodyEnd(
  text: string,
  clHeader: Header | undefined,
  contentType: Header | undefined,
  bodyOffset: number,
  findings: Finding[],
): number {
  const declared = readContentLength(text, clHeader, findings);
  if (declared !== undefined) {
    const end = advanceUtf8(text, bodyOffset, declared);
    if (end >= 0 && plausibleBodyEnd(text, bodyOffset, end, contentType)) return end;
  } else if (!contentType) {
    return bodyOffset;
  }
  const measuredEnd = measureBody(text, bodyOffset);
  // A body that did not decode as UTF-8 has lost its byte count: nothing reliable to compare.
  if (clHeader && declared !== undefined && indexOfCode(text, 0xfffd, bodyOffset, measuredEnd) < 0) {
    const actual = utf8Length(text, bodyOffset, measuredEnd);
    const range = { offset: clHeader.valueOffset, length: clHeader.valueEnd - clHeader.valueOffset, data: { actual } };
    findings.push(
      declared > actual
        ? {
            code: 'sip.content-length.truncated-body',
            ...range,
            message: `Content-Length says ${declared} bytes but only ${actual} follow: the message is cut short. A receiver must reject it with 400 Bad Request over UDP, and over TCP it waits for bytes that never come (RFC 3261 §18.3).`,
          }
        : {
            code: 'sip.content-length.extra-body',
            ...range,
            message: `Content-Length says ${declared} bytes but the body has ${actual}. Over UDP the receiver discards the ${actual - declared} extra bytes; over TCP they are read as the start of the next message (RFC 3261 §18.3).`,
          },
    );
  }
  return measuredEnd;
}

function plausibleBodyEnd(text: string, bodyOffset: number, end: number, contentType: Header | undefined): boolean {
  const n = text.length;
  if (end === n) return true;
  const before = end > bodyOffset ? text.charCodeAt(end - 1) : LF;
  let next = end;
  if (before !== LF) {
    const at = text.charCodeAt(end);
    if (at !== CR && at !== LF) return false; // ends in the middle of a line
    next = nextLineStart(text, lineEnd(text, end));
  }
  // A line right after the body, with no blank line between, is the body going on when the
  // message declares a body type or the line looks like SDP; otherwise it is a log line.
  const lineStop = lineEnd(text, next);
  if (lineStop > next && !isStartLine(text, next, lineStop) && (contentType || looksLikeSdp(text, next, lineStop))) return false;
  // A long Content-Length can swallow the next message; a body with embedded messages may contain them.
  const type = contentType ? text.slice(contentType.valueOffset, contentType.valueEnd).toLowerCase() : '';
  if (type.startsWith('multipart/') || type.startsWith('message/')) return true;
  let pos = bodyOffset;
  let previousEmpty = false;
  while (pos < end) {
    const stop = lineEnd(text, pos);
    if (stop === pos) previousEmpty = true;
    else {
      if (previousEmpty && isStartLine(text, pos, stop)) return false;
      previousEmpty = false;
    }
    pos = nextLineStart(text, stop);
  }
  return true;
}

/** `x=...`: one lower-case letter and "=", as every SDP line starts. */
function looksLikeSdp(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  return end - start >= 2 && c >= 97 && c <= 122 && text.charCodeAt(start + 1) === 61;
}

/** The body as the text shows it: up to the next start line or end of file, without trailing blank lines. */
function measureBody(text: string, bodyOffset: number): number {
  const n = text.length;
  let pos = bodyOffset;
  let lastContentEnd = bodyOffset;
  while (pos < n) {
    const stop = lineEnd(text, pos);
    if (stop > pos) {
      if (isStartLine(text, pos, stop)) break;
      if (skipWhitespace(text, pos, stop) < stop) lastContentEnd = nextLineStart(text, stop);
    }
    pos = nextLineStart(text, stop);
  }
  return lastContentEnd;
}

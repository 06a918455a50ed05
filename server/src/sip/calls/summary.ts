// The few facts per message that transactions, dialogs and follow-ups are built from, read in one
// pass over the message's rows of the header table: no header objects, no regular expressions.
import { MessageMeta, SipMessage, Trace } from '../model';
import { ParamSpan, addressSpan, headerParam, parseDigits, scanValue } from '../values';
import { AT, COLON, GT, LF, QUESTION, SEMI, SLASH, copied, copyAll, hashChars, indexOfCode, isLws, sameChars, startsWithIgnoreCase } from '../chars';
import { METHODS } from '../catalog/methods';
import { keepShape } from '../shapes';
import { MessageTable } from '../messageTable';

export interface MessageSummary {
  readonly index: number;
  readonly offset: number;
  readonly startLine: Span;
  readonly kind: 'request' | 'response';
  /** The request's method, or for a response the method in its CSeq. */
  readonly method: string;
  /** Status code of a response; 0 for a request. */
  readonly code: number;
  readonly requestUri: string | undefined;
  /** `uriKey` of a request's Request-URI, From URI and To URI (what follow-ups are matched on). */
  readonly requestUriKey: string | undefined;
  readonly fromKey: string | undefined;
  readonly toKey: string | undefined;
  readonly callId: string;
  /** NaN when the CSeq number is missing or not a number. */
  readonly cseq: number;
  readonly cseqOffset: number | undefined;
  readonly fromTag: string | undefined;
  readonly toTag: string | undefined;
  /** Top Via: its branch, where the branch value lies in the text, and its sent-by. */
  readonly branch: string | undefined;
  readonly branchOffset: number | undefined;
  readonly sentBy: string | undefined;
  readonly viaCount: number;
  /**
   * The top Via value and the one below it, read only where they are used: to match RFC 2543
   * transactions (no magic cookie) and to follow a 503 across a proxy.
   */
  readonly topVia: string | undefined;
  readonly secondVia: string | undefined;
  /** Contact URIs of a 3xx response (not read for other messages). */
  readonly contacts: readonly string[];
  /** Retry-After in seconds. */
  readonly retryAfter: number | undefined;
  /** A 3xx response with an Expires header or an `expires` parameter on a Contact. */
  readonly explicitExpiry: boolean;
  /** `uriKey` of the top Route URI, which decides the next hop before the Request-URI does. */
  readonly routeKey: string | undefined;
  /** From the log framing, when the trace came from a log format. */
  readonly time: number | undefined;
  readonly src: string | undefined;
  readonly dst: string | undefined;
}

const NONE: readonly string[] = [];
/** RFC 3261 branches start with it (§8.1.1.7); others are RFC 2543's. */
export const MAGIC_COOKIE = 'z9hG4bK';

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isAlpha(c: number): boolean {
  return isUpper(c) || (c >= 97 && c <= 122);
}

/** Where the key found by uriKeyAt starts, when it is written as is in the text. */
let keyStart = 0;

/**
 * Compares URIs the way a SIP engineer would for "the same target": scheme, user, host and port,
 * not parameters. Reads text[from, to): undefined when empty; for the usual lower-case spelling,
 * the end of the key as written, from keyStart (so it can be kept without a slice); else the key.
 */
function uriKeyAt(text: string, from: number, to: number): number | string | undefined {
  while (from < to && isLws(text.charCodeAt(from))) from++;
  while (to > from && isLws(text.charCodeAt(to - 1))) to--;
  if (from === to) return undefined;
  let colon = from;
  while (colon < to && isAlpha(text.charCodeAt(colon))) colon++;
  const schemeLength = colon - from;
  const known =
    text.charCodeAt(colon) === COLON &&
    ((schemeLength === 3 && (startsWithIgnoreCase(text, from, 'sip') || startsWithIgnoreCase(text, from, 'tel'))) || (schemeLength === 4 && startsWithIgnoreCase(text, from, 'sips')));
  if (!known) return text.slice(from, to).toLowerCase();
  let end = colon + 1;
  let at = -1;
  // Upper case in the scheme or the host makes the key differ from the text; the user part is case-sensitive.
  const schemeUpper = hasUpper(text, from, colon);
  let upper = false;
  for (; end < to; end++) {
    const c = text.charCodeAt(end);
    if (c === SEMI || c === QUESTION || c === GT) break;
    if (c === AT) {
      at = end;
      upper = false;
    } else if (isUpper(c)) upper = true;
  }
  if (at >= 0 && !upper && !schemeUpper) {
    keyStart = from;
    return end;
  }
  const user = at >= 0 ? text.slice(colon + 1, at) : '';
  return `${text.slice(from, colon).toLowerCase()}:${user}@${text.slice(at >= 0 ? at + 1 : colon + 1, end).toLowerCase()}`;
}

/** The `uriKey` of the URI at text[from, to). */
export function uriKeyOf(text: string, from: number, to: number): string | undefined {
  const key = uriKeyAt(text, from, to);
  return typeof key === 'number' ? text.slice(keyStart, key) : key;
}

/** The id of the kept `uriKey` of the URI at text[from, to), or -1. */
function uriKeyId(strings: Strings, from: number, to: number): number {
  const key = uriKeyAt(strings.text, from, to);
  return key === undefined ? -1 : typeof key === 'number' ? strings.span(keyStart, key) : strings.of(key);
}

export function uriKey(uri: string | undefined): string | undefined {
  return uri === undefined ? undefined : uriKeyOf(uri, 0, uri.length);
}

/** The catalogue's method names by length. */
const METHODS_BY_LENGTH: string[][] = [];
for (const { name } of METHODS) (METHODS_BY_LENGTH[name.length] ??= []).push(name);

/** The method written at text[from, to): the catalogue's own string for a known one, so methods compare and hash as constants. */
function methodName(text: string, from: number, to: number): string {
  for (const name of METHODS_BY_LENGTH[to - from] ?? NONE) if (text.startsWith(name, from)) return name;
  return text.slice(from, to);
}

function hasUpper(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isUpper(text.charCodeAt(i))) return true;
  return false;
}

/** text[from, to) with folded lines joined by a single space. */
function unfolded(text: string, from: number, to: number): string {
  const raw = text.slice(from, to);
  return raw.includes('\n') ? raw.replace(/[ \t]*\r?\n[ \t]+/g, ' ') : raw;
}


/**
 * One string per distinct value. Call-IDs, tags, branches, hosts and URIs repeat from message to
 * message; kept once for the whole trace instead of once per message, they were a third of the
 * call model's memory. A value is looked up by its text range (open addressing on a hash of its
 * characters), so one seen before costs no slice; a value kept from the trace's text is compared
 * with the text where it was first seen, not with its slice (startsWith on the slice was the
 * summaries' largest cost). Each value also gets a number: what the summaries keep.
 */
class Strings {
  /** Per slot: 1 + the id of the value there, 0 for none. */
  private slots = new Int32Array(4096);
  private hashes = new Int32Array(4096);
  /** Per id: where the value starts in `text`, or -1 for one made elsewhere (unfolded, lower-cased). */
  private starts = new Int32Array(2048);
  private readonly values: string[] = [];
  /** Values before this id are copies that keep no text alive (see moveTo). */
  private copiedUpTo = 0;

  constructor(public text: string) {}

  /**
   * Goes on with the next part of a trace read in parts (stream.ts): the values kept so far become
   * copies, since those kept as where they lie, and slices, would keep the previous part alive.
   */
  moveTo(text: string): void {
    copyAll(this.values, this.copiedUpTo);
    this.starts.fill(-1, this.copiedUpTo, this.values.length);
    this.copiedUpTo = this.values.length;
    this.text = text;
  }

  /** The values, to keep without the tables that find them; those of the ids in `asStrings` are kept as strings. */
  kept(asStrings: Int32Array): KeptStrings {
    const count = this.values.length;
    const starts = this.starts.slice(0, count);
    const ends = new Int32Array(count);
    const strings: string[] = [];
    for (const id of asStrings) starts[id] = -1;
    for (let id = 0; id < count; id++) {
      if (starts[id] >= 0) ends[id] = starts[id] + this.values[id].length;
      else ends[id] = strings.push(this.values[id]) - 1;
    }
    return new KeptStrings(this.text, starts, ends, strings);
  }

  /** The id of text[from, to). */
  span(from: number, to: number): number {
    const text = this.text;
    const length = to - from;
    const hash = hashChars(text, from, to);
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (let id = this.slots[slot] - 1; id >= 0; id = this.slots[(slot = (slot + 1) & mask)] - 1) {
      if (this.hashes[slot] !== hash) continue;
      const known = this.values[id];
      if (known.length !== length) continue;
      const start = this.starts[id];
      if (start >= 0 ? sameChars(text, start, from, length) : text.startsWith(known, from)) return id;
    }
    return this.keep(slot, hash, from, text.slice(from, to));
  }

  /** The id of text[span], or -1 for an absent or empty span. */
  param(span: ParamSpan | undefined): number {
    return span && span.end > span.start ? this.span(span.start, span.end) : -1;
  }

  /** The id of `value`, made from the text (unfolded, lower-cased). */
  of(value: string): number {
    const length = value.length;
    const hash = hashChars(value, 0, length);
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (let id = this.slots[slot] - 1; id >= 0; id = this.slots[(slot = (slot + 1) & mask)] - 1) {
      if (this.hashes[slot] === hash && this.values[id] === value) return id;
    }
    return this.keep(slot, hash, -1, value);
  }

  private keep(slot: number, hash: number, start: number, value: string): number {
    const id = this.values.length;
    this.values.push(value);
    this.slots[slot] = id + 1;
    this.hashes[slot] = hash;
    if (id === this.starts.length) {
      const starts = new Int32Array(id * 2);
      starts.set(this.starts);
      this.starts = starts;
    }
    this.starts[id] = start;
    if ((id + 1) * 2 > this.slots.length) this.grow();
    return id;
  }

  private grow(): void {
    const { slots, hashes } = this;
    this.slots = new Int32Array(slots.length * 2);
    this.hashes = new Int32Array(hashes.length * 2);
    const mask = this.slots.length - 1;
    for (let i = 0; i < slots.length; i++) {
      if (slots[i] === 0) continue;
      let slot = hashes[i] & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = slots[i];
      this.hashes[slot] = hashes[i];
    }
  }
}

/**
 * The strings of the summaries by id, for as long as the document is open. Most are written as is
 * in the trace: they are kept as where they lie and sliced from it when read, instead of as 30,000
 * strings per 10 MB of trace (a slice or a copy of 32 bytes or more each, the copy's characters two
 * bytes each in a text with any character beyond Latin-1). The Call-IDs stay strings: the calls map
 * keeps them anyway as its keys, and rules look calls up by them, which a string hashes only once.
 */
class KeptStrings {
  constructor(
    private readonly text: string,
    /** Per id: where the value starts in the text, or -1 for one kept as a string. */
    private readonly starts: Int32Array,
    /** Per id: where the value ends in the text, or for one kept as a string, its place in `strings`. */
    private readonly ends: Int32Array,
    /** The Call-IDs and the values made elsewhere (unfolded, lower-cased, the catalogue's method names). */
    private readonly strings: readonly string[],
  ) {}

  at(id: number): string {
    return this.starts[id] >= 0 ? this.text.slice(this.starts[id], this.ends[id]) : this.strings[this.ends[id]];
  }
}

/**
 * The summaries' fields, one typed array per field indexed by message, for the call model, which
 * reads a few of them for every message: a string is an id (see `Summaries.value`), -1 for none,
 * so equal ids are equal strings and are compared and indexed as numbers. Offsets are -1 for none.
 */
export interface SummaryColumns {
  /** 1 for a response, 0 for a request. */
  readonly response: Uint8Array;
  /** A status code has three digits; 0 for a request or a code that is not one. */
  readonly code: Uint16Array;
  readonly method: Int32Array;
  readonly requestUriKey: Int32Array;
  readonly fromKey: Int32Array;
  readonly toKey: Int32Array;
  /** A message without a Call-ID has the id of the empty string: it is grouped with those whose Call-ID is empty. */
  readonly callId: Int32Array;
  /** A Float64Array, so that a missing CSeq stays NaN without boxing a number per message. */
  readonly cseq: Float64Array;
  readonly cseqOffset: Int32Array;
  readonly fromTag: Int32Array;
  readonly toTag: Int32Array;
  readonly branch: Int32Array;
  readonly branchOffset: Int32Array;
  readonly sentBy: Int32Array;
  readonly viaCount: Int32Array;
  readonly routeKey: Int32Array;
}

/** How many calls AddressMemo remembers at once: a slot per call, by its Call-ID's id. */
const MEMO_SLOTS = 1024;

/**
 * What a call's From or To says, kept per Call-ID: a call's messages mostly repeat the same header
 * value, so when its text is the same as last time, the URI key and tag are taken from then instead
 * of read and interned again (From and To were a third of the summaries' time). A fixed number of
 * slots, shared by the calls whose ids meet there: the calls of a trace that overlap are far fewer,
 * and tables grown with the trace were freed in pieces the allocator kept resident.
 */
class AddressMemo {
  /** Per slot: the Call-ID id it holds (-1 for none), where its value last read starts and ends, its URI key id and its tag id. */
  private readonly calls = new Int32Array(MEMO_SLOTS).fill(-1);
  private readonly starts = new Int32Array(MEMO_SLOTS);
  private readonly ends = new Int32Array(MEMO_SLOTS);
  private readonly keys = new Int32Array(MEMO_SLOTS);
  private readonly tags = new Int32Array(MEMO_SLOTS);
  /** What the last read found: the URI key's id and the tag's id (-1 for none). */
  key = -1;
  tag = -1;

  constructor(private readonly strings: Strings) {}

  /** Reads the address header value text[from, to) of a message of the call `callId`; from -1 for a message without the header. */
  read(callId: number, from: number, to: number): void {
    if (from < 0) {
      this.key = -1;
      this.tag = -1;
      return;
    }
    const slot = callId & (MEMO_SLOTS - 1);
    const { strings } = this;
    const text = strings.text;
    const start = this.starts[slot];
    if (this.calls[slot] === callId && this.ends[slot] - start === to - from && sameChars(text, start, from, to - from)) {
      this.key = this.keys[slot];
      this.tag = this.tags[slot];
      return;
    }
    // Responses need only the tag, but a request of the call will likely repeat the value: both are read.
    const uri = addressSpan(text, from, to);
    this.key = uriKeyId(strings, uri.start, uri.end);
    // The tag follows the address (only blanks and a `>` lie between): the address is not read twice.
    this.tag = strings.param(headerParam(text, uri.end, to, 'tag'));
    this.calls[slot] = callId;
    this.starts[slot] = from;
    this.ends[slot] = to;
    this.keys[slot] = this.key;
    this.tags[slot] = this.tag;
  }
}

/**
 * The last value a field of the summaries was read from: the next message mostly belongs to the
 * same call and transaction and repeats it, which one comparison tells without hashing it again.
 */
class Recent {
  private start = 0;
  private length = -1;
  private id = -1;

  constructor(private readonly strings: Strings) {}

  /** The id of text[from, to). */
  span(from: number, to: number): number {
    const length = to - from;
    if (length === this.length && sameChars(this.strings.text, this.start, from, length)) return this.id;
    this.start = from;
    this.length = length;
    return (this.id = this.strings.span(from, to));
  }
}

/** Columns for `count` messages, to be filled in. */
function columnsFor(count: number): SummaryColumns {
  const ids = () => new Int32Array(count);
  return {
    response: new Uint8Array(count),
    code: new Uint16Array(count),
    method: ids(),
    requestUriKey: ids(),
    fromKey: ids(),
    toKey: ids(),
    callId: ids(),
    cseq: new Float64Array(count),
    cseqOffset: ids(),
    fromTag: ids(),
    toTag: ids(),
    branch: ids(),
    branchOffset: ids(),
    sentBy: ids(),
    viaCount: ids(),
    routeKey: ids(),
  };
}

/** Where a summarizer writes: message `index` of the trace part goes to row `index + base`, its offsets are moved by `offsetBase`. */
interface Target {
  readonly columns: SummaryColumns;
  readonly cookieBranch: Int32Array;
  readonly rare: Map<number, RareFacts>;
  readonly base: number;
  readonly offsetBase: number;
  /** Applied to the strings kept in `rare`: a copy when the text is read in parts. */
  readonly keep: (value: string) => string;
}

/**
 * Reads the summary of each message of `trace` into the target's columns, `cookieBranch` and, for
 * the few messages that have them, `rare`; the header names it needs are looked up once.
 */
function summarizer(trace: Trace, strings: Strings, { columns, cookieBranch, rare, base, offsetBase, keep }: Target): (m: SipMessage) => void {
  const { text, headers } = trace;
  const ids = {
    via: headers.knownId('via'),
    from: headers.knownId('from'),
    to: headers.knownId('to'),
    callId: headers.knownId('call-id'),
    cseq: headers.knownId('cseq'),
    contact: headers.knownId('contact'),
    expires: headers.knownId('expires'),
    retryAfter: headers.knownId('retry-after'),
    route: headers.knownId('route'),
  };
  // A message without a Call-ID is grouped with those whose Call-ID is empty.
  const noCallId = strings.of('');
  const fromMemo = new AddressMemo(strings);
  const toMemo = new AddressMemo(strings);
  const recentCallId = new Recent(strings);
  const recentBranch = new Recent(strings);
  const recentSentBy = new Recent(strings);
  // The first comma at or after commaFrom (text.length for none), found by the native search and
  // reused while the Via rows, which come in text order, lie before it: each character is searched once.
  let commaFrom = 0;
  let comma = -1;
  const hasComma = (from: number, to: number): boolean => {
    if (from < commaFrom || from > comma) {
      commaFrom = from;
      comma = text.indexOf(',', from);
      if (comma < 0) comma = text.length;
    }
    return comma < to;
  };
  return (m: SipMessage): void => {
    const line = m.startLine;
    const isRequest = line.kind === 'request';
    // Contacts and their expiry matter for redirects only; reading them for every message costs time.
    const redirect = line.kind === 'response' && line.code >= 300 && line.code < 400;
    let callId = noCallId;
    let cseq = NaN;
    let cseqOffset = -1;
    let cseqMethod = '';
    let fromValue = -1;
    let fromValueEnd = 0;
    let toValue = -1;
    let toValueEnd = 0;
    let viaCount = 0;
    let topVia = -1;
    let topViaEnd = 0;
    let secondVia = -1;
    let secondViaEnd = 0;
    let retryAfter: number | undefined;
    let routeKey = -1;
    let contacts: string[] | undefined;
    let explicitExpiry = false;
    let seen = 0; // bit per single-valued header already read: the first one counts
    for (let row = m.firstHeader, last = m.firstHeader + m.headerCount; row < last; row++) {
      const id = headers.nameIdOf(row);
      const from = headers.valueOffsetOf(row);
      const to = headers.valueEndOf(row);
      if (id === ids.via) {
        // Only the top two Via values are kept (transactions, proxies); the rest are counted.
        const elements = hasComma(from, to) ? scanValue(text, from, to, true).elements : [from, to];
        for (let k = 0; k < elements.length; k += 2) {
          if (viaCount === 0) {
            topVia = elements[k];
            topViaEnd = elements[k + 1];
          } else if (viaCount === 1) {
            secondVia = elements[k];
            secondViaEnd = elements[k + 1];
          }
          viaCount++;
        }
      } else if (id === ids.callId && !(seen & 1)) {
        seen |= 1;
        callId = indexOfCode(text, LF, from, to) < 0 ? recentCallId.span(from, to) : strings.of(unfolded(text, from, to));
      } else if (id === ids.cseq && !(seen & 2)) {
        seen |= 2;
        let end = from;
        while (end < to && !isLws(text.charCodeAt(end))) end++;
        cseq = parseDigits(text, from, end) ?? NaN;
        cseqOffset = from;
        while (end < to && isLws(text.charCodeAt(end))) end++;
        cseqMethod = methodName(text, end, to);
      } else if (id === ids.from && !(seen & 4)) {
        seen |= 4;
        fromValue = from;
        fromValueEnd = to;
      } else if (id === ids.to && !(seen & 8)) {
        seen |= 8;
        toValue = from;
        toValueEnd = to;
      } else if (id === ids.retryAfter && !(seen & 16)) {
        seen |= 16;
        let end = from;
        while (end < to && !isLws(text.charCodeAt(end)) && text.charCodeAt(end) !== SEMI && text.charCodeAt(end) !== 40) end++;
        retryAfter = parseDigits(text, from, end);
      } else if (id === ids.route && isRequest && !(seen & 32)) {
        seen |= 32;
        const uri = addressSpan(text, from, to);
        routeKey = uriKeyId(strings, uri.start, uri.end);
      } else if (redirect && id === ids.contact) {
        const elements = scanValue(text, from, to, true).elements;
        for (let k = 0; k < elements.length; k += 2) {
          const uri = addressSpan(text, elements[k], elements[k + 1]);
          (contacts ??= []).push(text.slice(uri.start, uri.end));
          if (headerParam(text, elements[k], elements[k + 1], 'expires')) explicitExpiry = true;
        }
      } else if (redirect && id === ids.expires) {
        explicitExpiry = true;
      }
    }
    // Read once the Call-ID is known, which usually comes after them.
    fromMemo.read(callId, fromValue, fromValueEnd);
    toMemo.read(callId, toValue, toValueEnd);
    const fromKey = isRequest ? fromMemo.key : -1;
    const toKey = isRequest ? toMemo.key : -1;
    let branch = -1;
    let branchOffset = -1;
    let cookie = false;
    let sentBy = -1;
    if (topVia >= 0) {
      const span = headerParam(text, topVia, topViaEnd, 'branch');
      if (span && span.end > span.start) {
        branch = recentBranch.span(span.start, span.end);
        branchOffset = span.start;
        cookie = text.startsWith(MAGIC_COOKIE, branchOffset);
      }
      // SIP / 2.0 / UDP host:port;…: the sent-by follows the transport, after the second slash.
      let i = topVia;
      for (let slashes = 0; i < topViaEnd && slashes < 2; i++) if (text.charCodeAt(i) === SLASH) slashes++;
      while (i < topViaEnd && isLws(text.charCodeAt(i))) i++;
      while (i < topViaEnd && !isLws(text.charCodeAt(i))) i++;
      while (i < topViaEnd && isLws(text.charCodeAt(i))) i++;
      let end = i;
      while (end < topViaEnd && !isLws(text.charCodeAt(end)) && text.charCodeAt(end) !== SEMI) end++;
      if (end > i) sentBy = hasUpper(text, i, end) ? strings.of(text.slice(i, end).toLowerCase()) : recentSentBy.span(i, end);
    }
    const viasWanted = !cookie || (line.kind === 'response' && line.code === 503);
    const requestUriKey = line.kind === 'request' ? uriKeyId(strings, line.uriOffset, line.uriEnd) : -1;
    const i = m.index + base;
    columns.response[i] = isRequest ? 0 : 1;
    columns.code[i] = line.kind === 'response' ? line.code : 0;
    columns.method[i] = strings.of(line.kind === 'request' ? methodName(text, line.methodOffset, line.methodEnd) : cseqMethod);
    columns.requestUriKey[i] = requestUriKey;
    columns.fromKey[i] = fromKey;
    columns.toKey[i] = toKey;
    columns.callId[i] = callId;
    columns.cseq[i] = cseq;
    columns.cseqOffset[i] = cseqOffset < 0 ? -1 : cseqOffset + offsetBase;
    columns.fromTag[i] = fromMemo.tag;
    columns.toTag[i] = toMemo.tag;
    columns.branch[i] = branch;
    cookieBranch[i] = cookie ? branch : -1;
    columns.branchOffset[i] = branchOffset < 0 ? -1 : branchOffset + offsetBase;
    columns.sentBy[i] = sentBy;
    columns.viaCount[i] = viaCount;
    columns.routeKey[i] = routeKey;
    if (viasWanted || contacts || retryAfter !== undefined || explicitExpiry) {
      rare.set(i, {
        topVia: viasWanted && topVia >= 0 ? keep(unfolded(text, topVia, topViaEnd)) : undefined,
        secondVia: viasWanted && secondVia >= 0 ? keep(unfolded(text, secondVia, secondViaEnd)) : undefined,
        contacts: contacts ? contacts.map(keep) : NONE,
        retryAfter,
        explicitExpiry,
      });
    }
  };
}

/** What few messages have: the Vias kept for RFC 2543 matching and 503s, a 3xx's contacts and expiry, a Retry-After. */
type RareFacts = Pick<MessageSummary, 'topVia' | 'secondVia' | 'contacts' | 'retryAfter' | 'explicitExpiry'>;

/**
 * The summaries of a trace's messages, kept for as long as the document is open (a 10 MB trace has
 * 19,000): one typed array per field and the distinct strings once, instead of an object per message
 * (3.9 MB per 10 MB of trace, with a boxed number for the CSeq). `at` makes a message's summary
 * when asked for; the call model reads the columns.
 */
export class Summaries implements Iterable<MessageSummary> {
  constructor(
    readonly columns: SummaryColumns,
    private readonly strings: KeptStrings,
    /** By message index, for the few messages that have them. */
    readonly rare: ReadonlyMap<number, RareFacts>,
    /** Where each message lies and what its log framing says, which the trace keeps already. */
    private readonly places: MessagePlaces,
  ) {}

  get length(): number {
    return this.columns.code.length;
  }

  offsetOf(index: number): number {
    return this.places.offsetOf(index);
  }

  startLineOf(index: number): Span {
    return this.places.startLineOf(index);
  }

  requestUriOf(index: number): string | undefined {
    return this.places.requestUriOf(index);
  }

  metaOf(index: number): MessageMeta | undefined {
    return this.places.metaOf(index);
  }

  /** The string of `id`; undefined for -1. */
  value(id: number): string | undefined {
    return id < 0 ? undefined : this.strings.at(id);
  }

  at(index: number): MessageSummary {
    return new SummaryView(this, index);
  }

  *[Symbol.iterator](): Iterator<MessageSummary> {
    for (let i = 0; i < this.length; i++) yield new SummaryView(this, i);
  }
}

/** A message's summary, read from the columns: made on demand, so only those in use take memory. */
class SummaryView implements MessageSummary {
  constructor(
    private readonly of: Summaries,
    readonly index: number,
  ) {}

  /** The string whose id `ids` holds for this message. */
  private string(ids: Int32Array): string | undefined {
    return this.of.value(ids[this.index]);
  }

  get offset(): number {
    return this.of.offsetOf(this.index);
  }

  get startLine(): Span {
    return this.of.startLineOf(this.index);
  }

  get kind(): 'request' | 'response' {
    return this.of.columns.response[this.index] ? 'response' : 'request';
  }

  get method(): string {
    return this.string(this.of.columns.method)!;
  }

  get code(): number {
    return this.of.columns.code[this.index];
  }

  get requestUri(): string | undefined {
    return this.of.requestUriOf(this.index);
  }

  get requestUriKey(): string | undefined {
    return this.string(this.of.columns.requestUriKey);
  }

  get fromKey(): string | undefined {
    return this.string(this.of.columns.fromKey);
  }

  get toKey(): string | undefined {
    return this.string(this.of.columns.toKey);
  }

  get callId(): string {
    return this.string(this.of.columns.callId)!;
  }

  get cseq(): number {
    return this.of.columns.cseq[this.index];
  }

  get cseqOffset(): number | undefined {
    return offsetOrNone(this.of.columns.cseqOffset[this.index]);
  }

  get fromTag(): string | undefined {
    return this.string(this.of.columns.fromTag);
  }

  get toTag(): string | undefined {
    return this.string(this.of.columns.toTag);
  }

  get branch(): string | undefined {
    return this.string(this.of.columns.branch);
  }

  get branchOffset(): number | undefined {
    return offsetOrNone(this.of.columns.branchOffset[this.index]);
  }

  get sentBy(): string | undefined {
    return this.string(this.of.columns.sentBy);
  }

  get viaCount(): number {
    return this.of.columns.viaCount[this.index];
  }

  get routeKey(): string | undefined {
    return this.string(this.of.columns.routeKey);
  }

  get topVia(): string | undefined {
    return this.of.rare.get(this.index)?.topVia;
  }

  get secondVia(): string | undefined {
    return this.of.rare.get(this.index)?.secondVia;
  }

  get contacts(): readonly string[] {
    return this.of.rare.get(this.index)?.contacts ?? NONE;
  }

  get retryAfter(): number | undefined {
    return this.of.rare.get(this.index)?.retryAfter;
  }

  get explicitExpiry(): boolean {
    return this.of.rare.get(this.index)?.explicitExpiry ?? false;
  }

  get time(): number | undefined {
    return this.of.metaOf(this.index)?.time;
  }

  get src(): string | undefined {
    return this.of.metaOf(this.index)?.src;
  }

  get dst(): string | undefined {
    return this.of.metaOf(this.index)?.dst;
  }
}

function offsetOrNone(offset: number): number | undefined {
  return offset < 0 ? undefined : offset;
}

/**
 * The summaries of the messages of `trace`, and per message the id of its top Via branch when it
 * has the magic cookie (else -1), which only the building of the call model needs (RFC 3261
 * §17.1.3 matching), so the summaries do not keep it.
 */
export function summarize(trace: Trace): SummaryParts {
  const writer = new SummaryWriter(trace.messages.length, false);
  writer.add(trace, 0, trace.messages.length, 0);
  return writer.finish(new TracePlaces(trace));
}

export interface SummaryParts {
  readonly summaries: Summaries;
  readonly cookieBranch: Int32Array;
}

/** A range of the text: where it starts and where it ends. */
export interface Span {
  readonly offset: number;
  readonly end: number;
}

/** Where each message lies and what its log framing says: read from the trace, or kept by a check that read it in parts. */
export interface MessagePlaces {
  offsetOf(index: number): number;
  startLineOf(index: number): Span;
  requestUriOf(index: number): string | undefined;
  /** The log's meta: undefined when the trace is not a log. */
  metaOf(index: number): MessageMeta | undefined;
}

class TracePlaces implements MessagePlaces {
  constructor(private readonly trace: Pick<Trace, 'text' | 'messages' | 'meta'>) {}

  offsetOf(index: number): number {
    return this.trace.messages.offsetOf(index);
  }

  startLineOf(index: number): Span {
    const line = this.trace.messages.at(index).startLine;
    return { offset: line.offset, end: line.end };
  }

  requestUriOf(index: number): string | undefined {
    const line = this.trace.messages.at(index).startLine;
    return line.kind === 'request' ? this.trace.text.slice(line.uriOffset, line.uriEnd) : undefined;
  }

  metaOf(index: number): MessageMeta | undefined {
    // The trace's list is empty, or shorter than the messages, when the trace is not a log.
    const { meta } = this.trace;
    return index < meta.length ? meta[index] : undefined;
  }
}

/**
 * Fills the summaries of a trace's messages; for a trace read in parts (stream.ts), a part at a
 * time, keeping nothing of a part's text once the next one comes: strings are then copies.
 */
export class SummaryWriter {
  private readonly strings = new Strings('');
  private columns: SummaryColumns;
  private cookieBranch: Int32Array;
  private readonly rare = new Map<number, RareFacts>();
  private count = 0;

  constructor(
    capacity: number,
    /** Whether the trace comes in parts, whose texts must not be kept. */
    private readonly inParts: boolean,
  ) {
    this.columns = columnsFor(capacity);
    this.cookieBranch = new Int32Array(capacity);
  }

  /** Summarizes messages [from, to) of `trace`, a part whose text starts `offsetBase` characters into the whole. */
  add(trace: Trace, from: number, to: number, offsetBase: number): void {
    if (trace.text !== this.strings.text) {
      if (this.inParts) this.strings.moveTo(trace.text);
      else this.strings.text = trace.text;
    }
    this.reserve(this.count + to - from);
    const { columns, cookieBranch, rare } = this;
    const read = summarizer(trace, this.strings, { columns, cookieBranch, rare, base: this.count - from, offsetBase, keep: this.inParts ? copied : same });
    for (let i = from; i < to; i++) read(trace.messages.at(i));
    this.count += to - from;
  }

  finish(places: MessagePlaces): SummaryParts {
    if (this.inParts) this.strings.moveTo('');
    this.reserve(this.count, true);
    return { summaries: new Summaries(this.columns, this.strings.kept(this.columns.callId), this.rare, places), cookieBranch: this.cookieBranch };
  }

  /** Room for `count` rows; `exactly`: no more. */
  private reserve(count: number, exactly = false): void {
    const length = this.cookieBranch.length;
    if (exactly ? count === length : count <= length) return;
    const size = exactly ? count : Math.max(count, length * 2);
    const columns = columnsFor(size);
    for (const key of Object.keys(columns) as Array<keyof SummaryColumns>) columns[key].set(this.columns[key].subarray(0, Math.min(this.count, size)) as never);
    this.columns = columns;
    const cookieBranch = new Int32Array(size);
    cookieBranch.set(this.cookieBranch.subarray(0, Math.min(this.count, size)));
    this.cookieBranch = cookieBranch;
  }
}

function same(value: string): string {
  return value;
}

keepShape(new Strings(''));
keepShape(new AddressMemo(new Strings('')));
keepShape(new Recent(new Strings('')));
/** The summaries of no message: for the shapes kept of the classes that read summaries. */
export const NO_SUMMARIES = new Summaries(columnsFor(0), new Strings('').kept(new Int32Array(0)), new Map(), new TracePlaces({ text: '', messages: new MessageTable(0), meta: [] }));

keepShape(new SummaryView(NO_SUMMARIES, 0));
keepShape(new KeptStrings('', new Int32Array(0), new Int32Array(0), []));

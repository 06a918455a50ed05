// Every message of a trace as one row of numbers. Objects made during parsing die young, so a
// large trace does not leave V8's young generation grown to its maximum; SipMessage objects are
// made again on demand and are cheap to throw away.
import { MessageRows, SipMessage, StartLine } from './model';
import { keepShape } from './shapes';
import { splicedWide } from './wideRows';

/**
 * A row is 10 numbers: offset, end (also the body's end), headersEnd, bodyOffset, first header,
 * header count, a word of kind, flags and status code, and three words packing the start line's
 * other positions as 16-bit distances from the offset (a start line is a few dozen chars). The
 * table lives as long as the document; 17 plain numbers a row took 1.3 MB for a 10 MB trace. A
 * start line that does not fit (over 65535 chars, or not starting where the message does) has the
 * WIDE flag and its distances, all seven, in the table's `wide` map (wideRows.ts).
 */
const F = 10;
const FIRST_HEADER = 4;
const INFO = 6;
const LINE = 7;
const REQUEST = 1;
const UNTERMINATED = 2;
const LF_LINES = 4;
const WIDE = 8;
const CODE_SHIFT = 4;
const DISTANCE_MASK = 0xffff;

export class MessageTable implements MessageRows {
  private rows: Int32Array;
  private size = 0;
  /** Start lines whose distances do not fit, by row: [first, its end, second, its end, third, its end, line end] - offset. */
  private wide = new Map<number, readonly number[]>();

  constructor(capacity = 256) {
    this.rows = new Int32Array(F * Math.max(capacity, 16));
  }

  get length(): number {
    return this.size;
  }

  /** Appends a message's row (the parser gives its parts, so no SipMessage is made per message). */
  add(offset: number, end: number, s: StartLine, firstHeader: number, headerCount: number, headersEnd: number, headersUnterminated: boolean, lfLines: boolean, bodyOffset: number): void {
    if ((this.size + 1) * F > this.rows.length) {
      const grown = new Int32Array(this.rows.length * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
    const r = this.rows;
    const index = this.size++;
    const at = index * F;
    r[at] = offset;
    r[at + 1] = end;
    r[at + 2] = headersEnd;
    r[at + 3] = bodyOffset;
    r[at + FIRST_HEADER] = firstHeader;
    r[at + 5] = headerCount;
    const request = s.kind === 'request';
    // The three elements of the line, each an offset and an end, as distances from the message's offset.
    const d0 = (request ? s.methodOffset : s.versionOffset) - offset;
    const d1 = (request ? s.methodEnd : s.versionEnd) - offset;
    const d2 = (request ? s.uriOffset : s.codeOffset) - offset;
    const d3 = (request ? s.uriEnd : s.codeEnd) - offset;
    const d4 = (request ? s.versionOffset : s.reasonOffset) - offset;
    const d5 = (request ? s.versionEnd : s.reasonEnd) - offset;
    const d6 = s.end - offset;
    let info = (request ? REQUEST : 0) | (headersUnterminated ? UNTERMINATED : 0) | (lfLines ? LF_LINES : 0) | ((request ? 0 : s.code) << CODE_SHIFT);
    // >>> makes a negative distance large, so it does not fit either.
    if (d0 === 0 && ((d1 | d2 | d3 | d4 | d5 | d6) >>> 16) === 0) {
      r[at + LINE] = d1 | (d2 << 16);
      r[at + LINE + 1] = d3 | (d4 << 16);
      r[at + LINE + 2] = d5 | (d6 << 16);
    } else {
      info |= WIDE;
      this.wide.set(index, [d0, d1, d2, d3, d4, d5, d6]);
    }
    r[at + INFO] = info;
  }

  trim(): void {
    if (this.rows.length > this.size * F) this.rows = this.rows.slice(0, this.size * F);
  }

  /**
   * A new table: rows [0, from) of this one, then `inserted`'s rows (their first header moved by
   * `insertedHeaderBase`), then rows [to, length) of this one with offsets moved by `offsetDelta`
   * and first headers by `headerDelta`. The tables stay as they are.
   */
  spliced(from: number, to: number, inserted: MessageTable, insertedHeaderBase: number, offsetDelta: number, headerDelta: number): MessageTable {
    const out = new MessageTable(0);
    const size = from + inserted.size + (this.size - to);
    const rows = new Int32Array(Math.max(F, size * F));
    rows.set(this.rows.subarray(0, from * F), 0);
    rows.set(inserted.rows.subarray(0, inserted.size * F), from * F);
    for (let i = 0, at = from * F + FIRST_HEADER; i < inserted.size; i++, at += F) rows[at] += insertedHeaderBase;
    const tail = (from + inserted.size) * F;
    rows.set(this.rows.subarray(to * F, this.size * F), tail);
    if (offsetDelta !== 0 || headerDelta !== 0) {
      // The first four numbers are offsets; the start line's are distances from the first.
      for (let at = tail; at < size * F; at += F) {
        rows[at] += offsetDelta;
        rows[at + 1] += offsetDelta;
        rows[at + 2] += offsetDelta;
        rows[at + 3] += offsetDelta;
        rows[at + FIRST_HEADER] += headerDelta;
      }
    }
    out.rows = rows;
    out.size = size;
    out.wide = splicedWide(this.wide, from, to, inserted.wide, inserted.size);
    return out;
  }

  offsetOf(index: number): number {
    return this.rows[index * F];
  }

  firstHeaderOf(index: number): number {
    return this.rows[index * F + FIRST_HEADER];
  }

  endOf(index: number): number {
    return this.rows[index * F + 1];
  }

  /** The message at `index` as an object (made per call: keep it while you need it). */
  at(index: number): SipMessage {
    const r = this.rows;
    const at = index * F;
    const offset = r[at];
    const info = r[at + INFO];
    const wide = (info & WIDE) !== 0 ? this.wide.get(index)! : undefined;
    const l1 = r[at + LINE];
    const l2 = r[at + LINE + 1];
    const l3 = r[at + LINE + 2];
    const p0 = offset + (wide ? wide[0] : 0);
    const p1 = offset + (wide ? wide[1] : l1 & DISTANCE_MASK);
    const p2 = offset + (wide ? wide[2] : l1 >>> 16);
    const p3 = offset + (wide ? wide[3] : l2 & DISTANCE_MASK);
    const p4 = offset + (wide ? wide[4] : l2 >>> 16);
    const p5 = offset + (wide ? wide[5] : l3 & DISTANCE_MASK);
    const lineEnd = offset + (wide ? wide[6] : l3 >>> 16);
    const startLine: StartLine =
      (info & REQUEST) !== 0
        ? { kind: 'request', offset, end: lineEnd, methodOffset: p0, methodEnd: p1, uriOffset: p2, uriEnd: p3, versionOffset: p4, versionEnd: p5 }
        : { kind: 'response', offset, end: lineEnd, versionOffset: p0, versionEnd: p1, codeOffset: p2, codeEnd: p3, code: info >>> CODE_SHIFT, reasonOffset: p4, reasonEnd: p5 };
    return {
      index,
      offset,
      end: r[at + 1],
      startLine,
      firstHeader: r[at + FIRST_HEADER],
      headerCount: r[at + 5],
      headersEnd: r[at + 2],
      headersUnterminated: (info & UNTERMINATED) !== 0,
      eol: (info & LF_LINES) !== 0 ? '\n' : '\r\n',
      bodyOffset: r[at + 3],
      bodyEnd: r[at + 1],
    };
  }

  *[Symbol.iterator](): Iterator<SipMessage> {
    for (let i = 0; i < this.size; i++) yield this.at(i);
  }
}

keepShape(new MessageTable(1));

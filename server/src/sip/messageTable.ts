// Every message of a trace as one row of numbers. Objects made during parsing die young, so a
// large trace does not leave V8's young generation grown to its maximum; SipMessage objects are
// made again on demand and are cheap to throw away.
import { MessageRows, SipMessage, StartLine } from './model';
import { keepShape } from './shapes';

const F = 17; // fields per message, laid out as in add()
/** The fields that hold offsets into the text (all but kind, code, first header, header count, flags). */
const OFFSET_FIELDS = [0, 1, 2, 4, 5, 6, 7, 8, 9, 13, 15, 16];
const FIRST_HEADER = 11;

export class MessageTable implements MessageRows {
  private rows: Int32Array;
  private size = 0;

  constructor(capacity = 256) {
    this.rows = new Int32Array(F * Math.max(capacity, 16));
  }

  get length(): number {
    return this.size;
  }

  /** Appends a message's row (the parser gives its parts, so no SipMessage is made per message). */
  add(offset: number, end: number, s: StartLine, firstHeader: number, headerCount: number, headersEnd: number, headersUnterminated: boolean, lfLines: boolean, bodyOffset: number, bodyEnd: number): void {
    if ((this.size + 1) * F > this.rows.length) {
      const grown = new Int32Array(this.rows.length * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
    const r = this.rows;
    const at = this.size++ * F;
    r[at] = offset;
    r[at + 1] = end;
    r[at + 2] = s.end;
    if (s.kind === 'request') {
      r[at + 3] = 0;
      r[at + 4] = s.methodOffset;
      r[at + 5] = s.methodEnd;
      r[at + 6] = s.uriOffset;
      r[at + 7] = s.uriEnd;
      r[at + 8] = s.versionOffset;
      r[at + 9] = s.versionEnd;
      r[at + 10] = 0;
    } else {
      r[at + 3] = 1;
      r[at + 4] = s.versionOffset;
      r[at + 5] = s.versionEnd;
      r[at + 6] = s.codeOffset;
      r[at + 7] = s.codeEnd;
      r[at + 8] = s.reasonOffset;
      r[at + 9] = s.reasonEnd;
      r[at + 10] = s.code;
    }
    r[at + 11] = firstHeader;
    r[at + 12] = headerCount;
    r[at + 13] = headersEnd;
    r[at + 14] = (headersUnterminated ? 1 : 0) | (lfLines ? 2 : 0);
    r[at + 15] = bodyOffset;
    r[at + 16] = bodyEnd;
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
      for (let at = tail; at < size * F; at += F) {
        for (const field of OFFSET_FIELDS) rows[at + field] += offsetDelta;
        rows[at + FIRST_HEADER] += headerDelta;
      }
    }
    out.rows = rows;
    out.size = size;
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
    const startLine: StartLine =
      r[at + 3] === 0
        ? { kind: 'request', offset: r[at], end: r[at + 2], methodOffset: r[at + 4], methodEnd: r[at + 5], uriOffset: r[at + 6], uriEnd: r[at + 7], versionOffset: r[at + 8], versionEnd: r[at + 9] }
        : { kind: 'response', offset: r[at], end: r[at + 2], versionOffset: r[at + 4], versionEnd: r[at + 5], codeOffset: r[at + 6], codeEnd: r[at + 7], code: r[at + 10], reasonOffset: r[at + 8], reasonEnd: r[at + 9] };
    return {
      index,
      offset: r[at],
      end: r[at + 1],
      startLine,
      firstHeader: r[at + 11],
      headerCount: r[at + 12],
      headersEnd: r[at + 13],
      headersUnterminated: (r[at + 14] & 1) !== 0,
      eol: (r[at + 14] & 2) !== 0 ? '\n' : '\r\n',
      bodyOffset: r[at + 15],
      bodyEnd: r[at + 16],
    };
  }

  *[Symbol.iterator](): Iterator<SipMessage> {
    for (let i = 0; i < this.size; i++) yield this.at(i);
  }
}

keepShape(new MessageTable(1));

// All header fields of a trace in one Int32Array, six numbers per field, so a 10 MB trace holds
// a few MB of numbers instead of two hundred thousand objects. Header objects are made on demand.
import { Header, HeaderRows, SipMessage } from './model';
import { canonicalHeaderName } from './headerNames';
import { keepShape } from './shapes';

const FIELDS = 6; // offset, nameEnd, valueOffset, valueEnd, end, name id

/**
 * Header names as written (`Via`, `v`, `CALL-ID`) → their id, found by a hash the parser computes
 * while it scans the name, so reading a header allocates no string. Open addressing; a trace with
 * more spellings than it holds just looks the rest up by slicing.
 */
class WrittenNames {
  private static readonly SLOTS = 2048; // a power of two, twice MAX
  private static readonly MAX = 1024;
  private readonly hashes = new Int32Array(WrittenNames.SLOTS);
  private readonly written: Array<string | undefined> = new Array(WrittenNames.SLOTS).fill(undefined);
  private readonly ids = new Int32Array(WrittenNames.SLOTS);
  private size = 0;

  /** The id of the name text[from, to), whose hash is `hash` (see nameHash). */
  idOf(table: HeaderTable, text: string, from: number, to: number, hash: number): number {
    const mask = WrittenNames.SLOTS - 1;
    const length = to - from;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const known = this.written[slot];
      if (known === undefined) break;
      if (this.hashes[slot] === hash && known.length === length && text.startsWith(known, from)) return this.ids[slot];
    }
    const written = text.slice(from, to);
    const id = table.idOf(canonicalHeaderName(written));
    if (this.size < WrittenNames.MAX) {
      let slot = hash & mask;
      while (this.written[slot] !== undefined) slot = (slot + 1) & mask;
      this.written[slot] = written;
      this.hashes[slot] = hash;
      this.ids[slot] = id;
      this.size++;
    }
    return id;
  }
}

/** One step of the hash WrittenNames expects: fold in the next char code of the name. */
export function nameHash(hash: number, c: number): number {
  return (Math.imul(hash, 31) + c) | 0;
}

export class HeaderTable implements HeaderRows {
  private rows: Int32Array;
  private readonly names: string[];
  private readonly nameIds: Map<string, number>;
  private readonly written: WrittenNames;
  private size = 0;
  private lengthId = -1;
  private typeId = -1;

  /**
   * `sharing` lends its name ids, so rows of both tables can be spliced together. Every HeaderRows
   * of a trace is a HeaderTable; the model only declares the interface.
   */
  constructor(sharing?: HeaderRows, capacity = 1024) {
    this.rows = new Int32Array(FIELDS * Math.max(capacity, 16));
    const lender = sharing instanceof HeaderTable ? sharing : undefined;
    this.names = lender ? lender.names : [];
    this.nameIds = lender ? lender.nameIds : new Map();
    this.written = lender ? lender.written : new WrittenNames();
  }

  /** Like MessageTable.spliced: rows [0, from), `inserted`'s rows, rows [to, count) with offsets moved by `offsetDelta`. */
  spliced(from: number, to: number, inserted: HeaderTable, offsetDelta: number): HeaderTable {
    const out = new HeaderTable(this, 0);
    const size = from + inserted.size + (this.size - to);
    const rows = new Int32Array(Math.max(FIELDS, size * FIELDS));
    rows.set(this.rows.subarray(0, from * FIELDS), 0);
    rows.set(inserted.rows.subarray(0, inserted.size * FIELDS), from * FIELDS);
    const tail = (from + inserted.size) * FIELDS;
    rows.set(this.rows.subarray(to * FIELDS, this.size * FIELDS), tail);
    if (offsetDelta !== 0) {
      for (let at = tail; at < size * FIELDS; at += FIELDS) {
        rows[at] += offsetDelta;
        rows[at + 1] += offsetDelta;
        rows[at + 2] += offsetDelta;
        rows[at + 3] += offsetDelta;
        rows[at + 4] += offsetDelta;
      }
    }
    out.rows = rows;
    out.size = size;
    return out;
  }

  /** How many distinct names the table has ids for. */
  get nameCount(): number {
    return this.names.length;
  }

  get count(): number {
    return this.size;
  }

  /** The number that stands for a canonical header name in this table. */
  idOf(name: string): number {
    let id = this.nameIds.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.nameIds.set(name, id);
    }
    return id;
  }

  /** The id of the header name written as text[from, to), whose nameHash over its chars is `hash`. */
  idOfWritten(text: string, from: number, to: number, hash: number): number {
    return this.written.idOf(this, text, from, to, hash);
  }

  add(id: number, offset: number, nameEnd: number, valueOffset: number, valueEnd: number, end: number): void {
    if ((this.size + 1) * FIELDS > this.rows.length) {
      const grown = new Int32Array(this.rows.length * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
    const at = this.size++ * FIELDS;
    const rows = this.rows;
    rows[at] = offset;
    rows[at + 1] = nameEnd;
    rows[at + 2] = valueOffset;
    rows[at + 3] = valueEnd;
    rows[at + 4] = end;
    rows[at + 5] = id;
  }

  /** knownId of the two names the parser looks up in every message, kept once known (an id never changes). */
  contentLengthId(): number {
    if (this.lengthId < 0) this.lengthId = this.knownId('content-length');
    return this.lengthId;
  }

  contentTypeId(): number {
    if (this.typeId < 0) this.typeId = this.knownId('content-type');
    return this.typeId;
  }

  /** The id of a canonical header name, or -1 when no field of the trace has it. */
  knownId(name: string): number {
    return this.nameIds.get(name) ?? -1;
  }

  nameIdOf(row: number): number {
    return this.rows[row * FIELDS + 5];
  }

  valueOffsetOf(row: number): number {
    return this.rows[row * FIELDS + 2];
  }

  valueEndOf(row: number): number {
    return this.rows[row * FIELDS + 3];
  }

  nameOf(row: number): string {
    return this.names[this.rows[row * FIELDS + 5]];
  }

  header(row: number): Header {
    const at = row * FIELDS;
    const r = this.rows;
    return { name: this.names[r[at + 5]], offset: r[at], nameEnd: r[at + 1], valueOffset: r[at + 2], valueEnd: r[at + 3], end: r[at + 4] };
  }

  /** The message's header fields, in order, as objects (allocated per call: keep the result while you need it). */
  headersOf(message: SipMessage): Header[] {
    const out: Header[] = new Array(message.headerCount);
    for (let i = 0; i < message.headerCount; i++) out[i] = this.header(message.firstHeader + i);
    return out;
  }

  /** First field called `name` among the message's, or undefined. */
  find(message: SipMessage, name: string): Header | undefined {
    return this.findIn(message.firstHeader, message.headerCount, name);
  }

  /** First field called `name` in rows [first, first + count), or undefined. */
  findIn(first: number, count: number, name: string): Header | undefined {
    const row = this.rowOf(first, count, this.knownId(name));
    return row < 0 ? undefined : this.header(row);
  }

  /** Row of the first field with name id `id` in rows [first, first + count), or -1. */
  rowOf(first: number, count: number, id: number): number {
    if (id < 0) return -1;
    for (let row = first, last = first + count; row < last; row++) {
      if (this.rows[row * FIELDS + 5] === id) return row;
    }
    return -1;
  }
}

keepShape(new HeaderTable(undefined, 1));

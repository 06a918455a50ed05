// All header fields of a trace in one Int32Array, six numbers per field, so a 10 MB trace holds
// a few MB of numbers instead of two hundred thousand objects. Header objects are made on demand.
import { Header, HeaderRows, SipMessage } from './model';
import { canonicalHeaderName } from './headerNames';
import { keepShape } from './shapes';

const FIELDS = 6; // offset, nameEnd, valueOffset, valueEnd, end, name id

/** Where a walk of the written names' trie starts. */
export const NAME_ROOT = 1;

/**
 * Header names as written (`Via`, `v`, `CALL-ID`) → their id, by a trie that the parser walks while
 * it scans the name, one array load per char (see HeaderTable.nameTrie), so reading a header allocates no string
 * and looks at its name once. State 0 means no name known here, and leads to itself. A trace with
 * more spellings than the trie holds just looks the rest up by slicing.
 */
class WrittenNames {
  private static readonly MAX_STATES = 4096;
  /** Transitions: state * 128 + char code → state. */
  trie = new Int32Array(64 * 128);
  /** The id of the name that ends in each state, or -1. */
  private ids = new Int32Array(64).fill(-1);
  private states = NAME_ROOT + 1;

  /** The id of the name text[from, to), at whose end the trie walk is in `state`. */
  idOf(table: HeaderTable, text: string, from: number, to: number, state: number): number {
    if (this.ids[state] >= 0) return this.ids[state];
    const written = text.slice(from, to);
    const id = table.idOf(canonicalHeaderName(written));
    const needed = this.states + written.length;
    if (needed <= WrittenNames.MAX_STATES) {
      if (needed > this.ids.length) this.grow(Math.min(WrittenNames.MAX_STATES, Math.max(needed, 2 * this.ids.length)));
      let at = NAME_ROOT;
      for (let i = 0; i < written.length; i++) {
        const slot = at * 128 + written.charCodeAt(i);
        if (this.trie[slot] === 0) this.trie[slot] = this.states++;
        at = this.trie[slot];
      }
      this.ids[at] = id;
    }
    return id;
  }

  private grow(states: number): void {
    const trie = new Int32Array(states * 128);
    trie.set(this.trie);
    this.trie = trie;
    const ids = new Int32Array(states).fill(-1);
    ids.set(this.ids);
    this.ids = ids;
  }
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

  /**
   * The trie of written names: from NAME_ROOT, `state = trie[state * 128 + c]` for each char code
   * of a name (all below 128, as token chars are) ends in the state to give idOfWritten, which may
   * replace the trie with a larger one.
   */
  get nameTrie(): Int32Array {
    return this.written.trie;
  }

  /** The id of the header name written as text[from, to), whose walk of nameTrie ends in `state`. */
  idOfWritten(text: string, from: number, to: number, state: number): number {
    return this.written.idOf(this, text, from, to, state);
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

  /** Releases the unused part of the buffer once parsing is done. */
  trim(): void {
    if (this.rows.length > this.size * FIELDS) this.rows = this.rows.slice(0, this.size * FIELDS);
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

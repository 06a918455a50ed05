// All header fields of a trace in one Int32Array, three numbers per field, so a 10 MB trace holds
// two MB of numbers instead of two hundred thousand objects. Header objects are made on demand.
import { Header, HeaderRows, SipMessage } from './model';
import { canonicalHeaderName } from './headerNames';
import { keepShape } from './shapes';
import { splicedWide } from './wideRows';

/**
 * A row is valueOffset, valueEnd and a word packing what is small in every real field: the name
 * id, the name's length, the gap from the name's end to the value (": "), and the blanks after the
 * value. The table lives as long as the document, so half the bytes of six plain numbers count. A
 * field whose numbers do not fit (a 300-char name, a value folded far below its name, a trace with
 * thousands of names) has WIDE for its word and its numbers in the table's `wide` map (wideRows.ts).
 */
const FIELDS = 3;
const ID_BITS = 12;
const NAME_BITS = 8;
const GAP_BITS = 6;
const TAIL_BITS = 5; // 31 bits in all: a packed word is never negative, unlike WIDE
const ID_MASK = (1 << ID_BITS) - 1;
const NAME_MASK = (1 << NAME_BITS) - 1;
const GAP_MASK = (1 << GAP_BITS) - 1;
const NAME_SHIFT = ID_BITS;
const GAP_SHIFT = NAME_SHIFT + NAME_BITS;
const TAIL_SHIFT = GAP_SHIFT + GAP_BITS;
const WIDE = -1;

/** The packed part of a row whose numbers do not fit in its word; relative, so a splice moves none. */
interface WideField {
  readonly id: number;
  /** nameEnd - offset */
  readonly nameLength: number;
  /** valueOffset - nameEnd */
  readonly gap: number;
  /** end - valueEnd */
  readonly tail: number;
}

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
  /** The rows whose word is WIDE, by row: none in a trace of usual fields. */
  private wide = new Map<number, WideField>();
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
      }
    }
    out.wide = splicedWide(this.wide, from, to, inserted.wide, inserted.size);
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
    const row = this.size++;
    const at = row * FIELDS;
    const rows = this.rows;
    const nameLength = nameEnd - offset;
    const gap = valueOffset - nameEnd;
    const tail = end - valueEnd;
    rows[at] = valueOffset;
    rows[at + 1] = valueEnd;
    // >>> makes a negative number large, so it does not fit either.
    if (((id >>> ID_BITS) | (nameLength >>> NAME_BITS) | (gap >>> GAP_BITS) | (tail >>> TAIL_BITS)) === 0) {
      rows[at + 2] = id | (nameLength << NAME_SHIFT) | (gap << GAP_SHIFT) | (tail << TAIL_SHIFT);
    } else {
      rows[at + 2] = WIDE;
      this.wide.set(row, { id, nameLength, gap, tail });
    }
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
    const word = this.rows[row * FIELDS + 2];
    return word !== WIDE ? word & ID_MASK : this.wide.get(row)!.id;
  }

  valueOffsetOf(row: number): number {
    return this.rows[row * FIELDS];
  }

  valueEndOf(row: number): number {
    return this.rows[row * FIELDS + 1];
  }

  nameOf(row: number): string {
    return this.names[this.nameIdOf(row)];
  }

  header(row: number): Header {
    const at = row * FIELDS;
    const valueOffset = this.rows[at];
    const valueEnd = this.rows[at + 1];
    const word = this.rows[at + 2];
    const f = word !== WIDE ? undefined : this.wide.get(row)!;
    const id = f ? f.id : word & ID_MASK;
    const nameEnd = valueOffset - (f ? f.gap : (word >>> GAP_SHIFT) & GAP_MASK);
    const offset = nameEnd - (f ? f.nameLength : (word >>> NAME_SHIFT) & NAME_MASK);
    const end = valueEnd + (f ? f.tail : word >>> TAIL_SHIFT);
    return { name: this.names[id], offset, nameEnd, valueOffset, valueEnd, end };
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
      if (this.nameIdOf(row) === id) return row;
    }
    return -1;
  }
}

keepShape(new HeaderTable(undefined, 1));

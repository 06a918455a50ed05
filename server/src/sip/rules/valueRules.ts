// Runs the rules that read one header field at a time (Rule.checkValue). What they find depends
// only on the field's name and value, and a trace repeats its values: a dialog's From, To and
// Call-ID in every message, a transaction's Via in each of its responses, a client's Allow and
// Supported in all it sends. So a run remembers the values that gave no finding and skips them.
import { Finding, Header, SipMessage, Trace } from '../model';
import { scanValue } from '../values';
import { Rule, ValueContext } from './rule';
import { structureOf } from './structuredHeaders';
import { keepShape } from '../shapes';
import { hashChars } from '../chars';

/** The most slots the table of clean values grows to: a call's values come again within a few thousand others. */
const MAX_SLOTS = 1 << 12;

/**
 * The values of a run that gave no finding, each a name id and its text, in an open-addressing
 * table. A value is compared as a string: V8 compares two strings natively, several times faster
 * than a charCodeAt loop over both ranges (the hits are most of the lookups), and the slice of a
 * long value shares the trace's chars instead of copying them. Values repeat close to each other
 * (a call's messages follow one another), so a full table is emptied rather than grown for good.
 */
class CleanValues {
  private ids = new Int32Array(1024).fill(-1);
  private hashes = new Int32Array(1024);
  private values: string[] = new Array<string>(1024).fill('');
  private size = 0;

  constructor(private readonly maxSlots = MAX_SLOTS) {}

  static hash(text: string, id: number, from: number, to: number): number {
    return hashChars(text, from, to, Math.imul(0x811c9dc5 ^ id, 0x01000193));
  }

  /** The slot holding text[from, to) under `id`, or ~slot of the free slot where it would go. */
  find(text: string, id: number, from: number, to: number, hash: number): number {
    const mask = this.ids.length - 1;
    const length = to - from;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const known = this.ids[slot];
      if (known < 0) return ~slot;
      if (known === id && this.hashes[slot] === hash && this.values[slot].length === length && this.values[slot] === text.slice(from, to)) return slot;
    }
  }

  /** Adds text[from, to) at the free slot `find` gave. */
  add(slot: number, id: number, hash: number, text: string, from: number, to: number): void {
    this.put(slot, id, hash, text.slice(from, to));
    if (++this.size * 2 <= this.ids.length) return;
    if (this.ids.length < this.maxSlots) {
      this.grow();
    } else {
      this.ids.fill(-1);
      this.values.fill('');
      this.size = 0;
    }
  }

  private put(slot: number, id: number, hash: number, value: string): void {
    this.ids[slot] = id;
    this.hashes[slot] = hash;
    this.values[slot] = value;
  }

  private grow(): void {
    const { ids, hashes, values } = this;
    const capacity = ids.length * 2;
    this.ids = new Int32Array(capacity).fill(-1);
    this.hashes = new Int32Array(capacity);
    this.values = new Array<string>(capacity).fill('');
    const mask = capacity - 1;
    for (let i = 0; i < ids.length; i++) {
      if (ids[i] < 0) continue;
      let slot = hashes[i] & mask;
      while (this.ids[slot] >= 0) slot = (slot + 1) & mask;
      this.put(slot, ids[i], hashes[i], values[i]);
    }
  }
}

const NO_RULES: readonly Rule[] = [];

/** The value rules of one run over a trace (one checkMessages call), with the clean values it remembers. */
export class ValueChecker {
  /** Per name id of the trace's header table: the rules that read fields with that name. */
  private rulesOf: Array<readonly Rule[] | undefined> = [];
  private clean: CleanValues;
  private trace: Trace | undefined;

  constructor(
    /** Rules with a checkValue. */
    private readonly rules: readonly Rule[],
    /** The most slots of the table of clean values (tests make it small). */
    private readonly maxSlots = MAX_SLOTS,
  ) {
    this.clean = new CleanValues(maxSlots);
  }

  /** The findings of the value rules on the message's fields, each rule's in field order; undefined when there are none. */
  check(trace: Trace, message: SipMessage): Finding[] | undefined {
    if (trace !== this.trace) {
      this.trace = trace;
      this.rulesOf = [];
      this.clean = new CleanValues(this.maxSlots);
    }
    const { text, headers } = trace;
    let found: Finding[] | undefined;
    for (let row = message.firstHeader, last = message.firstHeader + message.headerCount; row < last; row++) {
      const id = headers.nameIdOf(row);
      const rules = this.rulesOf[id] ?? this.rulesFor(id, headers.nameOf(row));
      if (rules.length === 0) continue;
      const from = headers.valueOffsetOf(row);
      const to = headers.valueEndOf(row);
      const hash = CleanValues.hash(text, id, from, to);
      const slot = this.clean.find(text, id, from, to, hash);
      if (slot >= 0) continue;
      const before = found?.length ?? 0;
      found = this.run(text, rules, headers.header(row), found);
      if ((found?.length ?? 0) === before) this.clean.add(~slot, id, hash, text, from, to);
    }
    return found;
  }

  private rulesFor(id: number, name: string): readonly Rule[] {
    const structured = structureOf(name) !== undefined;
    const rules = this.rules.filter(({ checkValue }) => (checkValue!.names === 'structured' ? structured : checkValue!.names.has(name)));
    return (this.rulesOf[id] = rules.length > 0 ? rules : NO_RULES);
  }

  private run(text: string, rules: readonly Rule[], header: Header, found: Finding[] | undefined): Finding[] | undefined {
    const structure = structureOf(header.name);
    let code = rules[0].code;
    const context: ValueContext = {
      text,
      header,
      structure: structure ? scanValue(text, header.valueOffset, header.valueEnd, structure === 'list') : undefined,
      report: (offset, length, message, data) => (found ??= []).push({ code, offset, length, message, data }),
    };
    for (const rule of rules) {
      code = rule.code;
      rule.checkValue!.check(context);
    }
    return found;
  }
}

keepShape(new CleanValues());
keepShape(new ValueChecker([]));

// One context per message, shared by every rule; a header is found by the name id the table gave
// it, comparing numbers, not strings, and made into a Header object only when a rule asks for it
// (most rules read one or two of a message's fields).
import { Finding, Header, SipMessage, Trace } from '../model';
import { MessageContext, RuleContext } from './rule';

export type Report = (offset: number, length: number, message: string, data?: Finding['data']) => void;

const NONE: readonly Header[] = [];

/**
 * The name → fields index of one message: for each name id its first field, and from each field the
 * next one with the same name. Built once per message, into buffers shared by all messages (a
 * generation number tells which entries are this message's), so checking a trace allocates nothing
 * for it; a lookup on another message's context builds that one's again.
 */
class FieldIndex {
  private stamp = new Int32Array(64);
  private firsts = new Int32Array(64);
  private nexts = new Int32Array(256);
  private generation = 0;
  private owner: SipMessage | undefined;

  first(table: Trace['headers'], message: SipMessage, count: number, id: number): number {
    if (this.owner !== message) this.build(table, message, count);
    return id >= 0 && id < this.stamp.length && this.stamp[id] === this.generation ? this.firsts[id] : -1;
  }

  next(field: number): number {
    return this.nexts[field];
  }

  private build(table: Trace['headers'], message: SipMessage, count: number): void {
    this.owner = message;
    this.generation++;
    if (table.nameCount > this.stamp.length) {
      this.stamp = new Int32Array(table.nameCount * 2);
      this.firsts = new Int32Array(table.nameCount * 2);
    }
    if (count > this.nexts.length) this.nexts = new Int32Array(count * 2);
    for (let i = count - 1; i >= 0; i--) {
      const id = table.nameIdOf(message.firstHeader + i);
      this.nexts[i] = this.stamp[id] === this.generation ? this.firsts[id] : -1;
      this.firsts[id] = i;
      this.stamp[id] = this.generation;
    }
  }
}

const fieldIndex = new FieldIndex();

export function messageContext(trace: Trace, message: SipMessage): MessageContext {
  return createContext(trace, message, ignore);
}

function ignore(): void {}

export function createContext(trace: Trace, message: SipMessage, report: Report): RuleContext {
  const table = trace.headers;
  const indexOf = (name: string): number => fieldIndex.first(table, message, message.headerCount, table.knownId(name));
  const header = (name: string): Header | undefined => {
    const i = indexOf(name);
    return i >= 0 ? table.header(message.firstHeader + i) : undefined;
  };
  const headers = (name: string): readonly Header[] => {
    let i = indexOf(name);
    if (i < 0) return NONE;
    const out: Header[] = [];
    for (; i >= 0; i = fieldIndex.next(i)) out.push(table.header(message.firstHeader + i));
    return out;
  };
  return {
    trace,
    text: trace.text,
    message,
    header,
    headers,
    report,
  };
}

// The transactions of a trace, kept for as long as the document is open (a 10 MB trace has 6,000):
// one typed array per field and the responses of all of them end to end, instead of an object and
// a list per transaction (1 MB per 10 MB of trace). A Transaction is made when asked for.
import { keepShape } from '../shapes';

export interface Transaction {
  readonly index: number;
  readonly method: string;
  /** The first copy of the request, or -1 when the trace shows only responses. */
  readonly request: number;
  readonly retransmissions: readonly number[];
  readonly responses: readonly number[];
  /** First final response (>= 200), or -1. */
  readonly final: number;
  /** The ACK of a non-2xx final response, which belongs to the INVITE transaction. */
  readonly ack: number;
  readonly cancel: number;
}

/**
 * `count` columns of `length` numbers, zeros, in one buffer: the columns of a call model's building
 * are garbage once it is built, and one block of memory goes back to the system more surely than
 * ten that the allocator may keep between others.
 */
export function int32Columns(length: number, count: number): Int32Array[] {
  const buffer = new ArrayBuffer(length * count * Int32Array.BYTES_PER_ELEMENT);
  return Array.from({ length: count }, (_, k) => new Int32Array(buffer, k * length * Int32Array.BYTES_PER_ELEMENT, length));
}

/**
 * The transactions while the call model finds their messages: a column per field, each as long as
 * the messages (a trace has fewer transactions than messages), and a transaction's responses
 * linked through `nextResponse`. An object and two lists per transaction were, on a 100 MB trace,
 * about 30 MB of the heap at the call model's building, the highest point of `sip-trace-lint`'s run.
 */
export class TransactionTable {
  count = 0;
  readonly methods: string[] = [];
  readonly request: Int32Array;
  readonly final: Int32Array;
  readonly ack: Int32Array;
  readonly cancel: Int32Array;
  /** A transaction's first and last response, -1 for none; per message, the next response of its transaction. */
  readonly firstResponse: Int32Array;
  readonly lastResponse: Int32Array;
  readonly nextResponse: Int32Array;
  /** By transaction, for the few that have any. */
  readonly retransmissions = new Map<number, number[]>();

  constructor(messages: number) {
    [this.request, this.final, this.ack, this.cancel, this.firstResponse, this.lastResponse, this.nextResponse] = int32Columns(messages, 7);
    for (const column of [this.request, this.final, this.ack, this.cancel, this.firstResponse, this.lastResponse, this.nextResponse]) column.fill(-1);
  }

  /** A new transaction of `method`, with no message yet. */
  open(method: string): number {
    this.methods.push(method);
    return this.count++;
  }

  addResponse(t: number, response: number): void {
    if (this.lastResponse[t] < 0) this.firstResponse[t] = response;
    else this.nextResponse[this.lastResponse[t]] = response;
    this.lastResponse[t] = response;
  }

  addRetransmission(t: number, request: number): void {
    const list = this.retransmissions.get(t);
    if (list) list.push(request);
    else this.retransmissions.set(t, [request]);
  }
}

const NO_MESSAGES: readonly number[] = [];

/** Read by `at`, `ofMessage` or iterating: the arrays below are what the Transaction each makes reads. */
export class Transactions implements Iterable<Transaction> {
  readonly methods: readonly string[];
  /** Per transaction, its request, final response, ACK and CANCEL (-1 for none). */
  readonly request: Int32Array;
  readonly final: Int32Array;
  readonly ack: Int32Array;
  readonly cancel: Int32Array;
  /** The responses of transaction k are responses[firstResponse[k], firstResponse[k + 1]). */
  readonly firstResponse: Int32Array;
  readonly responses: Int32Array;
  /** By transaction, for the few that have any. */
  readonly retransmissions: ReadonlyMap<number, readonly number[]>;

  constructor(
    found: TransactionTable,
    /** Message index → transaction index, or -1. */
    private readonly transactionOf: Int32Array,
  ) {
    const { count } = found;
    this.methods = found.methods;
    this.request = found.request.slice(0, count);
    this.final = found.final.slice(0, count);
    this.ack = found.ack.slice(0, count);
    this.cancel = found.cancel.slice(0, count);
    this.firstResponse = new Int32Array(count + 1);
    let responses = 0;
    for (let k = 0; k < count; k++) for (let r = found.firstResponse[k]; r >= 0; r = found.nextResponse[r]) responses++;
    this.responses = new Int32Array(responses);
    responses = 0;
    for (let k = 0; k < count; k++) {
      this.firstResponse[k] = responses;
      for (let r = found.firstResponse[k]; r >= 0; r = found.nextResponse[r]) this.responses[responses++] = r;
    }
    this.firstResponse[count] = responses;
    this.retransmissions = found.retransmissions;
  }

  get length(): number {
    return this.methods.length;
  }

  at(index: number): Transaction {
    return new TransactionView(this, index);
  }

  /** The transaction of message `message`, if it has one (an ACK for a 2xx is a transaction of its own: none). */
  ofMessage(message: number): Transaction | undefined {
    const index = this.transactionOf[message];
    return index >= 0 ? new TransactionView(this, index) : undefined;
  }

  *[Symbol.iterator](): Iterator<Transaction> {
    for (let k = 0; k < this.length; k++) yield new TransactionView(this, k);
  }
}

class TransactionView implements Transaction {
  constructor(
    private readonly of: Transactions,
    readonly index: number,
  ) {}

  get method(): string {
    return this.of.methods[this.index];
  }

  get request(): number {
    return this.of.request[this.index];
  }

  get retransmissions(): readonly number[] {
    return this.of.retransmissions.get(this.index) ?? NO_MESSAGES;
  }

  get responses(): readonly number[] {
    const { firstResponse, responses } = this.of;
    return Array.from(responses.subarray(firstResponse[this.index], firstResponse[this.index + 1]));
  }

  get final(): number {
    return this.of.final[this.index];
  }

  get ack(): number {
    return this.of.ack[this.index];
  }

  get cancel(): number {
    return this.of.cancel[this.index];
  }
}

keepShape(new TransactionView(new Transactions(new TransactionTable(0), new Int32Array(0)), 0));

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

/** A transaction while the call model finds its messages. */
export interface OpenTransaction extends Transaction {
  request: number;
  retransmissions: number[];
  responses: number[];
  final: number;
  ack: number;
  cancel: number;
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
  readonly retransmissions = new Map<number, readonly number[]>();

  constructor(
    found: readonly OpenTransaction[],
    /** Message index → transaction index, or -1. */
    private readonly transactionOf: Int32Array,
  ) {
    const count = found.length;
    this.methods = found.map((t) => t.method);
    this.request = new Int32Array(count);
    this.final = new Int32Array(count);
    this.ack = new Int32Array(count);
    this.cancel = new Int32Array(count);
    this.firstResponse = new Int32Array(count + 1);
    let responses = 0;
    for (const t of found) responses += t.responses.length;
    this.responses = new Int32Array(responses);
    responses = 0;
    for (let k = 0; k < count; k++) {
      const t = found[k];
      this.request[k] = t.request;
      this.final[k] = t.final;
      this.ack[k] = t.ack;
      this.cancel[k] = t.cancel;
      this.firstResponse[k] = responses;
      for (const r of t.responses) this.responses[responses++] = r;
      if (t.retransmissions.length > 0) this.retransmissions.set(k, t.retransmissions);
    }
    this.firstResponse[count] = responses;
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

keepShape(new TransactionView(new Transactions([], new Int32Array(0)), 0));

// The trace as calls: which response answers which request (RFC 3261 §17.1.3), which requests are
// retransmissions, which ACK or CANCEL belongs to which INVITE, and which later request retried a
// request after its 3xx or 503.
import { Trace } from '../model';
import { MessageSummary, NO_SUMMARIES, Summaries, SummaryColumns, SummaryParts, summarize, uriKey } from './summary';
import { Transaction, TransactionTable, Transactions, int32Columns } from './transactions';
import { keepShape } from '../shapes';

export interface CallModel {
  /** Per message: `summaries.at(index)`. */
  readonly summaries: Summaries;
  /** Per transaction: `transactions.at(index)`. */
  readonly transactions: Transactions;
  /** Message index → transaction index, or -1 (an ACK for a 2xx is a transaction of its own: -1). */
  readonly transactionOf: Int32Array;
  /** Message index → 1 when the message repeats an earlier one of its transaction. */
  readonly retransmission: Uint8Array;
  /** Index of a 3xx or 503 final response → index of the request that retried the same request after it. */
  readonly followUps: ReadonlyMap<number, number>;
  /** The requests that are such retries. */
  readonly retryRequests: ReadonlySet<number>;
  /** Requests whose top Via branch was already used by another transaction's request. */
  readonly reusedBranch: ReadonlySet<number>;
  /** Messages of each call, by Call-ID, in order. */
  readonly calls: ReadonlyMap<string, readonly number[]>;
  /** Messages of each dialog (Call-ID and both tags, RFC 3261 §12), in order. */
  readonly dialogs: ReadonlyMap<string, readonly number[]>;
  /** New requests (no ACK, no retransmission) by target (`uriKey` of the Request-URI), in order. */
  readonly requestsTo: ReadonlyMap<string, readonly number[]>;
  /** New requests (no ACK, no retransmission) by sender (`uriKey` of the From URI), in order. */
  readonly requestsFrom: ReadonlyMap<string, readonly number[]>;
}

/** Position in a sorted list of message indexes of the first one after `index`. */
export function firstAfter(list: readonly number[], index: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] <= index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many later requests are looked at for a retry or a reuse of a Contact: bounds the work on huge traces. */
export const FOLLOW_UP_WINDOW = 1000;

/** The indexes in a sorted list that come after `index`, at most FOLLOW_UP_WINDOW of them. */
export function windowAfter(list: readonly number[], index: number): readonly number[] {
  const start = firstAfter(list, index);
  return list.slice(start, start + FOLLOW_UP_WINDOW);
}

/** An ACK to a non-2xx response carries the INVITE's branch; CANCEL too, but it is a transaction of its own. */
export function transactionMethod(method: string): string {
  return method === 'ACK' ? 'INVITE' : method;
}

/**
 * Finds transactions as RFC 3261 §17.1.3 matches them: by top Via branch, sent-by and method, or,
 * for RFC 2543 peers without the magic cookie, by Call-ID, CSeq, method, From tag and top Via.
 * Branches and sent-bys are compared by their ids (see summarize), so no key string is
 * built or read per message.
 */
class TransactionIndex {
  /** Per id of a branch with the magic cookie: the latest transaction opened with it. */
  private readonly latestOnBranch = new ById<number>();
  /** Per transaction: the one opened before it with the same branch, -1 for none. */
  private readonly previousOnBranch: Int32Array;
  private readonly rfc2543 = new Map<string, number>();
  /** Per transaction: the sent-by id and the method it is matched with. */
  private readonly sentBy: Int32Array;
  private readonly methods: string[] = [];

  constructor(
    private readonly transactions: TransactionTable,
    private readonly summaries: Summaries,
    /** Per message, the id of its top Via branch when it has the magic cookie, else -1. */
    private readonly cookieBranch: Int32Array,
  ) {
    [this.previousOnBranch, this.sentBy] = int32Columns(summaries.length, 2);
  }

  private key2543(index: number, method: string): string {
    const { columns } = this.summaries;
    const value = (id: number) => this.summaries.value(id) ?? '';
    return `${value(columns.callId[index])}|${columns.cseq[index]}|${method}|${value(columns.fromTag[index])}|${this.summaries.rare.get(index)?.topVia ?? ''}`;
  }

  /** The transaction of message `index`, whose method for matching is `method`; -1 for none. */
  find(index: number, method: string): number {
    const { sentBy } = this.summaries.columns;
    const branch = this.cookieBranch[index];
    if (branch >= 0) {
      // The latest one wins: a reused branch opens a new transaction that takes over the branch.
      for (let t = this.latestOnBranch.get(branch) ?? -1; t >= 0; t = this.previousOnBranch[t]) {
        if (this.methods[t] === method && this.sentBy[t] === sentBy[index]) return t;
      }
      return -1;
    }
    return this.rfc2543.get(this.key2543(index, method)) ?? -1;
  }

  open(index: number, method: string): number {
    const matched = transactionMethod(method);
    const t = this.transactions.open(method);
    this.sentBy[t] = this.summaries.columns.sentBy[index];
    this.methods.push(matched);
    const branch = this.cookieBranch[index];
    if (branch >= 0) {
      this.previousOnBranch[t] = this.latestOnBranch.get(branch) ?? -1;
      this.latestOnBranch.set(branch, t);
    } else this.rfc2543.set(this.key2543(index, matched), t);
    return t;
  }
}

/** The server a request was sent to: the log's destination, else the Route, else the Request-URI's host. */
export function serverOf(s: MessageSummary): string | undefined {
  if (s.dst) return s.dst;
  if (s.routeKey) return s.routeKey;
  const uri = s.requestUriKey;
  return uri?.slice(uri.indexOf('@') + 1);
}

/** Who sent a request: the log's source address, else the sent-by of its top Via. */
export function clientOf(s: MessageSummary): string | undefined {
  return s.src ?? s.sentBy;
}

export function isRetryTrigger(code: number): boolean {
  return (code >= 300 && code < 400) || code === 503;
}

export function buildCallModel(trace: Trace): CallModel {
  return callModelOf(summarize(trace));
}

/** The call model of summaries already made: a trace's, or those a check in parts kept (stream.ts). */
export function callModelOf({ summaries, cookieBranch }: SummaryParts): CallModel {
  const { columns } = summaries;
  const count = summaries.length;
  const transactions = new TransactionTable(count);
  const index = new TransactionIndex(transactions, summaries, cookieBranch);
  const transactionOf = new Int32Array(count).fill(-1);
  const retransmission = new Uint8Array(count);
  const reusedBranch = new Set<number>();
  const { request, final, ack } = transactions;

  for (let i = 0; i < count; i++) {
    const method = summaries.value(columns.method[i])!;
    let t = index.find(i, transactionMethod(method));
    if (!columns.response[i]) {
      if (method === 'ACK') {
        // ACK for a non-2xx final response: part of the INVITE transaction. ACK for a 2xx: its own.
        if (t >= 0 && final[t] >= 0 && columns.code[final[t]] >= 300) {
          if (ack[t] < 0) ack[t] = i;
          else retransmission[i] = 1;
          transactionOf[i] = t;
        }
        continue;
      }
      if (method === 'CANCEL') {
        const invite = index.find(i, 'INVITE');
        if (invite >= 0 && transactions.cancel[invite] < 0) transactions.cancel[invite] = i;
      }
      if (t >= 0 && request[t] >= 0) {
        const first = request[t];
        if (columns.cseq[first] === columns.cseq[i] && columns.callId[first] === columns.callId[i]) {
          transactions.addRetransmission(t, i);
          retransmission[i] = 1;
          transactionOf[i] = t;
          continue;
        }
        // Same branch, different request: a new transaction that reused the branch.
        reusedBranch.add(i);
        t = -1;
      }
      if (t < 0) t = index.open(i, method);
      request[t] = i;
      transactionOf[i] = t;
    } else {
      if (t < 0) t = index.open(i, method);
      if (repeatsResponse(columns, transactions, t, i)) retransmission[i] = 1;
      transactions.addResponse(t, i);
      if (columns.code[i] >= 200 && final[t] < 0) final[t] = i;
      transactionOf[i] = t;
    }
  }

  const calls = new Groups(summaries);
  const requestsTo = new Groups(summaries);
  const requestsFrom = new Groups(summaries);
  for (let i = 0; i < count; i++) {
    calls.add(columns.callId[i], i);
    if (columns.response[i] || summaries.value(columns.method[i]) === 'ACK' || retransmission[i]) continue;
    requestsTo.add(columns.requestUriKey[i], i);
    requestsFrom.add(columns.fromKey[i], i);
  }

  const kept = new Transactions(transactions, transactionOf);
  const followUps = linkFollowUps(summaries, kept, transactionOf, retransmission, calls.byKey, requestsFrom.byKey);
  const retryRequests = new Set(followUps.values());
  for (const groups of [calls.byKey, requestsTo.byKey, requestsFrom.byKey]) for (const [key, list] of groups) groups.set(key, trimmed(list));
  let dialogs: Map<string, number[]> | undefined;
  return {
    summaries,
    transactions: kept,
    transactionOf,
    retransmission,
    followUps,
    retryRequests,
    reusedBranch,
    calls: calls.byKey,
    // No rule needs them: made when asked for.
    get dialogs() {
      return (dialogs ??= groupDialogs(summaries));
    },
    requestsTo: requestsTo.byKey,
    requestsFrom: requestsFrom.byKey,
  };
}

/**
 * Values by the id of a kept string. Ids are sparse (each table sees only some fields' ids) and can
 * pass 100,000, where a plain array indexed by them would turn into a slow dictionary.
 */
class ById<T> {
  private readonly values: T[] = [];
  /** Per id: 1 + the position of its value in `values`, 0 for none. */
  private slots = new Int32Array(1024);

  get(id: number): T | undefined {
    return id < this.slots.length && this.slots[id] > 0 ? this.values[this.slots[id] - 1] : undefined;
  }

  set(id: number, value: T): void {
    if (id >= this.slots.length) {
      const slots = new Int32Array(Math.max(this.slots.length * 2, id + 1));
      slots.set(this.slots);
      this.slots = slots;
    }
    if (this.slots[id] > 0) this.values[this.slots[id] - 1] = value;
    else this.slots[id] = this.values.push(value);
  }
}

/** Message indexes grouped by a string of the summaries, found by its id: one Map entry per group, no Map lookup per message. */
class Groups {
  readonly byKey = new Map<string, number[]>();
  private readonly lists = new ById<number[]>();

  constructor(private readonly summaries: Summaries) {}

  /** Adds `index` to the group of the string `id`; none (-1), no group. */
  add(id: number, index: number): void {
    if (id < 0) return;
    const list = this.lists.get(id);
    if (list) list.push(index);
    else {
      const created = [index];
      this.lists.set(id, created);
      this.byKey.set(this.summaries.value(id)!, created);
    }
  }
}

/** A response is repeated when the transaction already has one with the same code and To tag. */
function repeatsResponse({ code, toTag }: SummaryColumns, transactions: TransactionTable, t: number, index: number): boolean {
  for (let r = transactions.firstResponse[t]; r >= 0; r = transactions.nextResponse[r]) if (code[r] === code[index] && toTag[r] === toTag[index]) return true;
  return false;
}

function addTo(map: Map<string, number[]>, key: string | undefined, index: number): void {
  if (key === undefined) return;
  const list = map.get(key);
  if (list) list.push(index);
  else map.set(key, [index]);
}

function groupDialogs(summaries: Summaries): Map<string, number[]> {
  const dialogs = new Map<string, number[]>();
  for (const s of summaries) {
    // Either side may send: the dialog is the pair of tags, in any order.
    if (s.fromTag !== undefined && s.toTag !== undefined) addTo(dialogs, `${s.callId}|${[s.fromTag, s.toTag].sort().join('|')}`, s.index);
  }
  for (const [key, list] of dialogs) dialogs.set(key, trimmed(list));
  return dialogs;
}

/**
 * The list in an array of its length. An array grown by push keeps room for about 16 more items,
 * and the model keeps tens of thousands of short lists for as long as the document is open: made
 * to their length, a 10 MB trace's model holds 2.5 MB less.
 */
function trimmed(list: number[]): number[] {
  return list.length === 0 ? list : list.slice();
}

/**
 * Links each 3xx or 503 to the request that retried it. A retry keeps the Call-ID, the From tag and
 * the To, and does not lower the CSeq (RFC 3261 §8.1.3.4; a failover may keep it, RFC 3263 §4.3), so
 * that is looked for first: under load, many calls share From and To, and the next call's INVITE
 * must not pass for this call's retry. Only when the call itself has no retry does a new call count,
 * and only one that starts after the response and goes where a retry would go: a Contact of the 3xx,
 * or another server than the one that answered 503. A new call to the same server cannot be told
 * from an unrelated one, so it is no retry (sip.503.sent-during-retry-after judges it instead).
 */
function linkFollowUps(
  summaries: Summaries,
  transactions: Iterable<Transaction>,
  transactionOf: Int32Array,
  retransmission: Uint8Array,
  calls: ReadonlyMap<string, readonly number[]>,
  requestsFrom: ReadonlyMap<string, readonly number[]>,
): Map<number, number> {
  const followUps = new Map<number, number>();
  const claimed = new Set<number>();
  const withoutRetryInCall: Transaction[] = [];
  for (const t of transactions) {
    if (t.request < 0 || t.final < 0 || !isRetryTrigger(summaries.at(t.final).code) || t.method === 'CANCEL') continue;
    const original = summaries.at(t.request);
    const retry = windowAfter(calls.get(original.callId) ?? [], t.final).find((i) => {
      const q = summaries.at(i);
      return (
        q.kind === 'request' &&
        q.method === original.method &&
        !retransmission[i] &&
        transactionOf[i] !== t.index &&
        q.fromTag === original.fromTag &&
        q.toTag === original.toTag &&
        !(q.cseq < original.cseq)
      );
    });
    if (retry === undefined) withoutRetryInCall.push(t);
    else {
      followUps.set(t.final, retry);
      claimed.add(retry);
    }
  }
  for (const t of withoutRetryInCall) {
    const original = summaries.at(t.request);
    const response = summaries.at(t.final);
    const contacts = response.code < 400 ? new Set(response.contacts.map(uriKey)) : undefined;
    for (const i of windowAfter(requestsFrom.get(original.fromKey ?? '') ?? [], t.final)) {
      const q = summaries.at(i);
      if (claimed.has(i) || q.callId === original.callId || q.method !== original.method || q.toKey !== original.toKey || q.toTag !== undefined) continue;
      if (calls.get(q.callId)?.[0] !== i) continue;
      if (contacts ? !contacts.has(q.requestUriKey) : serverOf(q) === serverOf(original)) continue;
      followUps.set(t.final, i);
      claimed.add(i);
      break;
    }
  }
  return followUps;
}

export interface Retry {
  readonly request: MessageSummary;
  readonly response: MessageSummary;
  readonly retry: MessageSummary;
}

/** Every request that a 3xx or 503 made the client send again: the original, the response, the retry. */
export function* retries(calls: CallModel): Iterable<Retry> {
  const { summaries, transactions, followUps } = calls;
  for (const t of transactions) {
    if (t.request < 0 || t.final < 0) continue;
    const retryIndex = followUps.get(t.final);
    if (retryIndex !== undefined) yield { request: summaries.at(t.request), response: summaries.at(t.final), retry: summaries.at(retryIndex) };
  }
}

keepShape(new TransactionIndex(new TransactionTable(0), NO_SUMMARIES, new Int32Array(0)));
keepShape(new Groups(NO_SUMMARIES));
keepShape(new ById());

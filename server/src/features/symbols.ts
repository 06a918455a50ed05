import { ParsedDocument } from '../documents';
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import { rangeOf } from './positions';
import { describeMeta } from '../sip/formats/describe';

const MAX_NAME = 120;
/** Enough of a Call-ID's local part to tell the calls of a trace apart, short enough for the breadcrumbs. */
const SHORT_CALL_ID = 8;

/**
 * Calls → transactions → messages, so the Outline and breadcrumbs read like the calls list. A
 * message is named by its start line (after the log's time and route, when the trace came from a
 * log format); a message outside any transaction (the ACK of a 2xx, RFC 3261 §17.1.1.3) sits
 * directly under its call, and one without a Call-ID at the top. Built on each request and not kept:
 * on a 10 MB trace the tree is about as big as the file, and VS Code asks once per version (its
 * OutlineModelService keeps the answer for the Outline, the breadcrumbs and sticky scroll).
 */
export function computeSymbols(document: ParsedDocument): DocumentSymbol[] {
  const calls = document.calls;
  const top: Array<{ first: number; symbol: DocumentSymbol }> = [];
  for (const [callId, messages] of calls.calls) {
    if (callId === '') top.push(...messages.map((i) => ({ first: i, symbol: messageSymbol(document, i) })));
    else top.push({ first: messages[0], symbol: callSymbol(document, callId, messages) });
  }
  return top.sort((a, b) => a.first - b.first).map((entry) => entry.symbol);
}

function callSymbol(document: ParsedDocument, callId: string, messages: readonly number[]): DocumentSymbol {
  const { transactionOf } = document.calls;
  // Each transaction, and each message outside one, takes the place of its first message.
  const groups = new Map<number, number[]>();
  const slots: number[][] = [];
  for (const i of messages) {
    const t = transactionOf[i];
    const group = t >= 0 ? groups.get(t) : undefined;
    if (group) group.push(i);
    else {
      slots.push([i]);
      if (t >= 0) groups.set(t, slots[slots.length - 1]);
    }
  }
  return {
    name: `Call ${callId.split('@')[0].slice(0, SHORT_CALL_ID)}: ${callTitle(document, messages)}`,
    detail: `${callId} · ${messages.length} message${messages.length === 1 ? '' : 's'}`,
    kind: SymbolKind.Module,
    range: spanOf(document, messages),
    selectionRange: startLineRange(document, messages[0]),
    children: slots.map((slot) => (transactionOf[slot[0]] < 0 ? messageSymbol(document, slot[0]) : transactionSymbol(document, transactionOf[slot[0]], slot))),
  };
}

function transactionSymbol(document: ParsedDocument, t: number, messages: readonly number[]): DocumentSymbol {
  const transaction = document.calls.transactions.at(t);
  const first = transaction.request >= 0 ? transaction.request : messages[0];
  return {
    name: `${transaction.method} ${transaction.final >= 0 ? `→ ${statusOf(document, transaction.final)}` : '(no final response)'}`,
    detail: document.calls.summaries.at(first).branch ?? '',
    kind: SymbolKind.Function,
    range: spanOf(document, messages),
    selectionRange: startLineRange(document, first),
    children: messages.map((i) => messageSymbol(document, i)),
  };
}

/** `INVITE alice → bob (302 → 200 OK)`: who called whom, and how each attempt of the first request ended. */
function callTitle(document: ParsedDocument, messages: readonly number[]): string {
  const { summaries, transactions, transactionOf } = document.calls;
  const first = messages.map((i) => summaries.at(i)).find((s) => s.kind === 'request' && s.method !== 'ACK' && s.method !== 'CANCEL') ?? summaries.at(messages[0]);
  const finals = messages.filter((i) => transactionOf[i] >= 0 && transactions.at(transactionOf[i]).final === i && summaries.at(i).method === first.method);
  const outcome = finals.length === 0 ? 'no final response' : [...finals.slice(0, -1).map((i) => String(summaries.at(i).code)), statusOf(document, finals[finals.length - 1])].join(' → ');
  return `${first.method} ${partyOf(first.fromKey)} → ${partyOf(first.toKey)} (${outcome})`;
}

/** The user of a SIP URI key (`sip:alice@atlanta.com` → `alice`), else its host, else `?`. */
function partyOf(key: string | undefined): string {
  if (!key) return '?';
  const at = key.indexOf('@');
  const user = at < 0 ? '' : key.slice(key.indexOf(':') + 1, at);
  return user !== '' ? user : key.slice(at < 0 ? key.indexOf(':') + 1 : at + 1);
}

/** `302 Moved Temporarily`, as the status line says it. */
function statusOf(document: ParsedDocument, index: number): string {
  const line = document.trace.messages.at(index).startLine;
  if (line.kind !== 'response') return '';
  return `${document.calls.summaries.at(index).code} ${clipped(document.trace.text.slice(line.reasonOffset, Math.min(line.reasonEnd, line.reasonOffset + MAX_NAME + 1)))}`.trim();
}

function clipped(raw: string): string {
  return raw.length > MAX_NAME ? `${raw.slice(0, MAX_NAME)}…` : raw;
}

function messageSymbol(document: ParsedDocument, index: number): DocumentSymbol {
  const { trace } = document;
  const m = trace.messages.at(index);
  const line = m.startLine;
  const name = clipped(trace.text.slice(line.offset, Math.min(line.end, line.offset + MAX_NAME + 1)));
  const context = describeMeta(trace.meta[index]);
  return {
    name: `${context ? `${context} ` : ''}${name.trim() === '' ? '(empty start line)' : name}`,
    detail: `#${index + 1}`,
    kind: line.kind === 'request' ? SymbolKind.Method : SymbolKind.Event,
    range: rangeOf(document, m.offset, Math.max(m.end, line.end) - m.offset),
    selectionRange: startLineRange(document, index),
  };
}

function startLineRange(document: ParsedDocument, index: number) {
  const line = document.trace.messages.at(index).startLine;
  return rangeOf(document, line.offset, line.end - line.offset);
}

/** From the first message to the end of the last: a call's messages may interleave with others'. */
function spanOf(document: ParsedDocument, messages: readonly number[]) {
  const { trace } = document;
  const last = trace.messages.at(messages[messages.length - 1]);
  const start = trace.messages.offsetOf(messages[0]);
  return rangeOf(document, start, Math.max(last.end, last.startLine.end) - start);
}

/** Compact header forms (RFC 3261 §7.3.3 and the extensions that registered one), keyed by letter. */
export const COMPACT_FORMS: Readonly<Record<string, string>> = {
  a: 'accept-contact',
  b: 'referred-by',
  c: 'content-type',
  d: 'request-disposition',
  e: 'content-encoding',
  f: 'from',
  i: 'call-id',
  j: 'reject-contact',
  k: 'supported',
  l: 'content-length',
  m: 'contact',
  n: 'identity-info',
  o: 'event',
  r: 'refer-to',
  s: 'subject',
  t: 'to',
  u: 'allow-events',
  v: 'via',
  x: 'session-expires',
  y: 'identity',
};

/** The compact letter of a canonical (lower-case, long) header name, if it has one. */
export const COMPACT_OF: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(COMPACT_FORMS).map(([letter, name]) => [name, letter]),
);

/** Lower-case long form of a header name as written in a message: `v` → `via`, `Call-ID` → `call-id`. */
export function canonicalHeaderName(written: string): string {
  const lower = written.toLowerCase();
  return lower.length === 1 ? COMPACT_FORMS[lower] ?? lower : lower;
}

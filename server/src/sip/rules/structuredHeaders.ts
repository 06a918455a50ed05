// Which headers have the comma-separated, parameterised syntax that the value rules check.
// Unknown headers are left alone: RFC 3261 lets them carry any text (RFC 4475 §3.1.1.1).

/** Headers whose value is a comma-separated list of elements. */
export const LIST_HEADERS: ReadonlySet<string> = new Set([
  'via', 'contact', 'route', 'record-route', 'path', 'service-route', 'p-asserted-identity', 'p-preferred-identity',
  'accept', 'accept-encoding', 'accept-language', 'allow', 'supported', 'require', 'proxy-require', 'unsupported',
  'allow-events', 'call-info', 'alert-info', 'error-info', 'reason', 'history-info', 'content-encoding',
]);

/** Headers with a single element that may carry parameters. */
export const SINGLE_HEADERS: ReadonlySet<string> = new Set([
  'to', 'from', 'reply-to', 'refer-to', 'referred-by', 'content-type', 'content-disposition', 'retry-after',
  'event', 'subscription-state', 'session-expires', 'min-se',
]);

/** Headers whose elements are name-addr or addr-spec (RFC 3261 §20.10, §25.1). */
export const ADDRESS_HEADERS: ReadonlySet<string> = new Set([
  'to', 'from', 'contact', 'reply-to', 'route', 'record-route', 'path', 'service-route', 'p-asserted-identity',
  'p-preferred-identity', 'refer-to', 'referred-by',
]);

export function isStructured(name: string): boolean {
  return LIST_HEADERS.has(name) || SINGLE_HEADERS.has(name);
}

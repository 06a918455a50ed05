// Which headers have the comma-separated, parameterised syntax that the value rules check.
// Unknown headers are left alone: RFC 3261 lets them carry any text (RFC 4475 §3.1.1.1).

/** Headers whose value is a comma-separated list of elements. */
const LIST_HEADERS: ReadonlySet<string> = new Set([
  'via', 'contact', 'route', 'record-route', 'path', 'service-route', 'p-asserted-identity', 'p-preferred-identity',
  'accept', 'accept-encoding', 'accept-language', 'allow', 'supported', 'require', 'proxy-require', 'unsupported',
  'allow-events', 'call-info', 'alert-info', 'error-info', 'reason', 'history-info', 'content-encoding',
]);

/** Headers with a single element that may carry parameters. */
const SINGLE_HEADERS: ReadonlySet<string> = new Set([
  'to', 'from', 'reply-to', 'refer-to', 'referred-by', 'content-type', 'content-disposition', 'retry-after',
  'event', 'subscription-state', 'session-expires', 'min-se',
]);

/** Headers whose elements are name-addr or addr-spec (RFC 3261 §20.10, §25.1). */
export const ADDRESS_HEADERS: ReadonlySet<string> = new Set([
  'to', 'from', 'contact', 'reply-to', 'route', 'record-route', 'path', 'service-route', 'p-asserted-identity',
  'p-preferred-identity', 'refer-to', 'referred-by',
]);

const STRUCTURE = new Map<string, 'list' | 'single'>([...[...SINGLE_HEADERS].map((n) => [n, 'single'] as const), ...[...LIST_HEADERS].map((n) => [n, 'list'] as const)]);

/** 'list' for a comma-separated list, 'single' for one element with parameters, undefined for unstructured headers. */
export function structureOf(name: string): 'list' | 'single' | undefined {
  return STRUCTURE.get(name);
}

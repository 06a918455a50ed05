// The CLI's JSON and SARIF reports, written as they are made: the report of a 100 MB trace is
// 5 MB of JSON, which as one string, then as the bytes written, was the last 10–15 MB of the
// CLI's peak memory.

/** How much text is gathered before it is written. */
const CHUNK = 64 * 1024;

/**
 * Writes what `JSON.stringify(value, null, 2)` gives, byte for byte, in chunks of about CHUNK
 * characters. Reports hold plain data only (no toJSON, no cycles), as the CLI makes them.
 */
export function writeJson(value: unknown, write: (text: string) => void): void {
  let pending = '';
  const put = (text: string) => {
    pending += text;
    if (pending.length >= CHUNK) {
      write(pending);
      pending = '';
    }
  };
  putValue(value, '', put);
  write(pending);
}

function putValue(value: unknown, indent: string, put: (text: string) => void): void {
  if (value === null || typeof value !== 'object') {
    // What stringify writes for a value it cannot write in an array: an object's such members are left out before.
    put(JSON.stringify(value) ?? 'null');
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return put('[]');
    put('[');
    value.forEach((item, i) => {
      put(i === 0 ? `\n${inner}` : `,\n${inner}`);
      putValue(item, inner, put);
    });
    put(`\n${indent}]`);
    return;
  }
  const members = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (members.length === 0) return put('{}');
  put('{');
  members.forEach(([key, v], i) => {
    put(`${i === 0 ? '\n' : ',\n'}${inner}${JSON.stringify(key)}: `);
    putValue(v, inner, put);
  });
  put(`\n${indent}}`);
}

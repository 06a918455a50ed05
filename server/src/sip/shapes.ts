// V8 forgets an object shape (hidden class) at a full GC once no live object has it, and throws
// away the optimized code that was specialised for it: after every full GC, the next parse, rule
// run or call model re-optimizes from the start. Measured on a 10 MB trace: parse 48 → 76 ms and
// parse + all rules 215 → 285 ms when a full GC ran before. The classes made for one run only
// (readers, tables of a closed trace, indexes) keep one instance here for the life of the process.
const kept: object[] = [];

/** Keeps `instance` for good, so that its class's shape (and the code optimized for it) stays. */
export function keepShape<T extends object>(instance: T): T {
  kept.push(instance);
  return instance;
}

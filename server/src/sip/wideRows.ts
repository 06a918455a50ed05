// The packed tables (headerTable.ts, messageTable.ts) keep a row whose numbers do not fit its
// packed words in a map by row, in numbers relative to the row's own, so that a splice, which
// moves the rows' offsets, need only move the map's rows.

/** The map for a table spliced as rows [0, from) of `kept`'s, `inserted`'s `insertedCount` rows, rows [to, ...) of `kept`'s. */
export function splicedWide<T>(kept: ReadonlyMap<number, T>, from: number, to: number, inserted: ReadonlyMap<number, T>, insertedCount: number): Map<number, T> {
  const out = new Map<number, T>();
  const moved = from + insertedCount - to;
  for (const [row, wide] of kept) {
    if (row < from) out.set(row, wide);
    else if (row >= to) out.set(row + moved, wide);
  }
  for (const [row, wide] of inserted) out.set(row + from, wide);
  return out;
}

/**
 * Shares identical rows of kinds/formats: most rows of a register look alike, so 100,000 rows cost a few
 * arrays instead of 100,000 (rows handed out are never mutated after reading).
 */
export class RowInterner<T extends string> {
  private readonly seen = new Map<string, T[]>();
  private last: T[] | undefined;

  /** The shared copy of an equal row seen before, else this row (remembered while fewer than 10,000). */
  intern(row: T[]): T[] {
    // Most rows are like the one before: compared cell by cell, without building a key.
    const last = this.last;
    if (last && last.length === row.length) {
      let same = true;
      for (let i = 0; i < row.length && same; i++) same = row[i] === last[i];
      if (same) return last;
    }
    const key = row.join("\u0001");
    const hit = this.seen.get(key);
    if (hit) return (this.last = hit);
    if (this.seen.size < 10000) this.seen.set(key, row);
    return (this.last = row);
  }
}

/**
 * Shares identical rows of kinds/formats: most rows of a register look alike, so 100,000 rows cost a few
 * arrays instead of 100,000 (rows handed out are never mutated after reading).
 */
export class RowInterner<T extends string> {
  private readonly seen = new Map<string, T[]>();
  private last: T[] | undefined;

  /**
   * The shared copy of an equal row seen before, else the row itself (remembered while fewer than 10,000).
   * With `n`, the row is the first n slots of a scratch array, copied when it is like none before.
   */
  intern(row: T[], n?: number): T[] {
    const len = n ?? row.length;
    // Most rows are like the one before: compared cell by cell, without building a key.
    const last = this.last;
    if (last && last.length === len) {
      let same = true;
      for (let i = 0; i < len && same; i++) same = row[i] === last[i];
      if (same) return last;
    }
    const own = n === undefined ? row : row.slice(0, n);
    const key = own.join("\u0001");
    const hit = this.seen.get(key);
    if (hit) return (this.last = hit);
    if (this.seen.size < 10000) this.seen.set(key, own);
    return (this.last = own);
  }
}

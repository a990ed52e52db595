/**
 * Shares identical rows of kinds/formats: most rows of a register look alike, so 100,000 rows cost a few
 * arrays instead of 100,000 (rows handed out are never mutated after reading).
 */
export class RowInterner<T extends string> {
  private readonly seen = new Map<string, T[]>();

  /** The shared copy of an equal row seen before, else this row (remembered while fewer than 10,000). */
  intern(row: T[]): T[] {
    const key = row.join("\u0001");
    const hit = this.seen.get(key);
    if (hit) return hit;
    if (this.seen.size < 10000) this.seen.set(key, row);
    return row;
  }
}

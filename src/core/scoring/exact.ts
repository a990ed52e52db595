/**
 * Exactness at the lines. Scores are sums of products of typed decimals (0.16 × 85 + 0.84 × 85), so a score
 * that is mathematically 85 may come out as 84.99999999999999. Every comparison with a line, every tie and
 * every coverage check uses the value rounded to 9 decimals; the cell keeps the full-precision value.
 */

/** Decimals kept when scores and coverages are compared (far below what users type, far above float dust). */
export const COMPARISON_DECIMALS = 9;

const SCALE = 10 ** COMPARISON_DECIMALS;

/** The value compared with lines and other scores: rounded to 9 decimals (NaN stays NaN). */
export function comparable(x: number): number {
  if (!Number.isFinite(x)) return x;
  return Math.round(x * SCALE) / SCALE;
}

/** x ≥ line, exactly: a score on the line is on it, whatever float dust its computation left. */
export function atLeast(x: number, line: number): boolean {
  return comparable(x) >= comparable(line);
}

const PLAIN_NUMBER = /^\d+(\.\d+)?$/;

/** A key's value when it is a plain number ("99"), else NaN: what compareCustomerKeys orders numbers by. */
export function plainKeyNumber(key: string): number {
  return PLAIN_NUMBER.test(key) ? Number(key) : NaN;
}

/**
 * Ascending key order for ties: two keys that are both plain numbers ("99", "100") compare as numbers, so
 * "99" comes first; numeric keys come before all other keys; other keys compare by their characters.
 * A total order (numbers first), so sorting with it is well defined whatever the mix of keys.
 */
export function compareCustomerKeys(a: string, b: string): number {
  const an = PLAIN_NUMBER.test(a);
  const bn = PLAIN_NUMBER.test(b);
  if (an && bn) {
    const d = Number(a) - Number(b);
    if (d !== 0) return d < 0 ? -1 : 1;
  } else if (an !== bn) {
    return an ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

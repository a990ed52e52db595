/** Bytes of a string in UTF-8, without allocating an encoded copy. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Estimated request bytes of one row of values: its JSON in UTF-8 plus the separating comma. */
export function rowBytes(row: readonly unknown[]): number {
  return utf8Length(JSON.stringify(row)) + 1;
}

/** Number of rows from `start` whose estimated bytes fit the budget; at least one row. */
export function rowsWithinBudget(bytes: readonly number[], start: number, budget: number): number {
  let total = 0;
  let i = start;
  while (i < bytes.length && (i === start || total + bytes[i] <= budget)) {
    total += bytes[i];
    i++;
  }
  return i - start;
}

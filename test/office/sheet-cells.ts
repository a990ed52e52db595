import type { SheetState } from "./fake-excel";

/** Column of a header in a fake sheet's first row; throws when missing. */
export function colOf(s: SheetState, header: string): number {
  const i = s.read(s.usedRect()!)[0].indexOf(header);
  if (i < 0) throw new Error(`no ${header} on ${s.name}`);
  return i;
}

/** Sheet row of the first data row whose `header` cell is `value`; throws when missing. */
export function rowOf(s: SheetState, header: string, value: string): number {
  const c = colOf(s, header);
  const r = s.read(s.usedRect()!).findIndex((row, i) => i > 0 && row[c] === value);
  if (r < 0) throw new Error(`no ${header}=${value} on ${s.name}`);
  return r;
}

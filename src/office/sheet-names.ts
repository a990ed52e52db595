/** True when Excel accepts the text as a sheet name (≤ 31 characters, none of []:*?/\, not blank, not History). */
export function isValidSheetName(name: string): boolean {
  return (
    name.trim() !== "" &&
    name.length <= 31 &&
    !/[[\]:*?/\\]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== "history"
  );
}

/** A temporary sheet name for tab `index` of run `tag`: short, valid, unlikely to be anyone's. */
export function tempSheetName(tag: string, index: number): string {
  return `~ct${tag}_${index}`;
}

/** True for a temporary sheet of any run (a crashed run may have left one). */
export function isTempSheetName(name: string): boolean {
  return /^~ct[a-z0-9]+_\d+$/.test(name);
}

/** The first free name of the form "name", "name (2)", "name (3)"…, cut to fit 31 characters. */
export function freeSheetName(name: string, taken: (candidate: string) => boolean): string {
  const base = isValidSheetName(name) ? name : name.replace(/[[\]:*?/\\]/g, "_").slice(0, 31) || "Sheet";
  if (!taken(base) && isValidSheetName(base)) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = `${base.slice(0, 31 - suffix.length)}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
}

/** The first free table name of the form "Name", "Name_2"…; table names are workbook-wide. */
export function freeTableName(name: string, taken: (candidate: string) => boolean): string {
  if (!taken(name)) return name;
  for (let i = 2; ; i++) if (!taken(`${name}_${i}`)) return `${name}_${i}`;
}

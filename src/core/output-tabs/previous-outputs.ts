import { columnLetters, formatAt, isErrorLiteral, kindAt, type CellKind, type RawValue, type SheetGrid, type WorkbookModel } from "../workbook/grid";
import { META_SHEET_NAME, type OutputTabId, type PlanValue } from "./write-plan";
import { rowKey, type TabSpec } from "./tab-spec";

/** A row of a previous output tab, by column id. */
export interface PreviousRow {
  record: Record<string, PlanValue>;
  /** A1 address of the row's first cell in the previous tab. */
  readonly rowAddress: string;
  /** 1-based sheet row of the row. */
  rowNumber?: number;
  /** Values of the columns users added (aligned with the table's `userColumns`), when there are any. */
  userValues?: PlanValue[];
  /**
   * The tab's list columns (TabSpec.listColumn: the history's run pairs), kept as one array beside the
   * record, aligned with `listIds`: a history of 24 runs is 48 cells a row, read and carried in bulk.
   */
  listValues?: PlanValue[];
  /** Column ids of `listValues` (one array shared by every row of the table). */
  listIds?: readonly string[];
}

/** A row read from a sheet: its address is built only when a message asks for it (most rows are never named). */
class SheetRow implements PreviousRow {
  userValues?: PlanValue[];
  listValues?: PlanValue[];
  listIds?: readonly string[];
  constructor(readonly record: Record<string, PlanValue>, readonly rowNumber: number, private readonly left: number) {}

  get rowAddress(): string {
    return `${columnLetters(this.left)}${this.rowNumber}`;
  }
}

/** A column a user added to an output table: its header, where it was and the format of its cells. */
export interface UserColumn {
  header: string;
  /** Column letters in the previous tab. */
  letters: string;
  /** The number format of its first non-empty cell ("General" when none). */
  numberFormat: string;
}

/** One previous output tab as read: its rows, the columns users added, and where our columns were. */
export interface PreviousTable {
  sheet: string;
  rows: PreviousRow[];
  userColumns?: UserColumn[];
  /** Column id → column letters in the previous tab. */
  letters?: Record<string, string>;
}

/** What an earlier run left in the workbook: which tabs are ours and their rows. */
export interface PreviousOutputs {
  /** Sheet name → tab id, for the sheets the metadata sheet says this product wrote. */
  owned: Map<string, OutputTabId>;
  /** Rows of each owned tab that was found, by tab id. */
  tables: Map<OutputTabId, PreviousTable>;
}

/** Reads the metadata sheet's register of owned tabs; empty when there is none. */
export function readOwnedTabs(wb: WorkbookModel): Map<string, OutputTabId> {
  const owned = new Map<string, OutputTabId>();
  const meta = wb.sheets.find((s) => s.name === META_SHEET_NAME);
  if (!meta) return owned;
  for (const row of meta.values) {
    if (row[0] === "tab" && typeof row[1] === "string" && typeof row[3] === "string") {
      owned.set(row[3], row[1] as OutputTabId);
    }
  }
  return owned;
}

function norm(s: PlanValue | boolean): string {
  return String(s ?? "").replace(/\s+/g, "").toLowerCase();
}

/** Finds the header row of a previous output tab and maps its columns to column ids. */
export function mapColumns(grid: SheetGrid, spec: TabSpec): { headerRow: number; cols: Map<number, string> } | null {
  const byHeader = new Map<string, string>();
  for (const c of spec.columns) {
    byHeader.set(norm(c.zh), c.id);
    byHeader.set(norm(c.en), c.id);
  }
  for (let r = 0; r < Math.min(grid.values.length, 10); r++) {
    const cols = new Map<number, string>();
    const row = grid.values[r] ?? [];
    const taken = new Set<string>();
    row.forEach((v, c) => {
      const id = byHeader.get(norm(v)) ?? (spec.extraColumn && v !== null ? spec.extraColumn(String(v).trim()) : undefined);
      if (id && !taken.has(id)) {
        cols.set(c, id);
        taken.add(id);
      }
    });
    if (cols.size >= 2) return { headerRow: r, cols };
  }
  return null;
}

/** A previous output cell as a run reads it: empty and error cells are null, booleans text. */
export function cellValue(grid: SheetGrid, r: number, c: number): PlanValue {
  return cellOfRow(grid.values[r], grid.kinds?.[r], c);
}

/** cellValue with the row's values and kinds looked up once per row (the read visits every cell of a tab). */
function cellOfRow(values: RawValue[] | undefined, kinds: CellKind[] | undefined, c: number): PlanValue {
  const raw = values?.[c];
  const v = raw === undefined ? null : raw;
  const known = kinds?.[c];
  if (known) return known === "empty" || known === "error" ? null : typeof v === "boolean" ? String(v) : v;
  // The kind inferred as kindAt infers it.
  if (v === null || v === "") return null;
  if (typeof v === "boolean") return String(v);
  return typeof v === "string" && isErrorLiteral(v) ? null : v;
}

/** Tabs whose columns change from run to run (the history's run columns): no column there is a user's. */
export const NO_USER_COLUMNS = new Set<OutputTabId>(["history"]);

/** Reads the rows of one previous output tab by column id. */
export function readPreviousTab(grid: SheetGrid, spec: TabSpec): PreviousRow[] {
  return readPreviousTable(grid, spec).rows;
}

/**
 * An empty record with every column id, to clone per row. Records grown key by key become V8 dictionaries
 * past ~16 keys (slower to read, about three times the memory); clones of a JSON-parsed object keep its fast shape.
 */
function recordTemplate(ids: readonly string[]): Record<string, PlanValue> {
  const empty: Record<string, null> = {};
  for (const id of ids) empty[id] = null;
  return JSON.parse(JSON.stringify(empty)) as Record<string, PlanValue>;
}

/**
 * Reads one previous output tab: its rows by column id and, unless the tab's columns vary by run, the
 * columns users added (any other column with a header), whose values ride along with each row.
 */
export function readPreviousTable(grid: SheetGrid, spec: TabSpec): PreviousTable {
  const mapped = mapColumns(grid, spec);
  if (!mapped) return { sheet: grid.name, rows: [] };
  const letters: Record<string, string> = {};
  for (const [c, id] of mapped.cols) letters[id] = columnLetters((grid.left ?? 0) + c);
  const userCols: { c: number; col: UserColumn }[] = [];
  if (!NO_USER_COLUMNS.has(spec.id)) {
    const header = grid.values[mapped.headerRow] ?? [];
    const seen = new Set<string>();
    header.forEach((h, c) => {
      if (mapped.cols.has(c) || h === null || typeof h === "boolean") return;
      const text = String(h).trim();
      if (text === "" || seen.has(text.toLowerCase())) return;
      seen.add(text.toLowerCase());
      let numberFormat = "General";
      for (let r = mapped.headerRow + 1; r < grid.values.length; r++) {
        if (kindAt(grid, r, c) === "number") {
          numberFormat = formatAt(grid, r, c);
          break;
        }
      }
      userCols.push({ c, col: { header: text, letters: columnLetters((grid.left ?? 0) + c), numberFormat } });
    });
  }
  // Plain arrays of the columns: the loop below runs once per cell of the tab.
  const recordCols: number[] = [];
  const recordIds: string[] = [];
  const listCols: number[] = [];
  const listIds: string[] = [];
  for (const [c, id] of mapped.cols) {
    if (spec.listColumn?.(id)) {
      listCols.push(c);
      listIds.push(id);
    } else {
      recordCols.push(c);
      recordIds.push(id);
    }
  }
  const template = recordTemplate(recordIds);
  const left = grid.left ?? 0;
  const top = grid.top ?? 0;
  const rows: PreviousRow[] = [];
  for (let r = mapped.headerRow + 1; r < grid.values.length; r++) {
    const cells = grid.values[r];
    const kinds = grid.kinds?.[r];
    const record: Record<string, PlanValue> = { ...template };
    let any = false;
    for (let k = 0; k < recordCols.length; k++) {
      const value = cellOfRow(cells, kinds, recordCols[k]);
      record[recordIds[k]] = value;
      if (value !== null) any = true;
    }
    const row = new SheetRow(record, top + r + 1, left);
    if (listCols.length > 0) {
      const values = new Array<PlanValue>(listCols.length);
      for (let k = 0; k < listCols.length; k++) {
        const value = cellOfRow(cells, kinds, listCols[k]);
        values[k] = value;
        if (value !== null) any = true;
      }
      row.listValues = values;
      row.listIds = listIds;
    }
    if (userCols.length > 0) {
      row.userValues = userCols.map((u) => cellValue(grid, r, u.c));
      if (row.userValues.some((v) => v !== null && v !== "")) any = true;
    }
    if (any) rows.push(row);
  }
  return { sheet: grid.name, rows, userColumns: userCols.map((u) => u.col), letters };
}

/** Reads every owned output tab that the workbook still has. */
export function readPreviousOutputs(wb: WorkbookModel, specs: TabSpec[]): PreviousOutputs {
  const owned = readOwnedTabs(wb);
  const tables = new Map<OutputTabId, PreviousTable>();
  for (const [name, id] of owned) {
    const grid = wb.sheets.find((s) => s.name === name);
    const spec = specs.find((s) => s.id === id);
    if (grid && spec) tables.set(id, { ...readPreviousTable(grid, spec), sheet: name });
  }
  return { owned, tables };
}

/** An edit a user typed in an earlier run that no current row claimed. */
export interface UnclaimedEdit {
  tab: OutputTabId;
  sheet: string;
  key: string;
  rowAddress: string;
  values: Record<string, PlanValue>;
}

/** One tab's rows to take edits from: the previous rows themselves, indexed by key, flags in byte arrays. */
interface KeptTab {
  sheet: string;
  editable: { id: string; defaultValue?: PlanValue }[];
  rows: PreviousRow[];
  /** Row key → index in `rows` (the first row of a key). */
  index: Map<string, number>;
  /** 1 where some editable value differs from its column's default, i.e. a user typed it. */
  typed: Uint8Array;
  /** 1 once handed out. */
  taken: Uint8Array;
}

/**
 * The users' edits from the previous outputs, handed out once per row key. What no row takes is
 * reported, so nothing typed is silently thrown away. The previous rows are not copied: a row's editable
 * values are picked from it when taken (a monthly run holds 100,000 rows in each of several tabs).
 */
export class CarryOver {
  private readonly byTab = new Map<OutputTabId, KeptTab>();
  /** Row keys whose rows are kept whole elsewhere (rows users added): never "unclaimed". */
  private readonly kept = new Set<string>();

  constructor(previous: PreviousOutputs, specs: TabSpec[]) {
    for (const spec of specs) {
      const table = previous.tables.get(spec.id);
      const editable = spec.columns.filter((c) => c.editable).map((c) => ({ id: c.id, defaultValue: c.defaultValue }));
      if (!table || editable.length === 0) continue;
      const rows = table.rows;
      const index = new Map<string, number>();
      const typed = new Uint8Array(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const record = rows[i].record;
        const key = rowKey(spec, record);
        if (index.has(key)) continue;
        index.set(key, i);
        for (const c of editable) {
          const v = record[c.id] ?? null;
          if (v !== null && v !== "" && v !== c.defaultValue) typed[i] = 1;
        }
      }
      this.byTab.set(spec.id, { sheet: table.sheet, editable, rows, index, typed, taken: new Uint8Array(rows.length) });
    }
  }

  /** The editable values kept for this row key, once; undefined when the previous run had none. */
  take(tab: OutputTabId, key: string): Record<string, PlanValue> | undefined {
    const t = this.byTab.get(tab);
    const i = t?.index.get(key);
    if (!t || i === undefined || t.taken[i]) return undefined;
    t.taken[i] = 1;
    return editableValues(t, i);
  }

  /** True when the previous run left rows of this tab to take edits from (none on a first run). */
  holds(tab: OutputTabId): boolean {
    return (this.byTab.get(tab)?.index.size ?? 0) > 0;
  }

  /** Marks a row key as kept whole (a row a user added), so its edits are not reported as lost. */
  keep(tab: OutputTabId, key: string): void {
    this.kept.add(`${tab}\u0000${key}`);
  }

  /** Edits users typed (differing from the column defaults) that no current row took. */
  unclaimed(): UnclaimedEdit[] {
    const out: UnclaimedEdit[] = [];
    for (const [tab, t] of this.byTab) {
      for (const [key, i] of t.index) {
        if (!t.typed[i] || t.taken[i] || this.kept.has(`${tab}\u0000${key}`)) continue;
        out.push({ tab, sheet: t.sheet, key, rowAddress: t.rows[i].rowAddress, values: editableValues(t, i) });
      }
    }
    return out;
  }
}

/** A previous row's editable values by column id (empty cells null). */
function editableValues(t: KeptTab, i: number): Record<string, PlanValue> {
  const values: Record<string, PlanValue> = {};
  const record = t.rows[i].record;
  for (const c of t.editable) values[c.id] = record[c.id] ?? null;
  return values;
}

import { kindAt, rawAt, a1, type SheetGrid, type WorkbookModel } from "../workbook/grid";
import { META_SHEET_NAME, type OutputTabId, type PlanValue } from "./write-plan";
import { rowKey, type TabSpec } from "./tab-spec";

/** A row of a previous output tab, by column id. */
export interface PreviousRow {
  record: Record<string, PlanValue>;
  /** A1 address of the row's first cell in the previous tab. */
  rowAddress: string;
}

/** What an earlier run left in the workbook: which tabs are ours and their rows. */
export interface PreviousOutputs {
  /** Sheet name → tab id, for the sheets the metadata sheet says this product wrote. */
  owned: Map<string, OutputTabId>;
  /** Rows of each owned tab that was found, by tab id. */
  tables: Map<OutputTabId, { sheet: string; rows: PreviousRow[] }>;
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
function mapColumns(grid: SheetGrid, spec: TabSpec): { headerRow: number; cols: Map<number, string> } | null {
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

/** The column ids a next run reads back: row keys, editable and carried columns. */
function carriedIds(spec: TabSpec): Set<string> {
  return new Set(spec.columns.filter((c) => c.editable || c.carried || spec.keyColumns.includes(c.id)).map((c) => c.id));
}

/** True when a next run reads anything of this tab back: its edits, or the whole tab (the history). */
export function isCarried(spec: TabSpec): boolean {
  return !!spec.carriedWhole || spec.columns.some((c) => c.editable || c.carried);
}

/**
 * Which columns of a previous output tab a next run reads (grid: at least its first ten rows): row keys,
 * editable and carried columns, every column of a tab read whole, and any column the product does not know
 * (a user added it). Null when no header row is found.
 */
export function previousColumnsToRead(grid: SheetGrid, spec: TabSpec): { headerRow: number; cols: number[] } | null {
  const mapped = mapColumns(grid, spec);
  if (!mapped) return null;
  const wanted = carriedIds(spec);
  const header = grid.values[mapped.headerRow] ?? [];
  const cols: number[] = [];
  for (let c = 0; c < header.length; c++) {
    const id = mapped.cols.get(c);
    if (spec.carriedWhole || (id === undefined ? norm(header[c] ?? null) !== "" : wanted.has(id))) cols.push(c);
  }
  return { headerRow: mapped.headerRow, cols };
}

/**
 * Reads the rows of one previous output tab by column id: the columns a next run reads back (keys, editable
 * and carried columns; every column of a tab read whole), so both adapters see the same, whatever they read.
 */
export function readPreviousTab(grid: SheetGrid, spec: TabSpec): PreviousRow[] {
  const mapped = mapColumns(grid, spec);
  if (!mapped) return [];
  const wanted = carriedIds(spec);
  const cols = [...mapped.cols].filter(([, id]) => spec.carriedWhole || wanted.has(id));
  const rows: PreviousRow[] = [];
  for (let r = mapped.headerRow + 1; r < grid.values.length; r++) {
    const record: Record<string, PlanValue> = {};
    let any = false;
    for (const [c, id] of cols) {
      const kind = kindAt(grid, r, c);
      const v = rawAt(grid, r, c);
      const value: PlanValue = kind === "empty" || kind === "error" ? null : typeof v === "boolean" ? String(v) : v;
      record[id] = value;
      if (value !== null) any = true;
    }
    if (any) rows.push({ record, rowAddress: a1(grid, r, 0) });
  }
  return rows;
}

/** Reads every owned output tab that the workbook still has. */
export function readPreviousOutputs(wb: WorkbookModel, specs: TabSpec[]): PreviousOutputs {
  const owned = readOwnedTabs(wb);
  const tables = new Map<OutputTabId, { sheet: string; rows: PreviousRow[] }>();
  for (const [name, id] of owned) {
    const grid = wb.sheets.find((s) => s.name === name);
    const spec = specs.find((s) => s.id === id);
    if (grid && spec) tables.set(id, { sheet: name, rows: readPreviousTab(grid, spec) });
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

interface KeptRow {
  values: Record<string, PlanValue>;
  /** True when some value differs from its column's default, i.e. a user typed it. */
  typed: boolean;
  rowAddress: string;
  /** Handed out already (marked rather than deleted: deleting from a 100,000-entry map is slow). */
  taken?: boolean;
}

/**
 * The users' edits from the previous outputs, handed out once per row key. What no row takes is
 * reported, so nothing typed is silently thrown away.
 */
export class CarryOver {
  private readonly byTab = new Map<OutputTabId, Map<string, KeptRow>>();
  private readonly sheets = new Map<OutputTabId, string>();

  constructor(previous: PreviousOutputs, specs: TabSpec[]) {
    for (const spec of specs) {
      const table = previous.tables.get(spec.id);
      const editable = spec.columns.filter((c) => c.editable);
      if (!table || editable.length === 0) continue;
      this.sheets.set(spec.id, table.sheet);
      const m = new Map<string, KeptRow>();
      for (const row of table.rows) {
        const values: Record<string, PlanValue> = {};
        let typed = false;
        for (const c of editable) {
          const v = row.record[c.id] ?? null;
          values[c.id] = v;
          if (v !== null && v !== "" && v !== c.defaultValue) typed = true;
        }
        const key = rowKey(spec, row.record);
        if (!m.has(key)) m.set(key, { values, typed, rowAddress: row.rowAddress });
      }
      this.byTab.set(spec.id, m);
    }
  }

  /** The editable values kept for this row key, once; undefined when the previous run had none. */
  take(tab: OutputTabId, key: string): Record<string, PlanValue> | undefined {
    const m = this.byTab.get(tab);
    const hit = m?.get(key);
    if (!hit || hit.taken) return undefined;
    hit.taken = true;
    return hit.values;
  }

  /** Edits users typed (differing from the column defaults) that no current row took. */
  unclaimed(): UnclaimedEdit[] {
    const out: UnclaimedEdit[] = [];
    for (const [tab, m] of this.byTab) {
      for (const [key, hit] of m) {
        if (!hit.typed || hit.taken) continue;
        out.push({ tab, sheet: this.sheets.get(tab) ?? "", key, rowAddress: hit.rowAddress, values: hit.values });
      }
    }
    return out;
  }
}

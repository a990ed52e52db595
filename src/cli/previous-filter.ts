import { OUTPUT_SPECS } from "../core/job/run-job";
import { cellValue, mapColumns, readOwnedTabs } from "../core/output-tabs/previous-outputs";
import { previousTabReads, wholeRowRule } from "../core/output-tabs/previous-reads";
import { readFingerprints } from "../core/output-tabs/row-fingerprints";
import type { TabSpec } from "../core/output-tabs/tab-spec";
import { META_SHEET_NAME, type OutputTabId, type PlanValue } from "../core/output-tabs/write-plan";
import type { CellKind, RawValue, SheetGrid } from "../core/workbook/grid";
import type { RowFilter } from "../xlsx/sheet-rows";

/**
 * What a second run reads of its previous output, decided while the file streams. The metadata sheet is
 * read first (which tab is which, which tabs have row fingerprints), then the history (which customers
 * earlier runs wrote); every other tab of ours is read by its header row:
 *
 * - kept: the row keys, the editable and `carried` columns, every column that is not ours (users' columns),
 *   all of the history and run log (`carriedWhole`), and all of a tab with fingerprints (its computed cells
 *   are compared with them to find a user's edit);
 * - dropped: the computed cells of a tab without fingerprints (over 20,000 rows), on rows the next run
 *   rebuilds anyway — but a row is kept whole when the core could keep it as typed: a key no earlier run
 *   wrote, a key seen before in the tab, a value in a user's column, or nothing else in it.
 *
 * The core gets the same model it would get from a full read, less cells it never looks at.
 */
export interface PreviousReadPlan {
  readFirst: (read: readonly SheetGrid[]) => string | undefined;
  filter: (sheet: string, read: readonly SheetGrid[]) => RowFilter | undefined;
}

/** Rows searched for the header, as the core's mapColumns does. */
const HEADER_ROWS = 10;

/** A cell as the core reads it into a record (previous-outputs' cellValue): empty and error cells null. */
function keyCell(values: readonly RawValue[], kinds: readonly CellKind[], c: number): PlanValue {
  const k = kinds[c];
  if (c < 0 || c >= values.length || k === "empty" || k === "error") return null;
  const v = values[c] ?? null;
  return typeof v === "boolean" ? String(v) : v;
}

/** The row filter of one previous tab without fingerprints; `known` are the customers earlier runs wrote. */
export function computedCellsFilter(spec: TabSpec, known: ReadonlySet<string>): RowFilter {
  const head: SheetGrid = { name: spec.id, values: [] };
  let headerRow = -1;
  let searched = false;
  let drop: number[] = [];
  let keyAt: number[] = [];
  const isOurs: boolean[] = [];
  // Which rows are kept whole is the core's rule (the add-in's column reads use the same).
  const whole = wholeRowRule(spec, known);
  const keyCells: PlanValue[] = [];

  return (r, values, kinds, formats) => {
    if (!searched) {
      // Rows before the header is known are kept whole (the core looks for it in the first ten rows).
      head.values[r] = values.slice();
      const mapped = mapColumns(head, spec);
      if (mapped) {
        searched = true;
        headerRow = mapped.headerRow;
        const byId = new Map<string, number>([...mapped.cols].map(([c, id]) => [id, c]));
        keyAt = spec.keyColumns.map((id) => byId.get(id) ?? -1);
        for (const c of mapped.cols.keys()) isOurs[c] = true;
        // The computed columns, by the rule the add-in reads by (keys, editable and carried columns kept).
        drop = (previousTabReads(head, spec, false)?.skipped ?? []).sort((a, b) => a - b);
      } else if (r >= HEADER_ROWS - 1) {
        searched = true;
      }
      return;
    }
    if (headerRow < 0 || r <= headerRow || drop.length === 0) return;
    for (let i = 0; i < keyAt.length; i++) keyCells[i] = keyCell(values, kinds, keyAt[i]);
    // A value in a column not ours is a user's: the core may keep the row whole for it.
    let userValue = false;
    for (let c = 0; c < values.length && !userValue; c++) if (kinds[c] !== "empty" && !isOurs[c]) userValue = true;
    if (whole(keyCells, userValue)) return;
    for (const c of drop) {
      if (c >= values.length) break;
      values[c] = null;
      kinds[c] = "empty";
      formats[c] = "General";
    }
  };
}

/**
 * The customers earlier runs wrote: the keys of the previous history tab, as readPreviousTable reads them.
 * Only the key column is looked at: building the whole table (a record and a list of every run's cells per
 * row) here, only for its keys, cost a second reading of all the history's cells, which grow with the runs.
 */
export function historyCustomers(grid: SheetGrid | undefined): Set<string> {
  const out = new Set<string>();
  const spec = OUTPUT_SPECS.find((s) => s.id === "history");
  if (!grid || !spec) return out;
  const mapped = mapColumns(grid, spec);
  const keyAt = mapped ? [...mapped.cols].find(([, id]) => id === "key")?.[0] : undefined;
  if (!mapped || keyAt === undefined) return out;
  for (let r = mapped.headerRow + 1; r < grid.values.length; r++) {
    const k = cellValue(grid, r, keyAt);
    if (k !== null && k !== "") out.add(String(k));
  }
  return out;
}

/** The read plan of a previous output: metadata sheet and history first, then each tab by what it needs. */
export function previousReadPlan(): PreviousReadPlan {
  let owned: Map<string, OutputTabId> | undefined;
  let withPrints: Set<OutputTabId> | undefined;
  let known: Set<string> | undefined;
  const metaOf = (read: readonly SheetGrid[]): SheetGrid | undefined => read.find((s) => s.name === META_SHEET_NAME);
  const historySheet = (): string | undefined => [...(owned ?? [])].find(([, id]) => id === "history")?.[0];
  return {
    readFirst: (read) => {
      const meta = metaOf(read);
      if (!meta) return read.length === 0 ? META_SHEET_NAME : undefined;
      owned ??= readOwnedTabs({ sheets: [meta] });
      const history = historySheet();
      return history !== undefined && !read.some((s) => s.name === history) ? history : undefined;
    },
    filter: (sheet, read) => {
      const meta = metaOf(read);
      // Not ours (no metadata sheet): read in full, then refused as foreign.
      if (!meta || sheet === META_SHEET_NAME) return undefined;
      owned ??= readOwnedTabs({ sheets: [meta] });
      const id = owned.get(sheet);
      const spec = id ? OUTPUT_SPECS.find((s) => s.id === id) : undefined;
      if (!id || !spec || spec.carriedWhole) return undefined;
      withPrints ??= new Set(readFingerprints({ sheets: [meta] }).keys());
      if (withPrints.has(id)) return undefined;
      known ??= historyCustomers(read.find((s) => s.name === historySheet()));
      return computedCellsFilter(spec, known);
    },
  };
}

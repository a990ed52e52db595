import { findHeaderRow } from "../recognition/header-row";
import { headerLanguage, registerFieldMatcher } from "../recognition/alias-matcher";
import { isBlankRow, isTotalRow } from "../recognition/row-kinds";
import type { Lang } from "../i18n/lang";
import type { Problem, ProblemLog } from "../problems/problem";
import { REGISTER_FIELDS, type FieldDef, type RegisterFieldId } from "../register/fields";
import { registerRowFast, registerRowSchema, type RegisterRow } from "../register/register-row";
import type { FastCheck } from "./fast-path";
import { readDate } from "../values/date-cell";
import { plainNumber, readNumber } from "../values/number-cell";
import {
  readChannel, readChurnCause, readOperatingStatus, readPotential, readSatisfactionWord, readStatus, readTransferType, readYesNo,
} from "../values/choice-cell";
import { satisfactionScale } from "../values/satisfaction-scale";
import { a1, formatAt, kindAt, rawAt, type SheetGrid } from "../workbook/grid";
import { cellDisplay, cellText } from "./cell-text";
import { noteUnreadHeaders } from "./header-notes";
import { isBlankText } from "../text/trim";

/** A register column found in the header row. */
export interface FoundColumn {
  col: number;
  header: string;
}

/** The register after reading: valid rows in sheet order, the columns found, the headers' language. */
export interface RegisterRead {
  sheet: string;
  rows: RegisterRow[];
  columns: Map<RegisterFieldId, FoundColumn>;
  lang: Lang;
  headerRow: number;
  /** The sheet read, so that any cell of a customer's row can be addressed later. */
  grid: SheetGrid;
  /** Customer key → grid row, for every row in `rows` (what duplicates were found by). */
  keys: ReadonlyMap<string, number>;
}

/** The register's headers as the user wrote them, in column order, for messages ("—" when there is no register). */
export function registerHeaderList(read: RegisterRead | null | undefined): string {
  if (!read) return "—";
  const headers = [...read.columns.values()].sort((a, b) => a.col - b.col).map((c) => c.header);
  return headers.length > 0 ? headers.join(", ") : "—";
}

/** The A1 address of a register field in a customer's row; undefined when the column is absent. */
export function registerCell(read: RegisterRead, row: RegisterRow, field: RegisterFieldId): string | undefined {
  const column = read.columns.get(field);
  return column ? a1(read.grid, row.row, column.col) : undefined;
}

const CHOICES: Record<string, { zh: string; en: string }> = {
  operatingStatus: { zh: "良好/一般/较差", en: "good/fair/poor" },
  channel: { zh: "电话/邮件/短信/微信/拜访/会议", en: "phone/email/SMS/WeChat/visit/meeting" },
  potential: { zh: "高/中/低", en: "high/medium/low" },
  status: { zh: "正常/新客户/休眠/流失/转出/已回流", en: "active/new/dormant/churned/transferred/returned" },
  churnCause: { zh: "服务意识淡薄/细节疏忽/企业自身问题/竞争流失/员工流动/搬迁/破产/其他", en: "service/detail/company/competition/staff turnover/relocation/bankruptcy/other" },
  transferType: { zh: "主动/被动", en: "asked/need ended" },
  yesno: { zh: "是/否", en: "yes/no" },
  satisfaction: { zh: "非常满意/满意/比较满意/一般/不太满意/不满意/非常不满意 或数字", en: "very satisfied … very dissatisfied, or a number" },
};

const CHOICE_READERS: Partial<Record<FieldDef["kind"], (text: string) => string | undefined>> = {
  operatingStatus: readOperatingStatus,
  channel: readChannel,
  potential: readPotential,
  status: readStatus,
  churnCause: readChurnCause,
  transferType: readTransferType,
};

type Candidate = Record<string, unknown>;

/**
 * Reads the register sheet: every row validated, every problem reported with its cell; bad rows never stop good ones.
 * `fast`: the schema's fast path (a test passes one that accepts nothing, to compare with zod alone).
 */
export function readRegister(grid: SheetGrid, log: ProblemLog, fast: FastCheck<RegisterRow> = registerRowFast): RegisterRead | null {
  const header = findHeaderRow(grid, registerFieldMatcher);
  if (!header) {
    log.error("sheet.noHeader", { sheet: grid.name, cell: a1(grid, 0, 0), params: { sheet: grid.name } });
    return null;
  }
  const columns = new Map<RegisterFieldId, FoundColumn>();
  for (const [id, col] of header.columns) {
    columns.set(id as RegisterFieldId, { col, header: header.texts.get(col) ?? cellText(grid, header.row, col) });
  }
  noteUnreadHeaders(grid, header, log);
  const lang = headerLanguage([...columns.values()].map((c) => c.header));
  const fields = REGISTER_FIELDS.filter((f) => columns.has(f.id));
  const satScale = satisfactionColumnScale(grid, header.row, columns.get("satisfaction")?.col);

  const rows: RegisterRow[] = [];
  const seen = new Map<string, number>();
  // One problem list and one report target for the whole sheet (emptied per row): no objects per cell.
  const rowProblems: Problem[] = [];
  const to: CellReport = { out: rowProblems, header: "" };
  const read = fields.map((f) => ({ f, ...columns.get(f.id)! }));
  // Key → grid row of the first row read with it, built on the first duplicate only (seen is overwritten then).
  let firstRows: Map<string, number> | undefined;
  let indexed = 0;
  const firstRowOf = (key: string): number => {
    firstRows ??= new Map();
    for (; indexed < rows.length; indexed++) if (!firstRows.has(rows[indexed].key)) firstRows.set(rows[indexed].key, rows[indexed].row);
    return firstRows.get(key)!;
  };
  for (let r = header.row + 1; r < grid.values.length; r++) {
    if (isBlankRow(grid, r) || isTotalRow(grid, r)) continue;
    const candidate: Candidate = {};
    rowProblems.length = 0;
    // Addresses are built only when a problem needs one: most cells never do.
    const cellOf = (field: string) => a1(grid, r, columns.get(field as RegisterFieldId)?.col ?? 0);
    for (const { f, col, header: h } of read) {
      to.header = h;
      const v = readField(grid, r, col, f, satScale, to);
      if (v !== undefined) candidate[f.id] = v;
    }
    if (candidate.churnCause !== undefined) {
      const causeCol = columns.get("churnCause")!.col;
      candidate.churnCauseText = cellText(grid, r, causeCol);
    }
    const id = candidate.id as string | undefined;
    const name = candidate.name as string | undefined;
    const key = id || name;
    // Value problems name their customer, once the row's key is known.
    for (const p of rowProblems) log.add(key ? { ...p, key } : p);
    if (!key) {
      log.error("register.noKey", { sheet: grid.name, cell: a1(grid, r, (columns.get("id") ?? columns.get("name"))?.col ?? 0) });
      continue;
    }
    // One hash operation per row: a key already there shows as a size that did not grow (then the first
    // row is put back; duplicates are rare).
    const before = seen.size;
    seen.set(key, r);
    if (seen.size === before) {
      const first = firstRowOf(key);
      seen.set(key, first);
      log.error("register.duplicateKey", {
        sheet: grid.name, cell: cellOf(id ? "id" : "name"), key, params: { key, firstRow: first + 1 + (grid.top ?? 0) },
      });
      continue;
    }
    candidate.key = key;
    candidate.sheet = grid.name;
    candidate.row = r;
    candidate.rowAddress = a1(grid, r, 0);
    // A copy, not the candidate: twenty-odd keys added by computed name leave V8 an object in dictionary mode
    // (~1.6 kB; 160 MB at 100,000 rows), where the spread's copy is compact, as zod's output was.
    rows.push(fast(candidate) ? { ...candidate } : validate(candidate, cellOf, columns, grid.name, key, log));
  }
  return { sheet: grid.name, rows, columns, lang, headerRow: header.row, grid, keys: seen };
}

/** Applies the zod schema (to rows the fast path did not accept); a field that breaks a rule is reported at its cell and dropped, the row stays. */
function validate(
  candidate: Candidate, cellOf: (field: string) => string, columns: Map<RegisterFieldId, FoundColumn>,
  sheet: string, key: string, log: ProblemLog,
): RegisterRow {
  let parsed = registerRowSchema.safeParse(candidate);
  while (!parsed.success) {
    const field = String(parsed.error.issues[0].path[0]);
    const column = columns.get(field as RegisterFieldId);
    log.warning("value.outOfRange", {
      sheet, cell: cellOf(field), key,
      params: { header: column?.header ?? field, text: String(candidate[field]), ...rangeOf(field) },
    });
    delete candidate[field];
    parsed = registerRowSchema.safeParse(candidate);
  }
  return parsed.data;
}

function rangeOf(field: string): { min: number; max: string } {
  if (field === "likelihoodToRecommend") return { min: 0, max: "10" };
  if (field === "satisfaction") return { min: 0, max: "100" };
  return { min: 0, max: "∞" };
}

/** The satisfaction column's scale: its numbers (percent cells as points of 100) decide ×1, ×20 or ×100. */
function satisfactionColumnScale(grid: SheetGrid, headerRow: number, col: number | undefined): number {
  if (col === undefined) return 1;
  const numbers: number[] = [];
  for (let r = headerRow + 1; r < grid.values.length; r++) {
    const raw = rawAt(grid, r, col);
    const kind = kindAt(grid, r, col);
    const format = formatAt(grid, r, col);
    const plain = plainNumber(raw, kind, format);
    if (plain !== undefined) {
      numbers.push(plain);
      continue;
    }
    const n = readNumber(raw, kind, format);
    if (n.ok) numbers.push(n.percent ? n.value * 100 : n.value);
  }
  return satisfactionScale(numbers);
}

/** Where a cell's problems go: no closure per cell, as a register has hundreds of thousands of cells. */
interface CellReport {
  out: Problem[];
  header: string;
}

function report(grid: SheetGrid, r: number, c: number, to: CellReport, code: string, params: Record<string, string | number>): void {
  to.out.push({ level: "warning", code, sheet: grid.name, cell: a1(grid, r, c), params: { header: to.header, ...params } });
}

/** Reads one register cell by the field's kind; reports what cannot be read and returns undefined for it. */
function readField(grid: SheetGrid, r: number, c: number, f: FieldDef, satScale: number, to: CellReport): unknown {
  const raw = rawAt(grid, r, c);
  const kind = kindAt(grid, r, c);
  const format = formatAt(grid, r, c);
  if (kind === "empty" || (kind === "text" && isBlankText(String(raw)))) return undefined;
  if (kind === "error") {
    report(grid, r, c, to, "value.excelError", { text: String(raw) });
    return undefined;
  }
  // The cell's text only where a field reads text: a number's text is a string built for nothing.
  switch (f.kind) {
    case "text":
      return cellText(grid, r, c) || undefined;
    case "integer":
    case "amount":
    case "nps": {
      const plain = plainNumber(raw, kind, format);
      if (plain !== undefined && plain >= 0 && (f.kind === "amount" || Number.isInteger(plain))) return plain;
      const n = readNumber(raw, kind, format);
      if (!n.ok) {
        report(grid, r, c, to, "value.notNumber", { text: cellDisplay(grid, r, c) });
        return undefined;
      }
      const value = n.percent && f.kind !== "amount" ? n.value * 100 : n.value;
      if (value < 0) {
        report(grid, r, c, to, "value.negative", { text: String(value) });
        return undefined;
      }
      if (f.kind !== "amount" && !Number.isInteger(value)) {
        report(grid, r, c, to, "value.notInteger", { text: String(value) });
        return undefined;
      }
      return value;
    }
    case "date": {
      const d = readDate(raw, kind, format);
      if (!d.ok) {
        report(grid, r, c, to, "value.notDate", { text: cellDisplay(grid, r, c) });
        return undefined;
      }
      return d.value;
    }
    case "yesno": {
      const text = cellText(grid, r, c);
      const b = readYesNo(typeof raw === "boolean" ? raw : text);
      if (b === undefined) report(grid, r, c, to, "value.notChoice", { text, choices: `${CHOICES.yesno.zh} (${CHOICES.yesno.en})`, choicesEn: CHOICES.yesno.en });
      return b;
    }
    case "satisfaction": {
      // No satisfaction word is a number, so a number cell skips the words.
      const text = kind === "number" ? "" : cellText(grid, r, c);
      const word = kind === "number" ? undefined : readSatisfactionWord(text);
      if (word !== undefined) return word;
      const n = readNumber(raw, kind, format);
      if (!n.ok) {
        report(grid, r, c, to, "value.notChoice", { text: text || cellText(grid, r, c), choices: `${CHOICES.satisfaction.zh} (${CHOICES.satisfaction.en})`, choicesEn: CHOICES.satisfaction.en });
        return undefined;
      }
      return (n.percent ? n.value * 100 : n.value) * satScale;
    }
    case "churnCause": {
      // A cause the product does not know is kept as typed (the row's churnCauseText) with a note, not dropped.
      const text = cellText(grid, r, c);
      const v = readChurnCause(text);
      if (v === undefined) {
        to.out.push({ level: "note", code: "register.unknownCause", sheet: grid.name, cell: a1(grid, r, c), params: { header: to.header, text } });
        return "unknown";
      }
      return v;
    }
    default: {
      const reader = CHOICE_READERS[f.kind]!;
      const text = cellText(grid, r, c);
      const v = reader(text);
      if (v === undefined) {
        const ch = CHOICES[f.kind];
        report(grid, r, c, to, "value.notChoice", { text, choices: `${ch.zh} (${ch.en})`, choicesEn: ch.en });
      }
      return v;
    }
  }
}

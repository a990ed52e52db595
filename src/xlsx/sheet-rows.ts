import { StringDecoder } from "string_decoder";
import type { CellKind, RawValue } from "../core/workbook/grid";
import { decodeCellText, decodeXml } from "./read-shared-strings";

/** One cell as parsed from a worksheet's XML. */
export interface ParsedCell {
  col: number;
  value: RawValue;
  kind: CellKind;
  /** The cellXfs index (`s` attribute). */
  style: number;
}

/** One row of a worksheet: its 0-based index and its non-empty cells. */
export interface ParsedRow {
  row: number;
  cells: ParsedCell[];
}

const ROW_RE = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
const CELL_RE = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const V_RE = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/;
const IS_RE = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/;
const ROW_END = /<\/(?:\w+:)?row>|<(?:\w+:)?row\b[^>]*\/>/g;

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return m ? m[1] : undefined;
}

/** 0-based column of a cell reference ("AB12" → 27); -1 when absent. */
function colOf(ref: string | undefined): number {
  if (!ref) return -1;
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return i === 0 ? -1 : col - 1;
}

/** Excel serial of an ISO date/time string (cells of type "d", rare: Excel writes them in strict mode). */
function isoToSerial(s: string): number | null {
  const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s}Z`);
  return Number.isFinite(t) ? t / 86400000 + 25569 : null;
}

function parseCell(attrs: string, body: string | undefined, strings: string[], fallbackCol: number): ParsedCell | null {
  const ref = attr(attrs, "r");
  const col = ref ? colOf(ref) : fallbackCol;
  const style = Number(attr(attrs, "s") ?? 0) || 0;
  const t = attr(attrs, "t") ?? "n";
  if (!body) return { col, value: null, kind: "empty", style };
  if (t === "inlineStr") {
    const is = IS_RE.exec(body);
    const text = is ? decodeCellText(is[1]) : "";
    return { col, value: text === "" ? null : text, kind: text === "" ? "empty" : "text", style };
  }
  const v = V_RE.exec(body);
  if (!v) return { col, value: null, kind: "empty", style };
  const raw = v[1];
  switch (t) {
    case "s": {
      const s = strings[Number(raw)] ?? "";
      return s === "" ? { col, value: null, kind: "empty", style } : { col, value: s, kind: "text", style };
    }
    case "str": {
      const s = decodeXml(raw);
      return s === "" ? { col, value: null, kind: "empty", style } : { col, value: s, kind: "text", style };
    }
    case "b":
      return { col, value: raw.trim() === "1" || raw.trim().toLowerCase() === "true", kind: "boolean", style };
    case "e":
      return { col, value: decodeXml(raw).trim(), kind: "error", style };
    case "d": {
      const n = isoToSerial(decodeXml(raw).trim());
      return n === null ? { col, value: null, kind: "empty", style } : { col, value: n, kind: "number", style };
    }
    default: {
      const n = Number(raw);
      return raw.trim() === "" || !Number.isFinite(n) ? { col, value: null, kind: "empty", style } : { col, value: n, kind: "number", style };
    }
  }
}

/**
 * Parses a worksheet's XML as it streams in, yielding rows as they complete: a regular-expression scan over
 * whole `<row>` elements (never a DOM, never per-cell objects beyond the row at hand). Formulas give their
 * cached values (`<v>`), whatever their type: numbers, strings, booleans, errors with their own text.
 * `merges`, when given, receives the sheet's merged ranges ("A1:A2") once the rows are done.
 */
export async function* parseSheetRows(chunks: AsyncIterable<Buffer>, strings: string[], merges?: string[]): AsyncGenerator<ParsedRow> {
  const decoder = new StringDecoder("utf8");
  let buf = "";
  let inData = false;
  let nextRow = 0;
  const emit = function* (xml: string): Generator<ParsedRow> {
    ROW_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = ROW_RE.exec(xml))) {
      const r = attr(m[1], "r");
      const row = r ? Number(r) - 1 : nextRow;
      nextRow = row + 1;
      const cells: ParsedCell[] = [];
      if (m[2]) {
        CELL_RE.lastIndex = 0;
        let c: RegExpExecArray | null;
        let nextCol = 0;
        while ((c = CELL_RE.exec(m[2]))) {
          const cell = parseCell(c[1], c[2], strings, nextCol);
          if (!cell) continue;
          nextCol = cell.col + 1;
          if (cell.kind !== "empty") cells.push(cell);
        }
      }
      yield { row, cells };
    }
  };
  for await (const chunk of chunks) {
    buf += decoder.write(chunk);
    if (!inData) {
      const at = buf.search(/<(?:\w+:)?sheetData\b/);
      if (at < 0) {
        // Keep only a tail that could hold the start of the tag.
        if (buf.length > 1 << 16) buf = buf.slice(-64);
        continue;
      }
      inData = true;
      buf = buf.slice(at);
    }
    // Process up to the last complete row; the rest waits for the next chunk.
    ROW_END.lastIndex = 0;
    let end = -1;
    let m: RegExpExecArray | null;
    while ((m = ROW_END.exec(buf))) end = m.index + m[0].length;
    if (end > 0) {
      yield* emit(buf.slice(0, end));
      buf = buf.slice(end);
    }
  }
  buf += decoder.end();
  if (inData) yield* emit(buf);
  // <mergeCells> follows <sheetData>, so it is all in the tail left after the last row.
  if (merges && inData) for (const m of buf.matchAll(MERGE_RE)) merges.push(m[1] ?? m[2]);
}

const MERGE_RE = /<(?:\w+:)?mergeCell\b[^>]*?\bref=(?:"([^"]*)"|'([^']*)')/g;

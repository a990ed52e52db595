import { isErrorLiteral, type CellKind, type RawValue } from "../workbook/grid";

/** A number read from a cell; `percent` says the user meant a percentage (0.85 shown or typed as 85%). */
export type NumberRead =
  | { ok: true; value: number; percent: boolean }
  | { ok: false; reason: "missing" | "excelError" | "notNumber"; text?: string };

// A "%" inside quotes or after a backslash is a literal, not Excel's ×100 percent display.
const FORMAT_LITERALS = /"[^"]*"|\\./g;

/** True when an Excel number format displays its value as a percentage ("0%", "0.00%"). */
export function isPercentFormat(format: string): boolean {
  // Nearly every cell is "General" or has no "%" at all: answer those without a regex (or a search).
  if (format === "General" || !format.includes("%")) return false;
  return format.replace(FORMAT_LITERALS, "").includes("%");
}

// After NFKC: "，" → ",", "￥" → "¥", "％" → "%", "－" → "-", "．" → ".". U+2212 (minus sign, pasted
// from Word or web pages) survives NFKC, so it is mapped by hand.
const MINUS_SIGNS = /[\u2212\u2012\u2013\uFE63]/g;
const LEADING_SIGN_AND_CURRENCY = /^([+-]?)(¥|\$|rmb|cny|人民币)?([+-]?)(.*)$/isu;
const CURRENCY_SUFFIX = /(?:元|rmb|cny)$/i;
const SCALE_SUFFIX: ReadonlyArray<readonly [string, number]> = [
  ["万", 10_000],
  ["亿", 100_000_000],
];
// Thousands separators only in proper groups of three, so a decimal comma ("1,5") is refused, not misread as 15.
const PLAIN_NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED_NUMBER = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** Rounds away binary noise from scaling (0.07 × 10,000 = 700.0000000000001) without touching real digits. */
function clean(n: number): number {
  return Number(n.toPrecision(15));
}

/** The number in a text as users type it ("1,200", "８５", "85%", "¥1,200,000", "120万", "-5"); undefined if none. */
export function parseNumberText(text: string): { value: number; percent: boolean } | undefined {
  // A space between digits is a thousands separator ("1 200 000") and must form proper groups like a
  // comma, so "12 34" is refused rather than read as 1234; other spaces ("¥ 1,200", "120 万") just go.
  const compact = text
    .normalize("NFKC")
    .replace(MINUS_SIGNS, "-")
    .replace(/(\d)\s+(?=\d)/gu, "$1,")
    .replace(/\s+/gu, "");
  // The sign may stand before or after the currency symbol: "-¥5" and "¥-5" both occur, but only once.
  const head = LEADING_SIGN_AND_CURRENCY.exec(compact);
  if (!head || (head[1] && head[3])) return undefined;
  const sign = (head[1] || head[3]) === "-" ? -1 : 1;
  const hadPrefix = head[2] !== undefined;
  let s = head[4];

  let percent = false;
  let scale = 1;
  if (s.endsWith("%")) {
    if (hadPrefix) return undefined;
    percent = true;
    s = s.slice(0, -1);
  } else {
    s = s.replace(CURRENCY_SUFFIX, "");
    for (const [unit, factor] of SCALE_SUFFIX) {
      if (s.endsWith(unit)) {
        scale = factor;
        s = s.slice(0, -unit.length);
        break;
      }
    }
  }

  let digits: string;
  if (PLAIN_NUMBER.test(s)) digits = s;
  else if (GROUPED_NUMBER.test(s)) digits = s.replace(/,/g, "");
  else return undefined;

  const n = Number(digits);
  if (!Number.isFinite(n)) return undefined;
  const value = percent ? clean(n / 100) : scale === 1 ? n : clean(n * scale);
  const signed = sign * value;
  // -0 would print as "0" but compares oddly in Object.is-based tests and maps; normalise it.
  return { value: signed === 0 ? 0 : signed, percent };
}

/** Reads a cell as a number: number cells as they are, numbers typed as text, percent cells flagged. */
export function readNumber(raw: RawValue, kind: CellKind, format: string): NumberRead {
  if (kind === "error") return { ok: false, reason: "excelError", text: String(raw ?? "") };
  if (raw === null || kind === "empty") return { ok: false, reason: "missing" };
  if (typeof raw === "boolean") return { ok: false, reason: "notNumber", text: String(raw).toUpperCase() };
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return { ok: false, reason: "notNumber", text: String(raw) };
    return { ok: true, value: raw, percent: isPercentFormat(format) };
  }
  const trimmed = raw.normalize("NFKC").trim();
  if (trimmed === "") return { ok: false, reason: "missing" };
  if (isErrorLiteral(trimmed)) return { ok: false, reason: "excelError", text: trimmed.toUpperCase() };
  const parsed = parseNumberText(trimmed);
  if (!parsed) return { ok: false, reason: "notNumber", text: raw.trim() };
  return { ok: true, ...parsed };
}

/**
 * The value of a plain number cell (not a percent format), or undefined for anything else — the hot path
 * that spares a result object per cell; callers fall back to readNumber.
 */
export function plainNumber(raw: RawValue, kind: CellKind, format: string): number | undefined {
  // Not finite (no Excel cell is, but a damaged file or an adapter could hand one over): readNumber refuses it.
  return typeof raw === "number" && Number.isFinite(raw) && kind === "number" && (format === "General" || !format.includes("%")) ? raw : undefined;
}

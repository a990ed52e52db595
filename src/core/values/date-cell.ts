import { isErrorLiteral, type CellKind, type RawValue } from "../workbook/grid";
import { MAX_DATE_SERIAL, serialFromYmd } from "./serial-date";

/** A date read from a cell, as an Excel serial day (no time of day). */
export type DateRead =
  | { ok: true; value: number }
  | { ok: false; reason: "missing" | "excelError" | "notDate"; text?: string };

// A time after the date is allowed and ignored: "2024-03-05 10:00", "2024-03-05T10:00:00Z", "… 3:05 PM".
// Chinese Excel writes the half-day before the time: "2024-03-05 下午3:05".
const TIME = String.raw`(?:(?:\s+|T|\s*[上下]午)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]m)?(?:z|[+-]\d{2}:?\d{2})?)?`;
// One separator used throughout ("2024-3/5" is a typo, not a date).
const YMD_SEPARATED = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`, "i");
const YMD_CHINESE = new RegExp(String.raw`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?${TIME}$`, "i");
const SERIAL_TEXT = /^\d+(?:\.\d+)?$/;

function fromSerial(serial: number, text: string): DateRead {
  const day = Math.floor(serial);
  if (!Number.isFinite(serial) || day < 1 || day > MAX_DATE_SERIAL) return { ok: false, reason: "notDate", text };
  return { ok: true, value: day };
}

function fromParts(y: string, m: string, d: string, text: string): DateRead {
  const serial = serialFromYmd(Number(y), Number(m), Number(d));
  return Number.isNaN(serial) ? { ok: false, reason: "notDate", text } : fromSerial(serial, text);
}

/**
 * Reads a cell as a date: number cells are serials whatever their format (a date typed into a General
 * column still arrives as a serial), text as 2024-03-05, 2024/3/5, 2024.3.5 or 2024年3月5日.
 * Day-first or month-first text (05/03/2024) is refused: it cannot be told apart without the locale.
 */
export function readDate(raw: RawValue, kind: CellKind, format: string): DateRead {
  void format; // the serial does not depend on how the cell displays it
  if (kind === "error") return { ok: false, reason: "excelError", text: String(raw ?? "") };
  if (raw === null || kind === "empty") return { ok: false, reason: "missing" };
  if (typeof raw === "boolean") return { ok: false, reason: "notDate", text: String(raw).toUpperCase() };
  if (typeof raw === "number") {
    // The serial's text is only for a refusal: most dates are read without building it.
    const day = Math.floor(raw);
    if (Number.isFinite(raw) && day >= 1 && day <= MAX_DATE_SERIAL) return { ok: true, value: day };
    return fromSerial(raw, String(raw));
  }

  const text = raw.normalize("NFKC").trim();
  if (text === "") return { ok: false, reason: "missing" };
  if (isErrorLiteral(text)) return { ok: false, reason: "excelError", text: text.toUpperCase() };
  const shown = raw.trim();
  const separated = YMD_SEPARATED.exec(text);
  if (separated) return fromParts(separated[1], separated[3], separated[4], shown);
  const chinese = YMD_CHINESE.exec(text);
  if (chinese) return fromParts(chinese[1], chinese[2], chinese[3], shown);
  if (SERIAL_TEXT.test(text)) return fromSerial(Number(text), shown);
  return { ok: false, reason: "notDate", text: shown };
}

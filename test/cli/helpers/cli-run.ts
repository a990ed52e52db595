import { createHash } from "crypto";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../../../src/cli/run-cli";
import { WorkbookReadError } from "../../../src/xlsx/read-error";
import { readWorkbookFile } from "../../../src/xlsx/read-workbook";

export const FIXTURES = path.join(__dirname, "..", "..", "fixtures");
export const SAMPLE_DIR = path.join(__dirname, "..", "..", "..", "assets", "sample");

/** What one in-process run of the command line printed and returned. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command line in-process, as a pipe would see it (stderr not a TTY), at a fixed clock. */
export async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    stderrIsTTY: false,
    env,
    now: () => new Date("2024-07-01T08:00:00Z"),
  });
  return { code, stdout, stderr };
}

/** A fresh temporary folder. */
export function tempDir(prefix = "ct-cli-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Copies a fixture into a folder (runs write beside their input). */
export function copyFixture(name: string, dir: string, from = FIXTURES): string {
  const to = path.join(dir, name);
  fs.copyFileSync(path.join(from, name), to);
  return to;
}

/** SHA-256 of a file's bytes. */
export function sha256(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Reads a written workbook back with ExcelJS (independent of our reader). */
export async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** The rows of a tab as records by header text (row 1 is the header). */
export function tabRecords(ws: ExcelJS.Worksheet): Record<string, ExcelJS.CellValue>[] {
  const headers: string[] = [];
  ws.getRow(1).eachCell((c, col) => (headers[col] = String(c.value)));
  const out: Record<string, ExcelJS.CellValue>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const rec: Record<string, ExcelJS.CellValue> = {};
    let any = false;
    headers.forEach((h, col) => {
      if (!h) return;
      const v = row.getCell(col).value;
      rec[h] = v;
      if (v !== null && v !== undefined && v !== "") any = true;
    });
    if (any) out.push(rec);
  });
  return out;
}

/** The cell of a tab's row (1-based) under a header. */
export function cellUnder(ws: ExcelJS.Worksheet, header: string, row: number): ExcelJS.Cell {
  let col = 0;
  ws.getRow(1).eachCell((c, n) => {
    if (String(c.value) === header) col = n;
  });
  if (!col) throw new Error(`no column ${header} in ${ws.name}`);
  return ws.getRow(row).getCell(col);
}

/** The error a read of a refused file throws (fails the test when the read succeeds). */
export async function readRefusal(file: string): Promise<WorkbookReadError> {
  try {
    await readWorkbookFile(file);
  } catch (e) {
    if (e instanceof WorkbookReadError) return e;
    throw e;
  }
  throw new Error("read did not fail");
}

/** The 1-based column after the last header cell of a tab. */
export function nextColumn(ws: ExcelJS.Worksheet): number {
  let last = 0;
  ws.getRow(1).eachCell((_, n) => (last = Math.max(last, n)));
  return last + 1;
}

/** The 1-based sheet row of the first data row whose cell under `header` is `value`. */
export function rowOf(ws: ExcelJS.Worksheet, header: string, value: string): number {
  const i = tabRecords(ws).findIndex((r) => r[header] === value);
  if (i < 0) throw new Error(`no row with ${header}=${value} on ${ws.name}`);
  return i + 2;
}

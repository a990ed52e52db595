import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** True when LibreOffice's soffice is on the PATH (CI installs it; see .ci/run). */
export function hasSoffice(): boolean {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore", timeout: 60000 });
    return true;
  } catch {
    return false;
  }
}

/** Converts a workbook to PDF with LibreOffice and returns the PDF path (throws when conversion fails). */
export function convertToPdf(file: string): string {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-pdf-"));
  const profile = `-env:UserInstallation=file://${outDir}/profile`;
  execFileSync("soffice", [profile, "--headless", "--convert-to", "pdf", "--outdir", outDir, file], { stdio: "pipe", timeout: 120000 });
  const pdf = path.join(outDir, path.basename(file).replace(/\.[^.]+$/, "") + ".pdf");
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${file}`);
  return pdf;
}

/** The text of a PDF via poppler's pdftotext when present, else null. */
export function pdfText(pdf: string): string | null {
  try {
    return execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", timeout: 60000 });
  } catch {
    return null;
  }
}

/**
 * Converts every sheet of a workbook to UTF-8 CSV with LibreOffice (cell contents, no layout) and returns the
 * files by sheet name. Token 12 = -1 asks LibreOffice (7.2+) for one file per sheet.
 */
export function convertToCsv(file: string): Map<string, string> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-csv-"));
  const profile = `-env:UserInstallation=file://${outDir}/profile`;
  const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
  execFileSync("soffice", [profile, "--headless", "--convert-to", filter, "--outdir", outDir, file], { stdio: "pipe", timeout: 120000 });
  const base = path.basename(file).replace(/\.[^.]+$/, "");
  const out = new Map<string, string>();
  for (const f of fs.readdirSync(outDir)) {
    if (!f.endsWith(".csv")) continue;
    const sheet = f.startsWith(`${base}-`) ? f.slice(base.length + 1, -4) : f.slice(0, -4);
    out.set(sheet, fs.readFileSync(path.join(outDir, f), "utf8"));
  }
  return out;
}

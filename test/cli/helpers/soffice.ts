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

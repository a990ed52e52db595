import { promises as fsp } from "fs";
import * as path from "path";

/** A workbook a batch will run, or a path given that is neither a workbook nor a folder of them. */
export type BatchInput = { kind: "file"; file: string } | { kind: "missing"; file: string };

/** True for a workbook a folder run picks up: .xlsx, not our own output, not Excel's lock file, not hidden. */
export function isBranchWorkbook(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith(".xlsx") && !lower.endsWith(".tiers.xlsx") && !name.startsWith("~$") && !name.startsWith(".");
}

/**
 * The workbooks of a batch, in the order given; a folder contributes its workbooks sorted by name (not its
 * subfolders). A path named twice is run once. The consolidated summary is never an input.
 */
export async function expandInputs(inputs: string[], exclude: string[] = []): Promise<BatchInput[]> {
  const out: BatchInput[] = [];
  const seen = new Set(exclude.map((e) => path.resolve(e)));
  const add = (item: BatchInput) => {
    const key = path.resolve(item.file);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(item);
  };
  for (const given of inputs) {
    const stat = await fsp.stat(given).catch(() => null);
    if (stat?.isDirectory()) {
      const names = (await fsp.readdir(given, { withFileTypes: true }))
        .filter((e) => e.isFile() && isBranchWorkbook(e.name))
        .map((e) => e.name)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      for (const n of names) add({ kind: "file", file: path.join(given, n) });
    } else if (stat) {
      add({ kind: "file", file: given });
    } else {
      add({ kind: "missing", file: given });
    }
  }
  return out;
}

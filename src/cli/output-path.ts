import * as path from "path";

/** The default output beside the input: `客户.xlsx` → `客户.tiers.xlsx` (any extension replaced). */
export function defaultOutputPath(input: string): string {
  const dir = path.dirname(input);
  const ext = path.extname(input);
  const base = path.basename(input, ext);
  return path.join(dir, `${base}.tiers.xlsx`);
}

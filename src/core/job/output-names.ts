import type { ProblemLog } from "../problems/problem";
import type { OutputTabId } from "../output-tabs/write-plan";

/**
 * The sheet name each output tab gets: its own name unless a sheet the product did not create holds it;
 * then `name (2)`, `name (3)` … and a warning. Excel compares sheet names case-insensitively.
 */
export function chooseOutputNames(
  wanted: { id: OutputTabId; name: string }[], existing: string[], owned: Map<string, OutputTabId>, log: ProblemLog,
): Map<OutputTabId, string> {
  const foreign = new Set(existing.filter((n) => !owned.has(n)).map((n) => n.toLowerCase()));
  const taken = new Set<string>();
  const out = new Map<OutputTabId, string>();
  for (const { id, name } of wanted) {
    let candidate = name;
    for (let k = 2; foreign.has(candidate.toLowerCase()) || taken.has(candidate.toLowerCase()); k++) {
      candidate = `${name} (${k})`;
    }
    if (candidate !== name) log.warning("output.nameTaken", { sheet: name, cell: "A1", params: { name, newName: candidate } });
    taken.add(candidate.toLowerCase());
    out.set(id, candidate);
  }
  return out;
}

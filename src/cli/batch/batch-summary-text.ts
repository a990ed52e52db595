import { emptyTierCounts, emptyVerdictCounts, TIERS, VERDICTS } from "../../core/batch/workbook-result";
import { tierLabel, verdictLabel } from "../../core/i18n/labels";
import type { Lang } from "../../core/i18n/lang";
import type { TierOrIncomplete, Verdict } from "../../core/scoring/scored-customer";
import { text } from "../messages";
import type { BatchOutcome } from "./run-batch";


function tierList(by: Record<TierOrIncomplete, number>, lang: Lang): string {
  return TIERS.map((t) => `${tierLabel(t, lang)} ${by[t] ?? 0}`).join(" · ");
}

function verdictList(by: Record<Verdict, number>, lang: Lang): string {
  return VERDICTS.map((v) => `${verdictLabel(v, lang)} ${by[v] ?? 0}`).join(" · ");
}

/** The printed summary of a batch: a line per workbook, the totals, the files written. */
export function batchSummaryText(outcome: BatchOutcome, lang: Lang): string {
  const lines: string[] = [];
  const byTier = emptyTierCounts();
  const byVerdict = emptyVerdictCounts();
  let customers = 0;
  let ok = 0;
  let problems = 0;
  let failed = 0;
  for (const r of outcome.results) {
    const s = r.summary;
    if (!s || r.failure) {
      failed++;
      lines.push(text("batchFailed", lang, { file: r.file, message: r.failure?.message ?? "" }));
      continue;
    }
    if (r.exitCode === 0) ok++;
    else problems++;
    customers += s.customers;
    for (const t of TIERS) byTier[t] += s.byTier[t] ?? 0;
    for (const v of VERDICTS) byVerdict[v] += s.byVerdict[v] ?? 0;
    lines.push(text("batchLine", lang, {
      file: r.file, tiers: tierList(s.byTier, lang), verdicts: verdictList(s.byVerdict, lang),
      error: s.problems.error, warning: s.problems.warning, output: r.output ?? "",
    }));
  }
  if (outcome.results.length === 0) lines.push(text("noWorkbooks", lang));
  lines.push(text("batchTotal", lang, {
    n: outcome.results.length, ok, problems, failed, customers, tiers: tierList(byTier, lang), verdicts: verdictList(byVerdict, lang),
  }));
  if (outcome.summary?.written) lines.push(text("batchSummaryFile", lang, { file: outcome.summary.file }));
  if (outcome.format?.written) lines.push(text("batchResultsFile", lang, { file: outcome.format.file }));
  return lines.join("\n");
}

/** The --json shape of a batch: one entry per workbook (its summary as a single run prints it), and the files. */
export function batchJson(outcome: BatchOutcome): unknown {
  return {
    workbooks: outcome.results.map((r) =>
      r.summary
        ? { file: r.file, output: r.output, exitCode: r.exitCode, carried: r.carried ?? false, ...r.summary }
        : { file: r.file, output: r.output, exitCode: r.exitCode, error: r.failure },
    ),
    summary: outcome.summary ?? null,
    results: outcome.format ?? null,
    exitCode: outcome.exitCode,
  };
}

import type { Lang } from "../core/i18n/lang";
import type { JobSummary } from "../core/job/job-types";
import { t } from "../taskpane/i18n";

/** The title and text the ribbon command reports after a run: counts only, no customer data. */
export function commandReport(lang: Lang, s: JobSummary): { title: string; text: string } {
  return {
    title: t(lang, "commandDone"),
    text: t(lang, "commandSummary", {
      customers: s.customers,
      A: s.byTier.A ?? 0,
      B: s.byTier.B ?? 0,
      C: s.byTier.C ?? 0,
      D: s.byTier.D ?? 0,
      incomplete: s.byTier.incomplete ?? 0,
      error: s.problems.error,
      warning: s.problems.warning,
    }),
  };
}

/** The dialog page's URL for a report (beside the function file, same origin). */
export function dialogUrl(base: string, lang: Lang, title: string, text: string): string {
  const url = new URL("dialog.html", base);
  url.searchParams.set("lang", lang);
  url.searchParams.set("title", title);
  url.searchParams.set("text", text);
  return url.toString();
}

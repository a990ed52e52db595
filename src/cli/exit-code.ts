import type { JobSummary } from "../core/job/job-types";

/** Exit codes of the command line. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_FAILED = 2;

/**
 * 0 when every customer got a score and tier and no error was found; 1 when some rows had errors or some
 * customers are 资料不全 (outputs still written); warnings and notes alone do not change the code.
 */
export function exitCodeFor(summary: JobSummary): number {
  if (summary.problems.error > 0 || (summary.byTier.incomplete ?? 0) > 0) return EXIT_PROBLEMS;
  return EXIT_OK;
}

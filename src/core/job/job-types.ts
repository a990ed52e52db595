import type { Lang } from "../i18n/lang";
import type { Problem } from "../problems/problem";
import type { ScoredCustomer, TierOrIncomplete, Verdict } from "../scoring/scored-customer";
import type { WritePlan } from "../output-tabs/write-plan";
import type { WorkbookModel } from "../workbook/grid";
import type { WhatIfParams } from "../whatif/what-if";
import type { HeaderMapEntry } from "./header-map";

/** What a caller may fix for one run. */
export interface JobOptions {
  /** Output language; default: the settings sheet, else the register headers' language. */
  lang?: Lang;
  /** "Today" as an Excel serial day; default: the settings sheet's 评估日期, else `now`. */
  asOf?: number;
  /** The clock, for the history's run time and the default "today". */
  now: Date;
  /** Minutes east of UTC for the run log's local run time; default: the clock's zone (`now.getTimezoneOffset()`). */
  utcOffsetMinutes?: number;
  /**
   * The separate workbook the outputs go to (the command line's `<name>.tiers.xlsx`), as it is now:
   * its owned tabs give the edits and history to carry over. Omitted: outputs go into the input workbook
   * itself (the add-in), and previous outputs are read from there.
   */
  previous?: WorkbookModel;
  /**
   * `previous` is the caller's to give up (the command line reads it for this job only): once its owned
   * tabs are records, their cells are emptied, so a monthly run does not hold the grids and the records.
   */
  releasePrevious?: boolean;
  /** Sheet roles the user corrected in the task pane (sheet name → role). */
  roles?: Record<string, SheetRole | "ignore">;
  /** Weights, tier lines and verdict lines tried in the pane, used instead of the model's and settings' ones. */
  whatIf?: WhatIfParams;
  /** Headers matched to fields in the pane; added to (and overriding) the ones remembered in the metadata sheet. */
  headerMaps?: HeaderMapEntry[];
}

export type SheetRole = "register" | "evaluation" | "model" | "settings";

/** A recognised input sheet and how it was recognised. */
export interface FoundSheet {
  name: string;
  role: SheetRole;
  by: "name" | "headers" | "user";
  /** For evaluations: the layout read. */
  layout?: "long" | "wide" | "form";
}

/** The summary both front ends show (and the CLI prints as JSON). */
export interface JobSummary {
  lang: Lang;
  /** ISO date of "today" used for the schedules. */
  asOf: string;
  sheets: FoundSheet[];
  customers: number;
  indicators: { name: string; weight: number }[];
  byTier: Record<TierOrIncomplete, number>;
  byVerdict: Record<Verdict, number>;
  problems: { error: number; warning: number; note: number };
}

/** The outcome of one run: the scored customers, every problem, and the plan of what to write. */
export interface JobOutcome {
  summary: JobSummary;
  customers: ScoredCustomer[];
  problems: Problem[];
  plan: WritePlan;
}

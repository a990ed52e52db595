import type { Lang } from "../core/i18n/lang";
import type { FoundSheet, JobOptions, SheetRole } from "../core/job/job-types";
import type { WorkbookModel } from "../core/workbook/grid";
import { readWorkbook } from "../office/read-workbook";
import { readOwnedTabs } from "../core/plan/previous-outputs";
import { META_SHEET_NAME } from "../core/plan/write-plan";
import { JobFailure } from "../core/job/job-failure";
import { renderProblem } from "../core/problems/render";
import type { AdapterNotice } from "../office/retry";
import { runWorkbookJob, type AsyncJobFunction, type JobFunction } from "../office/run-workbook-job";
import { selectCell } from "../office/select-cell";
import type { WriteProgress } from "../office/write-plan";
import { byId, show } from "./dom";
import type { ExcelHost } from "./excel-host";
import { t, type TextKey } from "./i18n";
import { renderOverview } from "./render-overview";
import { renderProblems } from "./render-problems";
import { renderResult } from "./render-result";
import { renderSheets, type RoleChoice } from "./render-sheets";

/** What the pane needs from outside: the workbook host, the language, the clock, the job. */
export interface PaneDeps {
  host: ExcelHost;
  lang: Lang;
  now: () => Date;
  job: JobFunction | AsyncJobFunction;
}

/** Fills the static texts of the page in the language. */
export function applyStaticText(lang: Lang): void {
  document.documentElement.lang = lang;
  const pairs: [string, TextKey][] = [
    ["title", "title"], ["subtitle", "subtitle"], ["outside-title", "outsideTitle"], ["outside-body", "outsideBody"],
    ["sheets-heading", "sheetsHeading"], ["overview-heading", "overviewHeading"], ["weights-heading", "weightsHeading"],
    ["run", "run"], ["rescan", "refresh"], ["output-language-label", "outputLanguage"], ["output-auto", "outputAuto"], ["output-zh", "outputZh"], ["output-en", "outputEn"], ["result-heading", "resultHeading"], ["problems-heading", "problemsHeading"],
  ];
  for (const [id, key] of pairs) byId(id).textContent = t(lang, key);
  document.title = t(lang, "title");
}

/** Shows "open this in Excel" instead of the pane. */
export function showOutsideOffice(lang: Lang): void {
  applyStaticText(lang);
  show(byId("outside"), true);
  show(byId("setup"), false);
  show(byId("result"), false);
}

/** The task pane: preview of what was found, Run with progress, the result and the problems. */
export class Pane {
  private roles: NonNullable<JobOptions["roles"]> = {};
  private busy = false;

  constructor(private readonly deps: PaneDeps) {}

  /** Shows the pane and previews the workbook. */
  async start(): Promise<void> {
    applyStaticText(this.deps.lang);
    show(byId("outside"), false);
    show(byId("setup"), true);
    byId("run").addEventListener("click", () => void this.run());
    byId("rescan").addEventListener("click", () => void this.preview());
    byId("output-language").addEventListener("change", () => void this.preview());
    await this.preview();
  }

  private message(text: string, kind: "info" | "error" | "warning" = "info"): void {
    const bar = byId("message");
    bar.textContent = text;
    bar.className = `message-bar message-${kind}`;
    show(bar, text !== "");
  }

  private readonly onNotice = (n: AdapterNotice): void => {
    if (n.kind === "cellEditMode") this.message(t(this.deps.lang, "cellEditMode"), "warning");
  };

  /**
   * Reads the workbook and shows the sheets found, counts and weights, without writing. When the job cannot
   * run (no register recognised), the workbook's sheets are still listed so the user can say which is which.
   */
  async preview(): Promise<void> {
    const { lang } = this.deps;
    let wb: WorkbookModel;
    try {
      wb = await this.deps.host.run((ctx) => readWorkbook(ctx, { onNotice: this.onNotice }));
    } catch (e) {
      this.message(t(lang, "previewFailed", { message: errorText(e, lang) }), "error");
      return;
    }
    const ownedBefore = readOwnedTabs(wb);
    const candidates = wb.sheets.filter((s) => !s.hidden && s.name !== META_SHEET_NAME && !ownedBefore.has(s.name)).map((s) => s.name);
    const onChange = (sheet: string, role: RoleChoice): void => this.setRole(sheet, role);
    try {
      const outcome = await this.deps.job(wb, { now: this.deps.now(), roles: this.roles, lang: this.outputLang() });
      const outputs = new Set(outcome.plan.tabs.map((x) => x.name));
      renderSheets(byId("sheets"), lang, outcome.summary.sheets, candidates.filter((n) => !outputs.has(n)), onChange);
      renderOverview(byId("overview"), byId("weights"), lang, outcome.summary);
      this.message("");
    } catch (e) {
      const chosen: FoundSheet[] = Object.entries(this.roles).flatMap(([name, role]) => (role === "ignore" ? [] : [{ name, role, by: "user" as const }]));
      renderSheets(byId("sheets"), lang, chosen, candidates, onChange, this.roles);
      this.message(t(lang, e instanceof JobFailure ? "nothingToDo" : "previewFailed", { message: errorText(e, lang) }), "error");
    }
  }

  /** The output language the user chose; undefined for "automatic" (the job then follows the headers). */
  private outputLang(): Lang | undefined {
    const v = byId<HTMLSelectElement>("output-language").value;
    return v === "zh-CN" || v === "en-US" ? v : undefined;
  }

  private setRole(sheet: string, role: RoleChoice): void {
    if (role === "") delete this.roles[sheet];
    else this.roles[sheet] = role as SheetRole | "ignore";
    void this.preview();
  }

  private progress(p: WriteProgress | { phase: "read"; fraction: number }): void {
    const bar = byId<HTMLProgressElement>("progress-bar");
    bar.value = p.fraction;
    byId("progress-label").textContent = t(this.deps.lang, `phase_${p.phase}` as TextKey);
  }

  /** Runs the whole job and writes the tabs, with a progress bar; then shows the result and the problems. */
  async run(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    const { lang } = this.deps;
    const button = byId<HTMLButtonElement>("run");
    button.disabled = true;
    button.textContent = t(lang, "running");
    show(byId("progress"), true);
    this.message("");
    this.progress({ phase: "read", fraction: 0 });
    try {
      const { outcome, written } = await this.deps.host.run((ctx) =>
        runWorkbookJob(ctx, {
          now: this.deps.now(),
          roles: this.roles,
          lang: this.outputLang(),
          write: true,
          job: this.deps.job,
          onNotice: this.onNotice,
          onProgress: (p) => this.progress(p),
        }),
      );
      renderResult(byId("tiers"), byId("verdicts"), lang, outcome.summary);
      renderProblems(byId("problems"), lang, outcome.problems, (sheet, cell) => void this.select(sheet, cell));
      show(byId("result"), true);
      const notes = [t(lang, "written", { n: written?.tabs.length ?? 0 }), ...(written?.renamed ?? []).map((r) => t(lang, r.reason === "userSheet" ? "renamed" : "renamedInvalid", { planned: r.planned, written: r.written }))];
      this.message(notes.join(" "), written?.renamed.length ? "warning" : "info");
    } catch (e) {
      this.message(t(lang, "failed", { message: errorText(e, lang) }), "error");
    } finally {
      this.busy = false;
      button.disabled = false;
      button.textContent = t(lang, "run");
      show(byId("progress"), false);
    }
  }

  /** Selects a problem's cell in the workbook. */
  async select(sheet: string, cell: string): Promise<void> {
    const ok = await this.deps.host.run((ctx) => selectCell(ctx, sheet, cell)).catch(() => false);
    if (!ok) this.message(t(this.deps.lang, "cellGone"), "warning");
  }
}

/** A readable message of an error: a job failure's problem in the user's words; Office errors with their code. */
export function errorText(e: unknown, lang: Lang): string {
  if (e instanceof JobFailure) return renderProblem(e.problem, lang);
  if (e instanceof Error) {
    const code = (e as Error & { code?: unknown }).code;
    return typeof code === "string" && !e.message.includes(code) ? `${e.message} (${code})` : e.message;
  }
  return String(e);
}

import type { Lang } from "../core/i18n/lang";
import type { JobOptions, JobOutcome, SheetRole } from "../core/job/job-types";
import type { WorkbookModel } from "../core/workbook/grid";
import { readWorkbook } from "../office/read-workbook";
import { readOwnedTabs } from "../core/output-tabs/previous-outputs";
import { META_SHEET_NAME } from "../core/output-tabs/write-plan";
import { JobFailure } from "../core/job/job-failure";
import { renderProblem } from "../core/problems/render";
import { sortProblems } from "../core/output-tabs/problems-tab";
import { runReport } from "../core/whatif/run-report";
import type { WhatIfParams } from "../core/whatif/what-if";
import type { AdapterNotice } from "../office/retry";
import { runWorkbookJob, type AsyncJobFunction, type JobFunction } from "../office/run-workbook-job";
import { selectCell } from "../office/select-cell";
import { selectedRowValue } from "../office/selected-row";
import { ROSTER_SPEC } from "../core/output-tabs/roster-tab";
import type { WriteNote, WriteProgress, WriteResult } from "../office/write-plan";
import { byId, clear, el, show } from "./dom";
import type { ExcelHost } from "./excel-host";
import { t, type TextKey } from "./i18n";
import type { JobSession } from "./job-session";
import type { PreviewReply } from "./job-worker-protocol";
import { renderOverview } from "./render-overview";
import { problemAddress, renderProblems } from "./render-problems";
import { renderResult, tierText } from "./render-result";
import { renderSheets, type RoleChoice } from "./render-sheets";
import { renderWhatIfForm, renderWhatIfResult } from "./render-whatif";
import { renderWhy, renderWhyKeys, resolveKey } from "./render-why";
import { applyTheme } from "./theme";
import { renderHeaderMap } from "./render-header-map";
import { mergeHeaderMaps, readHeaderMaps, roleOfMatches, sheetHeaders, type HeaderMapEntry } from "../core/job/header-map";

/** Inserts the template sheets into a workbook that has none of them; the names inserted, or the clash. */
export type TemplateInserter = (host: ExcelHost, lang: Lang) => Promise<{ inserted: string[] } | { existing: string[] }>;

/** What the pane needs from outside: the workbook host, the language, the clock, the job and its session. */
export interface PaneDeps {
  host: ExcelHost;
  lang: Lang;
  now: () => Date;
  /** The job of a run (read, job, write), in a worker of its own. */
  job: JobFunction | AsyncJobFunction;
  /** The worker session of previews, what-ifs and explanations on the workbook read once. */
  session: JobSession;
  /** Inserting the command line's template sheets; absent where the build has no template. */
  insertTemplate?: TemplateInserter;
}

/** Fills the static texts of the page in the language. */
export function applyStaticText(lang: Lang): void {
  document.documentElement.lang = lang;
  const pairs: [string, TextKey][] = [
    ["outside-title", "outsideTitle"], ["outside-body", "outsideBody"], ["sheets-heading", "sheetsHeading"], ["overview-heading", "overviewHeading"],
    ["run", "run"], ["rescan", "refresh"], ["cancel", "cancel"], ["output-language-label", "outputLanguage"], ["output-auto", "outputAuto"], ["output-zh", "outputZh"],
    ["output-en", "outputEn"], ["result-heading", "resultHeading"], ["problems-heading", "problemsHeading"], ["whatif-heading", "whatifHeading"],
    ["whatif-intro", "whatifIntro"], ["why-heading", "whyHeading"], ["why-label", "whyLabel"], ["why-selected", "whySelected"], ["first-run-heading", "firstRunHeading"],
    ["first-run-body", "firstRunBody"], ["insert-template", "insertTemplate"],
  ];
  for (const [id, key] of pairs) byId(id).textContent = t(lang, key);
  document.title = t(lang, "title");
}

/** Shows "open this in Excel" instead of the pane. */
export function showOutsideOffice(lang: Lang): void {
  applyStaticText(lang);
  applyTheme();
  show(byId("outside"), true);
  show(byId("setup"), false);
  show(byId("action-bar"), false);
}

/** Thrown from the progress callback when the user cancels: the writer then removes what it had begun. */
class Cancelled extends Error {
  constructor() {
    super("cancelled");
  }
}

/** Phases of a run as the progress bar shows them: [start, end] of the bar. */
const SPANS: Record<string, [number, number]> = { read: [0, 0.12], job: [0.12, 0.3], write: [0.3, 1] };

const sameParams = (a: WhatIfParams, b: WhatIfParams): boolean => JSON.stringify(a) === JSON.stringify(b);

/** How long Run waits for another run (the ribbon, a co-author) to give the workbook's lock back. */
const LOCK_WAIT_MS = 5 * 60_000;

/** A lock's ISO start time as the local hh:mm the user saw it start. */
function clockTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}

/** What the writer reports beside a successful write, in the user's language. */
export function writeNoteText(n: WriteNote, lang: Lang): string {
  switch (n.kind) {
    case "staleLockBroken":
      return t(lang, "note_staleLockBroken", { time: clockTime(n.since) });
    case "leftoversRemoved":
      return t(lang, "note_leftoversRemoved", { n: n.sheets.length });
    case "freezeFailed":
      return t(lang, "note_freezeFailed", { message: n.message });
  }
}

/**
 * The task pane. The workbook is read once; role and language changes and every what-if run in the worker
 * on that copy. Run reads again (the user may have edited since) and writes, with progress and cancel.
 */
export class Pane {
  private roles: NonNullable<JobOptions["roles"]> = {};
  private busy = false;
  private ready = false;
  private cancelRequested = false;
  private wb: WorkbookModel | null = null;
  private view: PreviewReply | null = null;
  private params: WhatIfParams | null = null;
  private pulse: ReturnType<typeof setInterval> | null = null;
  private previewSeq = 0;
  /** Header matches made in this session (saved in the metadata sheet by the next run). */
  private headerMaps: HeaderMapEntry[] = [];

  constructor(private readonly deps: PaneDeps) {}

  /** Shows the pane, reads the workbook and previews it. */
  async start(): Promise<void> {
    applyStaticText(this.deps.lang);
    applyTheme();
    show(byId("outside"), false);
    show(byId("setup"), true);
    show(byId("action-bar"), true);
    byId("run").addEventListener("click", () => void this.run());
    byId("cancel").addEventListener("click", () => this.cancel());
    byId("rescan").addEventListener("click", () => void this.load());
    byId("output-language").addEventListener("change", () => void this.preview());
    byId("insert-template").addEventListener("click", () => void this.insertTemplate());
    const whyInput = byId<HTMLInputElement>("why-key");
    whyInput.addEventListener("change", () => void this.explain());
    whyInput.addEventListener("input", () => {
      if (this.view?.keys.some((k) => k.key === whyInput.value.trim())) void this.explain();
    });
    byId("why-selected").addEventListener("click", () => void this.whySelected());
    await this.load();
  }

  /** Explains the customer on the roster row selected in Excel (the key column of that row). */
  private async whySelected(): Promise<void> {
    const { lang } = this.deps;
    const roster = this.wb ? [...readOwnedTabs(this.wb)].find(([, id]) => id === "roster")?.[0] : undefined;
    if (!roster) return;
    const key = await this.deps.host.run((ctx) => selectedRowValue(ctx, roster, keyHeaders())).catch(() => null);
    if (!key) {
      this.message(t(lang, "whySelectFirst", { sheet: roster }), "warning");
      return;
    }
    byId<HTMLInputElement>("why-key").value = key;
    await this.explain();
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

  private setRunnable(ok: boolean): void {
    this.ready = ok;
    byId<HTMLButtonElement>("run").disabled = !ok || this.busy;
  }

  /** Reads the workbook (once per load) and hands it to the worker session, then previews it. */
  async load(): Promise<void> {
    if (this.busy) return;
    const { lang } = this.deps;
    this.setRunnable(false);
    this.message(t(lang, "loading"));
    try {
      this.wb = await this.deps.host.run((ctx) => readWorkbook(ctx, { onNotice: this.onNotice }));
    } catch (e) {
      this.message(t(lang, "previewFailed", { message: errorText(e, lang) }), "error");
      return;
    }
    this.deps.session.setWorkbook(this.wb);
    this.params = null;
    await this.preview();
  }

  /** The sheets a user may give a role: visible, not ours. */
  private candidates(): string[] {
    if (!this.wb) return [];
    const owned = readOwnedTabs(this.wb);
    return this.wb.sheets.filter((s) => !s.hidden && s.name !== META_SHEET_NAME && !owned.has(s.name)).map((s) => s.name);
  }

  /**
   * Runs the job in the worker on the workbook already read, with the roles and language chosen, and shows
   * what was found. A newer preview makes this one stale: its answer is dropped. When nothing can be
   * scored, the pane shows what the add-in needs (first run) and the sheets, to give them roles.
   */
  async preview(): Promise<void> {
    const { lang } = this.deps;
    if (!this.wb) return;
    this.setRunnable(false);
    const onChange = (sheet: string, role: RoleChoice): void => this.setRole(sheet, role);
    let view: PreviewReply | null;
    const mine = ++this.previewSeq;
    try {
      view = await this.deps.session.preview({ now: this.deps.now().getTime(), roles: this.roles, lang: this.outputLang(), headerMaps: this.headerMaps });
    } catch (e) {
      if (mine !== this.previewSeq) return; // a newer preview is on its way
      this.view = null;
      renderSheets(byId("sheets"), lang, [], this.candidates(), onChange, this.roles, this.onMatch);
      // Nothing recognised and no role given yet: a first run, which the first-run card explains.
      const firstRun = e instanceof JobFailure && e.problem.code === "job.noInput" && Object.keys(this.roles).length === 0;
      this.showFirstRun(firstRun);
      for (const id of ["whatif-card", "why-card", "problems-card", "overview-card"]) show(byId(id), false);
      this.message(firstRun ? "" : t(lang, e instanceof JobFailure ? "nothingToDo" : "previewFailed", { message: errorText(e, lang) }), "error");
      return;
    }
    if (!view || mine !== this.previewSeq) return; // a newer preview is on its way
    this.view = view;
    this.showFirstRun(false);
    renderSheets(byId("sheets"), lang, view.summary.sheets, this.candidates(), onChange, this.roles, this.onMatch);
    renderOverview(byId("overview"), lang, view.summary);
    show(byId("overview-card"), true);
    // Values being tried survive a role or language change as long as the indicators are the same.
    const sameIndicators = this.params !== null && Object.keys(this.params.weights).join("\n") === Object.keys(view.params.weights).join("\n");
    if (!sameIndicators) this.params = view.params;
    this.renderWhatIf();
    renderWhyKeys(byId<HTMLDataListElement>("why-keys"), view.keys);
    show(byId("why-card"), view.summary.customers > 0);
    show(byId("why-selected"), view.hasOutputs);
    renderProblems(byId("problems"), lang, view.problems, (sheet, cell) => void this.select(sheet, cell), view.summary.problems.error + view.summary.problems.warning + view.summary.problems.note);
    show(byId("problems-card"), true);
    this.message("");
    this.setRunnable(true);
    this.updateRunLabel();
    // Shown at once, also with the workbook's own values: against the roster now in the workbook.
    if (this.params) void this.whatIf(this.params);
    if (byId<HTMLInputElement>("why-key").value.trim()) void this.explain();
  }

  /** Opens the header → field form for a sheet; the matches apply at once (preview) and are saved by the next run. */
  private readonly onMatch = (sheet: string): void => {
    const grid = this.wb?.sheets.find((s) => s.name === sheet);
    if (!grid) return;
    const known = mergeHeaderMaps(readHeaderMaps(this.wb!), this.headerMaps);
    const chosen = this.roles[sheet];
    const role = chosen && chosen !== "ignore" ? chosen : this.view?.summary.sheets.find((f) => f.name === sheet)?.role;
    renderHeaderMap(byId("header-map"), this.deps.lang, sheet, sheetHeaders(grid), known, (maps) => {
      this.headerMaps = mergeHeaderMaps(this.headerMaps.filter((m) => m.sheet !== sheet), maps);
      // The matches say what the sheet is (model or evaluation columns, else customers) unless the user said it.
      const matched = roleOfMatches(maps);
      if (!this.roles[sheet] && matched) this.roles[sheet] = matched;
      clear(byId("header-map"));
      void this.preview();
    }, role);
    byId("header-map").scrollIntoView?.({ block: "nearest" });
  };

  private showFirstRun(visible: boolean): void {
    const { lang } = this.deps;
    show(byId("first-run"), visible);
    if (!visible) return;
    const needs = byId("first-run-needs");
    clear(needs);
    for (const k of ["need_register", "need_evaluation", "need_model", "need_roles"] as const) needs.appendChild(el("li", { text: t(lang, k) }));
    show(byId("insert-template"), this.deps.insertTemplate !== undefined);
  }

  private renderWhatIf(): void {
    const { lang } = this.deps;
    const view = this.view;
    if (!view || !this.params) return;
    show(byId("whatif-card"), view.summary.customers > 0);
    const result = byId("whatif-result");
    const errors = el("div");
    renderWhatIfForm(byId("whatif-form"), lang, this.params, (p) => void this.whatIf(p), () => {
      this.params = view.params;
      this.renderWhatIf();
      this.updateRunLabel();
      clear(result);
    }, errors);
    byId("whatif-form").appendChild(errors);
  }

  /** Tries values in the worker (no re-read) and shows the counts and who would move. */
  private async whatIf(p: WhatIfParams): Promise<void> {
    this.params = p;
    this.updateRunLabel();
    const view = this.view;
    if (!view) return;
    let r;
    try {
      r = await this.deps.session.whatIf(p);
    } catch (e) {
      this.message(t(this.deps.lang, "previewFailed", { message: errorText(e, this.deps.lang) }), "error");
      return;
    }
    if (!r || this.view !== view) return;
    renderWhatIfResult(byId("whatif-result"), this.deps.lang, r.result, view.summary, r.ms);
  }

  /** Explains the customer typed or picked, under the values being tried. */
  private async explain(): Promise<void> {
    const view = this.view;
    if (!view || !this.params) return;
    const typed = byId<HTMLInputElement>("why-key").value;
    const key = resolveKey(typed, view.keys);
    if (key === "") {
      clear(byId("why-result"));
      return;
    }
    const why = await this.deps.session.why(key, this.params).catch(() => null);
    if (this.view !== view) return;
    renderWhy(byId("why-result"), this.deps.lang, why, typed);
  }

  private updateRunLabel(): void {
    const tried = this.view && this.params && !sameParams(this.params, this.view.params);
    byId("run").textContent = t(this.deps.lang, this.busy ? "running" : tried ? "runWithThese" : "run");
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

  private progress(phase: string, fraction: number): void {
    byId<HTMLProgressElement>("progress-bar").value = fraction;
    byId("progress-label").textContent = t(this.deps.lang, `phase_${phase}` as TextKey);
  }

  /** Moves the bar through a phase whose length is unknown (reading, the job): fast at first, never past its end. */
  private startPulse(phase: "read" | "job"): void {
    this.stopPulse();
    const [a, b] = SPANS[phase];
    const t0 = Date.now();
    this.progress(phase, a);
    this.pulse = setInterval(() => this.progress(phase, a + (b - a) * (1 - Math.exp(-(Date.now() - t0) / 1500))), 100);
  }

  private stopPulse(): void {
    if (this.pulse) clearInterval(this.pulse);
    this.pulse = null;
  }

  private cancel(): void {
    this.cancelRequested = true;
    byId<HTMLButtonElement>("cancel").disabled = true;
  }

  /** Runs the whole job (with the values tried, if any) and writes the tabs; then shows what the run did. */
  async run(): Promise<void> {
    if (this.busy || !this.ready) return;
    this.busy = true;
    this.cancelRequested = false;
    const { lang } = this.deps;
    const button = byId<HTMLButtonElement>("run");
    const cancel = byId<HTMLButtonElement>("cancel");
    button.disabled = true;
    this.updateRunLabel();
    cancel.disabled = false;
    show(cancel, true);
    // Re-scan does nothing while a run writes: hidden, the action bar stays one row at 270 px.
    show(byId("rescan"), false);
    show(byId("progress"), true);
    this.message("");
    const whatIf = this.view && this.params && !sameParams(this.params, this.view.params) ? this.params : undefined;
    const job = this.deps.job;
    const check = (): void => {
      if (this.cancelRequested) throw new Cancelled();
    };
    let waited = false;
    this.startPulse("read");
    try {
      const { outcome, written } = await this.deps.host.run((ctx) =>
        runWorkbookJob(ctx, {
          now: this.deps.now(),
          roles: this.roles,
          lang: this.outputLang(),
          write: true,
          job: async (wb, opts) => {
            check();
            this.stopPulse();
            this.progress("read", SPANS.read[1]);
            this.startPulse("job");
            const out = await job(wb, { ...opts, whatIf, headerMaps: this.headerMaps });
            this.stopPulse();
            this.progress("job", SPANS.job[1]);
            check();
            return out;
          },
          lockWaitMs: LOCK_WAIT_MS,
          onNotice: (n: AdapterNotice) => {
            if (n.kind !== "waitingForLock") return this.onNotice(n);
            // Cancel stays possible while waiting: nothing has been written yet.
            check();
            this.stopPulse();
            byId("progress-label").textContent = t(lang, "phase_waitLock");
            this.message(t(lang, "waitingForLock", { time: clockTime(n.since) }), "info");
            waited = true;
          },
          onProgress: (p: WriteProgress) => {
            if (waited) this.message("");
            waited = false;
            const [a, b] = SPANS.write;
            this.progress(p.phase, a + (b - a) * p.fraction);
            // Until the first swap, stopping leaves the workbook as it was (the writer takes back what it began);
            // from the swap on the tabs hold the new outputs, so the run finishes whatever was pressed.
            if (p.phase === "prepare" || p.phase === "values") check();
            else {
              cancel.disabled = true;
              this.cancelRequested = false;
            }
          },
        }),
      );
      this.showRun(outcome, written);
    } catch (e) {
      // Excel.run may hand the batch's error back wrapped: the request to cancel is what counts.
      if (e instanceof Cancelled || this.cancelRequested) this.message(t(lang, "cancelled"), "info");
      else this.message(t(lang, "failed", { message: errorText(e, lang) }), "error");
    } finally {
      this.stopPulse();
      this.busy = false;
      show(cancel, false);
      show(byId("rescan"), true);
      show(byId("progress"), false);
      this.updateRunLabel();
      button.disabled = !this.ready;
    }
    if (!this.cancelRequested) await this.reloadAfterRun();
  }

  /** After writing, the workbook holds new outputs: read it again so what-ifs compare with them. */
  private async reloadAfterRun(): Promise<void> {
    const keep = byId("message").textContent ?? "";
    const kind = byId("message").className.includes("warning") ? "warning" : byId("message").className.includes("error") ? "error" : "info";
    await this.load();
    if (keep) this.message(keep, kind);
  }

  private showRun(outcome: JobOutcome, written: WriteResult | undefined): void {
    const { lang } = this.deps;
    const report = runReport(outcome.plan);
    const summary = byId("result-summary");
    clear(summary);
    summary.appendChild(el("p", { text: t(lang, "summaryRun", { customers: outcome.summary.customers, n: written?.tabs.length ?? 0 }) }));
    const moves = Object.entries(report.moves).sort((a, b) => b[1] - a[1]);
    const moveText = report.compared === 0 ? t(lang, "firstRunDone") : moves.length === 0 ? t(lang, "movedNone") : t(lang, "movedSince", { list: moves.map(([k, n]) => `${k.replace("incomplete", tierText("incomplete", lang))} ${n}`).join(lang === "zh-CN" ? "，" : ", ") });
    summary.appendChild(el("p", { className: "result-moves", text: moveText }));
    summary.appendChild(el("p", { className: "result-edits", text: t(lang, "editsKept", { n: report.editsKept }) }));
    const c = outcome.summary.problems;
    summary.appendChild(el("p", { className: "muted", text: t(lang, "problemsCount", { error: c.error, warning: c.warning, note: c.note }) }));
    renderResult(byId("tiers"), byId("verdicts"), lang, outcome.summary);
    const links = byId("result-links");
    clear(links);
    const finalName = (id: string): string | undefined => written?.tabs.find((x) => x.id === id)?.name;
    const link = (text: string, sheet: string, cell: string, cls: string): void => {
      const a = el("button", { className: `link ${cls}`, type: "button", text });
      a.addEventListener("click", () => void this.select(sheet, cell));
      links.appendChild(a);
    };
    const roster = finalName("roster");
    const problemsTab = finalName("problems");
    if (roster) link(t(lang, "openRoster"), roster, "A1", "link-roster");
    if (problemsTab) link(t(lang, "openProblems"), problemsTab, "A1", "link-problems");
    const first = sortProblems(outcome.problems).find((p) => p.sheet && p.cell);
    if (first?.sheet && first.cell) link(t(lang, "firstProblem", { address: problemAddress(first) }), first.sheet, first.cell, "link-first-problem");
    show(byId("result"), true);
    renderProblems(byId("problems"), lang, outcome.problems, (sheet, cell) => void this.select(sheet, cell));
    const notes = [
      t(lang, "written", { n: written?.tabs.length ?? 0 }),
      ...(written?.renamed ?? []).map((r) => t(lang, r.reason === "userSheet" ? "renamed" : "renamedInvalid", { planned: r.planned, written: r.written })),
      ...(written?.notes ?? []).map((n) => writeNoteText(n, lang)),
    ];
    // Anything beyond "written" is worth a second look; leftovers removed is housekeeping.
    const warn = (written?.renamed.length ?? 0) > 0 || (written?.notes ?? []).some((n) => n.kind !== "leftoversRemoved");
    this.message(notes.join(" "), warn ? "warning" : "info");
    byId("result").scrollIntoView?.({ block: "start" });
  }

  private async insertTemplate(): Promise<void> {
    const insert = this.deps.insertTemplate;
    if (!insert || this.busy) return;
    const { lang } = this.deps;
    try {
      const r = await insert(this.deps.host, lang);
      if ("existing" in r) {
        this.message(t(lang, "templateExists", { names: r.existing.join(lang === "zh-CN" ? "、" : ", ") }), "warning");
        return;
      }
      await this.load();
      this.message(t(lang, "templateInserted", { names: r.inserted.join(lang === "zh-CN" ? "、" : ", ") }), "info");
    } catch (e) {
      this.message(t(lang, "failed", { message: errorText(e, lang) }), "error");
    }
  }

  /** Selects a problem's cell in the workbook. */
  async select(sheet: string, cell: string): Promise<void> {
    const ok = await this.deps.host.run((ctx) => selectCell(ctx, sheet, cell)).catch(() => false);
    if (!ok) this.message(t(this.deps.lang, "cellGone"), "warning");
  }
}

/** The roster's key column header in both languages. */
function keyHeaders(): string[] {
  const c = ROSTER_SPEC.columns.find((x) => x.id === "key")!;
  return [c.zh, c.en];
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

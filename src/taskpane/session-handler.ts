/**
 * The worker side of the pane's session: keeps the workbook it was sent and the last preview's scored
 * points, so role and language changes re-run only the job and what-ifs only the scoring.
 */
import { JobFailure } from "../core/job/job-failure";
import { sortProblems } from "../core/output-tabs/problems-tab";
import { scoreWorkbook, summarize } from "../core/job/run-job";
import { rosterOrder } from "../core/output-tabs/roster-tab";
import { currentTiers, paramsOf, whatIf, type WhatIfBase } from "../core/whatif/what-if";
import { explainCustomer, indicatorAverages } from "../core/whatif/why";
import type { WorkbookModel } from "../core/workbook/grid";
import { PREVIEW_KEYS, PREVIEW_PROBLEMS, type SessionReply, type SessionRequest } from "./job-worker-protocol";

/** The session's state and its answer to each request. */
export class SessionHandler {
  private wb: WorkbookModel | null = null;
  private base: WhatIfBase | null = null;
  private averages: (number | null)[] = [];

  /** Answers one request; failures become a reply, never an exception. */
  handle(req: SessionRequest): SessionReply {
    try {
      return this.answer(req);
    } catch (err) {
      if (err instanceof JobFailure) return { id: req.id, ok: false, problem: err.problem, message: err.message };
      return { id: req.id, ok: false, message: err instanceof Error ? err.message : String(err) };
    }
  }

  private answer(req: SessionRequest): SessionReply {
    switch (req.kind) {
      case "load":
        this.wb = req.wb;
        this.base = null;
        return { id: req.id, ok: true, kind: "load" };
      case "preview": {
        if (!this.wb) throw new Error("no workbook loaded");
        this.base = null;
        const core = scoreWorkbook(this.wb, { ...req.opts, now: new Date(req.opts.now) });
        const rosterRows = core.previous.tables.get("roster")?.rows ?? [];
        this.base = { refs: core.refs, indicators: core.indicators, points: core.points, settings: core.settings, manual: core.manual, current: currentTiers(rosterRows) };
        this.averages = indicatorAverages(core.points);
        const problems = core.log.items;
        return {
          id: req.id, ok: true, kind: "preview",
          preview: {
            summary: summarize(core.found, core.lang, core.asOf, core.scored, core.indicators, problems),
            problems: sortProblems(problems).slice(0, PREVIEW_PROBLEMS),
            params: paramsOf(core.settings, core.indicators),
            hasOutputs: this.base.current.size > 0,
            keys: rosterOrder(core.scored).slice(0, PREVIEW_KEYS).map((c) => ({ key: c.key, name: c.name })),
          },
        };
      }
      case "whatif": {
        if (!this.base) throw new Error("no preview yet");
        const t0 = Date.now();
        const result = whatIf(this.base, req.params);
        return { id: req.id, ok: true, kind: "whatif", result, ms: Date.now() - t0 };
      }
      case "why": {
        if (!this.base) throw new Error("no preview yet");
        return { id: req.id, ok: true, kind: "why", why: explainCustomer(this.base, req.params, req.key, this.averages) ?? null };
      }
    }
  }
}

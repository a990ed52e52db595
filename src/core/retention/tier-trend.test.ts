import type { PreviousRow } from "../output-tabs/previous-outputs";
import { planState } from "./maintenance-summary";
import { AS_OF, customer } from "./test-support";
import { currentRun, lastRunAsOf, pastRunsFromHistory, TREND_MAX_RUNS, trendRows } from "./tier-trend";

const row = (runAt: string | number, asOf: number, key: string, tier: string, manualTier: string | null = null): PreviousRow => ({
  record: { runAt, asOf, key, tier, manualTier }, rowAddress: "A2",
});

describe("tier trend: earlier runs from the history, customers counted at their effective tier", () => {
  it("groups rows by run time, oldest first, with the manual tier winning", () => {
    const rows = [
      row(45900.5, 45900, "C1", "A"), row(45900.5, 45900, "C2", "B", "A"), row(45900.5, 45900, "C3", "资料不全"),
      row("2025-06-01T08:00:00.000Z", 45809, "C1", "B"), row("2025-06-01T08:00:00.000Z", 45809, "C2", "Incomplete"),
    ];
    const runs = pastRunsFromHistory(rows);
    expect(runs.map((r) => r.asOf)).toEqual([45809, 45900]);
    expect(runs[0].byTier).toEqual({ A: 0, B: 1, C: 0, D: 0, incomplete: 1 });
    expect(runs[1].byTier).toEqual({ A: 2, B: 0, C: 0, D: 0, incomplete: 1 });
    expect(lastRunAsOf(runs)).toBe(45900);
  });

  it("a history of another shape gives no runs, so the trend shows this run alone", () => {
    const rows: PreviousRow[] = [{ record: { key: "C1", "2026-11 得分": 80 }, rowAddress: "A2" }];
    expect(pastRunsFromHistory(rows)).toEqual([]);
    const t = trendRows([], currentRun([customer("a", { tier: "A" })], "2025-06-30T09:00:00Z", AS_OF), "en-US", 10, { labelCol: 1, valueCol: 2 });
    expect(t.records).toHaveLength(5);
    expect(t.records[0]).toMatchObject({ section: "Tier trend A", figure: "2025-06-30", count: 1, share: 1 });
    expect(t.chart).toMatchObject({ kind: "line", firstRow: 10, rows: 1 });
    expect(t.chart.series!.map((s) => s.firstRow)).toEqual([10, 11, 12, 13, 14]);
  });

  it("keeps at most 24 runs, and a repeated day is told apart", () => {
    const past = Array.from({ length: 30 }, (_, i) => ({ runAt: 45000 + i, asOf: 45000 + Math.floor(i / 2), byTier: { A: i, B: 0, C: 0, D: 0, incomplete: 0 } }));
    const t = trendRows(past, currentRun([], "2025-06-30T09:00:00Z", AS_OF), "zh-CN", 0, { labelCol: 1, valueCol: 2 });
    expect(t.chart.rows).toBe(TREND_MAX_RUNS);
    const labels = t.records.slice(0, TREND_MAX_RUNS).map((r) => r.figure as string);
    expect(new Set(labels).size).toBe(TREND_MAX_RUNS);
    expect(labels.some((l) => l.endsWith(" (2)"))).toBe(true);
  });
});

describe("plan rows by 审核状态 and 执行情况", () => {
  it("reads the review and execution words users type, in both languages", () => {
    expect(planState("待审核", null)).toEqual({ review: "pending", execution: "none" });
    expect(planState("Pending review", "")).toEqual({ review: "pending", execution: "none" });
    expect(planState("已审核", "已执行")).toEqual({ review: "approved", execution: "executed" });
    expect(planState("approved", "done")).toEqual({ review: "approved", execution: "executed" });
    expect(planState("已执行", null)).toEqual({ review: "approved", execution: "executed" });
    expect(planState("已驳回", null)).toEqual({ review: "rejected", execution: "none" });
    expect(planState("先放一放", "已约拜访")).toEqual({ review: "other", execution: "inProgress" });
  });
});

import fc from "fast-check";
import { ProblemLog } from "../problems/problem";
import { readPreviousTab, type PreviousRow } from "../output-tabs/previous-outputs";
import type { TabPlan } from "../output-tabs/write-plan";
import type { SheetGrid } from "../workbook/grid";
import {
  buildHistory, HISTORY_SPEC, movement, movementLabel, previousTiers, readPastHistory, RUN_LOG_SPEC, runLabel,
  tierCountsByRun, timeZoneLabel, type HistoryRun, type PastHistory,
} from "./history";
import { serialFromIsoTime, serialFromYmd } from "./dates";
import { AS_OF, customer, recordsOf } from "./test-support";
import type { ScoredCustomer } from "../scoring/scored-customer";

const row = (record: PreviousRow["record"], i = 0): PreviousRow => ({ record, rowAddress: `A${i + 2}` });
const NONE: PastHistory = { runs: [], customers: new Map(), converted: false, convertedRows: 0 };
const NAMES = { history: "评估历史", runLog: "运行记录" };

/** A run on a given as-of day, at 09:00 UTC that day, in Beijing time. */
function runOn(y: number, m: number, d: number, maxRuns = 24): HistoryRun {
  const asOf = serialFromYmd(y, m, d);
  const iso = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}T09:00:00.000Z`;
  return { runAt: iso, utcOffsetMinutes: 480, asOf, fingerprint: `m${y}${m}`, maxRuns };
}

/** What the next run reads back from a written tab: header row + rows, through the generic previous-tab reader. */
function readBack(tab: TabPlan): PreviousRow[] {
  const grid: SheetGrid = { name: tab.name, values: [tab.columns.map((c) => c.header), ...tab.rows] };
  return readPreviousTab(grid, tab.id === "history" ? HISTORY_SPEC : RUN_LOG_SPEC);
}

/** Runs the history once on top of what the previous build wrote (read back as a next run would). */
function nextRun(prev: { history: TabPlan; runLog: TabPlan } | null, cs: ScoredCustomer[], run: HistoryRun, lang: "zh-CN" | "en-US" = "zh-CN", log = new ProblemLog()) {
  const past = prev ? readPastHistory(readBack(prev.history), readBack(prev.runLog)) : NONE;
  return buildHistory(past, cs, run, lang, NAMES, log);
}

describe("history: movement between tiers", () => {
  it("goes up towards A, down towards D, — when equal or 资料不全, 新 when first seen", () => {
    expect(movement("B", "A")).toBe("↑");
    expect(movement("A", "D")).toBe("↓");
    expect(movement("C", "C")).toBe("—");
    expect(movement("incomplete", "A")).toBe("—");
    expect(movement("B", "incomplete")).toBe("—");
    expect(movement(undefined, "B")).toBe("新");
    expect(movementLabel("新", "en-US")).toBe("New");
    expect(movementLabel("↑", "en-US")).toBe("↑");
    expect(movementLabel("新", "zh-CN")).toBe("新");
  });
});

describe("history: one row per customer, a score and tier column pair per run, newest first", () => {
  it("puts this run's pair first, under headers naming the run's month, and keeps earlier pairs by customer", () => {
    const first = nextRun(null, [customer("C1", { score: 80, tier: "B" }), customer("C2", { score: 30, tier: "D" })], runOn(2026, 10, 31));
    const second = nextRun(first, [customer("C2", { score: 45, tier: "C" }), customer("C1", { score: 91, tier: "A" })], runOn(2026, 11, 30));
    const tab = second.history;
    expect(tab.columns.map((c) => c.header)).toEqual(["客户编号", "客户名称", "2026-11 得分", "2026-11 等级", "2026-10 得分", "2026-10 等级"]);
    const byKey = new Map(tab.rows.map((r) => [r[0], r.slice(2)]));
    expect(byKey.get("C1")).toEqual([91, "A", 80, "B"]);
    expect(byKey.get("C2")).toEqual([45, "C", 30, "D"]);
    expect(tab.rows).toHaveLength(2);
  });

  it("writes English headers and translates earlier tier words, a manual tier as computed→manual", () => {
    const first = nextRun(null, [customer("C1", { computedTier: "incomplete", score: 20 }), customer("C2", { computedTier: "C", manualTier: "A" })], runOn(2026, 10, 31));
    expect(recordsOf(first.history).find((r) => r.key === "C2")!["tier:2026-10"]).toBe("C→A");
    const second = nextRun(first, [customer("C1", { tier: "B" })], runOn(2026, 11, 30), "en-US");
    expect(second.history.columns.map((c) => c.header)).toEqual(["Customer ID", "Customer", "2026-11 Score", "2026-11 Tier", "2026-10 Score", "2026-10 Tier"]);
    const r = recordsOf(second.history);
    expect(r.find((x) => x.key === "C1")).toMatchObject({ "tier:2026-11": "B", "tier:2026-10": "Incomplete" });
    // A customer no longer listed keeps its row while a kept run has a value for it.
    expect(r.find((x) => x.key === "C2")).toMatchObject({ "score:2026-11": null, "tier:2026-11": null, "tier:2026-10": "C→A" });
  });

  it("gives a second run in the same month its full date, a third on the same day a number", () => {
    expect(runLabel(serialFromYmd(2026, 11, 15), new Set())).toBe("2026-11");
    expect(runLabel(serialFromYmd(2026, 11, 15), new Set(["2026-11"]))).toBe("2026-11-15");
    expect(runLabel(serialFromYmd(2026, 11, 15), new Set(["2026-11", "2026-11-15"]))).toBe("2026-11-15 #2");
    expect(runLabel(serialFromYmd(2026, 11, 15), new Set(["2026-11", "2026-11-15", "2026-11-15 #2"]))).toBe("2026-11-15 #3");
    let h = nextRun(null, [customer("C1")], runOn(2026, 11, 1));
    h = nextRun(h, [customer("C1")], runOn(2026, 11, 15));
    h = nextRun(h, [customer("C1")], runOn(2026, 11, 15));
    expect(h.history.columns.slice(2).map((c) => c.header)).toEqual([
      "2026-11-15 #2 得分", "2026-11-15 #2 等级", "2026-11-15 得分", "2026-11-15 等级", "2026-11 得分", "2026-11 等级",
    ]);
    expect(h.runLog.rows.map((r) => r[0])).toEqual(["2026-11-15 #2", "2026-11-15", "2026-11"]);
  });
});

describe("history: at most 历史保留次数 runs (24), older ones dropped with a note", () => {
  it("keeps the 24 newest runs and names the dropped ones", () => {
    let h: ReturnType<typeof nextRun> | null = null;
    let log = new ProblemLog();
    for (let i = 0; i < 26; i++) {
      log = new ProblemLog();
      h = nextRun(h, [customer("C1", { score: i })], runOn(2024 + Math.floor(i / 12), (i % 12) + 1, 28), "zh-CN", log);
    }
    expect(h!.history.columns).toHaveLength(2 + 2 * 24);
    expect(h!.runLog.rows).toHaveLength(24);
    expect(h!.history.columns[2].header).toBe("2026-02 得分");
    expect(h!.history.columns[h!.history.columns.length - 1].header).toBe("2024-03 等级");
    expect(h!.history.rows[0].slice(2, 6)).toEqual([25, "B", 24, "B"]);
    expect(log.items).toEqual([expect.objectContaining({ level: "note", code: "plan.historyRunsDropped", sheet: "评估历史", params: { max: 24, runs: 1, labels: "2024-02" } })]);
  });

  it("follows a smaller setting at once, dropping every run beyond it", () => {
    let h = nextRun(null, [customer("C1")], runOn(2026, 1, 31));
    h = nextRun(h, [customer("C1")], runOn(2026, 2, 28));
    const log = new ProblemLog();
    h = nextRun(h, [customer("C1")], runOn(2026, 3, 31, 1), "zh-CN", log);
    expect(h.history.columns.map((c) => c.header)).toEqual(["客户编号", "客户名称", "2026-03 得分", "2026-03 等级"]);
    expect(log.items[0]).toMatchObject({ code: "plan.historyRunsDropped", params: { max: 1, runs: 2, labels: "2026-02, 2026-01" } });
  });

  it("grows with customers, never with runs beyond the cap (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 30 }), (runs, n, cap) => {
        let h: ReturnType<typeof nextRun> | null = null;
        const cs = Array.from({ length: n }, (_, i) => customer(`K${i}`, { score: i }));
        for (let i = 0; i < runs; i++) h = nextRun(h, cs, runOn(2020 + Math.floor(i / 12), (i % 12) + 1, 10, cap));
        const kept = Math.min(runs, cap);
        expect(h!.history.rows).toHaveLength(n);
        expect(h!.history.columns).toHaveLength(2 + 2 * kept);
        expect(h!.runLog.rows).toHaveLength(kept);
      }),
      { numRuns: 25 },
    );
  });
});

describe("history: the run log beside it", () => {
  it("records each run's local time and zone, as-of day, customers by the plans' tier and the model fingerprint", () => {
    const cs = [customer("C1", { tier: "A" }), customer("C2", { computedTier: "D", manualTier: "B" }), customer("C3", { computedTier: "incomplete", score: null })];
    const h = nextRun(null, cs, runOn(2026, 11, 30));
    expect(h.runLog.columns.map((c) => c.header)).toEqual(["历史列", "运行时间", "时区", "评估日期", "客户数", "A级", "B级", "C级", "D级", "资料不全", "模型指纹", "参数来源", "权重", "分级线", "建议分数线"]);
    const [r] = recordsOf(h.runLog);
    expect(r).toMatchObject({ label: "2026-11", timeZone: "UTC+08:00", asOf: serialFromYmd(2026, 11, 30), customers: 3, A: 1, B: 1, C: 0, D: 0, incomplete: 1, fingerprint: "m202611" });
    // 09:00 UTC is 17:00 in UTC+08:00.
    expect(r.runAt as number).toBeCloseTo(serialFromYmd(2026, 11, 30) + 17 / 24, 8);
    expect(timeZoneLabel(-330)).toBe("UTC-05:30");
  });

  it("gives the tier counts per run, oldest first, for the trend chart", () => {
    let h = nextRun(null, [customer("C1", { tier: "A" }), customer("C2", { tier: "B" })], runOn(2026, 10, 31));
    h = nextRun(h, [customer("C1", { tier: "B" }), customer("C2", { tier: "B" }), customer("C3", { tier: "D" })], runOn(2026, 11, 30));
    expect(tierCountsByRun(h.runs)).toEqual([
      { label: "2026-10", asOf: serialFromYmd(2026, 10, 31), counts: { A: 1, B: 1, C: 0, D: 0, incomplete: 0 } },
      { label: "2026-11", asOf: serialFromYmd(2026, 11, 30), counts: { A: 0, B: 2, C: 0, D: 1, incomplete: 0 } },
    ]);
    // Read back from the written run log, the counts are the same.
    const again = readPastHistory(readBack(h.history), readBack(h.runLog));
    expect(tierCountsByRun(again.runs)).toEqual(tierCountsByRun(h.runs));
  });
});

describe("history: the roster's previous tier comes from it", () => {
  it("is each customer's computed tier in the newest earlier run that lists it", () => {
    let h = nextRun(null, [customer("C1", { tier: "C" }), customer("C2", { computedTier: "D", manualTier: "A" }), customer("C3", { computedTier: "incomplete" })], runOn(2026, 9, 30));
    h = nextRun(h, [customer("C1", { tier: "B" })], runOn(2026, 10, 31), "en-US");
    const m = previousTiers(readPastHistory(readBack(h.history), readBack(h.runLog)));
    expect(m.get("C1")).toEqual({ tier: "B", run: "2026-10" });
    expect(m.get("C2")).toEqual({ tier: "D", run: "2026-09" });
    expect(m.get("C3")).toEqual({ tier: "incomplete", run: "2026-09" });
    expect(m.size).toBe(3);
  });
});

describe("history: the old long form is converted on the next run, nothing lost", () => {
  const RUN1 = serialFromIsoTime("2025-05-31T08:00:00Z");
  const RUN2 = serialFromIsoTime("2025-06-15T08:00:00Z");
  const old = [
    ["Run Time", "As Of", "Customer ID", "Customer", "Final Score", "Tier", "Manual Tier", "Verdict", "Model Fingerprint"],
    [RUN1, AS_OF - 30, "C1", "华星", 80.25, "B", null, "Maintain", "m1"],
    [RUN1, AS_OF - 30, "C2", "东方", 30, "D", "B", "End", "m1"],
    [RUN1, AS_OF - 30, "C9", "旧客户", 55, "C", null, "Improve", "m1"],
    [RUN2, AS_OF - 15, "C1", "华星", 88.5, "A", null, "Maintain", "m2"],
    [RUN2, AS_OF - 15, "C2", "东方", 12, "Incomplete", null, null, "m2"],
  ];

  it("turns every customer's runs into column pairs and every run into a run log row", () => {
    const grid: SheetGrid = { name: "Evaluation History", values: old };
    const past = readPastHistory(readPreviousTab(grid, HISTORY_SPEC));
    expect(past.converted).toBe(true);
    const log = new ProblemLog();
    const h = buildHistory(past, [customer("C1", { score: 90, tier: "A" }), customer("C2", { score: 50, tier: "C" })], runOn(2025, 6, 30), "zh-CN", NAMES, log);
    // Both old runs fell in 2025-05 and 2025-06 by their as-of days; this run is the second of June.
    expect(h.history.columns.map((c) => c.header)).toEqual([
      "客户编号", "客户名称", "2025-06-30 得分", "2025-06-30 等级", "2025-06 得分", "2025-06 等级", "2025-05 得分", "2025-05 等级",
    ]);
    const r = new Map(h.history.rows.map((x) => [x[0], x.slice(1)]));
    expect(r.get("C1")).toEqual(["客户C1", 90, "A", 88.5, "A", 80.25, "B"]);
    expect(r.get("C2")).toEqual(["客户C2", 50, "C", 12, "资料不全", 30, "D→B"]);
    expect(r.get("C9")).toEqual(["旧客户", null, null, null, null, 55, "C"]);
    // The old form did not log the values used: those cells stay empty.
    const noValues = { valuesFrom: null, weights: null, tierLines: null, verdictLines: null };
    expect(recordsOf(h.runLog).slice(1)).toEqual([
      { label: "2025-06", runAt: RUN2, timeZone: "UTC+00:00", asOf: AS_OF - 15, customers: 2, A: 1, B: 0, C: 0, D: 0, incomplete: 1, fingerprint: "m2", ...noValues },
      { label: "2025-05", runAt: RUN1, timeZone: "UTC+00:00", asOf: AS_OF - 30, customers: 3, A: 0, B: 2, C: 1, D: 0, incomplete: 0, fingerprint: "m1", ...noValues },
    ]);
    expect(log.items).toEqual([expect.objectContaining({ level: "note", code: "plan.historyConverted", params: { runs: 2, rows: 5 } })]);
    // Read back once more: the current form is not converted again, and nothing changed.
    const again = readPastHistory(readBack(h.history), readBack(h.runLog));
    expect(again.converted).toBe(false);
    expect(again.runs.map((x) => x.label)).toEqual(["2025-06-30", "2025-06", "2025-05"]);
    expect(again.customers.get("C2")?.cells).toEqual([50, "C", 12, "资料不全", 30, "D→B"]);
  });

  it("takes the previous tier from the converted history", () => {
    const past = readPastHistory(readPreviousTab({ name: "h", values: old }, HISTORY_SPEC));
    const m = previousTiers(past);
    expect(m.get("C1")).toEqual({ tier: "A", run: "2025-06" });
    expect(m.get("C2")).toEqual({ tier: "incomplete", run: "2025-06" });
    expect(m.get("C9")).toEqual({ tier: "C", run: "2025-05" });
  });
});

import { ProblemLog } from "../problems/problem";
import type { PreviousRow } from "../plan/previous-outputs";
import { buildHistory, HISTORY_SPEC, movement, movementLabel, previousTiers } from "./history";
import { serialFromIsoTime } from "./dates";
import { AS_OF, customer, recordsOf } from "./test-support";

const row = (record: PreviousRow["record"], i = 0): PreviousRow => ({ record, rowAddress: `A${i + 2}` });
const RUN1 = serialFromIsoTime("2025-05-31T08:00:00Z");
const RUN2 = serialFromIsoTime("2025-06-15T08:00:00Z");

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

describe("history: previous tiers", () => {
  it("takes each customer's tier from the latest earlier run, in either language", () => {
    const rows = [
      row({ runAt: RUN2, key: "C1", tier: "A" }, 0),
      row({ runAt: RUN1, key: "C1", tier: "C" }, 1),
      row({ runAt: RUN1, key: "C2", tier: "Incomplete" }, 2),
      row({ runAt: RUN2, key: "C3", tier: "资料不全" }, 3),
      row({ runAt: RUN2, key: null, tier: "A" }, 4),
      row({ runAt: "2025-06-20T00:00:00.000Z", key: "C4", tier: "b" }, 5),
    ];
    const m = previousTiers(rows);
    expect(m.get("C1")).toEqual({ tier: "A", runAt: "2025-06-15T08:00:00.000Z" });
    expect(m.get("C2")?.tier).toBe("incomplete");
    expect(m.get("C3")?.tier).toBe("incomplete");
    expect(m.get("C4")).toEqual({ tier: "B", runAt: "2025-06-20T00:00:00.000Z" });
    expect(m.size).toBe(4);
  });
});

describe("history: appended every run", () => {
  it("keeps earlier rows (in this language) and adds one row per customer", () => {
    const prev = [row({ runAt: RUN1, asOf: AS_OF - 30, key: "C1", name: "华星", score: 80, tier: "B", manualTier: null, verdict: "维持关系", fingerprint: "m1" })];
    const cs = [customer("C1", { score: 90, tier: "A", name: "华星" }), customer("C2", { computedTier: "D", manualTier: "B", score: 30, verdict: "end" })];
    const log = new ProblemLog();
    const tab = buildHistory(prev, cs, { runAt: "2025-06-30T09:00:00.000Z", asOf: AS_OF, fingerprint: "m2", maxRows: 1000 }, "en-US", "Evaluation History", log);
    const r = recordsOf(tab);
    expect(r).toHaveLength(3);
    expect(r[0]).toMatchObject({ key: "C1", tier: "B", verdict: "Maintain", fingerprint: "m1", runAt: RUN1 });
    expect(r.slice(1).map((x) => [x.key, x.tier, x.manualTier, x.verdict, x.fingerprint, x.asOf])).toEqual([
      ["C1", "A", null, "Maintain", "m2", AS_OF],
      ["C2", "D", "B", "End", "m2", AS_OF],
    ]);
    expect(r[1].runAt).toBeCloseTo(serialFromIsoTime("2025-06-30T09:00:00.000Z"), 8);
    expect(tab.columns.map((c) => c.header)).toEqual(["Run Time", "As Of", "Customer ID", "Customer", "Final Score", "Tier", "Manual Tier", "Verdict", "Model Fingerprint"]);
    // Excel reserves the sheet name "History" (change tracking) and refuses it, hence "Evaluation History".
    expect([HISTORY_SPEC.zh, HISTORY_SPEC.en]).toEqual(["评估历史", "Evaluation History"]);
    expect(log.items).toEqual([]);
  });

  it("drops the oldest whole runs when the history would outgrow its limit, with a note", () => {
    const prev = [
      row({ runAt: RUN2, key: "a", tier: "A" }), row({ runAt: RUN2, key: "b", tier: "A" }),
      row({ runAt: RUN1, key: "a", tier: "B" }), row({ runAt: RUN1, key: "b", tier: "B" }),
    ];
    const log = new ProblemLog();
    const tab = buildHistory(prev, [customer("a"), customer("b")], { runAt: "2025-06-30T09:00:00.000Z", asOf: AS_OF, fingerprint: "f", maxRows: 4 }, "zh-CN", "评估历史", log);
    expect(recordsOf(tab).map((x) => x.runAt === RUN1)).toEqual([false, false, false, false]);
    expect(recordsOf(tab)).toHaveLength(4);
    expect(log.items).toEqual([expect.objectContaining({ level: "note", code: "plan.historyTrimmed", params: { max: 4, runs: 1, rows: 2 } })]);
  });
});

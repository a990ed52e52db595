/**
 * Spec "Scoring rules (exact)": a score that is mathematically on a line is on it, whatever float dust its
 * computation leaves; equal scores rank in ascending key order, numeric keys as numbers.
 */
import fc from "fast-check";
import { scoreWorkbook } from "../../src/core/job/run-job";
import type { RawValue, SheetGrid, WorkbookModel } from "../../src/core/workbook/grid";
import { add, cmp, dec, decimalText, div, mul, q, sub, type Q } from "./oracle/rational";

const NOW = new Date("2026-11-29T08:00:00Z");
const HUNDRED = q(100);
type Spelling = "0.3" | "30%" | "30" | "0.3 in a percent cell";

/** A weight cell as the user typed it. */
function weightCell(points: number, spelling: Spelling): { v: RawValue; fmt?: string } {
  if (spelling === "30%") return { v: `${points}%` };
  if (spelling === "30") return { v: points };
  const fraction = Number(decimalText(div(q(points), HUNDRED)));
  return spelling === "0.3" ? { v: fraction } : { v: fraction, fmt: "0%" };
}

/** A wide evaluation with a model sheet (weights and full marks as typed) and one customer per score row. */
function workbook(weights: number[], maxes: string[], spelling: Spelling, rows: { key: string; scores: Q[] }[]): WorkbookModel {
  const names = weights.map((_, i) => `指标${i + 1}`);
  type Cell = { v: RawValue; fmt?: string };
  const modelRows: Cell[][] = [
    ["指标", "权重", "满分"].map((v) => ({ v })),
    ...weights.map((w, i) => [{ v: names[i] }, weightCell(w, spelling), { v: Number(maxes[i]) }]),
  ];
  const model: SheetGrid = {
    name: "评估模型",
    values: modelRows.map((r) => r.map((c) => c.v)),
    formats: modelRows.map((r) => r.map((c) => c.fmt ?? "General")),
  };
  const evaluation: SheetGrid = {
    name: "客户关系评估表",
    values: [["客户编号", ...names], ...rows.map((r) => [r.key, ...r.scores.map((s) => Number(decimalText(s)))])],
  };
  return { sheets: [evaluation, model] };
}

const spellingArb = fc.constantFrom<Spelling>("0.3", "30%", "30", "0.3 in a percent cell");
const maxArb = fc.constantFrom("100", "5", "10", "20", "25", "50", "200", "12.5");

/** Integer weights totalling 100 (2–5 indicators). */
const weightsArb = fc.integer({ min: 2, max: 5 }).chain((k) =>
  fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: k - 1, maxLength: k - 1 }).map((cuts) => {
    const sorted = [...cuts].sort((a, b) => a - b);
    return [...sorted, 100].map((c, i) => c - (i === 0 ? 0 : sorted[i - 1]));
  }),
);

/**
 * Typed scores whose weighted mean is exactly `line`: every normalised score on the line, then two of them
 * moved apart by amounts that balance (w₂·t up, w₁·t down) when that stays within 0–100.
 */
function onLine(line: Q, weights: number[], maxes: string[], t: Q, i: number, j: number): Q[] {
  const n = weights.map(() => line);
  if (i !== j) {
    const ni = add(line, mul(q(weights[j]), t));
    const nj = sub(line, mul(q(weights[i]), t));
    const ok = (x: Q) => cmp(x, q(0)) >= 0 && cmp(x, HUNDRED) <= 0;
    if (ok(ni) && ok(nj)) {
      n[i] = ni;
      n[j] = nj;
    }
  }
  return n.map((x, k) => mul(x, div(dec(maxes[k]), HUNDRED)));
}

const caseArb = weightsArb.chain((weights) =>
  fc.record({
    weights: fc.constant(weights),
    maxes: fc.array(maxArb, { minLength: weights.length, maxLength: weights.length }),
    spelling: spellingArb,
    t: fc.constantFrom("0.05", "0.1", "0.25", "1").map(dec),
    i: fc.integer({ min: 0, max: weights.length - 1 }),
    j: fc.integer({ min: 0, max: weights.length - 1 }),
  }),
);

describe("tier lines are exact: a score on the A, B or C line gets that tier", () => {
  it.each([["A", "85"], ["B", "70"], ["C", "55"]])("on the %s line (%s)", (tier, line) => {
    fc.assert(
      fc.property(caseArb, ({ weights, maxes, spelling, t, i, j }) => {
        const scores = onLine(dec(line), weights, maxes, t, i, j);
        const out = scoreWorkbook(workbook(weights, maxes, spelling, [{ key: "K1", scores }]), { now: NOW });
        const c = out.scored[0];
        expect(c.score).toBeCloseTo(Number(line), 9);
        expect(c.computedTier).toBe(tier);
      }),
      { numRuns: 150 },
    );
  });
  it("the issue's case: weights 0.16 / 0.84, both scores 85, is A and shows 85.0", () => {
    const out = scoreWorkbook(workbook([16, 84], ["100", "100"], "0.3", [{ key: "K1", scores: [q(85), q(85)] }]), { now: NOW });
    expect(out.scored[0].computedTier).toBe("A");
    expect(out.scored[0].score!.toFixed(1)).toBe("85.0");
  });
  it("weights 55 / 45 with 满分 20, scores 17.6 and 9.6 (mean exactly 70), is B and 维持关系", () => {
    const scores = onLine(q(70), [55, 45], ["20", "20"], dec("0.4"), 0, 1);
    expect(scores.map(decimalText)).toEqual(["17.6", "9.6"]);
    const out = scoreWorkbook(workbook([55, 45], ["20", "20"], "30", [{ key: "K1", scores }]), { now: NOW });
    expect(out.scored[0].computedTier).toBe("B");
    expect(out.scored[0].verdict).toBe("maintain");
  });
});

describe("verdict lines are exact: 维持关系 from 70, 改善关系 from 40", () => {
  it.each([["maintain", "70"], ["improve", "40"]])("a score exactly on the line gives %s", (verdict, line) => {
    fc.assert(
      fc.property(caseArb, ({ weights, maxes, spelling, t, i, j }) => {
        const scores = onLine(dec(line), weights, maxes, t, i, j);
        const out = scoreWorkbook(workbook(weights, maxes, spelling, [{ key: "K1", scores }]), { now: NOW });
        expect(out.scored[0].verdict).toBe(verdict);
      }),
      { numRuns: 150 },
    );
  });
  it("the issue's case: weights 0.06 / 0.94, both scores 40, low potential, is 改善关系 not 终止关系", () => {
    const out = scoreWorkbook(workbook([6, 94], ["100", "100"], "0.3", [{ key: "K1", scores: [q(40), q(40)] }]), { now: NOW });
    expect(out.scored[0].verdict).toBe("improve");
  });
});

describe("quota ties: equal scores rank in ascending key order, numeric keys as numbers", () => {
  it("customers on the same score are ranked by key, \"99\" before \"100\", however their scores were reached", () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.uniqueArray(fc.integer({ min: 1, max: 20_000 }), { minLength: 2, maxLength: 8 }),
        fc.array(fc.tuple(fc.constantFrom("0.05", "0.1", "0.25", "1"), fc.nat(), fc.nat()), { minLength: 8, maxLength: 8 }),
        ({ weights, maxes, spelling }, keys, moves) => {
          // Every customer is exactly on 55, each by its own balanced moves.
          const rows = keys.map((k, n) => {
            const [t, a, b] = moves[n];
            return { key: String(k), scores: onLine(q(55), weights, maxes, dec(t), a % weights.length, b % weights.length) };
          });
          const wb = workbook(weights, maxes, spelling, rows);
          wb.sheets.push({ name: "设置", values: [["参数", "值"], ["分级方式", "比例"]] });
          const out = scoreWorkbook(wb, { now: NOW });
          const ranked = [...out.scored].sort((x, y) => x.rank! - y.rank!).map((c) => c.key);
          expect(ranked).toEqual([...keys].sort((x, y) => x - y).map(String));
        },
      ),
      { numRuns: 100 },
    );
  });
  it("two customers at exactly 55 (0.16 / 0.84 weights) break the tie by key, not by float noise", () => {
    const scores = [q(55), q(55)];
    const rows = [{ key: "100", scores }, { key: "99", scores: onLine(q(55), [16, 84], ["100", "100"], dec("0.25"), 0, 1) }];
    const wb = workbook([16, 84], ["100", "100"], "0.3", rows);
    wb.sheets.push({ name: "设置", values: [["参数", "值"], ["分级方式", "比例"], ["A级比例", "50%"]] });
    const out = scoreWorkbook(wb, { now: NOW });
    const by = (k: string) => out.scored.find((c) => c.key === k)!;
    expect([by("99").rank, by("100").rank]).toEqual([1, 2]);
    expect([by("99").computedTier, by("100").computedTier]).toEqual(["A", "B"]);
  });
});

describe("the final score keeps its full precision", () => {
  it("24.72… is kept as 2225/90, not rounded to 9 decimals", () => {
    const rows = [{ key: "C004", scores: [q(20), q(30), q(25)] }];
    const out = scoreWorkbook(workbook([30, 25, 35], ["100", "100", "100"], "30%", rows), { now: NOW });
    expect(out.scored[0].score).toBe((30 * 20 + 25 * 30 + 35 * 25) / 90);
  });
});

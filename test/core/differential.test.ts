/**
 * Random differential test: workbooks drawn at random, scored by the product and by a small oracle written
 * from the spec's text (test/core/oracle, no product code), compared on score, tier, verdict, coverage,
 * ranking and the cells where problems are reported.
 */
import { scoreWorkbook } from "../../src/core/job/run-job";
import type { Problem } from "../../src/core/problems/problem";
import { qualifiedAddress } from "../../src/core/workbook/grid";
import { drawCase, render, weightsTotalOk, type Case, type Layout, type Spelling } from "./oracle/random-workbook";
import { cmp, toNumber, ZERO } from "./oracle/rational";
import { oracle, oracleRanking } from "./oracle/spec-oracle";

const NOW = new Date("2026-11-29T08:00:00Z");
const CASES = 600;
const ON_LINE_CASES = 200;

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
const where = (p: Problem) => (p.sheet && p.cell ? qualifiedAddress(p.sheet, p.cell) : `(${p.sheet ?? "no sheet"})`);
/** The oracle's `sheet!cell` in the product's quoting (a sheet name like 评估-C001 is quoted). */
const address = (ref: string) => {
  const bang = ref.lastIndexOf("!");
  return qualifiedAddress(ref.slice(0, bang), ref.slice(bang + 1));
};

/** The disagreements between the product and the oracle on one case (empty when they agree). */
function compare(c: Case): string[] {
  const { wb, scoreCells, weightCells, weightHeader, customerCells } = render(c);
  const out = scoreWorkbook(wb, { now: NOW });
  const expected = oracle(c.indicators, c.customers, c.settings);
  const diffs: string[] = [];
  const byKey = new Map(out.scored.map((s) => [s.key, s]));
  if (out.scored.length !== expected.length) diffs.push(`customers ${out.scored.length} ≠ ${expected.length}`);
  for (const e of expected) {
    const p = byKey.get(e.key);
    if (!p) {
      diffs.push(`${e.key}: missing`);
      continue;
    }
    const eScore = e.score === null ? null : toNumber(e.score);
    if ((p.score === null) !== (eScore === null) || (p.score !== null && eScore !== null && !close(p.score, eScore))) {
      diffs.push(`${e.key}: score ${p.score} ≠ ${eScore}`);
    }
    if (!close(p.coverage, toNumber(e.coverage))) diffs.push(`${e.key}: coverage ${p.coverage} ≠ ${toNumber(e.coverage)}`);
    if (p.computedTier !== e.tier) diffs.push(`${e.key}: tier ${p.computedTier} ≠ ${e.tier} (score ${p.score})`);
    if (p.verdict !== e.verdict) diffs.push(`${e.key}: verdict ${p.verdict} ≠ ${e.verdict} (score ${p.score})`);
  }
  const ranking = out.scored.filter((s) => s.rank !== null).sort((a, b) => a.rank! - b.rank!).map((s) => s.key);
  const eRanking = oracleRanking(expected);
  if (ranking.join(",") !== eRanking.join(",")) diffs.push(`ranking ${ranking.join(",")} ≠ ${eRanking.join(",")}`);

  // Problem addresses: bad scores, negative weights, the weights' total, 资料不全 customers.
  const problems = out.log.items;
  const got = (codes: string[]) => problems.filter((p) => codes.includes(p.code)).map(where).sort();
  const want = {
    scores: expected.flatMap((e) => e.badScores.map((i) => address(scoreCells.get(e.key)![i]))).sort(),
    negative: c.indicators.flatMap((ind, i) => (cmp(ind.weight, ZERO) < 0 ? [address(weightCells[i])] : [])).sort(),
    total: weightsTotalOk(c) ? [] : [address(weightHeader)],
    incomplete: expected.filter((e) => e.tier === "incomplete").map((e) => address(customerCells.get(e.key)!)).sort(),
  };
  const check = (what: string, codes: string[], w: string[]) => {
    const g = got(codes);
    if (g.join("|") !== w.join("|")) diffs.push(`${what} problems at ${g.join(", ") || "—"} ≠ ${w.join(", ") || "—"}`);
  };
  check("score", ["eval.scoreOutOfRange", "eval.notNumber"], want.scores);
  check("negative weight", ["model.negativeWeight"], want.negative);
  check("weight total", ["weights.total"], want.total);
  check("incomplete", ["coverage.incomplete"], want.incomplete);
  // Nothing else is reported: no spurious notes (form footers, headers), no other warnings.
  const known = ["eval.scoreOutOfRange", "eval.notNumber", "model.negativeWeight", "weights.total", "coverage.incomplete"];
  if (!c.withRegister) known.push("register.missing");
  for (const p of problems) if (!known.includes(p.code)) diffs.push(`unexpected ${p.code} at ${where(p)}`);
  // Every problem names its sheet and cell (only "no register" is about the workbook as a whole).
  for (const p of problems) if (p.code !== "register.missing" && !(p.sheet && p.cell)) diffs.push(`${p.code} without a cell`);
  return diffs;
}

function run(seeds: number[], draw: (seed: number) => Case): { agree: number; failures: string[] } {
  let agree = 0;
  const failures: string[] = [];
  for (const seed of seeds) {
    const c = draw(seed);
    const diffs = compare(c);
    if (diffs.length === 0) agree++;
    else if (failures.length < 5) failures.push(`seed ${seed} (${c.layout}, ${c.spelling}): ${diffs.join("; ")}`);
  }
  if (process.env.DIFF_REPORT) console.log(`${agree} of ${seeds.length} cases agree`);
  return { agree, failures };
}

const seeds = (n: number, from: number) => Array.from({ length: n }, (_, i) => from + i);

describe("random workbooks: the product agrees with an oracle written from the spec", () => {
  it(`${CASES} mixed cases (wide with a model or a 权重 row, long, forms; weights 0.3, 30%, 0.3 as 30% and 30)`, () => {
    const r = run(seeds(CASES, 1), (s) => drawCase(s));
    expect(r.failures).toEqual([]);
    expect(r.agree).toBe(CASES);
  });
  it(`${ON_LINE_CASES} cases with every customer's score placed exactly on a line`, () => {
    const r = run(seeds(ON_LINE_CASES, 100_001), (s) => drawCase(s, { onLine: true }));
    expect(r.failures).toEqual([]);
    expect(r.agree).toBe(ON_LINE_CASES);
  });
  it("covers every layout and every weight spelling", () => {
    const layouts = new Set<Layout>();
    const spellings = new Set<Spelling>();
    for (const s of seeds(CASES, 1)) {
      const c = drawCase(s);
      layouts.add(c.layout);
      spellings.add(c.spelling);
    }
    expect([...layouts].sort()).toEqual(["form", "long", "wide-model", "wide-weight-row"]);
    expect([...spellings].sort()).toEqual(["fraction", "percent-cell", "percent-text", "points"]);
  });
});

/**
 * Random workbooks for the differential test: a case (indicators, customers, settings) drawn from a seed,
 * rendered as grid models in the wide, long or form layout with weights spelled 0.3, 30%, a 0.3 in a percent
 * cell or 30, and the cells where problems are expected. Independent of the product's code.
 */
import type { RawValue, SheetGrid, WorkbookModel } from "../../../src/core/workbook/grid";
import { add, cmp, dec, decimalText, div, mul, q, sub, sum, toNumber, ZERO, type Q } from "./rational";
import { HUNDRED, type OCustomer, type OIndicator, type OSettings } from "./spec-oracle";

/** A small seeded generator (xorshift32), so every case can be replayed from its seed. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = (seed * 2654435761) >>> 0 || 1;
  }
  next(): number {
    let x = this.s;
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    this.s = x;
    return x / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

export type Layout = "wide-model" | "wide-weight-row" | "long" | "form";
export type Spelling = "fraction" | "percent-text" | "percent-cell" | "points";

export interface Case {
  seed: number;
  layout: Layout;
  spelling: Spelling;
  indicators: OIndicator[];
  /** Weights in percent points as typed (before spelling). */
  points: Q[];
  customers: (OCustomer & { name: string; potential?: string })[];
  settings: OSettings;
  settingsRows: RawValue[][] | null;
  withRegister: boolean;
  /** The register's header: one row, or a group row over it with cells merged down (listed or not). */
  registerHeader: "plain" | "grouped-merged" | "grouped-unlisted";
}

const NAMES = ["合作深度", "满意度", "业务贡献", "发展潜力", "服务质量", "交易频率", "产品覆盖"];
const MAXES = ["100", "100", "5", "10", "20", "25", "50", "200", "12.5"];
const LINE_SETS: { A: string; B: string; C: string; maintain: string; end: string }[] = [
  { A: "85", B: "70", C: "55", maintain: "70", end: "40" },
  { A: "90", B: "72.5", C: "60", maintain: "66", end: "45.5" },
  { A: "80", B: "65", C: "50", maintain: "65", end: "35" },
];

/** Splits 100 into k positive integer parts. */
function partition(rng: Rng, total: number, k: number): number[] {
  const cuts = new Set<number>();
  while (cuts.size < k - 1) cuts.add(rng.int(1, total - 1));
  const sorted = [...cuts].sort((a, b) => a - b);
  const parts: number[] = [];
  let prev = 0;
  for (const c of [...sorted, total]) {
    parts.push(c - prev);
    prev = c;
  }
  return parts;
}

const clampOk = (n: Q) => cmp(n, ZERO) >= 0 && cmp(n, HUNDRED) <= 0;

/** Draws a case. About a third of the customers sit exactly on a line (mathematically). */
export function drawCase(seed: number, only?: { layout?: Layout; spelling?: Spelling; onLine?: boolean }): Case {
  const rng = new Rng(seed);
  const layout: Layout = only?.layout ?? rng.pick(["wide-model", "wide-weight-row", "long", "form"] as const);
  const spelling: Spelling = only?.spelling ?? rng.pick(["fraction", "percent-text", "percent-cell", "points"] as const);
  const k = rng.int(2, 5);
  const names = [...NAMES].sort(() => rng.next() - 0.5).slice(0, k);
  // Weights total 100 points, except sometimes (points only) any total: used in proportion, with a warning.
  const free = spelling === "points" && rng.chance(0.2);
  const pts = free ? names.map(() => rng.int(1, 9)) : partition(rng, 100, k);
  const negative = (layout === "wide-model" || layout === "wide-weight-row") && k > 2 && rng.chance(0.1) ? rng.int(0, k - 1) : -1;
  const points = pts.map((p, i) => (i === negative ? q(-p) : q(p)));
  const maxFixed = layout === "wide-weight-row";
  const indicators: OIndicator[] = names.map((name, i) => ({
    name, weight: points[i], max: maxFixed ? q(100) : dec(rng.pick(MAXES)),
  }));

  const lineSet = rng.chance(0.6) ? LINE_SETS[0] : rng.pick(LINE_SETS);
  const mode = rng.chance(0.3) ? "quotas" : "thresholds";
  const minCov = rng.pick(["60", "60", "50", "75"]);
  const quotas = rng.pick([["20", "30", "30"], ["10", "20", "30"], ["25", "25", "25"]]);
  const settings: OSettings = {
    mode,
    lines: { A: dec(lineSet.A), B: dec(lineSet.B), C: dec(lineSet.C) },
    quotas: { A: div(dec(quotas[0]), HUNDRED), B: div(dec(quotas[1]), HUNDRED), C: div(dec(quotas[2]), HUNDRED) },
    maintainFrom: dec(lineSet.maintain),
    endBelow: dec(lineSet.end),
    minCoverage: div(dec(minCov), HUNDRED),
  };
  const custom = lineSet !== LINE_SETS[0] || mode === "quotas" || minCov !== "60";
  const settingsRows: RawValue[][] | null = custom
    ? [
        ["参数", "值"],
        ["分级方式", mode === "quotas" ? "比例" : "分数线"],
        ["A级分数线", Number(lineSet.A)], ["B级分数线", Number(lineSet.B)], ["C级分数线", Number(lineSet.C)],
        ["A级比例", `${quotas[0]}%`], ["B级比例", `${quotas[1]}%`], ["C级比例", `${quotas[2]}%`],
        ["维持关系分数线", Number(lineSet.maintain)], ["终止关系分数线", Number(lineSet.end)],
        ["最低数据完整度", `${minCov}%`],
      ]
    : null;
  const lines = [settings.lines.A, settings.lines.B, settings.lines.C, settings.maintainFrom, settings.endBelow];

  const withRegister = rng.chance(0.5);
  const registerHeader = rng.pick(["plain", "plain", "grouped-merged", "grouped-unlisted"] as const);
  const numericKeys = rng.chance(0.5);
  const n = rng.int(1, 10);
  const usedKeys = new Set<string>();
  const customers: Case["customers"] = [];
  for (let c = 0; c < n; c++) {
    let key: string;
    do key = numericKeys ? String(rng.pick([rng.int(1, 120), rng.int(1, 12) * 10 ** rng.int(0, 3)])) : `C${String(rng.int(1, 999)).padStart(3, "0")}`;
    while (usedKeys.has(key));
    usedKeys.add(key);
    const onLine = only?.onLine ?? rng.chance(0.35);
    const normal = onLine ? lineScores(rng, indicators, rng.pick(lines)) : null;
    const scores: OCustomer["scores"] = indicators.map((ind, i) => {
      if (normal) return mul(normal[i], div(ind.max, HUNDRED));
      const r = rng.next();
      if (r < 0.1) return null;
      if (r < 0.13 && i !== negative) return "text";
      if (r < 0.17 && i !== negative) return rng.chance(0.5) ? add(ind.max, dec(rng.pick(["0.5", "1", "10"]))) : dec(rng.pick(["-1", "-0.5"]));
      // A decimal with one place within 0…max.
      const tenths = Math.floor(rng.next() * (toNumber(ind.max) * 10 + 1));
      return q(tenths, 10);
    });
    const potential = withRegister ? rng.pick(["高", "中", "低", ""]) : undefined;
    customers.push({ key, name: `客户${key}`, scores, potentialHigh: potential === "高", potential });
  }
  return { seed, layout, spelling, indicators, points, customers, settings, settingsRows, withRegister, registerHeader };
}

/**
 * Normalised scores whose weighted mean is exactly `line`: all on the line, then pairs moved in opposite
 * directions by amounts that balance (p₂·t up, p₁·t down), so the typed scores differ yet the mean stays.
 */
function lineScores(rng: Rng, indicators: OIndicator[], line: Q): Q[] {
  const n = indicators.map(() => line);
  const live = indicators.map((ind, i) => (cmp(ind.weight, ZERO) > 0 ? i : -1)).filter((i) => i >= 0);
  for (let tries = 0; tries < 2 && live.length >= 2; tries++) {
    const i = rng.pick(live);
    const j = rng.pick(live);
    if (i === j) continue;
    const t = dec(rng.pick(["0.05", "0.1", "0.25", "0.5", "1"]));
    const ni = add(n[i], mul(indicators[j].weight, t));
    const nj = sub(n[j], mul(indicators[i].weight, t));
    if (clampOk(ni) && clampOk(nj)) {
      n[i] = ni;
      n[j] = nj;
    }
  }
  return n;
}

/** A rendered workbook and where the expected problems are. */
export interface Rendered {
  wb: WorkbookModel;
  /** `${sheet}!${cell}` of each customer's bad score, by customer key and indicator index. */
  scoreCells: Map<string, string[]>;
  /** Where a negative weight is typed (`sheet!cell`), by indicator index. */
  weightCells: string[];
  /** Where the weights' total is reported (the weight header). */
  weightHeader: string;
  /** Where a 资料不全 customer is reported: its register key cell, else its first evaluation cell. */
  customerCells: Map<string, string>;
}

const col = (c: number) => String.fromCharCode(65 + c);
const at = (sheet: string, c: number, r: number) => `${sheet}!${col(c)}${r + 1}`;

/** A typed number as a user types it: the decimal text's number. */
const typed = (x: Q): number => Number(decimalText(x));

function weightCell(p: Q, spelling: Spelling): { v: RawValue; fmt?: string } {
  const fraction = div(p, HUNDRED);
  switch (spelling) {
    case "fraction":
      return { v: typed(fraction) };
    case "percent-text":
      return { v: `${decimalText(p)}%` };
    case "percent-cell":
      return { v: typed(fraction), fmt: "0%" };
    default:
      return { v: typed(p) };
  }
}

function scoreValue(s: Q | "text" | null): RawValue {
  if (s === null) return null;
  if (s === "text") return "优秀";
  return typed(s);
}

/** A sheet from rows, with number formats where a cell has one. */
function sheet(name: string, rows: { v: RawValue; fmt?: string }[][]): SheetGrid {
  const values = rows.map((r) => r.map((c) => c.v));
  const anyFormat = rows.some((r) => r.some((c) => c.fmt));
  return anyFormat ? { name, values, formats: rows.map((r) => r.map((c) => c.fmt ?? "General")) } : { name, values };
}
const plain = (row: RawValue[]) => row.map((v) => ({ v }));

/** Renders a case as a workbook in its layout. */
export function render(c: Case): Rendered {
  const sheets: SheetGrid[] = [];
  const scoreCells = new Map<string, string[]>();
  const customerCells = new Map<string, string>();
  let weightCells: string[] = [];
  let weightHeader = "";
  const EVAL = "客户关系评估表";
  if (c.withRegister) {
    // A grouped header: 客户编号 / 客户名称 merged down over two rows, a group label 客户情况 over the real name.
    const grouped = c.registerHeader !== "plain";
    const head = grouped
      ? [plain(["客户编号", "客户名称", "客户情况"]), plain([null, null, "客户关系发展潜力"])]
      : [plain(["客户编号", "客户名称", "客户关系发展潜力"])];
    const reg = sheet("客户状况登记表", [...head, ...c.customers.map((cu) => plain([cu.key, cu.name, cu.potential || null]))]);
    if (c.registerHeader === "grouped-merged") {
      reg.merges = [{ top: 0, left: 0, bottom: 1, right: 0 }, { top: 0, left: 1, bottom: 1, right: 1 }];
    }
    sheets.push(reg);
    c.customers.forEach((cu, i) => customerCells.set(cu.key, at("客户状况登记表", 0, i + head.length)));
  }
  if (c.layout === "wide-model") {
    const MODEL = "评估模型";
    sheets.push(sheet(MODEL, [
      plain(["指标", "权重", "满分"]),
      ...c.indicators.map((ind, i) => [{ v: ind.name }, weightCell(c.points[i], c.spelling), { v: typed(ind.max) }]),
    ]));
    weightCells = c.indicators.map((_, i) => at(MODEL, 1, i + 1));
    weightHeader = at(MODEL, 1, 0);
  }
  if (c.layout === "wide-model" || c.layout === "wide-weight-row") {
    const rows: { v: RawValue; fmt?: string }[][] = [plain(["客户编号", "客户名称", ...c.indicators.map((i) => i.name)])];
    if (c.layout === "wide-weight-row") {
      rows.push([{ v: null }, { v: "权重" }, ...c.points.map((p) => weightCell(p, c.spelling))]);
      weightCells = c.indicators.map((_, i) => at(EVAL, 2 + i, 1));
      weightHeader = at(EVAL, 1, 1);
    }
    const first = rows.length;
    c.customers.forEach((cu, r) => {
      rows.push(plain([cu.key, cu.name, ...cu.scores.map(scoreValue)]));
      scoreCells.set(cu.key, cu.scores.map((_, i) => at(EVAL, 2 + i, first + r)));
      if (!customerCells.has(cu.key)) customerCells.set(cu.key, at(EVAL, 0, first + r));
    });
    sheets.push(sheet(EVAL, rows));
  }
  if (c.layout === "long") {
    const rows: { v: RawValue; fmt?: string }[][] = [plain(["客户编号", "客户名称", "分析指标", "指标权重", "指标得分", "满分"])];
    weightHeader = at(EVAL, 3, 0);
    for (const cu of c.customers) {
      const cells: string[] = [];
      cu.scores.forEach((s, i) => {
        cells.push(at(EVAL, 4, rows.length));
        if (!customerCells.has(cu.key)) customerCells.set(cu.key, at(EVAL, 0, rows.length));
        rows.push([{ v: cu.key }, { v: cu.name }, { v: c.indicators[i].name }, weightCell(c.points[i], c.spelling), { v: scoreValue(s) }, { v: typed(c.indicators[i].max) }]);
      });
      scoreCells.set(cu.key, cells);
    }
    sheets.push(sheet(EVAL, rows));
  }
  if (c.layout === "form") {
    c.customers.forEach((cu, n) => {
      const name = `评估-${cu.key}`;
      const rows: { v: RawValue; fmt?: string }[][] = [
        plain(["客户关系评估表"]),
        plain(["客户名称：", cu.name, "编号", cu.key]),
        [],
        plain(["分析指标", "指标权重", "指标得分", "满分"]),
      ];
      if (n === 0) weightHeader = at(name, 1, 3);
      const cells: string[] = [];
      cu.scores.forEach((s, i) => {
        cells.push(at(name, 2, rows.length));
        rows.push([{ v: c.indicators[i].name }, weightCell(c.points[i], c.spelling), { v: scoreValue(s) }, { v: typed(c.indicators[i].max) }]);
      });
      scoreCells.set(cu.key, cells);
      if (!customerCells.has(cu.key)) customerCells.set(cu.key, at(name, 3, 1));
      // The footer a paper form carries: totals, result, advice, date, signature — none of it is an indicator.
      rows.push(plain(["合计", typed(sum(c.points)), null, null]), plain(["最终得分", null, null, null]));
      rows.push(plain(["评估结果", 68]), plain(["建议", "维持关系"]), [{ v: "评估日期" }, { v: 46327, fmt: "yyyy-mm-dd" }], plain(["评估人签字", "张三"]));
      sheets.push(sheet(name, rows));
    });
  }
  if (c.settingsRows) sheets.push(sheet("设置", c.settingsRows.map(plain)));
  return { wb: { sheets }, scoreCells, weightCells, weightHeader, customerCells };
}

/** True when the weights as typed total 1 or 100 within ±0.5% (the spec's warning rule), in the spelling's unit. */
export function weightsTotalOk(c: Case): boolean {
  const total = sum(c.points.filter((p) => cmp(p, ZERO) >= 0));
  const diff = sub(total, HUNDRED);
  const ok = cmp(diff, dec("-0.5")) >= 0 && cmp(diff, dec("0.5")) <= 0;
  return ok;
}

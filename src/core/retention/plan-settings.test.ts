import { ProblemLog } from "../problems/problem";
import { readSettings } from "../reading/settings-reader";
import { DEFAULT_PLAN_SETTINGS, PLAN_SETTING_DEFS } from "../settings/plan-settings";
import { SETTING_DEFS } from "../settings/settings";
import { normalizeHeader } from "../text/normalize-header";
import type { SheetGrid } from "../workbook/grid";

const at = (obj: unknown, path: string): unknown =>
  path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);

describe("plan settings: every setting has a default and keys in both languages", () => {
  it("every path lands on a default", () => {
    for (const d of PLAN_SETTING_DEFS) {
      expect(d.path.startsWith("plan.")).toBe(true);
      expect(at(DEFAULT_PLAN_SETTINGS, d.path.slice(5))).not.toBeUndefined();
      expect(d.zh.length).toBeGreaterThan(0);
      expect(d.en.length).toBeGreaterThan(0);
    }
  });

  it("every default is settable: each leaf of the defaults has a key", () => {
    const leaves: string[] = [];
    const walk = (o: Record<string, unknown>, p: string) => {
      for (const [k, v] of Object.entries(o)) {
        if (v && typeof v === "object") walk(v as Record<string, unknown>, `${p}.${k}`);
        else leaves.push(`${p}.${k}`);
      }
    };
    walk(DEFAULT_PLAN_SETTINGS as unknown as Record<string, unknown>, "plan");
    expect(PLAN_SETTING_DEFS.map((d) => d.path).sort()).toEqual(leaves.sort());
  });

  it("no two settings share a name", () => {
    const names = SETTING_DEFS.flatMap((d) => [...d.zh, ...d.en]).map(normalizeHeader);
    expect(new Set(names).size).toBe(names.length);
  });

  it("defaults stay inside their own bounds", () => {
    for (const d of PLAN_SETTING_DEFS) {
      const v = at(DEFAULT_PLAN_SETTINGS, d.path.slice(5));
      if (typeof v !== "number") continue;
      if (d.min !== undefined) expect(v).toBeGreaterThanOrEqual(d.min);
      if (d.max !== undefined) expect(v).toBeLessThanOrEqual(d.max);
    }
  });
});

describe("plan settings: read from a settings sheet", () => {
  it("in Chinese and in English", () => {
    const grid: SheetGrid = {
      name: "设置",
      values: [
        ["参数", "值"],
        ["联系间隔天数A", 45],
        ["维护方式D", "电话"],
        ["随机抽样比例", "10%"],
        ["Random Seed", 99],
        ["挽回成本换算", 1000],
        ["Second Callback Months", 6],
        ["第三次回访月数", 13],
      ],
    };
    const log = new ProblemLog();
    const s = readSettings(grid, log);
    expect(s.plan.frequencyDays.A).toBe(45);
    expect(s.plan.frequencyChannel.D).toBe("电话");
    expect(s.plan.callbacks.randomShare).toBeCloseTo(0.1);
    expect(s.plan.callbacks.randomSeed).toBe(99);
    expect(s.plan.winback.costPerPoint).toBe(1000);
    expect(s.plan.callbacks.secondMonths).toBe(6);
    // 13 months is outside 10–12: a warning, and the default stands.
    expect(s.plan.callbacks.thirdMonths).toBe(11);
    expect(log.items.map((p) => p.code)).toEqual(["settings.badValue"]);
  });
});

import { z } from "zod";
import type { SettingDef } from "./setting-def";
import { DEFAULT_PLAN_SETTINGS, PLAN_SETTING_DEFS, type PlanSettings } from "./plan-settings";

const points = z.number().finite().min(0).max(100);
const fraction = z.number().finite().min(0).max(1);
const days = z.number().int().min(1);

/** Every setting the product uses, after defaults are applied (the settings sheet is read into this). */
export const settingsSchema = z.object({
  tierMode: z.enum(["thresholds", "quotas"]),
  thresholds: z.object({ A: points, B: points, C: points }),
  /** Fractions 0–1; D gets the rest. */
  quotas: z.object({ A: fraction, B: fraction, C: fraction }),
  maintainFrom: points,
  endBelow: points,
  minCoverage: fraction,
  warningDays: z.object({ A: days, B: days, C: days, D: days }),
  /** Excel serial day of "today", when the settings sheet fixes it. */
  asOf: z.number().finite().optional(),
  outputLanguage: z.enum(["zh-CN", "en-US"]).optional(),
  // The plan tabs validate their own settings value by value (plan-settings.ts).
  plan: z.custom<PlanSettings>((v) => typeof v === "object" && v !== null),
});

export type Settings = z.infer<typeof settingsSchema>;
export type TierMode = Settings["tierMode"];

/** The defaults of the spec's settings table. */
export function defaultSettings(): Settings {
  return {
    tierMode: "thresholds",
    thresholds: { A: 85, B: 70, C: 55 },
    quotas: { A: 0.2, B: 0.3, C: 0.3 },
    maintainFrom: 70,
    endBelow: 40,
    minCoverage: 0.6,
    warningDays: { A: 30, B: 60, C: 90, D: 180 },
    // A JSON copy (plain data): structuredClone needs Safari 15.4, older than some Macs the add-in runs on.
    plan: JSON.parse(JSON.stringify(DEFAULT_PLAN_SETTINGS)) as PlanSettings,
  };
}

/** The keys of the settings sheet. */
export const SETTING_DEFS: SettingDef[] = [
  { path: "tierMode", kind: "tierMode", zh: ["分级方式"], en: ["Tier Mode"] },
  { path: "thresholds.A", kind: "number", zh: ["A级分数线"], en: ["A Line", "A Threshold"], min: 0, max: 100 },
  { path: "thresholds.B", kind: "number", zh: ["B级分数线"], en: ["B Line", "B Threshold"], min: 0, max: 100 },
  { path: "thresholds.C", kind: "number", zh: ["C级分数线"], en: ["C Line", "C Threshold"], min: 0, max: 100 },
  { path: "quotas.A", kind: "fraction", zh: ["A级比例"], en: ["A Share", "A Quota"], min: 0, max: 1 },
  { path: "quotas.B", kind: "fraction", zh: ["B级比例"], en: ["B Share", "B Quota"], min: 0, max: 1 },
  { path: "quotas.C", kind: "fraction", zh: ["C级比例"], en: ["C Share", "C Quota"], min: 0, max: 1 },
  { path: "maintainFrom", kind: "number", zh: ["维持关系分数线"], en: ["Maintain From"], min: 0, max: 100 },
  { path: "endBelow", kind: "number", zh: ["终止关系分数线"], en: ["End Below"], min: 0, max: 100 },
  { path: "minCoverage", kind: "fraction", zh: ["最低数据完整度"], en: ["Minimum Coverage"], min: 0, max: 1 },
  { path: "warningDays.A", kind: "integer", zh: ["预警天数A"], en: ["Warning Days A"], min: 1 },
  { path: "warningDays.B", kind: "integer", zh: ["预警天数B"], en: ["Warning Days B"], min: 1 },
  { path: "warningDays.C", kind: "integer", zh: ["预警天数C"], en: ["Warning Days C"], min: 1 },
  { path: "warningDays.D", kind: "integer", zh: ["预警天数D"], en: ["Warning Days D"], min: 1 },
  { path: "asOf", kind: "date", zh: ["评估日期"], en: ["As Of"] },
  { path: "outputLanguage", kind: "lang", zh: ["输出语言"], en: ["Output Language"] },
  ...PLAN_SETTING_DEFS,
];

/** Sheet names that identify the settings sheet. */
export const SETTINGS_SHEET_NAMES = ["设置", "参数设置", "Settings"];

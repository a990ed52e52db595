import type { SettingDef } from "./setting-def";

/** Settings the retention plan tabs use; each has a default and a key on the settings sheet. */
export interface PlanSettings {
  /** Contact frequency text by tier (A monthly visit, B bi-monthly call, C quarterly, D half-yearly). */
  frequencyDays: { A: number; B: number; C: number; D: number };
  /** Yearly maintenance budget by tier, in the workbook's currency. */
  budget: { A: number; B: number; C: number; D: number };
}

export const DEFAULT_PLAN_SETTINGS: PlanSettings = {
  frequencyDays: { A: 30, B: 60, C: 90, D: 180 },
  budget: { A: 5000, B: 2000, C: 800, D: 200 },
};

export const PLAN_SETTING_DEFS: SettingDef[] = [
  { path: "plan.frequencyDays.A", kind: "integer", zh: ["联系间隔天数A"], en: ["Contact Interval A"], min: 1 },
  { path: "plan.frequencyDays.B", kind: "integer", zh: ["联系间隔天数B"], en: ["Contact Interval B"], min: 1 },
  { path: "plan.frequencyDays.C", kind: "integer", zh: ["联系间隔天数C"], en: ["Contact Interval C"], min: 1 },
  { path: "plan.frequencyDays.D", kind: "integer", zh: ["联系间隔天数D"], en: ["Contact Interval D"], min: 1 },
  { path: "plan.budget.A", kind: "number", zh: ["费用预算A"], en: ["Budget A"], min: 0 },
  { path: "plan.budget.B", kind: "number", zh: ["费用预算B"], en: ["Budget B"], min: 0 },
  { path: "plan.budget.C", kind: "number", zh: ["费用预算C"], en: ["Budget C"], min: 0 },
  { path: "plan.budget.D", kind: "number", zh: ["费用预算D"], en: ["Budget D"], min: 0 },
];

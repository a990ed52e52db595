import type { SettingDef } from "./setting-def";
import { DEFAULT_SUPERVISOR_SETTINGS, SUPERVISOR_SETTING_DEFS, type SupervisorSettings } from "./supervisor-settings";

type ByTier<T> = { A: T; B: T; C: T; D: T };

/** Settings the retention plan tabs use; each has a default and a key on the settings sheet. */
export interface PlanSettings {
  /** Days between planned contacts by tier (A monthly, B bi-monthly, C quarterly, D half-yearly). */
  frequencyDays: ByTier<number>;
  /**
   * The usual contact method by tier, as typed on the settings sheet (拜访 / visit, 电话 / phone, 短信 / SMS …);
   * used where the register gives no 沟通方式. Kept as text because the settings reader stores text as typed.
   */
  frequencyChannel: ByTier<string>;
  /** Yearly maintenance budget by tier, in the workbook's currency. */
  budget: ByTier<number>;
  callbacks: {
    /** Purchase + this many days: the first call (explain, guide). */
    firstDays: number;
    /** Purchase + this many months (4–6): the second call. */
    secondMonths: number;
    /** Purchase + this many months (10–12): the third call; then yearly from there. */
    thirdMonths: number;
    /** A resolved complaint is followed up this many days after the last contact. */
    complaintFollowUpDays: number;
    /** Calls planned up to this many days before today are still listed (overdue when not done). */
    lookBackDays: number;
    /** Calls planned up to this many days after today are listed. */
    lookAheadDays: number;
    /** Satisfaction (0–100) below this selects a customer for a call (low satisfaction). */
    lowSatisfactionBelow: number;
    /** Share (0–1) of active customers drawn at random for a call each month. */
    randomShare: number;
    /** Seed of the random sample, so the same workbook and month give the same sample. */
    randomSeed: number;
    /** A transferred-out (转出) customer gets a follow-up call every this many months (转出回访间隔月数). */
    transferFollowUpMonths: number;
  };
  winback: {
    /** Win-back cost (currency) per point against value points: cost points = cost / this (default 100, so ¥20,000 = 200 points). */
    costPerPoint: number;
    /** Win-back value in points by potential (高 / 中 / 低). */
    potentialPoints: { high: number; medium: number; low: number };
  };
  /** The history keeps at most this many runs (this one included); older runs are dropped, with a note. */
  historyRuns: number;
  /** The supervisor's tabs, segments and complaint figures (supervisor-settings.ts). */
  supervisor: SupervisorSettings;
}

export const DEFAULT_PLAN_SETTINGS: PlanSettings = {
  frequencyDays: { A: 30, B: 60, C: 90, D: 180 },
  frequencyChannel: { A: "visit", B: "phone", C: "phone", D: "sms" },
  budget: { A: 5000, B: 2000, C: 800, D: 200 },
  callbacks: {
    firstDays: 7,
    secondMonths: 5,
    thirdMonths: 11,
    complaintFollowUpDays: 7,
    lookBackDays: 30,
    lookAheadDays: 90,
    lowSatisfactionBelow: 60,
    randomShare: 0.05,
    randomSeed: 20250630,
    transferFollowUpMonths: 6,
  },
  winback: {
    costPerPoint: 100,
    potentialPoints: { high: 100, medium: 60, low: 20 },
  },
  historyRuns: 24,
  supervisor: DEFAULT_SUPERVISOR_SETTINGS,
};

export const PLAN_SETTING_DEFS: SettingDef[] = [
  { path: "plan.frequencyDays.A", kind: "integer", zh: ["联系间隔天数A"], en: ["Contact Interval A"], min: 1 },
  { path: "plan.frequencyDays.B", kind: "integer", zh: ["联系间隔天数B"], en: ["Contact Interval B"], min: 1 },
  { path: "plan.frequencyDays.C", kind: "integer", zh: ["联系间隔天数C"], en: ["Contact Interval C"], min: 1 },
  { path: "plan.frequencyDays.D", kind: "integer", zh: ["联系间隔天数D"], en: ["Contact Interval D"], min: 1 },
  { path: "plan.frequencyChannel.A", kind: "text", zh: ["维护方式A"], en: ["Contact Method A"] },
  { path: "plan.frequencyChannel.B", kind: "text", zh: ["维护方式B"], en: ["Contact Method B"] },
  { path: "plan.frequencyChannel.C", kind: "text", zh: ["维护方式C"], en: ["Contact Method C"] },
  { path: "plan.frequencyChannel.D", kind: "text", zh: ["维护方式D"], en: ["Contact Method D"] },
  { path: "plan.budget.A", kind: "number", zh: ["费用预算A"], en: ["Budget A"], min: 0 },
  { path: "plan.budget.B", kind: "number", zh: ["费用预算B"], en: ["Budget B"], min: 0 },
  { path: "plan.budget.C", kind: "number", zh: ["费用预算C"], en: ["Budget C"], min: 0 },
  { path: "plan.budget.D", kind: "number", zh: ["费用预算D"], en: ["Budget D"], min: 0 },
  { path: "plan.callbacks.firstDays", kind: "integer", zh: ["首次回访天数"], en: ["First Callback Days"], min: 0, max: 60 },
  { path: "plan.callbacks.secondMonths", kind: "integer", zh: ["第二次回访月数"], en: ["Second Callback Months"], min: 4, max: 6 },
  { path: "plan.callbacks.thirdMonths", kind: "integer", zh: ["第三次回访月数"], en: ["Third Callback Months"], min: 10, max: 12 },
  { path: "plan.callbacks.complaintFollowUpDays", kind: "integer", zh: ["投诉解决后回访天数"], en: ["Complaint Follow-up Days"], min: 0, max: 365 },
  { path: "plan.callbacks.lookBackDays", kind: "integer", zh: ["回访回看天数"], en: ["Callback Look-back Days"], min: 0, max: 366 },
  { path: "plan.callbacks.lookAheadDays", kind: "integer", zh: ["回访展望天数"], en: ["Callback Look-ahead Days"], min: 0, max: 366 },
  { path: "plan.callbacks.lowSatisfactionBelow", kind: "number", zh: ["低满意度分数线"], en: ["Low Satisfaction Below"], min: 0, max: 100 },
  { path: "plan.callbacks.randomShare", kind: "fraction", zh: ["随机抽样比例"], en: ["Random Sample Share"], min: 0, max: 1 },
  { path: "plan.callbacks.randomSeed", kind: "integer", zh: ["随机抽样种子", "随机种子"], en: ["Random Seed"], min: 0 },
  { path: "plan.callbacks.transferFollowUpMonths", kind: "integer", zh: ["转出回访间隔月数"], en: ["Transfer Follow-up Months"], min: 1, max: 60 },
  { path: "plan.winback.costPerPoint", kind: "number", zh: ["挽回成本换算", "成本换算"], en: ["Win-back Cost per Point"], min: 0.000001 },
  { path: "plan.winback.potentialPoints.high", kind: "number", zh: ["挽回价值高"], en: ["Win-back Value High"], min: 0, max: 100 },
  { path: "plan.winback.potentialPoints.medium", kind: "number", zh: ["挽回价值中"], en: ["Win-back Value Medium"], min: 0, max: 100 },
  { path: "plan.winback.potentialPoints.low", kind: "number", zh: ["挽回价值低"], en: ["Win-back Value Low"], min: 0, max: 100 },
  { path: "plan.historyRuns", kind: "integer", zh: ["历史保留次数"], en: ["History Runs"], min: 1, max: 120 },
  ...SUPERVISOR_SETTING_DEFS,
];

/** How a setting's value cell is read. */
export type SettingKind = "number" | "fraction" | "integer" | "text" | "date" | "tierMode" | "lang";

/**
 * One key of the settings sheet (参数 / 值): its names in both languages, how its value is read and
 * its default. `path` is where the value lands in the Settings object ("thresholds.A").
 */
export interface SettingDef {
  path: string;
  kind: SettingKind;
  zh: string[];
  en: string[];
  /** Inclusive bounds after reading (fractions are 0–1). */
  min?: number;
  max?: number;
}

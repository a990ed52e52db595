import type { Lang } from "../i18n/lang";

/** 错误 error: the value or row is left out; 警告 warning: used with a fallback; 提示 note: for information. */
export type ProblemLevel = "error" | "warning" | "note";

/** Parameters a message template may use. */
export type ProblemParams = Record<string, string | number>;

/**
 * A problem found in the input or while planning. Data only: the text is rendered per language by
 * `renderProblem`, so a problem found once can be shown in Chinese and in English.
 */
export interface Problem {
  level: ProblemLevel;
  /** Message code, a key of the message catalogue. */
  code: string;
  sheet?: string;
  /** A1 address within `sheet`, e.g. "F12". */
  cell?: string;
  /** Customer key, where the problem belongs to one customer. */
  key?: string;
  params?: ProblemParams;
}

/** A message template in both languages. */
export interface MessageTemplate {
  zh: (p: ProblemParams) => string;
  en: (p: ProblemParams) => string;
}

export type MessageCatalogue = Record<string, MessageTemplate>;

/** Collects problems in the order found. */
export class ProblemLog {
  readonly items: Problem[] = [];
  add(p: Problem): void {
    this.items.push(p);
  }
  error(code: string, at: Omit<Problem, "level" | "code"> = {}): void {
    this.items.push({ level: "error", code, ...at });
  }
  warning(code: string, at: Omit<Problem, "level" | "code"> = {}): void {
    this.items.push({ level: "warning", code, ...at });
  }
  note(code: string, at: Omit<Problem, "level" | "code"> = {}): void {
    this.items.push({ level: "note", code, ...at });
  }
}

/** Level words as users read them. */
export const LEVEL_WORDS: Record<ProblemLevel, { zh: string; en: string }> = {
  error: { zh: "错误", en: "Error" },
  warning: { zh: "警告", en: "Warning" },
  note: { zh: "提示", en: "Note" },
};

/** Renders the level in a language. */
export function levelWord(level: ProblemLevel, lang: Lang): string {
  return lang === "zh-CN" ? LEVEL_WORDS[level].zh : LEVEL_WORDS[level].en;
}

/** The two first-class languages of the product. */
export type Lang = "zh-CN" | "en-US";

/** A text in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** Picks the text for a language. */
export function pick(text: Bilingual, lang: Lang): string {
  return lang === "zh-CN" ? text.zh : text.en;
}

/** Maps a free-form locale ("zh", "zh-TW", "en-GB", "ZH_cn") to one of ours; null when unknown. */
export function toLang(locale: string | undefined | null): Lang | null {
  if (!locale) return null;
  const l = locale.trim().toLowerCase().replace("_", "-");
  if (l.startsWith("zh") || l === "中文" || l === "简体中文" || l === "chinese") return "zh-CN";
  if (l.startsWith("en") || l === "英文" || l === "english") return "en-US";
  return null;
}

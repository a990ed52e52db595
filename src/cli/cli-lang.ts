import { toLang, type Lang } from "../core/i18n/lang";

/**
 * The language of messages printed before the workbook is read (bad arguments, unreadable files):
 * --lang, else the terminal's locale, else Chinese (the users' working language).
 */
export function messageLang(explicit: Lang | undefined, env: NodeJS.ProcessEnv): Lang {
  if (explicit) return explicit;
  for (const v of [env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    const l = toLang(v);
    if (l) return l;
  }
  return "zh-CN";
}

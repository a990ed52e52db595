import { toLang, type Lang } from "../core/i18n/lang";

/** The pane's language: Office's display language, else the browser's, else English. */
export function paneLanguage(): Lang {
  let office: string | undefined;
  try {
    office = typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
  } catch {
    office = undefined;
  }
  return toLang(office) ?? toLang(typeof navigator !== "undefined" ? navigator.language : undefined) ?? "en-US";
}

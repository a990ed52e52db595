import { toLang } from "../core/i18n/lang";
import { t } from "../taskpane/i18n";

/** The report dialog: title and text from the query string, set as text; OK tells the command to close it. */
function show(): void {
  const params = new URLSearchParams(window.location.search);
  const lang = toLang(params.get("lang")) ?? "en-US";
  document.documentElement.lang = lang;
  const title = document.getElementById("dialog-title");
  const text = document.getElementById("dialog-text");
  const ok = document.getElementById("dialog-ok");
  if (title) title.textContent = params.get("title") ?? "";
  if (text) text.textContent = params.get("text") ?? "";
  if (ok) {
    ok.textContent = t(lang, "ok");
    ok.addEventListener("click", () => {
      if (typeof Office !== "undefined" && Office.context?.ui?.messageParent) Office.context.ui.messageParent("close");
      else window.close();
    });
  }
}

if (typeof Office !== "undefined") void Office.onReady(show);
else document.addEventListener("DOMContentLoaded", show);

import type { Lang } from "../core/i18n/lang";
import type { HeaderMapEntry } from "../core/job/header-map";
import { REGISTER_FIELDS, type RegisterFieldId } from "../core/register/fields";
import { clear, el } from "./dom";
import { t } from "./i18n";

/**
 * Renders the header → field form for one sheet: each header of its header row with a select of the
 * register's fields (preselected from the matches known). `onApply` gets the sheet's matches.
 */
export function renderHeaderMap(
  host: HTMLElement, lang: Lang, sheet: string, headers: { header: string }[], known: HeaderMapEntry[], onApply: (maps: HeaderMapEntry[]) => void,
): void {
  clear(host);
  host.appendChild(el("h3", { text: t(lang, "mapHeading") }));
  host.appendChild(el("p", { className: "muted", text: t(lang, "mapIntro", { sheet }) }));
  const list = el("div", { className: "map-list" });
  const selects: { header: string; select: HTMLSelectElement }[] = [];
  headers.forEach((h, i) => {
    const select = el("select", { className: "map-select" });
    select.id = `map-${i}`;
    const none = el("option", { text: t(lang, "mapNone") });
    none.value = "";
    select.appendChild(none);
    for (const f of REGISTER_FIELDS) {
      const o = el("option", { text: lang === "zh-CN" ? f.zh[0] : f.en[0] });
      o.value = f.id;
      select.appendChild(o);
    }
    select.value = known.find((k) => k.sheet === sheet && k.header === h.header)?.field ?? "";
    const label = el("label", { text: h.header });
    label.htmlFor = select.id;
    list.appendChild(el("div", { className: "whatif-field" }, [label, select]));
    selects.push({ header: h.header, select });
  });
  host.appendChild(list);
  const apply = el("button", { className: "button secondary", type: "button", text: t(lang, "mapApply") });
  apply.id = "map-apply";
  apply.addEventListener("click", () =>
    onApply(selects.filter((s) => s.select.value !== "").map((s) => ({ sheet, header: s.header, field: s.select.value as RegisterFieldId }))),
  );
  host.appendChild(apply);
}

import type { Lang } from "../core/i18n/lang";
import { HEADER_FIELDS, type HeaderField, type HeaderFieldRole, type HeaderMapEntry } from "../core/job/header-map";
import type { SheetRole } from "../core/job/job-types";
import { clear, el } from "./dom";
import { t, type TextKey } from "./i18n";

const GROUP_TEXT: Record<HeaderFieldRole, TextKey> = { key: "mapGroupKey", register: "role_register", evaluation: "role_evaluation", model: "role_model" };

/** The groups of fields in the select: the customer key, then the sheet's own role (when known), then the others. */
function groupOrder(role: SheetRole | undefined): HeaderFieldRole[] {
  const rest: HeaderFieldRole[] = ["register", "evaluation", "model"];
  const first = rest.find((r) => r === role);
  return ["key", ...(first ? [first] : []), ...rest.filter((r) => r !== first)];
}

/**
 * Renders the header → field form for one sheet: each header of its header row with a select of the fields
 * of every role — the register's, the evaluation's (long or wide) and the model's, grouped, the sheet's own
 * role first when known — preselected from the matches known. `onApply` gets the sheet's matches.
 */
export function renderHeaderMap(
  host: HTMLElement, lang: Lang, sheet: string, headers: { header: string }[], known: HeaderMapEntry[], onApply: (maps: HeaderMapEntry[]) => void,
  role?: SheetRole,
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
    for (const g of groupOrder(role)) {
      const group = el("optgroup");
      group.label = t(lang, GROUP_TEXT[g]);
      for (const f of HEADER_FIELDS.filter((x) => x.role === g)) {
        const o = el("option", { text: lang === "zh-CN" ? f.zh : f.en });
        o.value = f.id;
        group.appendChild(o);
      }
      select.appendChild(group);
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
    onApply(selects.filter((s) => s.select.value !== "").map((s) => ({ sheet, header: s.header, field: s.select.value as HeaderField }))),
  );
  host.appendChild(apply);
}

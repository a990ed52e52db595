import type { FoundSheet, SheetRole } from "../core/job/job-types";
import type { Lang } from "../core/i18n/lang";
import { clear, el } from "./dom";
import { t, type TextKey } from "./i18n";

/** A role choice in the select: a role, "ignore", or "" for "not used / automatic". */
export type RoleChoice = SheetRole | "ignore" | "";

const ROLES: RoleChoice[] = ["register", "evaluation", "model", "settings", "ignore"];

/**
 * Renders the sheets found (and the workbook's other sheets, with the role the user chose for them, if any)
 * as a list: the name (wrapping between words), then a select to correct its role and how it was found.
 * `onChange` gets the sheet name and the chosen role.
 */
export function renderSheets(
  host: HTMLElement,
  lang: Lang,
  found: FoundSheet[],
  otherSheets: string[],
  onChange: (sheet: string, role: RoleChoice) => void,
  chosen: Record<string, RoleChoice> = {},
  onMatch?: (sheet: string) => void,
): void {
  clear(host);
  if (found.length === 0) host.appendChild(el("p", { className: "hint", text: t(lang, "noSheets") }));
  const list = el("ul", { className: "sheet-list" });
  const rows: { name: string; role: RoleChoice; by: string }[] = [
    ...found.map((f) => ({ name: f.name, role: (chosen[f.name] ?? f.role) as RoleChoice, by: t(lang, `by_${f.by}` as TextKey) })),
    ...otherSheets.filter((n) => !found.some((f) => f.name === n)).map((name) => ({ name, role: chosen[name] ?? "", by: "" })),
  ];
  for (const r of rows) {
    const select = el("select", { className: "role-select", title: `${t(lang, "roleColumn")}: ${r.name}` });
    select.appendChild(el("option", { text: "—" }));
    select.options[0].value = "";
    for (const role of ROLES) {
      const option = el("option", { text: t(lang, `role_${role}` as TextKey) });
      option.value = role;
      select.appendChild(option);
    }
    select.value = r.role;
    select.addEventListener("change", () => onChange(r.name, select.value as RoleChoice));
    list.appendChild(
      el("li", { className: "sheet-row" }, [
        el("span", { className: "sheet-name", text: r.name }),
        el("span", { className: "sheet-role" }, [select, el("span", { className: "muted", text: r.by })]),
        ...(onMatch && r.by !== t(lang, "by_name") && r.by !== t(lang, "by_headers") ? [matchLink(lang, r.name, onMatch)] : []),
      ]),
    );
  }
  host.appendChild(list);
}

/** "Match the headers" for a sheet the product did not recognise by itself. */
function matchLink(lang: Lang, sheet: string, onMatch: (sheet: string) => void): HTMLElement {
  const b = el("button", { className: "link map-link", type: "button", text: t(lang, "mapHeading") });
  b.addEventListener("click", () => onMatch(sheet));
  return b;
}

import type { FoundSheet, SheetRole } from "../core/job/job-types";
import type { Lang } from "../core/i18n/lang";
import { clear, el } from "./dom";
import { t, type TextKey } from "./i18n";

/** A role choice in the select: a role, "ignore", or "" for "not used / automatic". */
export type RoleChoice = SheetRole | "ignore" | "";

const ROLES: RoleChoice[] = ["register", "evaluation", "model", "settings", "ignore"];

/**
 * Renders the sheets found (and the workbook's other sheets, with the role the user chose for them, if any)
 * with a select to correct each role. `onChange` gets the sheet name and the chosen role.
 */
export function renderSheets(
  host: HTMLElement,
  lang: Lang,
  found: FoundSheet[],
  otherSheets: string[],
  onChange: (sheet: string, role: RoleChoice) => void,
  chosen: Record<string, RoleChoice> = {},
): void {
  clear(host);
  if (found.length === 0) host.appendChild(el("p", { className: "hint", text: t(lang, "noSheets") }));
  const table = el("table", { className: "sheets" });
  table.appendChild(
    el("thead", {}, [el("tr", {}, [el("th", { text: t(lang, "sheetColumn") }), el("th", { text: t(lang, "roleColumn") }), el("th", { text: t(lang, "foundByColumn") })])]),
  );
  const body = el("tbody");
  const rows: { name: string; role: RoleChoice; by: string }[] = [
    ...found.map((f) => ({ name: f.name, role: f.role as RoleChoice, by: t(lang, `by_${f.by}` as TextKey) })),
    ...otherSheets.filter((n) => !found.some((f) => f.name === n)).map((name) => ({ name, role: chosen[name] ?? "", by: "" })),
  ];
  for (const r of rows) {
    const select = el("select", { className: "role-select", title: r.name });
    select.appendChild(el("option", { text: "—" }));
    select.options[0].value = "";
    for (const role of ROLES) {
      const option = el("option", { text: t(lang, `role_${role}` as TextKey) });
      option.value = role;
      select.appendChild(option);
    }
    select.value = r.role;
    select.addEventListener("change", () => onChange(r.name, select.value as RoleChoice));
    body.appendChild(el("tr", {}, [el("td", { className: "sheet-name", text: r.name }), el("td", {}, [select]), el("td", { className: "muted", text: r.by })]));
  }
  table.appendChild(body);
  host.appendChild(table);
}

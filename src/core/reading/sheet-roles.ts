import { registerFieldMatcher } from "../recognition/alias-matcher";
import { findHeaderRow } from "../recognition/header-row";
import { normalizeHeader } from "../text/normalize-header";
import type { FoundSheet, SheetRole } from "../job/job-types";
import { REGISTER_SHEET_NAMES } from "../register/fields";
import { SETTINGS_SHEET_NAMES } from "../settings/settings";
import type { SheetGrid } from "../workbook/grid";
import { EVALUATION_SHEET_NAMES } from "./evaluation-headers";
import { detectLayout } from "./evaluation-reader";
import { MODEL_SHEET_NAMES, MODEL_COLUMNS } from "./model-reader";
import { aliasMatcher } from "../recognition/alias-matcher";

const NAMES: [SheetRole, Set<string>][] = [
  ["register", new Set(REGISTER_SHEET_NAMES.map(normalizeHeader))],
  ["evaluation", new Set(EVALUATION_SHEET_NAMES.map(normalizeHeader))],
  ["model", new Set(MODEL_SHEET_NAMES.map(normalizeHeader))],
  ["settings", new Set(SETTINGS_SHEET_NAMES.map(normalizeHeader))],
];

const modelMatcher = aliasMatcher(MODEL_COLUMNS);
const KEY_FIELDS = new Set(["id", "name"]);

/** How strongly a sheet's header row looks like a register: the number of register columns, 0 if only keys. */
function registerStrength(grid: SheetGrid): number {
  const h = findHeaderRow(grid, registerFieldMatcher);
  if (!h) return 0;
  const ids = [...h.columns.keys()];
  return ids.some((id) => !KEY_FIELDS.has(id)) ? ids.length : 0;
}

/**
 * Recognises the input sheets: by name first, then by their header rows. User corrections win.
 * `skip` lists sheets that are no input (our own output tabs).
 */
export function recognizeSheets(
  sheets: SheetGrid[], skip: Set<string>, corrections: Record<string, SheetRole | "ignore"> = {},
): FoundSheet[] {
  const found: FoundSheet[] = [];
  const rest: SheetGrid[] = [];
  for (const g of sheets) {
    if (skip.has(g.name)) continue;
    const corrected = corrections[g.name];
    if (corrected === "ignore") continue;
    if (corrected) {
      found.push({ name: g.name, role: corrected, by: "user" });
      continue;
    }
    const n = normalizeHeader(g.name);
    const byName = NAMES.find(([, names]) => names.has(n));
    if (byName) found.push({ name: g.name, role: byName[0], by: "name" });
    else rest.push(g);
  }
  const has = (role: SheetRole) => found.some((f) => f.role === role);
  let bestRegister: { g: SheetGrid; strength: number } | null = null;
  for (const g of rest) {
    const layout = detectLayout(g);
    if (layout === "long" || layout === "form") {
      found.push({ name: g.name, role: "evaluation", by: "headers", layout });
      continue;
    }
    const m = findHeaderRow(g, modelMatcher);
    if (m && m.columns.has("indicator") && m.columns.has("weight") && !has("model")) {
      found.push({ name: g.name, role: "model", by: "headers" });
      continue;
    }
    const strength = registerStrength(g);
    if (strength >= 2 && (!bestRegister || strength > bestRegister.strength)) bestRegister = { g, strength };
  }
  if (bestRegister && !has("register")) found.push({ name: bestRegister.g.name, role: "register", by: "headers" });
  if (!has("evaluation")) {
    for (const g of rest) {
      if (g === bestRegister?.g || found.some((f) => f.name === g.name)) continue;
      if (detectLayout(g) === "wide") found.push({ name: g.name, role: "evaluation", by: "headers", layout: "wide" });
    }
  }
  const order = new Map(sheets.map((s, i) => [s.name, i]));
  return found.sort((a, b) => order.get(a.name)! - order.get(b.name)!);
}

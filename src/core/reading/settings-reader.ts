import { toLang } from "../i18n/lang";
import { normalizeHeader } from "../text/normalize-header";
import { isBlankRow } from "../recognition/row-kinds";
import type { ProblemLog } from "../problems/problem";
import { defaultSettings, SETTING_DEFS, settingsSchema, type Settings } from "../settings/settings";
import type { SettingDef } from "../settings/setting-def";
import { readDate } from "../values/date-cell";
import { readNumber } from "../values/number-cell";
import { a1, formatAt, kindAt, rawAt, type SheetGrid } from "../workbook/grid";
import { cellDisplay, cellText } from "./cell-text";

const HEADER_WORDS = new Set(["参数", "设置", "设置项", "值", "参数值", "setting", "settings", "value", "key"]);

const byName = new Map<string, SettingDef>();
for (const d of SETTING_DEFS) for (const n of [...d.zh, ...d.en]) byName.set(normalizeHeader(n), d);

/** Reads a value by the setting's kind; undefined when it is not valid. */
function readValue(def: SettingDef, grid: SheetGrid, r: number, c: number): unknown {
  const raw = rawAt(grid, r, c);
  const kind = kindAt(grid, r, c);
  const format = formatAt(grid, r, c);
  const text = cellText(grid, r, c);
  switch (def.kind) {
    case "tierMode": {
      const t = normalizeHeader(text);
      if (["分数线", "阈值", "thresholds", "threshold"].includes(t)) return "thresholds";
      if (["比例", "配额", "quotas", "quota"].includes(t)) return "quotas";
      return undefined;
    }
    case "lang":
      return toLang(text) ?? undefined;
    case "text":
      return text || undefined;
    case "date": {
      const d = readDate(raw, kind, format);
      return d.ok ? d.value : undefined;
    }
    default: {
      const n = readNumber(raw, kind, format);
      if (!n.ok) return undefined;
      // A fraction may be typed 20%, 0.2 or 20: values above 1 are read as percent points.
      const value = def.kind === "fraction" ? (n.percent ? n.value : n.value > 1 ? n.value / 100 : n.value) : n.value;
      if (def.kind === "integer" && !Number.isInteger(value)) return undefined;
      if (def.min !== undefined && value < def.min) return undefined;
      if (def.max !== undefined && value > def.max) return undefined;
      return value;
    }
  }
}

function getPath(obj: Record<string, unknown>, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  let o = obj;
  for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
  o[keys[keys.length - 1]] = value;
}

/** Reads the two-column settings sheet over the defaults; unknown keys and bad values are warnings. */
export function readSettings(grid: SheetGrid | undefined, log: ProblemLog): Settings {
  const settings = defaultSettings();
  if (!grid) return settings;
  const target = settings as unknown as Record<string, unknown>;
  for (let r = 0; r < grid.values.length; r++) {
    if (isBlankRow(grid, r)) continue;
    const row = grid.values[r] ?? [];
    const keyCol = row.findIndex((_, c) => cellText(grid, r, c) !== "");
    if (keyCol < 0) continue;
    const keyText = cellText(grid, r, keyCol);
    const key = normalizeHeader(keyText);
    if (HEADER_WORDS.has(key)) continue;
    const def = byName.get(key);
    if (!def) {
      log.warning("settings.unknownKey", { sheet: grid.name, cell: a1(grid, r, keyCol), params: { text: keyText } });
      continue;
    }
    const valueCol = keyCol + 1;
    if (kindAt(grid, r, valueCol) === "empty") continue;
    const value = readValue(def, grid, r, valueCol);
    if (value === undefined) {
      const d = getPath(target, def.path);
      log.warning("settings.badValue", {
        sheet: grid.name, cell: a1(grid, r, valueCol),
        params: { setting: keyText, text: cellDisplay(grid, r, valueCol), default: d === undefined ? "—" : String(d) },
      });
      continue;
    }
    setPath(target, def.path, value);
  }
  // Each value was checked on its own; the schema holds the whole object to the same rules.
  return settingsSchema.parse(settings);
}

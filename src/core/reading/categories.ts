import type { FieldKind } from "../register/fields";
import { normalizeHeader } from "../text/normalize-header";
import {
  readChannel, readChurnCause, readOperatingStatus, readPotential, readStatus, readYesNo,
} from "../values/choice-cell";

/**
 * The canonical category of a text for a register field's kind, so that a map written `高:100` matches
 * a register cell 高 / High, and `是:100` matches 已使用. Free text compares by its normalised form.
 */
export function canonicalCategory(kind: FieldKind | undefined, text: string): string {
  switch (kind) {
    case "yesno": {
      const b = readYesNo(text);
      return b === undefined ? normalizeHeader(text) : b ? "yes" : "no";
    }
    case "potential":
      return readPotential(text) ?? normalizeHeader(text);
    case "operatingStatus":
      return readOperatingStatus(text) ?? normalizeHeader(text);
    case "channel":
      return readChannel(text) ?? normalizeHeader(text);
    case "status":
      return readStatus(text) ?? normalizeHeader(text);
    case "churnCause":
      return readChurnCause(text) ?? normalizeHeader(text);
    default:
      return normalizeHeader(text);
  }
}

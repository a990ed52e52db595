import { EDITABLE_HEADER_STYLE, HEADER_STYLE, PALETTE } from "../core/output-tabs/colours";
import type { StyleRole } from "../core/output-tabs/write-plan";
import { escapeXml } from "./xml-text";

// Excel's built-in number formats: using their ids avoids duplicating them as custom formats.
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "@": 49,
};

/** The header of an editable column (or a user's) has its own look. */
export type LookRole = StyleRole | "header" | "editableHeader";

/** What a cell looks like: a number format, and either a header style, a role's colours, or neither; wrapped or not. */
export interface CellLook {
  numberFormat: string;
  role?: LookRole;
  /** Long text: wrap within the column, aligned to the top. */
  wrap?: boolean;
}

/** Collects the cell looks a workbook uses and writes them as styles.xml (one xf per distinct look). */
export class StyleSheet {
  private readonly formats = new Map<string, number>();
  private readonly xfs = new Map<string, number>();
  private readonly xfList: { numFmt: number; role?: LookRole; wrap?: boolean }[] = [{ numFmt: 0 }];
  private readonly roles: LookRole[] = [];
  private readonly dxfRoles: StyleRole[] = [];

  private formatId(code: string): number {
    const builtin = BUILTIN_FORMATS[code || "General"];
    if (builtin !== undefined) return builtin;
    let id = this.formats.get(code);
    if (id === undefined) {
      id = 164 + this.formats.size;
      this.formats.set(code, id);
    }
    return id;
  }

  /** The cellXfs index of a look, adding it when new. */
  xf(look: CellLook): number {
    const key = `${look.numberFormat}\u0000${look.role ?? ""}\u0000${look.wrap ? 1 : 0}`;
    let i = this.xfs.get(key);
    if (i === undefined) {
      i = this.xfList.length;
      this.xfs.set(key, i);
      this.xfList.push({ numFmt: this.formatId(look.numberFormat), role: look.role, wrap: look.wrap });
      if (look.role && !this.roles.includes(look.role)) this.roles.push(look.role);
    }
    return i;
  }

  /** The dxfs index of a role's colours, for conditional formats (adding it when new). */
  dxf(role: StyleRole): number {
    let i = this.dxfRoles.indexOf(role);
    if (i < 0) i = this.dxfRoles.push(role) - 1;
    return i;
  }

  private colours(role: LookRole): { fill: string; font: string } {
    return role === "header" ? HEADER_STYLE : role === "editableHeader" ? EDITABLE_HEADER_STYLE : PALETTE[role];
  }

  /** The styles.xml part. */
  xml(): string {
    const numFmts = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    // fonts/fills: 0 = default, then one per role in first-use order (fills 0 and 1 are reserved by Excel).
    const fonts = [`<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`];
    const fills = [`<fill><patternFill patternType="none"/></fill>`, `<fill><patternFill patternType="gray125"/></fill>`];
    const roleFont = new Map<string, number>();
    const roleFill = new Map<string, number>();
    for (const role of this.roles) {
      const c = this.colours(role);
      roleFont.set(role, fonts.length);
      fonts.push(`<font>${role === "header" || role === "editableHeader" ? "<b/>" : ""}<sz val="11"/><color rgb="FF${c.font}"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`);
      roleFill.set(role, fills.length);
      fills.push(`<fill><patternFill patternType="solid"><fgColor rgb="FF${c.fill}"/><bgColor indexed="64"/></patternFill></fill>`);
    }
    const xfs = this.xfList.map((x) => {
      const font = x.role ? roleFont.get(x.role) ?? 0 : 0;
      const fill = x.role ? roleFill.get(x.role) ?? 0 : 0;
      const apply = `${x.numFmt ? ' applyNumberFormat="1"' : ""}${font ? ' applyFont="1"' : ""}${fill ? ' applyFill="1"' : ""}${x.wrap ? ' applyAlignment="1"' : ""}`;
      const body = x.wrap ? `><alignment wrapText="1"/></xf>` : "/>";
      return `<xf numFmtId="${x.numFmt}" fontId="${font}" fillId="${fill}" borderId="0" xfId="0"${apply}${body}`;
    });
    // Conditional formats' looks: the role's font and fill (a dxf fill's colour is its bgColor).
    const dxfs = this.dxfRoles.map((role) => {
      const c = PALETTE[role];
      return `<dxf><font><color rgb="FF${c.font}"/></font><fill><patternFill patternType="solid"><fgColor rgb="FF${c.fill}"/><bgColor rgb="FF${c.fill}"/></patternFill></fill></dxf>`;
    });
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
      (numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.join("")}</numFmts>` : "") +
      `<fonts count="${fonts.length}">${fonts.join("")}</fonts>` +
      `<fills count="${fills.length}">${fills.join("")}</fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
      `<dxfs count="${dxfs.length}">${dxfs.join("")}</dxfs>`+
      `<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>` +
      `</styleSheet>`
    );
  }
}

import { PRINT_SETUP, type TabPlan } from "../core/output-tabs/write-plan";
import { choiceWarning } from "../core/output-tabs/working-tool";
import type { Lang } from "../core/i18n/lang";
import type { StyleSheet } from "./style-sheet";
import { cellText, colName, escapeXml } from "./xml-text";

/**
 * The parts of a worksheet that make an output tab a working tool: conditional formats, data validations
 * (drop-downs that warn, never block, and say what to type), page setup and footer, header comments.
 */

/** Excel's limit on a data validation's prompt and error text. */
const MAX_PROMPT = 255;

function clip(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + "…" : s;
}

/** Whole-column ranges of data rows: C2:C221 (at least one row). */
function dataRange(col: number, cols: number, lastRow: number): string {
  return `${colName(col + 1)}2:${colName(col + cols)}${Math.max(lastRow, 2)}`;
}

/** <conditionalFormatting> elements, one per rule (a few per tab). */
export function conditionalFormattingXml(tab: TabPlan<string>, styles: StyleSheet, lastRow: number): string {
  let priority = 1;
  return (tab.conditional ?? [])
    .filter((r) => r.cols > 0)
    .map(
      (r) =>
        `<conditionalFormatting sqref="${dataRange(r.col, r.cols, lastRow)}"><cfRule type="expression" dxfId="${styles.dxf(r.role)}" priority="${priority++}">` +
        `<formula>${escapeXml(r.formula)}</formula></cfRule></conditionalFormatting>`,
    )
    .join("");
}

/** <dataValidations>: a drop-down (warning style) where a column has choices, an input prompt where it has a note. */
export function dataValidationsXml(tab: TabPlan<string>, lang: Lang, lastRow: number): string {
  const warn = tab.choiceWarning ?? choiceWarning(lang);
  const items: string[] = [];
  tab.columns.forEach((c, i) => {
    if (!c.choices && !c.note) return;
    const prompt = c.note ? ` showInputMessage="1" promptTitle="${escapeXml(clip(cellText(c.header), 32))}" prompt="${escapeXml(clip(cellText(c.note), MAX_PROMPT))}"` : "";
    const sqref = dataRange(i, 1, lastRow);
    if (c.choices) {
      const list = c.choices.map((v) => v.replace(/"/g, '""')).join(",");
      items.push(
        `<dataValidation type="list" errorStyle="warning" allowBlank="1" showErrorMessage="1" errorTitle="${escapeXml(warn.title)}" error="${escapeXml(clip(warn.message, MAX_PROMPT))}"${prompt} sqref="${sqref}">` +
          `<formula1>${escapeXml(`"${list}"`)}</formula1></dataValidation>`,
      );
    } else {
      items.push(`<dataValidation allowBlank="1"${prompt} sqref="${sqref}"/>`);
    }
  });
  return items.length ? `<dataValidations count="${items.length}">${items.join("")}</dataValidations>` : "";
}

/** <pageSetup> and <headerFooter>: landscape A4, one page wide, the tab name and page in the footer. */
export function pageSetupXml(): string {
  return (
    `<pageSetup paperSize="9" orientation="${PRINT_SETUP.orientation}" fitToWidth="${PRINT_SETUP.fitToWidth}" fitToHeight="${PRINT_SETUP.fitToHeight}"/>` +
    `<headerFooter><oddFooter>${escapeXml(`&C${PRINT_SETUP.footer}`)}</oddFooter></headerFooter>`
  );
}

/** True when a tab has header comments to write. */
export function hasComments(tab: TabPlan<string>): boolean {
  return tab.columns.some((c) => c.note);
}

/** xl/commentsN.xml: a comment on each editable column's header saying what to type. */
export function commentsXml(tab: TabPlan<string>): string {
  const list = tab.columns
    .map((c, i) =>
      c.note
        ? `<comment ref="${colName(i + 1)}1" authorId="0"><text><r><t xml:space="preserve">${escapeXml(cellText(c.note))}</t></r></text></comment>`
        : "",
    )
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Customer Tiers</author></authors>` +
    `<commentList>${list}</commentList></comments>`
  );
}

/** xl/drawings/vmlDrawingN.vml: the (hidden until hovered) note boxes Excel needs for comments. */
export function commentsVml(tab: TabPlan<string>, n: number): string {
  let shape = n * 1024;
  const shapes = tab.columns
    .map((c, i) => {
      if (!c.note) return "";
      shape++;
      return (
        `<v:shape id="_x0000_s${shape}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:220pt;height:70pt;z-index:${shape};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
        `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
        `<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>` +
        `<x:Anchor>${i + 1}, 15, 0, 2, ${i + 4}, 15, 4, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>0</x:Row><x:Column>${i}</x:Column></x:ClientData></v:shape>`
      );
    })
    .join("");
  return (
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${n}"/></o:shapelayout>` +
    `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>` +
    shapes +
    `</xml>`
  );
}

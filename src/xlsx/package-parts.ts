import { escapeXml } from "./xml-text";

/** One worksheet of the package and the parts hanging off it. */
export interface SheetPart {
  name: string;
  state: "visible" | "veryHidden";
  /** 1-based table part number, when the sheet has a table. */
  table?: number;
  /** 1-based drawing/chart part number, when the sheet has a chart. */
  chart?: number;
  /** 1-based comments (and VML drawing) part number, when the sheet has header comments. */
  comments?: number;
  /** The sheet's header row repeats on every printed page. */
  printTitles?: boolean;
  /** Part numbers of the sheet's further charts (in the same drawing), numbered after every first chart. */
  extraCharts?: number[];
}

const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

/** [Content_Types].xml for the given sheets. */
export function contentTypesXml(sheets: SheetPart[]): string {
  const o = (part: string, type: string): string => `<Override PartName="${part}" ContentType="${type}"/>`;
  const ml = "application/vnd.openxmlformats-officedocument.spreadsheetml";
  let x = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    o("/xl/workbook.xml", `${ml}.sheet.main+xml`) +
    o("/xl/styles.xml", `${ml}.styles+xml`) +
    o("/xl/sharedStrings.xml", `${ml}.sharedStrings+xml`) +
    o("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml") +
    o("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml") +
    o("/xl/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml");
  if (sheets.some((s) => s.comments)) x += `<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>`;
  sheets.forEach((s, i) => {
    x += o(`/xl/worksheets/sheet${i + 1}.xml`, `${ml}.worksheet+xml`);
    if (s.table) x += o(`/xl/tables/table${s.table}.xml`, `${ml}.table+xml`);
    if (s.chart) {
      x += o(`/xl/drawings/drawing${s.chart}.xml`, "application/vnd.openxmlformats-officedocument.drawing+xml");
      x += o(`/xl/charts/chart${s.chart}.xml`, "application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
    }
    if (s.comments) x += o(`/xl/comments${s.comments}.xml`, `${ml}.comments+xml`);
    for (const n of s.extraCharts ?? []) x += o(`/xl/charts/chart${n}.xml`, "application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
  });
  return x + `</Types>`;
}

/** _rels/.rels: the package's entry points. */
export function rootRelsXml(): string {
  return `${XML_HEAD}<Relationships xmlns="${PKG_REL}">` +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
    `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
    `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>` +
    `</Relationships>`;
}

/** docProps/app.xml and core.xml: who made the file and when. */
export function docPropsXml(createdIso: string): { app: string; core: string } {
  return {
    app: `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>customer-tiers</Application></Properties>`,
    core: `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:creator>customer-tiers</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${escapeXml(createdIso)}</dcterms:created></cp:coreProperties>`,
  };
}

/** xl/workbook.xml: the sheet list (rIdN ↔ sheetN). */
export function workbookXml(sheets: SheetPart[], activeTab?: number): string {
  const active = activeTab ?? Math.max(0, sheets.findIndex((s) => s.state === "visible"));
  return `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">` +
    `<bookViews><workbookView activeTab="${active}"/></bookViews><sheets>` +
    sheets
      .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state === "visible" ? "" : ` state="${s.state}"`} r:id="rId${i + 1}"/>`)
      .join("") +
    `</sheets>` +
    definedNames(sheets) +
    `</workbook>`;
}

/** Print titles (the header row on every page) as the workbook's defined names. */
function definedNames(sheets: SheetPart[]): string {
  const names = sheets
    .map((s, i) => (s.printTitles ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">'${escapeXml(s.name.replace(/'/g, "''"))}'!$1:$1</definedName>` : ""))
    .join("");
  return names ? `<definedNames>${names}</definedNames>` : "";
}

/** xl/_rels/workbook.xml.rels: sheets, then styles and shared strings. */
export function workbookRelsXml(sheets: SheetPart[]): string {
  const n = sheets.length;
  return `${XML_HEAD}<Relationships xmlns="${PKG_REL}">` +
    sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
    `<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
    `<Relationship Id="rId${n + 3}" Type="${REL}/theme" Target="theme/theme1.xml"/>` +
    `</Relationships>`;
}

/** xl/worksheets/_rels/sheetN.xml.rels for a sheet's table and drawing (null when it has neither). */
export function sheetRelsXml(s: SheetPart): string | null {
  if (!s.table && !s.chart && !s.comments) return null;
  return `${XML_HEAD}<Relationships xmlns="${PKG_REL}">` +
    (s.table ? `<Relationship Id="rId1" Type="${REL}/table" Target="../tables/table${s.table}.xml"/>` : "") +
    (s.chart ? `<Relationship Id="rId2" Type="${REL}/drawing" Target="../drawings/drawing${s.chart}.xml"/>` : "") +
    (s.comments
      ? `<Relationship Id="rId3" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing${s.comments}.vml"/>` +
        `<Relationship Id="rId4" Type="${REL}/comments" Target="../comments${s.comments}.xml"/>`
      : "") +
    `</Relationships>`;
}

import { CHART_COLOURS } from "../core/plan/colours";
import type { ChartPlan, TabPlan } from "../core/plan/write-plan";
import { cellText, colName, escapeXml } from "./xml-text";

const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
const C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A range of one column of the tab as a chart formula: 'Sheet'!$A$2:$A$6. */
function rangeRef(sheet: string, col: number, firstRow: number, rows: number): string {
  const c = colName(col + 1);
  return `'${sheet.replace(/'/g, "''")}'!$${c}$${firstRow + 2}:$${c}$${firstRow + rows + 1}`;
}

/**
 * The chart part for a tab's ChartPlan: a column or pie chart over the tab's own cells, with cached
 * points so it shows before any recalculation (LibreOffice and Excel both draw from the cache first).
 */
export function chartXml(tab: TabPlan<string>, chart: ChartPlan): string {
  const rows = Math.max(0, Math.min(chart.rows, tab.rows.length - chart.firstRow));
  const labels: string[] = [];
  const values: number[] = [];
  for (let i = 0; i < rows; i++) {
    const row = tab.rows[chart.firstRow + i] ?? [];
    labels.push(cellText(String(row[chart.labelCol] ?? "")));
    const v = row[chart.valueCol];
    values.push(typeof v === "number" && Number.isFinite(v) ? v : 0);
  }
  const strCache = `<c:strCache><c:ptCount val="${rows}"/>${labels.map((l, i) => `<c:pt idx="${i}"><c:v>${escapeXml(l)}</c:v></c:pt>`).join("")}</c:strCache>`;
  const numCache = `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${rows}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join("")}</c:numCache>`;
  const pie = chart.kind === "pie";
  const fill = (rgb: string): string => `<c:spPr><a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill></c:spPr>`;
  // Explicit colours everywhere: LibreOffice and WPS draw an empty frame for a series left to the theme.
  const points = (chart.pointRoles ?? [])
    .slice(0, rows)
    .map((role, i) => {
      const rgb = CHART_COLOURS[role];
      return rgb ? `<c:dPt><c:idx val="${i}"/>${pie ? "" : `<c:invertIfNegative val="0"/>`}<c:bubble3D val="0"/>${fill(rgb)}</c:dPt>` : "";
    })
    .join("");
  const dataLabels = chart.dataLabels
    ? `<c:dLbls><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`
    : "";
  const ser =
    `<c:ser><c:idx val="0"/><c:order val="0"/>` +
    `<c:tx><c:v>${escapeXml(cellText(chart.title))}</c:v></c:tx>` +
    fill("4472C4") +
    (pie ? "" : `<c:invertIfNegative val="0"/>`) +
    points +
    dataLabels +
    `<c:cat><c:strRef><c:f>${escapeXml(rangeRef(tab.name, chart.labelCol, chart.firstRow, rows))}</c:f>${strCache}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeXml(rangeRef(tab.name, chart.valueCol, chart.firstRow, rows))}</c:f>${numCache}</c:numRef></c:val>` +
    `</c:ser>`;
  const plot =
    chart.kind === "pie"
      ? `<c:pieChart><c:varyColors val="1"/>${ser}<c:firstSliceAng val="0"/></c:pieChart>`
      : `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${ser}<c:gapWidth val="150"/><c:axId val="50010"/><c:axId val="50020"/></c:barChart>` +
        `<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
        `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return (
    `${XML_HEAD}<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeXml(cellText(chart.title))}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}</c:plotArea>` +
    (chart.kind === "pie" ? `<c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend>` : "") +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** The drawing part that places the chart right of the tab's table (columns after the last one). */
export function drawingXml(tab: TabPlan<string>): string {
  const fromCol = tab.columns.length + 1;
  const anchor = (col: number, row: number): string =>
    `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `${XML_HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="${A_NS}">` +
    `<xdr:twoCellAnchor><xdr:from>${anchor(fromCol, 1)}</xdr:from><xdr:to>${anchor(fromCol + 8, 19)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${C_NS}"><c:chart xmlns:c="${C_NS}" xmlns:r="${R_NS}" r:id="rId1"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

/** xl/drawings/_rels/drawingN.xml.rels pointing at chartN. */
export function drawingRelsXml(n: number): string {
  return `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${R_NS}/chart" Target="../charts/chart${n}.xml"/></Relationships>`;
}

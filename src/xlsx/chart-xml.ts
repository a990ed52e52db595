import { CHART_COLOURS, PALETTE } from "../core/output-tabs/colours";
import type { ChartPlan, TabPlan } from "../core/output-tabs/write-plan";
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

const fill = (rgb: string): string => `<c:spPr><a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill></c:spPr>`;

/**
 * One series of a chart: its name and row range with the cached labels and values. Explicit colours
 * everywhere — LibreOffice and WPS draw an empty frame for a series left to the theme: a line series gets
 * its role's colour, a bar or pie series one colour per point (tier colours) and data labels when planned.
 */
function seriesXml(tab: TabPlan<string>, chart: ChartPlan, index: number, name: string, firstRow: number, rows: number, colour?: string): string {
  const labels: string[] = [];
  const values: number[] = [];
  for (let i = 0; i < rows; i++) {
    const row = tab.rows[firstRow + i] ?? [];
    const v = row[chart.valueCol];
    labels.push(cellText(String(row[chart.labelCol] ?? "")));
    values.push(typeof v === "number" && Number.isFinite(v) ? v : 0);
  }
  const strCache = `<c:strCache><c:ptCount val="${rows}"/>${labels.map((l, i) => `<c:pt idx="${i}"><c:v>${escapeXml(l)}</c:v></c:pt>`).join("")}</c:strCache>`;
  const numCache = `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${rows}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join("")}</c:numCache>`;
  const pie = chart.kind === "pie";
  let look: string;
  if (chart.kind === "line") {
    const rgb = colour ?? "4472C4";
    look =
      `<c:spPr><a:ln w="28575"><a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill></a:ln></c:spPr>` +
      `<c:marker><c:symbol val="circle"/><c:size val="5"/>${fill(rgb)}</c:marker>`;
  } else {
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
    look = fill(colour ?? "4472C4") + (pie ? "" : `<c:invertIfNegative val="0"/>`) + points + dataLabels;
  }
  return (
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>` +
    `<c:tx><c:v>${escapeXml(cellText(name))}</c:v></c:tx>${look}` +
    `<c:cat><c:strRef><c:f>${escapeXml(rangeRef(tab.name, chart.labelCol, firstRow, rows))}</c:f>${strCache}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeXml(rangeRef(tab.name, chart.valueCol, firstRow, rows))}</c:f>${numCache}</c:numRef></c:val>` +
    (chart.kind === "line" ? `<c:smooth val="0"/>` : "") +
    `</c:ser>`
  );
}

/**
 * The chart part for a tab's ChartPlan: a column, pie or line chart over the tab's own cells, with cached
 * points so it shows before any recalculation (LibreOffice and Excel both draw from the cache first).
 * A plan with several series (the tier trend) gets one line per series, coloured by its role, and a legend.
 */
export function chartXml(tab: TabPlan<string>, chart: ChartPlan): string {
  const rows = Math.max(0, Math.min(chart.rows, tab.rows.length - chart.firstRow));
  const list = chart.series ?? [{ name: chart.title, firstRow: chart.firstRow }];
  const sers = list
    .map((x, i) => {
      const n = Math.max(0, Math.min(rows, tab.rows.length - x.firstRow));
      const colour = "role" in x && x.role ? CHART_COLOURS[x.role] ?? PALETTE[x.role].font : undefined;
      return seriesXml(tab, chart, i, x.name, x.firstRow, n, colour);
    })
    .join("");
  const axes =
    `<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  const plot =
    chart.kind === "pie"
      ? `<c:pieChart><c:varyColors val="1"/>${sers}<c:firstSliceAng val="0"/></c:pieChart>`
      : chart.kind === "line"
        ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${sers}<c:marker val="1"/><c:axId val="50010"/><c:axId val="50020"/></c:lineChart>${axes}`
        : `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${sers}<c:gapWidth val="150"/><c:axId val="50010"/><c:axId val="50020"/></c:barChart>${axes}`;
  const legend = chart.kind === "pie" ? "r" : chart.series ? "b" : null;
  return (
    `${XML_HEAD}<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeXml(cellText(chart.title))}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}</c:plotArea>` +
    (legend ? `<c:legend><c:legendPos val="${legend}"/><c:overlay val="0"/></c:legend>` : "") +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** The drawing part that places the tab's charts (`count`, default 1) side by side right of its table. */
export function drawingXml(tab: TabPlan<string>, count = 1): string {
  const fromCol = tab.columns.length + 1;
  const anchor = (col: number, row: number): string =>
    `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  let frames = "";
  for (let k = 0; k < count; k++) {
    const col = fromCol + 9 * k;
    frames +=
      `<xdr:twoCellAnchor><xdr:from>${anchor(col, 1)}</xdr:from><xdr:to>${anchor(col + 8, 19)}</xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${k + 2}" name="Chart ${k + 1}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${C_NS}"><c:chart xmlns:c="${C_NS}" xmlns:r="${R_NS}" r:id="rId${k + 1}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`;
  }
  return `${XML_HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="${A_NS}">${frames}</xdr:wsDr>`;
}

/** xl/drawings/_rels/drawingN.xml.rels pointing at chartN (rId1) and the further charts (rId2 …). */
export function drawingRelsXml(n: number, extras: number[] = []): string {
  return `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    [n, ...extras].map((c, k) => `<Relationship Id="rId${k + 1}" Type="${R_NS}/chart" Target="../charts/chart${c}.xml"/>`).join("") +
    `</Relationships>`;
}

/**
 * The part of the Excel JavaScript API that makes output tabs a working tool (drop-downs, conditional
 * colours, wrapping, page layout, header comments, chart colours), as structural interfaces on top of
 * excel-subset.ts. excel-conformance-tool.ts proves the real API satisfies them; the test fake implements them.
 * Requirement sets: conditional formats ExcelApi 1.6, data validation 1.8, page layout 1.9 (the manifest's
 * minimum), comments 1.10 (guarded by isSetSupported), the rest 1.1–1.2.
 */
import type { XlChart, XlChartSeries, XlChartSeriesCollection, XlRange, XlRangeFormat, XlWorksheet } from "./excel-subset";

export interface XlListValidation {
  inCellDropDown: boolean;
  source: string | XlRange;
}

export interface XlDataValidationRule {
  list?: XlListValidation;
}

export interface XlDataValidationErrorAlert {
  message: string;
  showAlert: boolean;
  style: "Stop" | "Warning" | "Information";
  title: string;
}

export interface XlDataValidationPrompt {
  message: string;
  showPrompt: boolean;
  title: string;
}

export interface XlDataValidation {
  rule: XlDataValidationRule;
  errorAlert: XlDataValidationErrorAlert;
  prompt: XlDataValidationPrompt;
  ignoreBlanks: boolean;
  clear(): void;
}

export interface XlConditionalRangeFill {
  color: string;
}

export interface XlConditionalRangeFont {
  color: string;
}

export interface XlConditionalRangeFormat {
  readonly fill: XlConditionalRangeFill;
  readonly font: XlConditionalRangeFont;
}

export interface XlConditionalFormatRule {
  formula: string;
}

export interface XlCustomConditionalFormat {
  readonly rule: XlConditionalFormatRule;
  readonly format: XlConditionalRangeFormat;
}

export interface XlConditionalFormat {
  readonly custom: XlCustomConditionalFormat;
}

export interface XlConditionalFormatCollection {
  add(type: "Custom"): XlConditionalFormat;
  clearAll(): void;
}

/** Range.format with wrapping and row autofit. */
export interface XlToolRangeFormat extends XlRangeFormat {
  wrapText: boolean;
  autofitRows(): void;
}

export interface XlToolRange extends XlRange {
  readonly dataValidation: XlDataValidation;
  readonly conditionalFormats: XlConditionalFormatCollection;
  readonly format: XlToolRangeFormat;
}

export interface XlHeaderFooter {
  centerFooter: string;
}

export interface XlHeaderFooterGroup {
  readonly defaultForAllPages: XlHeaderFooter;
}

export interface XlPageLayoutZoomOptions {
  horizontalFitToPages?: number;
  verticalFitToPages?: number;
  scale?: number;
}

export interface XlPageLayout {
  orientation: "Portrait" | "Landscape";
  /** Excel.PaperType as a string ("A4"). */
  paperSize: string;
  zoom: XlPageLayoutZoomOptions;
  readonly headersFooters: XlHeaderFooterGroup;
  setPrintTitleRows(printTitleRows: XlRange | string): void;
}

export interface XlComment {
  content: string;
  delete(): void;
}

export interface XlCommentCollection {
  readonly items: XlComment[];
  load(propertyNames?: string | string[]): XlCommentCollection;
  add(cellAddress: XlRange | string, content: string): XlComment;
}

export interface XlToolWorksheet extends XlWorksheet {
  readonly pageLayout: XlPageLayout;
  readonly comments: XlCommentCollection;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XlToolRange;
}

export interface XlChartFill {
  setSolidColor(color: string): void;
}

export interface XlChartPoint {
  readonly format: { readonly fill: XlChartFill };
}

export interface XlChartPointsCollection {
  getItemAt(index: number): XlChartPoint;
}

export interface XlChartDataLabels {
  showValue: boolean;
}

/** A chart with colours per point and data labels. */
export interface XlToolChart extends XlChart {
  readonly dataLabels: XlChartDataLabels;
  readonly series: Omit<XlChartSeriesCollection, "getItemAt"> & { getItemAt(index: number): XlChartSeries & { readonly points: XlChartPointsCollection } };
}

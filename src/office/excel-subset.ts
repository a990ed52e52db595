/**
 * The part of the Excel JavaScript API the adapter uses, as structural interfaces. The real API is
 * checked to satisfy them at compile time (excel-conformance.ts); the test fake implements them.
 */

/** Excel.RangeValueType as strings. */
export type XlValueType = "Unknown" | "Empty" | "String" | "Integer" | "Double" | "Boolean" | "Error" | "RichValue";

/** A cell value as Office.js hands it over. */
export type XlCellValue = string | number | boolean;

/** Excel.SheetVisibility as strings. */
export type XlVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface XlRangeFill {
  color: string;
}

export interface XlRangeFont {
  color: string;
  bold: boolean;
}

export interface XlRangeFormat {
  readonly fill: XlRangeFill;
  readonly font: XlRangeFont;
  /** Width of every column of the range, in points. */
  columnWidth: number;
}

export interface XlRange {
  readonly isNullObject: boolean;
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  values: XlCellValue[][];
  readonly valueTypes: XlValueType[][];
  /** A 2-D array of the range's shape, or (documented) a single format applied to every cell. */
  numberFormat: string[][] | string;
  readonly format: XlRangeFormat;
  load(propertyNames?: string | string[]): XlRange;
  getEntireColumn(): XlRange;
  select(): void;
  /** Clears values and formats, or only "Contents" / "Formats" (ExcelApi 1.1). */
  clear(applyTo?: "All" | "Formats" | "Contents"): void;
  /** Inserts cells of this range's size; cells below shift down, a table covering the columns grows (ExcelApi 1.1). */
  insert(shift: "Down"): XlRange;
  /** Deletes the cells; cells below shift up, a table covering the columns shrinks (ExcelApi 1.1). */
  delete(shift: "Up"): void;
  /**
   * Copies another range's values ("Values"), formats or both here, inside Excel (ExcelApi 1.9). The source
   * is given by its sheet-qualified address ('Sheet'!A1:C9).
   */
  copyFrom(sourceRange: string, copyType?: "All" | "Values" | "Formats"): void;
}

/** Rectangles of one sheet set as one (ExcelApi 1.9): a fill and a font colour on all of them in one command each. */
export interface XlRangeAreas {
  readonly format: { readonly fill: XlRangeFill; readonly font: XlRangeFont };
}

/** A table's range, as far as the adapter reads it. */
export interface XlTableRange {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  load(propertyNames?: string[]): XlTableRange;
}

export interface XlTable {
  name: string;
  /** The table's range, header included. */
  getRange(): XlTableRange;
  delete(): void;
  /** Turns the table into plain cells, keeping their contents (ExcelApi 1.2). */
  convertToRange(): void;
}

export interface XlTableCollection {
  readonly items: XlTable[];
  load(propertyNames?: string | string[]): XlTableCollection;
  add(address: XlRange | string, hasHeaders: boolean): XlTable;
  getItem(key: string): XlTable;
}

export interface XlChartTitle {
  text: string;
}

export interface XlChartSeries {
  name: string;
  setXAxisValues(sourceData: XlRange): void;
  /** ExcelApi 1.7. */
  setValues(sourceData: XlRange): void;
}

export interface XlChartSeriesCollection {
  getItemAt(index: number): XlChartSeries;
  /** ExcelApi 1.7: a further series (the tier trend's lines). */
  add(name?: string, index?: number): XlChartSeries;
}

export interface XlChart {
  name: string;
  readonly title: XlChartTitle;
  delete(): void;
  readonly series: XlChartSeriesCollection;
  setPosition(startCell: XlRange | string, endCell?: XlRange | string): void;
}

export interface XlChartCollection {
  readonly items: XlChart[];
  load(propertyNames?: string | string[]): XlChartCollection;
  getItem(name: string): XlChart;
  add(type: "ColumnClustered" | "Pie" | "Line", sourceData: XlRange, seriesBy?: "Auto" | "Columns" | "Rows"): XlChart;
}

export interface XlFreezePanes {
  freezeRows(count?: number): void;
}

export interface XlWorksheet {
  readonly isNullObject: boolean;
  name: string;
  visibility: XlVisibility;
  readonly tables: XlTableCollection;
  readonly charts: XlChartCollection;
  readonly freezePanes: XlFreezePanes;
  load(propertyNames?: string | string[]): XlWorksheet;
  getRange(address?: string): XlRange;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XlRange;
  /** Rectangles by their comma-separated A1 addresses ("A2:Q5,C9") (ExcelApi 1.9). */
  getRanges(address: string): XlRangeAreas;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  activate(): void;
  delete(): void;
}

export interface XlWorksheetCollection {
  readonly items: XlWorksheet[];
  load(propertyNames?: string | string[]): XlWorksheetCollection;
  add(name?: string): XlWorksheet;
  getItem(key: string): XlWorksheet;
  getItemOrNullObject(key: string): XlWorksheet;
  getActiveWorksheet(): XlWorksheet;
}

export interface XlApplication {
  suspendApiCalculationUntilNextSync(): void;
  suspendScreenUpdatingUntilNextSync(): void;
}

/** Workbook structure protection (ExcelApi 1.7). */
export interface XlWorkbookProtection {
  readonly protected: boolean;
  load(propertyNames?: string | string[]): XlWorkbookProtection;
}

export interface XlWorkbook {
  readonly protection: XlWorkbookProtection;
  readonly worksheets: XlWorksheetCollection;
  /** The selected range (the pane's "why this customer" reads the roster row selected). */
  getSelectedRange(): XlRange;
  readonly tables: XlTableCollection;
  readonly application: XlApplication;
  readonly functions: XlFunctions;
}

/** The result of a worksheet function called through the API (ExcelApi 1.2): its value, or the error it gave. */
export interface XlFunctionResult<T> {
  readonly value: T;
  readonly error: string;
  load(propertyNames?: string | string[]): XlFunctionResult<T>;
}

/** Worksheet functions called through the API (ExcelApi 1.2). */
export interface XlFunctions {
  /** COUNTA: the cells that are not empty (a formula giving "" and a text of no characters count; an empty cell does not). */
  countA(...values: XlRange[]): XlFunctionResult<number>;
}

/** Excel.RequestContext as far as the adapter uses it. */
export interface XlContext {
  readonly workbook: XlWorkbook;
  sync(): Promise<unknown>;
}

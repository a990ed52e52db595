import type { XlChart, XlChartCollection, XlChartSeries, XlChartSeriesCollection, XlChartTitle } from "../../../src/office/excel-subset";
import type { FakeRequestContext } from "./context";
import { fail } from "./errors";
import type { FakeRange } from "./range";
import type { ChartState, SheetState } from "./workbook-state";

const TYPES = ["ColumnClustered", "Pie", "Line"];

/** Excel.Chart over the fake: title, x-axis values of the first series, position. */
class FakeChart implements XlChart {
  readonly title: XlChartTitle;
  readonly series: XlChartSeriesCollection;

  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly chart: () => ChartState,
  ) {
    const self = this;
    this.title = {
      get text(): string {
        return fail("PropertyNotLoaded", "The property 'text' is not available.");
      },
      set text(v: string) {
        self.ctx.enqueue({ op: "setChartTitle", args: v, run: () => void (self.chart().title = v) });
      },
    };
    // Series 0 is the chart's own source; further ones are added (ExcelApi 1.7) and recorded in `more`.
    const seriesAt = (i: number): XlChartSeries => ({
      get name(): string {
        return fail("PropertyNotLoaded", "The property 'name' is not available.");
      },
      set name(v: string) {
        self.ctx.enqueue({ op: "setSeriesName", args: v, run: () => void (i === 0 ? (self.chart().seriesName = v) : (self.more(i).name = v)) });
      },
      setXAxisValues: (r: FakeRange) =>
        this.ctx.enqueue({ op: "setXAxisValues", args: null, run: () => void (i === 0 ? (this.chart().xValues = r.target().rect) : (this.more(i).xValues = r.target().rect)) }),
      setValues: (r: FakeRange) =>
        this.ctx.enqueue({
          op: "setSeriesValues", args: null,
          run: () => {
            if (i === 0) fail("InvalidArgument", "The fake sets the first series' values from the chart's source.");
            this.more(i).values = r.target().rect;
          },
        }),
    });
    let added = 0;
    this.series = {
      getItemAt: (i: number) => {
        if (i !== 0) fail("InvalidArgument", "The fake only gets the first series; add the others.");
        return seriesAt(0);
      },
      add: (name?: string) => {
        const i = ++added;
        this.ctx.enqueue({ op: "addSeries", args: name ?? null, run: () => void (this.chart().more ??= []).push({ name: name ?? "" }) });
        return seriesAt(i);
      },
    };
  }

  private more(i: number): NonNullable<ChartState["more"]>[number] {
    return this.chart().more?.[i - 1] ?? fail("ItemNotFound", "The series was not added.");
  }

  /** Places the chart. */
  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    const name = (c: FakeRange | string | undefined): string => (typeof c === "string" ? c : c ? "<range>" : "");
    this.ctx.enqueue({ op: "setChartPosition", args: [name(startCell), name(endCell)], run: () => void (this.chart().position = name(startCell)) });
  }
}

/** Worksheet.charts over the fake. */
export class FakeChartCollection implements XlChartCollection {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly sheet: () => SheetState,
  ) {}

  /** Adds a chart over a source range on this sheet. */
  add(type: "ColumnClustered" | "Pie" | "Line", sourceData: FakeRange, seriesBy?: "Auto" | "Columns" | "Rows"): FakeChart {
    let created: ChartState | null = null;
    this.ctx.enqueue({
      op: "addChart",
      args: [type, seriesBy ?? "Auto"],
      run: () => {
        if (!TYPES.includes(type)) fail("InvalidArgument", `Chart type ${type} is not modelled.`);
        const src = sourceData.target();
        if (src.sheet !== this.sheet()) fail("InvalidArgument", "The fake only charts data on the same sheet.");
        created = { type, source: src.rect, title: "" };
        this.sheet().charts.push(created);
      },
    });
    return new FakeChart(this.ctx, () => created ?? fail("ItemNotFound", "The chart was not created."));
  }
}

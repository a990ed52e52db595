import type { XlChartCollection, XlChartSeries, XlChartTitle } from "../../../src/office/excel-subset";
import { parseLoad } from "./client-object";
import type { XlChartDataLabels, XlChartPointsCollection, XlToolChart } from "../../../src/office/excel-subset-tool";
import { chartTool } from "./working-tool";
import type { FakeRequestContext } from "./context";
import { fail } from "./errors";
import type { FakeRange } from "./range";
import type { ChartState, SheetState } from "./workbook-state";

const TYPES = ["ColumnClustered", "Pie", "Line"];

/** Excel.Chart over the fake: name, title, x-axis values of the first series, position, point colours, labels. */
class FakeChart implements XlToolChart {
  readonly title: XlChartTitle;
  readonly series: XlToolChart["series"];
  readonly dataLabels: XlChartDataLabels;

  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly chart: () => ChartState,
    private readonly loadedName: string | null = null,
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
    const points: XlChartPointsCollection = {
      getItemAt: (i: number) => ({
        format: {
          fill: {
            setSolidColor: (color: string) =>
              this.ctx.enqueue({ op: "point.setSolidColor", args: [i, color], run: () => void (chartTool(this.chart()).pointColours[i] = color) }),
          },
        },
      }),
    };
    this.dataLabels = {
      get showValue(): boolean {
        return fail("PropertyNotLoaded", "The property 'showValue' is not available.");
      },
      set showValue(v: boolean) {
        self.ctx.enqueue({ op: "dataLabels.showValue", args: v, run: () => void (chartTool(self.chart()).showValue = v) });
      },
    };
    // Series 0 is the chart's own source; further ones are added (ExcelApi 1.7) and recorded in `more`.
    const seriesAt = (i: number): XlChartSeries & { readonly points: XlChartPointsCollection } => ({
      points,
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

  get name(): string {
    return this.loadedName ?? fail("PropertyNotLoaded", "The property 'name' is not available.");
  }
  set name(v: string) {
    this.ctx.enqueue({ op: "setChartName", args: v, run: () => void (this.chart().name = v) });
  }

  /** Deletes the chart. */
  delete(): void {
    this.ctx.enqueue({
      op: "deleteChart",
      args: null,
      run: () => {
        const c = this.chart();
        for (const s of this.ctx.host.state.sheets) s.charts = s.charts.filter((x) => x !== c);
      },
    });
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

  private loaded: FakeChart[] | null = null;

  /** The loaded charts (name only). */
  get items(): FakeChart[] {
    if (!this.loaded) fail("PropertyNotLoaded", "The property 'items' is not available.");
    return this.loaded;
  }

  /** Queues a load of the charts' names. */
  load(propertyNames?: string | string[]): FakeChartCollection {
    const props = parseLoad(propertyNames).map((p) => p.replace(/^items\//, ""));
    for (const p of props) if (p !== "name" && p !== "items") fail("InvalidArgument", `Cannot load unknown property '${p}'.`);
    this.ctx.enqueue({
      op: "loadCharts",
      args: props,
      run: () => {
        const charts = [...this.sheet().charts];
        const names = charts.map((c) => c.name ?? "");
        return { data: names, publish: () => void (this.loaded = charts.map((c, i) => new FakeChart(this.ctx, () => c, names[i]))) };
      },
    });
    return this;
  }

  /** The chart of that name on this sheet; ItemNotFound at sync when missing. */
  getItem(name: string): FakeChart {
    const find = (): ChartState => this.sheet().charts.find((c) => (c.name ?? "").toLowerCase() === name.toLowerCase()) ?? fail("ItemNotFound", `No chart ${name}.`);
    this.ctx.enqueue({ op: "getChart", args: name, run: () => void find() });
    let bound: ChartState | null = null;
    return new FakeChart(this.ctx, () => (bound ??= find()));
  }
}

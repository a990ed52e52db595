import type {
  XlComment,
  XlCommentCollection,
  XlConditionalFormat,
  XlConditionalFormatCollection,
  XlDataValidation,
  XlDataValidationErrorAlert,
  XlDataValidationPrompt,
  XlDataValidationRule,
  XlHeaderFooter,
  XlPageLayout,
  XlPageLayoutZoomOptions,
} from "../../../src/office/excel-subset-tool";
import { parseA1 } from "../../../src/core/workbook/grid";
import { checkRect, type Rect } from "./address";
import type { FakeRequestContext } from "./context";
import { fail } from "./errors";
import type { FakeRange } from "./range";
import type { SheetState } from "./workbook-state";

/** A data validation as set on a rectangle. */
export interface ValidationState extends Rect {
  rule?: XlDataValidationRule;
  errorAlert?: XlDataValidationErrorAlert;
  prompt?: XlDataValidationPrompt;
  ignoreBlanks?: boolean;
}

/** A custom conditional format on a rectangle. */
export interface ConditionalState extends Rect {
  formula?: string;
  fill?: string;
  font?: string;
}

/** Page setup as set through worksheet.pageLayout. */
export interface PageState {
  orientation?: string;
  paperSize?: string;
  zoom?: XlPageLayoutZoomOptions;
  titleRows?: string;
  centerFooter?: string;
}

/** What the working-tool APIs left on one sheet. */
export interface ToolState {
  validations: ValidationState[];
  conditional: ConditionalState[];
  wrap: Rect[];
  autofitRows: Rect[];
  page: PageState;
  comments: { row: number; col: number; content: string }[];
}

const states = new WeakMap<SheetState, ToolState>();

/** True when rectangle a lies within b. */
function inside(a: Rect, b: Rect): boolean {
  return a.row >= b.row && a.col >= b.col && a.row + a.rows <= b.row + b.rows && a.col + a.cols <= b.col + b.cols;
}

/** The working-tool state of a sheet (created empty on first use). */
export function toolState(sheet: SheetState): ToolState {
  let s = states.get(sheet);
  if (!s) states.set(sheet, (s = { validations: [], conditional: [], wrap: [], autofitRows: [], page: {}, comments: [] }));
  return s;
}

function notLoaded(name: string): never {
  return fail("PropertyNotLoaded", `The property '${name}' is not available.`);
}

/** Range.dataValidation over the fake: each property set replaces that part of the range's validation. */
export class FakeDataValidation implements XlDataValidation {
  constructor(private readonly range: FakeRange) {}

  private set<K extends keyof ValidationState>(key: K, value: ValidationState[K]): void {
    this.range.command(`dataValidation.${String(key)}`, value, () => {
      const { sheet, rect } = this.range.target();
      checkRect(rect);
      const list = toolState(sheet).validations;
      let v = list.find((x) => x.row === rect.row && x.col === rect.col && x.rows === rect.rows && x.cols === rect.cols);
      if (!v) list.push((v = { ...rect }));
      if (key === "rule") {
        const rule = value as XlDataValidationRule;
        if (rule.list && typeof rule.list.source === "string" && rule.list.source.length > 255) fail("InvalidArgument", "A list source is limited to 255 characters.");
      }
      v[key] = value;
    });
  }

  /** Removes the validations inside the range. */
  clear(): void {
    this.range.command("dataValidation.clear", null, () => {
      const { sheet, rect } = this.range.target();
      const st = toolState(sheet);
      st.validations = st.validations.filter((v) => !inside(v, rect));
    });
  }

  get rule(): XlDataValidationRule {
    return notLoaded("rule");
  }
  set rule(v: XlDataValidationRule) {
    this.set("rule", v);
  }
  get errorAlert(): XlDataValidationErrorAlert {
    return notLoaded("errorAlert");
  }
  set errorAlert(v: XlDataValidationErrorAlert) {
    this.set("errorAlert", v);
  }
  get prompt(): XlDataValidationPrompt {
    return notLoaded("prompt");
  }
  set prompt(v: XlDataValidationPrompt) {
    this.set("prompt", v);
  }
  get ignoreBlanks(): boolean {
    return notLoaded("ignoreBlanks");
  }
  set ignoreBlanks(v: boolean) {
    this.set("ignoreBlanks", v);
  }
}

/** Range.conditionalFormats over the fake: custom (formula) rules only. */
export class FakeConditionalFormats implements XlConditionalFormatCollection {
  constructor(private readonly range: FakeRange) {}

  /** Removes the conditional formats inside the range. */
  clearAll(): void {
    this.range.command("conditionalFormats.clearAll", null, () => {
      const { sheet, rect } = this.range.target();
      const st = toolState(sheet);
      st.conditional = st.conditional.filter((c) => !inside(c, rect));
    });
  }

  /** Adds a custom conditional format over the range. */
  add(type: "Custom"): XlConditionalFormat {
    let created: ConditionalState | null = null;
    const cf = (): ConditionalState => created ?? fail("ItemNotFound", "The conditional format was not created.");
    const range = this.range;
    range.command("conditionalFormats.add", type, () => {
      if (type !== "Custom") fail("InvalidArgument", `Conditional format ${String(type)} is not modelled.`);
      const { sheet, rect } = range.target();
      checkRect(rect);
      created = { ...rect };
      toolState(sheet).conditional.push(created);
    });
    const prop = (name: keyof ConditionalState) => ({
      get color(): string {
        return notLoaded("color");
      },
      set color(v: string) {
        range.command(`conditionalFormat.${name}`, v, () => void Object.assign(cf(), { [name]: v }));
      },
    });
    return {
      custom: {
        rule: {
          get formula(): string {
            return notLoaded("formula");
          },
          set formula(v: string) {
            range.command("conditionalFormat.formula", v, () => {
              if (!v.startsWith("=")) fail("InvalidArgument", "A conditional format formula starts with '='.");
              cf().formula = v;
            });
          },
        },
        format: { fill: prop("fill"), font: prop("font") },
      },
    };
  }
}

/** Range.format.wrapText = v over the fake. */
export function setWrap(range: FakeRange, v: boolean): void {
  range.command("format.wrapText", v, () => {
    const { sheet, rect } = range.target();
    if (v) toolState(sheet).wrap.push({ ...rect });
  });
}

/** Range.format.autofitRows() over the fake. */
export function autofitRows(range: FakeRange): void {
  range.command("format.autofitRows", null, () => {
    const { sheet, rect } = range.target();
    toolState(sheet).autofitRows.push({ ...rect });
  });
}

/** Worksheet.pageLayout over the fake. */
export class FakePageLayout implements XlPageLayout {
  readonly headersFooters: { readonly defaultForAllPages: XlHeaderFooter };

  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly sheet: () => SheetState,
  ) {
    const self = this;
    this.headersFooters = {
      defaultForAllPages: {
        get centerFooter(): string {
          return notLoaded("centerFooter");
        },
        set centerFooter(v: string) {
          self.set("centerFooter", v);
        },
      },
    };
  }

  private set<K extends keyof PageState>(key: K, value: PageState[K]): void {
    this.ctx.enqueue({ op: `pageLayout.${key}`, args: value, run: () => void (toolState(this.sheet()).page[key] = value) });
  }

  get orientation(): "Portrait" | "Landscape" {
    return notLoaded("orientation");
  }
  set orientation(v: "Portrait" | "Landscape") {
    this.set("orientation", v);
  }
  get paperSize(): string {
    return notLoaded("paperSize");
  }
  set paperSize(v: string) {
    this.set("paperSize", v);
  }
  get zoom(): XlPageLayoutZoomOptions {
    return notLoaded("zoom");
  }
  set zoom(v: XlPageLayoutZoomOptions) {
    this.set("zoom", v);
  }
  /** Rows repeated at the top of each printed page ("$1:$1"). */
  setPrintTitleRows(rows: FakeRange | string): void {
    if (typeof rows !== "string") fail("InvalidArgument", "The fake takes print title rows as an address.");
    this.set("titleRows", rows);
  }
}

/** Worksheet.comments over the fake (ExcelApi 1.10). */
export class FakeComments implements XlCommentCollection {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly sheet: () => SheetState,
  ) {}

  /** Adds a comment on one cell (an A1 address on this sheet). */
  add(cellAddress: FakeRange | string, content: string): XlComment {
    this.ctx.enqueue({
      op: "comments.add",
      args: [typeof cellAddress === "string" ? cellAddress : "<range>", content],
      run: () => {
        if (typeof cellAddress !== "string") fail("InvalidArgument", "The fake takes comment cells as addresses.");
        const at = parseA1(cellAddress);
        if (!at) fail("InvalidArgument", `Bad cell address ${cellAddress}.`);
        const list = toolState(this.sheet()).comments;
        if (list.some((c) => c.row === at.row && c.col === at.col)) fail("InvalidOperation", "The cell already has a comment.");
        list.push({ ...at, content });
      },
    });
    return { content, delete: () => fail("InvalidOperation", "The fake deletes loaded comments only.") };
  }

  private loaded: XlComment[] | null = null;

  /** The loaded comments. */
  get items(): XlComment[] {
    if (!this.loaded) fail("PropertyNotLoaded", "The property 'items' is not available.");
    return this.loaded;
  }

  /** Queues a load of the sheet's comments (their content); each loaded one can be deleted. */
  load(propertyNames?: string | string[]): FakeComments {
    const props = (typeof propertyNames === "string" ? propertyNames.split(",") : propertyNames ?? []).map((p) => p.trim().replace(/^items\//, ""));
    for (const p of props) if (p !== "content" && p !== "items") fail("InvalidArgument", `Cannot load unknown property '${p}'.`);
    this.ctx.enqueue({
      op: "loadComments",
      args: props,
      run: () => {
        const list = toolState(this.sheet()).comments;
        const found = [...list];
        return {
          data: found.map((c) => c.content),
          publish: () =>
            void (this.loaded = found.map((c) => ({
              content: c.content,
              delete: () =>
                this.ctx.enqueue({
                  op: "comment.delete",
                  args: c.content,
                  run: () => {
                    const all = toolState(this.sheet()).comments;
                    const i = all.indexOf(c);
                    if (i < 0) fail("ItemNotFound", "The comment is gone.");
                    all.splice(i, 1);
                  },
                }),
            }))),
        };
      },
    });
    return this;
  }
}

/** Colours and labels set on a chart (per point, by index). */
export interface ChartToolState {
  pointColours: string[];
  showValue?: boolean;
}

const charts = new WeakMap<object, ChartToolState>();

/** The working-tool state of a chart (created empty on first use). */
export function chartTool(chart: object): ChartToolState {
  let s = charts.get(chart);
  if (!s) charts.set(chart, (s = { pointColours: [] }));
  return s;
}

/**
 * End to end, in headless Chromium: the built pane (production build, webpack's Node API) with the real
 * office.js outside Office, and on a fake Excel host with a sample workbook.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { buildAddin, buildFakeHost, E2E_DIST, E2E_PUBLIC_URL } from "./build-addin";
import { officeJsFile, serveFolder } from "./static-server";
import { readWorkbookFile } from "../../src/xlsx/read-workbook";

const CHROMIUM = "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
// Screenshots go to a temp folder; `npm run screenshots` points SCREENSHOT_DIR at docs/screenshots on purpose.
const SHOTS = process.env.SCREENSHOT_DIR ? path.resolve(process.env.SCREENSHOT_DIR) : path.join(os.tmpdir(), `ct-e2e-shots-${process.pid}`);
const SCREENSHOT = path.join(SHOTS, "taskpane.png");
const ROSTER_SHOT = path.join(SHOTS, "roster-on-fake.png");

type RenderedCell = { value: string; fill?: string; font?: string; bold: boolean };

interface FakeExcelInspector {
  editCellFor(syncs: number): void;
  render(name: string, maxRows: number): RenderedCell[][];
  actions(): string[];
  invoke(name: string): void;
  completed(): number;
  dialogs(): { url: string; closed: boolean }[];
  answerDialog(message: string): void;
  sheetNames(): string[];
  visibility(name: string): string;
  cell(name: string, row: number, col: number): { value: unknown; formula?: string };
  column(name: string, col: number): unknown[];
  tables(): { name: string; sheet: string }[];
  selection(): { sheet: string; row: number; col: number } | null;
}

let server: { origin: string; close: () => Promise<void> };
let context: BrowserContext;
let userDataDir: string;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  await buildAddin();
  await buildFakeHost();
  server = await serveFolder(E2E_DIST);
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-chromium-"));
  fs.mkdirSync(SHOTS, { recursive: true });
  context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 400, height: 900 } });
}, 300_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  fs.rmSync(E2E_DIST, { recursive: true, force: true });
});

/** A page whose requests stay local: our server, office.js from `officeJs`, everything else refused. */
async function localPage(officeJs: (url: string) => string | null): Promise<{ page: Page; errors: string[]; blocked: string[]; csp: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  const blocked: string[] = [];
  const csp: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error" && m.text().includes("Content Security Policy")) csp.push(m.text());
  });
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(server.origin)) return route.continue();
    const file = officeJs(url);
    if (file) return route.fulfill({ path: file, contentType: "text/javascript; charset=utf-8" });
    blocked.push(url);
    return route.abort();
  });
  return { page, errors, blocked, csp };
}

test("the production build carries the production URL in its manifest, which still validates", () => {
  const manifest = fs.readFileSync(path.join(E2E_DIST, "manifest.xml"), "utf8");
  expect(manifest).not.toContain("localhost");
  expect(manifest).toContain(`<SourceLocation DefaultValue="${E2E_PUBLIC_URL}taskpane.html"/>`);
  expect(manifest).toContain(`<AppDomain>${E2E_PUBLIC_URL.slice(0, -1)}</AppDomain>`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const v = require("../../scripts/validate-manifest.js") as { checkManifest: (xml: string) => string[]; schemaCheck: (file: string) => [boolean, string] };
  expect(v.checkManifest(manifest)).toEqual([]);
  expect(v.schemaCheck(path.join(E2E_DIST, "manifest.xml"))[0]).toBe(true);
  for (const f of ["taskpane.html", "taskpane.js", "job-worker.js", "taskpane.css", "commands.html", "commands.js", "dialog.html", "dialog.js", "assets/icon-16.png", "assets/icon-80.png"]) {
    expect([f, fs.existsSync(path.join(E2E_DIST, f))]).toEqual([f, true]);
  }
});

test("the built pane with the real office.js, opened outside Office, says to open it in Excel", async () => {
  const { page, errors, csp: violations } = await localPage(officeJsFile);
  await page.goto(`${server.origin}/taskpane.html`);
  await page.locator("#outside").waitFor({ state: "visible", timeout: 30_000 });
  await page.waitForTimeout(500);
  // The only thing the policy refuses is Office.js's telemetry frame.
  expect(violations.every((v) => v.startsWith("Framing 'https://telemetryservice."))).toBe(true);
  expect(await page.locator("#outside-title").textContent()).toBe("Open this in Excel");
  expect(await page.locator("#setup").isHidden()).toBe(true);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com");
  const html = fs.readFileSync(path.join(E2E_DIST, "taskpane.html"), "utf8");
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=(?:"([^"]+)"|([^\s>]+))/g)].map((m) => m[1] ?? m[2]);
  // The ES2020 probe and the ES5 check (issue 13) come first: they show a message where the bundles cannot run.
  expect(scripts).toEqual(["es2020-probe.js", "es5-check.js", OFFICE_JS, "taskpane.js"]);
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  expect(errors).toEqual([]);
  await page.close();
}, 60_000);

test("on a fake Excel host the pane runs the job, writes the tabs and selects a problem's cell", async () => {
  const fakeOffice = path.join(E2E_DIST, "fake-office.js");
  const { page, errors, blocked } = await localPage((url) => (url.startsWith(OFFICE_JS) ? fakeOffice : null));
  const workers: string[] = [];
  page.on("worker", (w) => workers.push(w.url()));
  await page.goto(`${server.origin}/taskpane.html?lang=zh-CN`);
  await page.locator("#setup").waitFor({ state: "visible", timeout: 30_000 });
  await page.locator(".sheet-name", { hasText: "客户状况登记表" }).waitFor({ timeout: 30_000 });
  expect(await page.title()).toBe("客户分级维护助手");
  expect(await page.locator(".stat-value").first().textContent()).toBe("8");

  await page.locator("#run").click();
  await page.locator("#result").waitFor({ state: "visible", timeout: 60_000 });
  const names = await page.evaluate(() => (window as unknown as { __fakeExcel: FakeExcelInspector }).__fakeExcel.sheetNames());
  expect(names[0]).toBe("客户状况登记表");
  expect(names).toEqual(expect.arrayContaining(["客户分级名册", "客户维护方案", "数据问题", "_CustomerTiersMeta"]));
  const state = await page.evaluate(() => {
    const x = (window as unknown as { __fakeExcel: FakeExcelInspector }).__fakeExcel;
    const nameCol = x.column("客户分级名册", 2);
    const row = nameCol.indexOf('=HYPERLINK("http://x")');
    return { meta: x.visibility("_CustomerTiersMeta"), row, cell: row >= 0 ? x.cell("客户分级名册", row, 2) : null, tables: x.tables().map((t) => t.sheet) };
  });
  expect(state.meta).toBe("VeryHidden");
  expect(state.row).toBeGreaterThan(0);
  expect(state.cell?.formula).toBeUndefined();
  expect(state.tables).toEqual(expect.arrayContaining(["客户分级名册", "数据问题"]));
  expect(Number(await page.locator(".chip-value").first().textContent())).toBeGreaterThanOrEqual(0);

  // Workbook text that looks like HTML is shown as text and never becomes markup.
  await page.locator(".sheet-name", { hasText: "<b>备注<i>" }).waitFor({ timeout: 5_000 });
  expect(await page.locator("#sheets b, #sheets i, #problems img, #problems script").count()).toBe(0);
  expect(await page.locator("#problems").textContent()).toContain("<img src=x onerror=alert(1)>");

  // The job ran in a Web Worker (preview and run), keeping the pane responsive.
  expect(workers.length).toBeGreaterThanOrEqual(2);
  expect(workers.every((u) => u === `${server.origin}/job-worker.js`)).toBe(true);

  const problem = page.locator("button.problem", { hasText: "客户状况登记表!D7" }).first();
  await problem.waitFor({ timeout: 10_000 });
  await problem.click();
  await page.waitForFunction(() => (window as unknown as { __fakeExcel: FakeExcelInspector }).__fakeExcel.selection() !== null, undefined, { timeout: 10_000 });
  expect(await page.evaluate(() => (window as unknown as { __fakeExcel: FakeExcelInspector }).__fakeExcel.selection())).toEqual({ sheet: "客户状况登记表", row: 6, col: 3 });

  fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: true });

  // A second run while the user is editing a cell: the pane says so, retries, and completes.
  await page.evaluate(() => (window as unknown as { __fakeExcel: FakeExcelInspector }).__fakeExcel.editCellFor(2));
  await page.locator("#run").click();
  await page.locator("#message.message-warning", { hasText: "单元格编辑状态" }).waitFor({ timeout: 10_000 });
  await page.locator("#message.message-info", { hasText: "已写入" }).waitFor({ timeout: 30_000 });

  // Correcting a role reaches the job: with the register ignored there is nothing to score.
  await registerSelect(page).selectOption("ignore");
  await page.locator("#message.message-error").waitFor({ timeout: 10_000 });
  expect(await page.locator("#message").textContent()).toMatch(/^无法计算：/);
  expect(await page.locator("#message").textContent()).not.toContain("job.noInput");
  // The sheets stay listed, so the user can say which sheet is the register.
  expect(await registerSelect(page).inputValue()).toBe("ignore");
  await registerSelect(page).selectOption("register");
  await page.locator("#message").waitFor({ state: "hidden", timeout: 10_000 });
  await page.locator(".sheet-row", { hasText: "客户状况登记表" }).locator(".muted", { hasText: "手动" }).waitFor({ timeout: 10_000 });
  await registerSelect(page).selectOption("");
  await page.locator(".sheet-row", { hasText: "客户状况登记表" }).locator(".muted", { hasText: "表名" }).waitFor({ timeout: 10_000 });

  const roster = await page.evaluate(() => (window as unknown as { __fakeExcel: FakeExcelInspector }).__fakeExcel.render("客户分级名册", 12));
  await shootSheet(roster, "客户分级名册", ROSTER_SHOT);

  // Choosing English output replaces our Chinese tabs with English ones (they are ours: the metadata says so).
  await page.locator("#output-language").selectOption("en-US");
  await page.locator("#run").click();
  await page.locator("#message.message-info", { hasText: "已写入" }).waitFor({ timeout: 30_000 });
  const english = await page.evaluate(() => (window as unknown as { __fakeExcel: FakeExcelInspector }).__fakeExcel.sheetNames());
  expect(english).toEqual(expect.arrayContaining(["客户状况登记表", "<b>备注<i>", "Tier Roster", "Data Problems", "_CustomerTiersMeta"]));
  expect(english).not.toContain("客户分级名册");
  expect(errors).toEqual([]);
  expect(blocked).toEqual([]);
  await page.close();
}, 120_000);

/** The role select of the register's row in the sheet list. */
function registerSelect(page: Page) {
  return page.locator(".sheet-row", { hasText: "客户状况登记表" }).locator("select");
}

/**
 * A picture of a written tab as the fake holds it: its cells with the fills and font colours the adapter
 * set (not Excel's rendering; gridlines and the table style are Excel's own).
 */
async function shootSheet(cells: RenderedCell[][], name: string, file: string): Promise<void> {
  const page = await context.newPage();
  await page.route("**/*", (route) => route.abort());
  await page.setContent("<!doctype html><html><head><meta charset='utf-8'></head><body></body></html>");
  await page.evaluate(
    ({ cells, name }) => {
      document.body.style.cssText = "margin:0;font:13px 'Microsoft YaHei','Noto Sans CJK SC',sans-serif;background:#fff";
      const tab = document.createElement("div");
      tab.textContent = name;
      tab.style.cssText = "display:inline-block;padding:4px 14px;border:1px solid #c8c8c8;border-top:0;color:#217346;font-weight:600";
      const table = document.createElement("table");
      table.style.cssText = "border-collapse:collapse";
      for (const row of cells) {
        const tr = document.createElement("tr");
        for (const c of row) {
          const td = document.createElement("td");
          td.textContent = c.value;
          td.style.cssText = `border:1px solid #d4d4d4;padding:2px 6px;white-space:nowrap;max-width:260px;overflow:hidden;text-overflow:ellipsis;${c.fill ? `background:${c.fill};` : ""}${c.font ? `color:${c.font};` : ""}${c.bold ? "font-weight:600;" : ""}`;
          tr.appendChild(td);
        }
        table.appendChild(tr);
      }
      const frame = document.createElement("div");
      frame.id = "sheet";
      frame.style.cssText = "display:inline-block;padding:8px";
      frame.appendChild(table);
      frame.appendChild(tab);
      document.body.appendChild(frame);
    },
    { cells, name },
  );
  await page.setViewportSize({ width: 1600, height: 600 });
  await page.locator("#sheet").screenshot({ path: file });
  await page.close();
}

test("without Web Workers the pane loads the job as a lazy chunk and still works", async () => {
  const fakeOffice = path.join(E2E_DIST, "fake-office.js");
  const { page, errors, blocked, csp } = await localPage((url) => (url.startsWith(OFFICE_JS) ? fakeOffice : null));
  await page.addInitScript(() => {
    delete (window as unknown as { Worker?: unknown }).Worker;
  });
  const workers: string[] = [];
  page.on("worker", (w) => workers.push(w.url()));
  await page.goto(`${server.origin}/taskpane.html?lang=en-US`);
  await page.locator(".sheet-name", { hasText: "客户状况登记表" }).waitFor({ timeout: 30_000 });
  expect(await page.title()).toBe("Customer Tiers");
  expect(await page.locator(".stat-value").first().textContent()).toBe("8");
  expect(workers).toEqual([]);
  expect([errors, blocked, csp]).toEqual([[], [], []]);
  await page.close();
}, 60_000);

test("the ribbon's Recalculate runs the whole job without the pane, reports in a dialog, then completes", async () => {
  const fakeOffice = path.join(E2E_DIST, "fake-office.js");
  const { page, errors, blocked } = await localPage((url) => (url.startsWith(OFFICE_JS) ? fakeOffice : null));
  await page.goto(`${server.origin}/commands.html?lang=zh-CN`);
  await page.waitForFunction(() => (window as unknown as { __fakeExcel: FakeExcelInspector }).__fakeExcel.actions().includes("recalculate"), undefined, { timeout: 30_000 });
  await page.evaluate(() => (window as unknown as { __fakeExcel: FakeExcelInspector }).__fakeExcel.invoke("recalculate"));
  await page.waitForFunction(() => (window as unknown as { __fakeExcel: FakeExcelInspector }).__fakeExcel.dialogs().length > 0, undefined, { timeout: 30_000 });
  const dialogUrl = new URL((await page.evaluate(() => (window as unknown as { __fakeExcel: FakeExcelInspector }).__fakeExcel.dialogs()))[0].url);
  expect(dialogUrl.pathname).toBe("/dialog.html");
  expect(dialogUrl.searchParams.get("title")).toBe("客户分级已重新计算");
  expect(dialogUrl.searchParams.get("text")).toMatch(/^8 位客户：A \d+，B \d+，C \d+，D \d+，资料不全 \d+。/);
  expect(await page.evaluate(() => (window as unknown as { __fakeExcel: FakeExcelInspector }).__fakeExcel.sheetNames())).toEqual(expect.arrayContaining(["客户分级名册", "_CustomerTiersMeta"]));
  expect(await page.evaluate(() => (window as unknown as { __fakeExcel: FakeExcelInspector }).__fakeExcel.completed())).toBe(0);
  await page.evaluate(() => (window as unknown as { __fakeExcel: FakeExcelInspector }).__fakeExcel.answerDialog("close"));
  await page.waitForFunction(() => (window as unknown as { __fakeExcel: FakeExcelInspector }).__fakeExcel.completed() === 1, undefined, { timeout: 10_000 });
  expect((await page.evaluate(() => (window as unknown as { __fakeExcel: FakeExcelInspector }).__fakeExcel.dialogs()))[0].closed).toBe(true);

  // The dialog page itself shows the report as text.
  await page.goto(dialogUrl.toString().replace(dialogUrl.origin, server.origin));
  await page.locator("#dialog-title").waitFor();
  expect(await page.locator("#dialog-title").textContent()).toBe("客户分级已重新计算");
  expect(await page.locator("#dialog-ok").textContent()).toBe("确定");
  expect(errors).toEqual([]);
  expect(blocked).toEqual([]);
  await page.close();
}, 120_000);

// ---------------------------------------------------------------------------------------------------------
// The pane where managers work: every width, both languages, what-if, why, first run, cancel, dark theme.
// ---------------------------------------------------------------------------------------------------------

const WIDTHS = [270, 320, 350, 450];
const HEIGHT = 560;
const LANGS = ["zh-CN", "en-US"] as const;


/** The bundled sample (220 customers) as the fake's seed: values and number formats as the file has them. */
async function sampleSeed(lang: "zh-CN" | "en-US"): Promise<unknown[]> {
  const file = path.resolve(__dirname, "..", "..", "assets", "sample", lang === "zh-CN" ? "sample.xlsx" : "sample-en.xlsx");
  const wb = await readWorkbookFile(file);
  return wb.sheets.map((s) => ({ name: s.name, values: s.values.map((r) => r.map((v) => (v === "" ? null : v))), formats: s.formats, top: s.top, left: s.left }));
}

/** Opens the pane on the fake host seeded with `seed`, at a width, in a language; waits for the preview. */
async function openPane(seed: unknown[] | null, lang: string, width: number, query = ""): Promise<{ page: Page; errors: string[] }> {
  const fakeOffice = path.join(E2E_DIST, "fake-office.js");
  const { page, errors, blocked } = await localPage((url) => (url.startsWith(OFFICE_JS) ? fakeOffice : null));
  await page.setViewportSize({ width, height: HEIGHT });
  if (seed) await page.addInitScript((s) => void ((window as unknown as { __seedWorkbook: unknown }).__seedWorkbook = s), seed);
  await page.goto(`${server.origin}/taskpane.html?lang=${lang}${query}`);
  await page.locator("#setup").waitFor({ state: "visible", timeout: 30_000 });
  expect(blocked).toEqual([]);
  return { page, errors };
}

const inspect = (page: Page, f: string): Promise<unknown> => page.evaluate(`(window.__fakeExcel.${f})`);

/** Geometry that must hold at every width: no sideways scrolling, nothing past the right edge, Run on screen. */
async function layoutFacts(page: Page): Promise<{ scrollWidth: number; clientWidth: number; overflowing: string[]; run: { top: number; bottom: number; right: number }; scrollY: number; brokenWords: string[]; narrowMessages: string[]; splitMoves: string[] }> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const overflowing: string[] = [];
    for (const e of Array.from(document.querySelectorAll("body *"))) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.right > vw + 0.5 || r.left < -0.5) overflowing.push(`${e.tagName}.${(e as HTMLElement).className}:${Math.round(r.left)}-${Math.round(r.right)}`);
    }
    const run = document.getElementById("run")!.getBoundingClientRect();
    // A word of a sheet name that fits on a line must not be split across two.
    const brokenWords: string[] = [];
    for (const name of Array.from(document.querySelectorAll(".sheet-name"))) {
      const text = name.firstChild;
      if (!text || text.nodeType !== Node.TEXT_NODE) continue;
      const s = text.textContent ?? "";
      const width = name.getBoundingClientRect().width;
      let at = 0;
      for (const word of s.split(/(\s+)/)) {
        if (word.trim() !== "") {
          const range = document.createRange();
          range.setStart(text, at);
          range.setEnd(text, at + word.length);
          const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
          const total = rects.reduce((n, r) => n + r.width, 0);
          const lines = new Set(rects.map((r) => Math.round(r.top))).size;
          if (lines > 1 && total <= width) brokenWords.push(word);
        }
        at += word.length;
      }
    }
    // Each problem's message gets most of its card's width (not a column squeezed beside the address).
    const narrowMessages: string[] = [];
    for (const p of Array.from(document.querySelectorAll(".problem"))) {
      const box = p.getBoundingClientRect();
      const text = p.querySelector(".problem-text")!.getBoundingClientRect();
      if (box.width > 0 && text.width < 0.8 * (box.width - 18)) narrowMessages.push(`${Math.round(text.width)}/${Math.round(box.width)}`);
    }
    // A tier move ("A → B") reads as one thing: never split across lines.
    const splitMoves = Array.from(document.querySelectorAll(".mover-move"))
      .filter((m) => new Set(Array.from(m.getClientRects()).map((r) => Math.round(r.top))).size > 1)
      .map((m) => m.textContent ?? "");
    return {
      scrollWidth: document.documentElement.scrollWidth, clientWidth: vw, overflowing,
      run: { top: run.top, bottom: run.bottom, right: run.right }, scrollY: window.scrollY, brokenWords, narrowMessages, splitMoves,
    };
  });
}

function expectLayout(f: Awaited<ReturnType<typeof layoutFacts>>, width: number): void {
  expect(f.scrollWidth).toBeLessThanOrEqual(f.clientWidth);
  expect(f.clientWidth).toBe(width);
  expect(f.overflowing).toEqual([]);
  expect(f.brokenWords).toEqual([]);
  expect(f.narrowMessages).toEqual([]);
  expect(f.splitMoves).toEqual([]);
  // The main action is on the first screen, whatever the pane's height and content.
  expect(f.run.top).toBeGreaterThanOrEqual(0);
  expect(f.run.bottom).toBeLessThanOrEqual(HEIGHT);
  expect(f.run.right).toBeLessThanOrEqual(width);
}

/** The problems as listed: level, sheet and cell, in screen order. */
async function listedProblems(page: Page): Promise<{ level: string; address: string }[]> {
  return page.locator("#problems .problem").evaluateAll((ps) =>
    ps.map((p) => ({ level: (p.querySelector(".level")?.className ?? "").replace(/.*level-/, ""), address: p.querySelector(".address")?.textContent ?? "" })),
  );
}

/** Errors first, then warnings, then notes; within a level by sheet, then row, then column. */
function expectSorted(problems: { level: string; address: string }[]): void {
  const rank: Record<string, number> = { error: 0, warning: 1, note: 2 };
  const key = (p: { level: string; address: string }): [number, string, number, number] => {
    const m = /^(.*)!([A-Z]+)(\d+)$/.exec(p.address);
    const col = m ? [...m[2]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) : 0;
    return [rank[p.level], m ? m[1].replace(/^'|'$/g, "") : p.address, m ? Number(m[3]) : 0, col];
  };
  for (let i = 1; i < problems.length; i++) {
    const [a, b] = [key(problems[i - 1]), key(problems[i])];
    const order = a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) || a[2] - b[2] || a[3] - b[3];
    expect([i, problems[i - 1], problems[i], order <= 0]).toEqual([i, problems[i - 1], problems[i], true]);
  }
}

/** Office shows the add-in's name in the pane's title bar: the pane itself does not repeat it as a banner. */
async function expectNoBanner(page: Page, lang: string): Promise<void> {
  const text = await page.evaluate(() => document.body.innerText);
  expect(text).not.toContain(lang === "zh-CN" ? "客户分级维护助手" : "Customer Tiers");
}

describe("every width and both languages, on the 220-customer sample", () => {
  for (const lang of LANGS) {
    test(`${lang}: 270, 320, 350 and 450 px — no sideways scrolling, Run on the first screen, what-if, why, readable sorted problems, after a run`, async () => {
      const seed = await sampleSeed(lang);
      for (const width of WIDTHS) {
        const { page, errors } = await openPane(seed, lang, width);
        await page.locator("#whatif-result .chips").first().waitFor({ timeout: 60_000 });
        expect(await page.locator(".stat-value").first().textContent()).toBe("220");
        await page.locator(".problem").first().waitFor();
        expectLayout(await layoutFacts(page), width);
        await expectNoBanner(page, lang);
        expect(await page.locator("#run").isEnabled()).toBe(true);
        // Nothing tried yet: every count is the workbook's own (±0).
        expect(new Set(await page.locator("#whatif-result .chip-delta").allTextContents())).toEqual(new Set(["±0"]));
        expect(await chipContrasts(page)).toEqual([]);
        await page.screenshot({ path: path.join(SHOTS, `pane-${lang}-${width}.png`) });

        // What-if: a stricter A line moves customers, listed at the card's width.
        const lineA = await page.locator("#wi-line-A").inputValue();
        await page.locator("#wi-line-A").fill(String(Number(lineA) + 5));
        await page.locator("#whatif-result .movers li").first().waitFor({ timeout: 30_000 });
        expect(await page.locator(".movers li").first().textContent()).toMatch(/(A|B|C) → (B|C|D)$/);
        expect(await page.locator("#run").textContent()).toBe(lang === "zh-CN" ? "按试算值运行" : "Run with these");
        await page.locator("#whatif-card").scrollIntoViewIfNeeded();
        await page.evaluate(() => document.getElementById("whatif-result")!.scrollIntoView());
        expectLayout(await layoutFacts(page), width);
        await page.screenshot({ path: path.join(SHOTS, `pane-${lang}-${width}-whatif.png`) });
        await page.locator("#wi-reset").click();
        await page.waitForFunction((label) => document.getElementById("run")!.textContent === label, lang === "zh-CN" ? "运行" : "Run", { timeout: 30_000 });

        // Why this customer: a customer from the middle of the ranking.
        const keys = await page.locator("#why-keys option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
        await page.locator("#why-key").fill(keys[Math.floor(keys.length / 2)]);
        await page.locator("#why-result .why-next").waitFor({ timeout: 30_000 });
        // The end of the explanation: the last indicators, the weakest and the points for the next tier.
        await page.evaluate(() => document.querySelector("#why-result .why-next")!.scrollIntoView({ block: "center" }));
        expectLayout(await layoutFacts(page), width);
        await page.screenshot({ path: path.join(SHOTS, `pane-${lang}-${width}-why.png`) });

        // Problems: errors first, then by sheet and cell; scrolled to them, the action bar is still there.
        expectSorted(await listedProblems(page));
        await page.evaluate(() => document.getElementById("problems-card")!.scrollIntoView());
        const f = await layoutFacts(page);
        expect(f.run.bottom).toBeLessThanOrEqual(HEIGHT);
        expect(f.run.top).toBeGreaterThanOrEqual(0);
        expectLayout(f, width);
        await page.screenshot({ path: path.join(SHOTS, `pane-${lang}-${width}-problems.png`) });

        await page.locator("#run").click();
        await page.locator("#message.message-info", { hasText: lang === "zh-CN" ? "已写入" : "tabs written" }).waitFor({ timeout: 60_000 });
        await page.locator("#result").waitFor({ state: "visible" });
        await page.locator("#run").waitFor({ state: "visible" });
        await page.waitForFunction(() => !(document.getElementById("run") as HTMLButtonElement).disabled, undefined, { timeout: 60_000 });
        expectLayout(await layoutFacts(page), width);
        // After a run: the links, and the first problem's cell is the first problem listed.
        expect(await page.locator("#result-links .link-roster").count()).toBe(1);
        expect(await page.locator("#result-links .link-problems").count()).toBe(1);
        const firstListed = (await listedProblems(page)).find((p) => p.address.includes("!"))!;
        expect(await page.locator("#result-links .link-first-problem").textContent()).toBe(`${lang === "zh-CN" ? "第一个问题：" : "First problem: "}${firstListed.address}`);
        expectSorted(await listedProblems(page));
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: path.join(SHOTS, `pane-${lang}-${width}-after-run.png`) });
        expect(errors).toEqual([]);
        await page.close();
      }
    }, 900_000);
  }
});

describe("what-if before writing, on the workbook already read", () => {
  test("changing a line recomputes in the worker without reading Excel; Run with these records the values; inputs untouched", async () => {
    const seed = await sampleSeed("zh-CN");
    const { page, errors } = await openPane(seed, "zh-CN", 350);
    await page.locator("#whatif-result .chips").first().waitFor({ timeout: 60_000 });
    const syncsBefore = (await inspect(page, "syncs()")) as number;
    const inputsBefore = ((await inspect(page, "snapshot()")) as { name: string }[]);

    await page.locator("#wi-line-A").fill("95");
    await page.locator("#whatif-result .whatif-movers", { hasText: /会变化/ }).waitFor();
    await page.waitForFunction(() => /\d+ 位客户的等级会变化/.test(document.querySelector(".whatif-movers")?.textContent ?? "") && !/：0 位/.test(document.querySelector(".whatif-movers")?.textContent ?? ""), undefined, { timeout: 30_000 });
    expect(await page.locator(".movers li").first().textContent()).toMatch(/A → B/);
    expect(await page.locator("#run").textContent()).toBe("按试算值运行");
    // A weight and a verdict line too; a bad value is refused with a message, not computed.
    await page.locator("#wi-maintain").fill("20");
    await page.locator(".whatif-errors", { hasText: "维持关系分数线不能低于终止关系分数线" }).waitFor();
    await page.locator("#wi-maintain").fill("75");
    await page.locator(".whatif-errors").waitFor({ state: "detached" });
    // Role and language changes re-run the job only.
    await page.locator("#output-language").selectOption("en-US");
    await page.locator("#output-language").selectOption("");
    await page.locator("#whatif-result .chips").first().waitFor();
    expect(await inspect(page, "syncs()")).toBe(syncsBefore);
    expect(await page.locator("#wi-line-A").inputValue()).toBe("95");
    await page.evaluate(() => document.getElementById("whatif-card")!.scrollIntoView());

    await page.locator("#run").click();
    await page.locator("#message.message-info", { hasText: "已写入" }).waitFor({ timeout: 60_000 });
    const kpi = (await inspect(page, `column("指标看板", 1)`)) as unknown[];
    const value = (await inspect(page, `column("指标看板", 4)`)) as unknown[];
    const def = (await inspect(page, `column("指标看板", 5)`)) as unknown[];
    const row = kpi.indexOf("A级分数线");
    expect(row).toBeGreaterThan(0);
    expect([value[row], def[row]]).toEqual([95, "任务窗格试算后采用"]);
    expect(value[kpi.indexOf("维持关系分数线")]).toBe(75);
    // The history's run log records them on this run's row too.
    const log = (await inspect(page, "snapshot()")) as { name: string; values: unknown[][] }[];
    const [header, thisRun] = log.find((s) => s.name === "运行记录")!.values;
    const logged = (h: string): unknown => thisRun[header.indexOf(h)];
    expect([logged("参数来源"), logged("分级线"), logged("建议分数线")]).toEqual(["任务窗格试算", "分数线 A 95 / B 70 / C 55", "维持 ≥ 75; 终止 < 40"]);
    // Nothing was written to the input sheets.
    const after = (await inspect(page, "snapshot()")) as { name: string }[];
    for (const sheet of inputsBefore) expect(after.find((s) => s.name === sheet.name)).toEqual(sheet);
    // Why this customer, from the roster row selected in Excel.
    await page.locator("#why-selected").waitFor({ state: "visible", timeout: 60_000 });
    const keyOnRow5 = ((await inspect(page, `column("客户分级名册", 1)`)) as unknown[])[5];
    await inspect(page, `select("客户分级名册", 5, 3)`);
    await page.locator("#why-selected").click();
    await page.locator("#why-result .why-title", { hasText: String(keyOnRow5) }).waitFor({ timeout: 30_000 });

    // A manager types a manual tier in the roster, then runs again with the workbook's own values (A line 85):
    // the customers between 85 and 95 move back up since the last run, and the typed tier is kept.
    const rosterNow = ((await inspect(page, "snapshot()")) as { name: string; values: unknown[][] }[]).find((x) => x.name === "客户分级名册")!;
    const manualCol = rosterNow.values[0].indexOf("人工等级");
    expect(manualCol).toBeGreaterThan(0);
    await inspect(page, `setCell("客户分级名册", 3, ${manualCol}, "A")`);
    expect(await page.locator("#run").textContent()).toBe("运行");
    await page.locator("#run").click();
    await page.locator("#message.message-info", { hasText: "已写入" }).waitFor({ timeout: 60_000 });
    expect(await page.locator("#result-summary .result-moves").textContent()).toMatch(/^与上次运行相比：B→A \d+/);
    expect(await page.locator("#result-summary .result-edits").textContent()).toBe("保留了您在输出表中填写的 1 处内容。");
    expect(await inspect(page, `cell("客户分级名册", 3, ${manualCol})`)).toEqual({ value: "A" });
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});

describe("why this customer", () => {
  test("a key typed shows each indicator against the average, the weakest, and the points for the next tier", async () => {
    for (const lang of LANGS) {
      const { page, errors } = await openPane(await sampleSeed(lang), lang, 320);
      await page.locator("#whatif-result .chips").first().waitFor({ timeout: 60_000 });
      // A customer from the middle of the ranking (B or C): there is a tier above it.
      const keys = await page.locator("#why-keys option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      const key = keys[Math.floor(keys.length / 2)];
      await page.locator("#why-key").fill(key);
      await page.locator("#why-result .why-title").waitFor({ timeout: 30_000 });
      expect(await page.locator("#why-result .why-title").textContent()).toContain(key);
      const indicators = Number(await page.locator(".stat-value").nth(1).textContent());
      expect(await page.locator("#why-result .why-row").count()).toBe(indicators);
      expect(await page.locator("#why-result .why-weakest").textContent()).toMatch(lang === "zh-CN" ? /^最弱的指标：/ : /^Weakest: /);
      // The points one indicator alone needs: "业务贡献 +24 → B" (or, for a missing one, the value to enter).
      expect(await page.locator("#why-result .why-next").textContent()).toMatch(lang === "zh-CN" ? /^升到 [ABC] 级需要/ : /^Tier [ABC] needs/);
      expect(await page.locator("#why-result .why-step").first().textContent()).toMatch(/^.+ (\+\d+|填入 \d+|: enter \d+) → [ABC]$/);
      await page.locator("#why-card").scrollIntoViewIfNeeded();
      expectLayout(await layoutFacts(page), 320);
      expect(errors).toEqual([]);
      await page.close();
    }
  }, 300_000);
});

describe("first run and cancel", () => {
  test("a workbook with nothing recognised says what the add-in needs and offers the template, at every width", async () => {
    for (const lang of LANGS) {
      for (const width of WIDTHS.slice(1)) {
        const { page, errors } = await openPane([{ name: "Sheet1", values: [["季度", "销售额"], ["Q1", 100]] }], lang, width);
        await page.locator("#first-run").waitFor({ state: "visible", timeout: 30_000 });
        expect(await page.locator("#insert-template").isVisible()).toBe(true);
        expectLayout(await layoutFacts(page), width);
        await expectNoBanner(page, lang);
        await page.screenshot({ path: path.join(SHOTS, `pane-first-run-${lang}-${width}.png`) });
        expect(errors).toEqual([]);
        await page.close();
      }
      const { page, errors } = await openPane([{ name: "Sheet1", values: [["季度", "销售额"], ["Q1", 100]] }], lang, 270);
      await page.locator("#first-run").waitFor({ state: "visible", timeout: 30_000 });
      expect(await page.locator("#first-run-needs li").count()).toBe(4);
      expect(await page.locator(".sheet-name").allTextContents()).toEqual(["Sheet1"]);
      expect(await page.locator("#run").isDisabled()).toBe(true);
      expectLayout(await layoutFacts(page), 270);
      await page.screenshot({ path: path.join(SHOTS, `pane-first-run-${lang}-270.png`) });
      // The command line's template, inserted into this workbook (it has none of those sheets): now there is a register.
      await page.locator("#insert-template").click();
      await page.locator("#first-run").waitFor({ state: "hidden", timeout: 30_000 });
      expect(((await inspect(page, "sheetNames()")) as string[]).length).toBeGreaterThan(3);
      expect(await page.locator(".stat-value").first().textContent()).toMatch(/^[1-9]\d*$/);
      expect(errors).toEqual([]);
      await page.close();
    }
  }, 120_000);

  test("headers nobody recognises are matched in the pane, remembered in our metadata sheet, and used by later runs", async () => {
    const seed = [{ name: "Kunden", values: [["Kunden-Nr", "Firma", "Zufriedenheit"], ["K1", "Alpha GmbH", 90], ["K2", "Beta AG", 40], ["K3", "Gamma KG", 75]] }];
    const { page, errors } = await openPane(seed, "en-US", 270);
    await page.locator("#first-run").waitFor({ state: "visible", timeout: 30_000 });
    await page.locator(".sheet-row", { hasText: "Kunden" }).locator(".map-link").click();
    await page.locator("#header-map select").first().waitFor();
    expect(await page.locator("#header-map label").allTextContents()).toEqual(["Kunden-Nr", "Firma", "Zufriedenheit"]);
    await page.locator("#header-map select").nth(0).selectOption("id");
    await page.locator("#header-map select").nth(1).selectOption("name");
    await page.locator("#header-map select").nth(2).selectOption("satisfaction");
    expectLayout(await layoutFacts(page), 270);
    await page.locator("#map-apply").click();
    await page.locator(".stat-value", { hasText: "3" }).first().waitFor({ timeout: 30_000 });
    await page.locator("#run").click();
    await page.locator("#message.message-info", { hasText: "tabs written" }).waitFor({ timeout: 60_000 });
    const meta = (await inspect(page, `column("_CustomerTiersMeta", 0)`)) as unknown[];
    expect(meta.filter((v) => v === "headerMap")).toHaveLength(3);
    // The user's sheet keeps its own headers.
    expect(await inspect(page, `cell("Kunden", 0, 0)`)).toEqual({ value: "Kunden-Nr" });
    // A later session (a new pane on the workbook as it now is) reads the matches back: the sheet is read
    // as a register at once, found by its (matched) headers.
    const after = (await inspect(page, "snapshot()")) as { name: string; visibility: string; values: unknown[][] }[];
    expect(errors).toEqual([]);
    await page.close();
    const later = await openPane(after, "en-US", 270);
    await later.page.locator(".stat-value", { hasText: "3" }).first().waitFor({ timeout: 30_000 });
    expect(await later.page.locator("#first-run").isHidden()).toBe(true);
    expect(later.errors).toEqual([]);
    await later.page.close();
  }, 180_000);

  test("an evaluation and a model sheet with headers nobody recognises are matched too, at every width; the run scores with them", async () => {
    // The spec's worked example with German headers: register, long evaluation, model.
    const inds = ["合作深度", "满意度", "业务贡献", "发展潜力"];
    const points: Record<string, number[]> = { C001: [90, 85, 95, 80], C002: [70, 60, 75, 90], C003: [50, 40, 45, 60] };
    const seed = [
      { name: "Kunden", values: [["Kunden-Nr", "Firma"], ["C001", "华星贸易"], ["C002", "东方机械"], ["C003", "南山食品"]] },
      { name: "Bewertung", values: [["Kunden-Nr", "Kriterium", "Punkte"], ...Object.entries(points).flatMap(([id, ps]) => inds.map((ind, i) => [id, ind, ps[i]]))] },
      { name: "Gewichte", values: [["Kriterium", "Gewicht"], ["合作深度", 30], ["满意度", 25], ["业务贡献", 35], ["发展潜力", 10]] },
    ];
    const match = async (page: Page, sheet: string, fields: string[]): Promise<void> => {
      await page.locator(".sheet-row", { hasText: sheet }).locator(".map-link").click();
      await page.locator("#header-map h3").waitFor();
      for (const [i, f] of fields.entries()) await page.locator("#header-map select").nth(i).selectOption(f);
    };
    for (const lang of LANGS) {
      for (const width of WIDTHS) {
        const { page, errors } = await openPane(seed, lang, width);
        await page.locator("#first-run").waitFor({ state: "visible", timeout: 30_000 });
        await match(page, "Kunden", ["id", "name"]);
        await page.locator("#map-apply").click();
        await page.locator("#header-map h3").waitFor({ state: "detached" });
        await match(page, "Bewertung", ["id", "evaluation.indicator", "evaluation.score"]);
        // The form offers every role's fields, grouped: the customer key, the register, the evaluation, the model.
        expect(await page.locator("#header-map select").first().locator("optgroup").count()).toBe(4);
        expectLayout(await layoutFacts(page), width);
        await page.evaluate(() => document.getElementById("header-map")!.scrollIntoView());
        await page.screenshot({ path: path.join(SHOTS, `pane-match-headers-${lang}-${width}.png`) });
        if (width !== 320) {
          await page.close();
          continue;
        }
        await page.locator("#map-apply").click();
        await page.locator("#header-map h3").waitFor({ state: "detached" });
        await match(page, "Gewichte", ["model.indicator", "model.weight"]);
        await page.locator("#map-apply").click();
        // Three customers, four indicators; the worked example's tiers A, B, D.
        await page.waitForFunction(() => Array.from(document.querySelectorAll(".stat-value")).map((e) => e.textContent).join(",") === "3,4", undefined, { timeout: 30_000 });
        await page.locator("#run").click();
        await page.locator("#message.message-info", { hasText: lang === "zh-CN" ? "已写入" : "tabs written" }).waitFor({ timeout: 60_000 });
        const kinds = (await inspect(page, `column("_CustomerTiersMeta", 0)`)) as unknown[];
        const fields = (await inspect(page, `column("_CustomerTiersMeta", 5)`)) as unknown[];
        expect(fields.filter((_, i) => kinds[i] === "headerMap")).toEqual(["id", "name", "id", "evaluation.indicator", "evaluation.score", "model.indicator", "model.weight"]);
        const roster = (await inspect(page, "snapshot()")) as { name: string; values: unknown[][] }[];
        const tab = roster.find((x) => x.name === "客户分级名册")!;
        const col = (h: string): unknown[] => tab.values.slice(1).map((r) => r[tab.values[0].indexOf(h)]);
        // The outputs follow the (Chinese) canonical headers the matches stand for.
        expect(col("客户编号").concat(col("等级"))).toEqual(["C001", "C002", "C003", "A", "B", "D"]);
        expect(await inspect(page, `cell("Bewertung", 0, 1)`)).toEqual({ value: "Kriterium" });
        // A later session reads the matches back from our metadata sheet: no first-run card, same counts.
        const after = (await inspect(page, "snapshot()")) as unknown[];
        expect(errors).toEqual([]);
        await page.close();
        const later = await openPane(after, lang, width);
        await later.page.waitForFunction(() => Array.from(document.querySelectorAll(".stat-value")).map((e) => e.textContent).join(",") === "3,4", undefined, { timeout: 30_000 });
        expect(await later.page.locator("#first-run").isHidden()).toBe(true);
        expect(later.errors).toEqual([]);
        await later.page.close();
      }
    }
  }, 400_000);

  test("progress moves through reading, scoring and writing; Cancel while writing leaves the workbook as it was", async () => {
    const seed = await sampleSeed("zh-CN");
    const { page, errors } = await openPane(seed, "zh-CN", 350, "&slowSyncMs=150");
    await page.locator("#whatif-result .chips").first().waitFor({ timeout: 60_000 });
    const before = await inspect(page, "snapshot()");
    await page.evaluate(() => {
      const seen: { label: string; value: number }[] = [];
      (window as unknown as { __progress: typeof seen }).__progress = seen;
      const bar = document.getElementById("progress-bar") as HTMLProgressElement;
      const label = document.getElementById("progress-label")!;
      // Every change of the bar or its label (setting .value sets the attribute), not a sample now and then;
      // Cancel is pressed the moment the values start to be written (deterministic, whatever the load).
      let pressed = false;
      new MutationObserver(() => {
        seen.push({ label: label.textContent ?? "", value: bar.value });
        if (!pressed && label.textContent === "写入数据") {
          pressed = true;
          document.getElementById("cancel")!.click();
        }
      }).observe(document.getElementById("progress")!, { attributes: true, childList: true, subtree: true, characterData: true });
    });
    await page.locator("#run").click();
    await page.locator("#message", { hasText: "已取消，工作簿保持原样。" }).waitFor({ timeout: 120_000 }).catch(async (e: unknown) => {
      throw new Error(`${String(e)}\nmessage: ${await page.locator("#message").textContent()}`);
    });
    // A first run, cancelled: the workbook is as it was — no new tab (hidden or not), no metadata sheet
    // recording tabs as ours, every user sheet untouched.
    expect(await inspect(page, "snapshot()")).toEqual(before);
    const seen = (await page.evaluate(() => (window as unknown as { __progress: { label: string; value: number }[] }).__progress)) as { label: string; value: number }[];
    for (const label of ["读取工作簿", "计算等级与方案", "写入数据"]) {
      const values = seen.filter((s) => s.label === label).map((s) => s.value);
      expect([label, new Set(values).size > 1]).toEqual([label, true]);
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});

describe("what the writer reports, in both languages", () => {
  const register = { name: "客户状况登记表", values: [["客户编号", "客户名称", "客户满意度"], ["C1", "甲", 90], ["C2", "乙", 60], ["C3", "丙", 30]] };
  const withLock = (since: Date) => [register, { name: "_CustomerTiersMeta", visibility: "VeryHidden", values: [["lock", "other", "since", since.toISOString(), null, null]] }];

  test("another run holds the lock: Run says it waits for it, then writes once it is given back", async () => {
    for (const lang of LANGS) {
      const { page, errors } = await openPane(withLock(new Date()), lang, 270);
      await page.locator(".stat-value", { hasText: "3" }).first().waitFor({ timeout: 30_000 });
      await page.locator("#run").click();
      await page.locator("#message.message-info", { hasText: lang === "zh-CN" ? "另一次运行" : "Another run" }).waitFor({ timeout: 30_000 });
      expect(await page.locator("#progress-label").textContent()).toBe(lang === "zh-CN" ? "等待另一次运行结束" : "Waiting for the other run");
      expect(await page.locator("#cancel").isEnabled()).toBe(true);
      expect(await inspect(page, "sheetNames()")).toEqual(["客户状况登记表", "_CustomerTiersMeta"]);
      expectLayout(await layoutFacts(page), 270);
      await page.screenshot({ path: path.join(SHOTS, `pane-waiting-${lang}.png`) });
      // The other run gives the lock back.
      await inspect(page, `setCell("_CustomerTiersMeta", 0, 0, "")`);
      await page.locator("#message.message-info", { hasText: lang === "zh-CN" ? "已写入" : "tabs written" }).waitFor({ timeout: 60_000 });
      expect(await inspect(page, "sheetNames()")).toEqual(expect.arrayContaining(["客户分级名册", "运行记录"]));
      expect(errors).toEqual([]);
      await page.close();
    }
  }, 240_000);

  test("a lock left by a run that died is broken, and the pane says so after the run", async () => {
    for (const lang of LANGS) {
      const { page, errors } = await openPane(withLock(new Date(Date.now() - 3 * 3_600_000)), lang, 320);
      await page.locator(".stat-value", { hasText: "3" }).first().waitFor({ timeout: 30_000 });
      await page.locator("#run").click();
      await page.locator("#message.message-warning", { hasText: lang === "zh-CN" ? "它留下的锁已解除" : "the lock it left was released" }).waitFor({ timeout: 60_000 });
      expect(await page.locator("#message").textContent()).toMatch(lang === "zh-CN" ? /^已写入 \d+ 个工作表。/ : /^\d+ tabs written\./);
      expect(errors).toEqual([]);
      await page.close();
    }
  }, 240_000);
});

/** The chip texts whose colour on their chip's background has a contrast ratio under 4.5 (computed styles). */
async function chipContrasts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rgb = (c: string): number[] => (c.match(/[\d.]+/g) ?? []).slice(0, 4).map(Number);
    const lum = ([r, g, b]: number[]): number => {
      const f = (v: number): number => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const low: string[] = [];
    for (const span of Array.from(document.querySelectorAll(".chip span"))) {
      const chip = span.closest(".chip")!;
      const bg = rgb(getComputedStyle(chip).backgroundColor);
      const st = getComputedStyle(span);
      const fg = rgb(st.color);
      // Opacity and a colour's alpha blend the text into the chip.
      const a = (fg[3] ?? 1) * Number(st.opacity);
      const mixed = [0, 1, 2].map((i) => fg[i] * a + bg[i] * (1 - a));
      const [l1, l2] = [lum(mixed), lum(bg)].sort((x, y) => y - x);
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      if (ratio < 4.5) low.push(`${chip.className} ${span.className} "${span.textContent}" ${ratio.toFixed(2)}`);
    }
    return low;
  });
}

describe("Office's dark theme", () => {
  test("the pane follows a dark Office theme, at every width in both languages", async () => {
    for (const lang of LANGS) {
      const seed = await sampleSeed(lang);
      for (const width of WIDTHS) {
        const { page, errors } = await openPane(seed, lang, width, "&theme=dark");
        await page.locator("#whatif-result .chips").first().waitFor({ timeout: 60_000 });
        expect(await page.evaluate(() => document.documentElement.classList.contains("theme-dark"))).toBe(true);
        expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(31, 31, 31)");
        expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe("rgb(255, 255, 255)");
        expectLayout(await layoutFacts(page), width);
        // Every count chip's text, its change included, stays readable on the chip (WCAG contrast ≥ 4.5).
        expect(await chipContrasts(page)).toEqual([]);
        await page.screenshot({ path: path.join(SHOTS, `pane-dark-${lang}-${width}.png`) });
        expect(errors).toEqual([]);
        await page.close();
      }
    }
  }, 400_000);
});

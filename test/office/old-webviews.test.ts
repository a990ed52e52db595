import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { parse } from "acorn";

const ROOT = path.join(__dirname, "..", "..");
const CHECK = fs.readFileSync(path.join(ROOT, "src/es5-check/es5-check.js"), "utf8");
const PROBE = fs.readFileSync(path.join(ROOT, "src/es5-check/es2020-probe.js"), "utf8");

interface Node {
  tag: string;
  text: string;
  children: Node[];
  attrs: Record<string, string>;
  id?: string;
}

/** Runs the probe (when the engine "parses" it) and the check against a tiny DOM; returns the body. */
function loadPage(userAgent: string, probeParses: boolean): { body: Node; window: Record<string, unknown>; fire: (event: string) => void } {
  const el = (tag: string): Node & Record<string, unknown> => {
    const n: Node & Record<string, unknown> = { tag, text: "", children: [], attrs: {} };
    n.appendChild = (c: Node) => n.children.push(c);
    n.removeChild = (c: Node) => n.children.splice(n.children.indexOf(c), 1);
    n.setAttribute = (k: string, v: string) => (n.attrs[k] = v);
    Object.defineProperty(n, "firstChild", { get: () => n.children[0] ?? null });
    return n;
  };
  const body = el("body");
  body.children.push(el("main"));
  const listeners: Record<string, (() => void)[]> = {};
  const on = (e: string, f: () => void): number => (listeners[e] ??= []).push(f);
  const document = { readyState: "loading", body, addEventListener: on, createElement: el, createTextNode: (t: string) => ({ tag: "#text", text: t, children: [], attrs: {} }) };
  const window: Record<string, unknown> = { navigator: { userAgent: userAgent }, location: { href: "https://addins.example.com/ct/taskpane.html?x=1" }, addEventListener: on };
  const context = vm.createContext({ window, document });
  if (probeParses) vm.runInContext(PROBE, context);
  vm.runInContext(CHECK, context);
  return { body, window, fire: (e) => (listeners[e] ?? []).forEach((f) => f()) };
}

function textOf(n: Node): string {
  return n.text + n.children.map(textOf).join(" ");
}

describe("older webviews (Trident, EdgeHTML) get a clear message, not a blank pane", () => {
  test("the check is ES5 and the probe needs ES2020, as the bundles do", () => {
    expect(() => parse(CHECK, { ecmaVersion: 5 })).not.toThrow();
    expect(() => parse(PROBE, { ecmaVersion: 2019 })).toThrow();
    expect(() => parse(PROBE, { ecmaVersion: 2020 })).not.toThrow();
  });

  test("on Internet Explorer 11 (the probe cannot parse) the page says what to do in both languages", () => {
    const page = loadPage("Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko", false);
    page.fire("DOMContentLoaded");
    const text = textOf(page.body);
    expect(text).toContain("此加载项需要较新的 Office");
    expect(text).toContain("This add-in needs a newer Office");
    expect(page.body.children).toHaveLength(1);
    expect(page.window.customerTiersUnsupported).toBe(true);
  });

  test("legacy Edge (EdgeHTML) is recognised even where the probe parsed", () => {
    const page = loadPage("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041", true);
    page.fire("DOMContentLoaded");
    expect(textOf(page.body)).toContain("Excel on the web");
  });

  test("the ribbon button opens the message in a dialog and completes, instead of doing nothing", () => {
    const page = loadPage("Mozilla/5.0 (Windows NT 10.0; Trident/7.0; rv:11.0) like Gecko", false);
    const handlers: Record<string, (e: { completed: () => void }) => void> = {};
    const dialogs: string[] = [];
    page.window.Office = {
      onReady: (f: () => void) => f(),
      actions: { associate: (name: string, f: (e: { completed: () => void }) => void) => (handlers[name] = f) },
      context: { ui: { displayDialogAsync: (url: string, _o: unknown, cb: () => void) => (dialogs.push(url), cb()) } },
    };
    page.fire("load");
    let completed = 0;
    handlers.recalculate({ completed: () => completed++ });
    expect(dialogs).toEqual(["https://addins.example.com/ct/dialog.html"]);
    expect(completed).toBe(1);
  });

  test("a modern webview is left alone", () => {
    const page = loadPage("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0", true);
    page.fire("DOMContentLoaded");
    expect(page.body.children.map((c) => c.tag)).toEqual(["main"]);
    expect(page.window.customerTiersUnsupported).toBe(false);
  });

  test("every page loads the probe and the check before office.js and the bundles", () => {
    for (const page of ["src/taskpane/taskpane.html", "src/commands/commands.html", "src/commands/dialog.html"]) {
      const html = fs.readFileSync(path.join(ROOT, page), "utf8");
      const order = ["es2020-probe.js", "es5-check.js", "<%= officeJs %>"].map((s) => html.indexOf(s));
      expect([page, order.every((i, k) => i > 0 && (k === 0 || i > order[k - 1]))]).toEqual([page, true]);
    }
  });

  test("no API newer than the webviews the manifest allows (structuredClone needs Safari 15.4)", () => {
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(d, e.name));
        else if (e.name.endsWith(".ts")) files.push(path.join(d, e.name));
      }
    };
    for (const d of ["src/core", "src/office", "src/taskpane", "src/commands"]) walk(path.join(ROOT, d));
    const found = files.filter((f) => /\bstructuredClone\(|\.findLast(Index)?\(|Object\.hasOwn\(|\.toSorted\(|\.toReversed\(|Array\.fromAsync\(/.test(fs.readFileSync(f, "utf8")));
    expect(found.map((f) => path.relative(ROOT, f))).toEqual([]);
  });
});

/**
 * Node only: real office.js (npm @microsoft/office-js, the Excel on the web build) loaded in a sandbox, fed
 * every call the adapter makes on the fake, so that the fake counts each request at the size office.js's own
 * request serialisation gives it (the JSON body Excel on the web receives). Nothing is sent anywhere: the
 * request executor only measures the body and answers with an empty result.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import type { FakeRequestContext } from "./context";

type Obj = Record<PropertyKey, unknown>;

interface Executor {
  executeAsync(customData: unknown, flags: number, message: { Body: unknown }): Promise<unknown>;
}

/** What a tee'd context reports: requests measured and calls office.js could not mirror. */
export interface OfficeJsMeter {
  /** Calls that office.js refused or that have no office.js counterpart (their bytes are not counted). */
  misses: string[];
}

let excelNamespace: Obj | null = null;

/** The `Excel` namespace of real office.js, loaded once. */
function realExcel(): Obj {
  if (excelNamespace) return excelNamespace;
  const file = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist", "excel-web-16.00.js");
  const noop = (): void => undefined;
  const sandbox: Obj = {
    console: { log: noop, warn: noop, error: noop, info: noop },
    setTimeout,
    clearTimeout,
    Promise,
    navigator: { userAgent: "node" },
    document: { addEventListener: noop, readyState: "complete", getElementsByTagName: () => [], createElement: () => ({ setAttribute: noop, style: {} }) },
    location: { href: "https://localhost/", protocol: "https:", search: "", hash: "" },
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  vm.createContext(sandbox);
  vm.runInContext(fs.readFileSync(file, "utf8"), sandbox, { filename: file });
  excelNamespace = sandbox.Excel as Obj;
  return excelNamespace;
}

const FAKE = Symbol("fake");
const SHADOW = Symbol("shadow");

function isObject(v: unknown): v is Obj {
  return typeof v === "object" && v !== null;
}

function fakeOf(v: unknown): unknown {
  return isObject(v) && v[FAKE] !== undefined ? v[FAKE] : v;
}

function shadowOf(v: unknown): unknown {
  return isObject(v) && v[FAKE] !== undefined ? v[SHADOW] : v;
}

/** Wraps a fake object so that every call and property set on it is made on its office.js twin too. */
function tee<T extends object>(fake: T, shadow: unknown, meter: OfficeJsMeter, where: string): T {
  const twin = isObject(shadow) ? shadow : null;
  return new Proxy(fake, {
    get(target, prop) {
      if (prop === FAKE) return target;
      if (prop === SHADOW) return twin;
      const v: unknown = Reflect.get(target, prop, target);
      if (typeof v === "function") {
        return (...args: unknown[]): unknown => {
          const result: unknown = (v as (...a: unknown[]) => unknown).apply(target, args.map(fakeOf));
          let twinResult: unknown = null;
          const f = twin?.[prop];
          if (typeof f === "function") {
            try {
              twinResult = (f as (...a: unknown[]) => unknown).apply(twin, args.map(shadowOf));
            } catch (e) {
              meter.misses.push(`${where}.${String(prop)}: ${String(e)}`);
            }
          } else meter.misses.push(`${where}.${String(prop)}`);
          return isObject(result) && !Array.isArray(result) ? tee(result, twinResult, meter, `${where}.${String(prop)}()`) : result;
        };
      }
      if (prop === "items" && Array.isArray(v)) {
        return v.map((item: unknown, i) => {
          if (!isObject(item)) return item;
          let twinItem: unknown = null;
          try {
            const name = (item as { name?: unknown }).name;
            const getItem = twin?.getItem;
            if (typeof name === "string" && typeof getItem === "function") twinItem = (getItem as (k: string) => unknown).call(twin, name);
          } catch {
            twinItem = null;
          }
          return tee(item, twinItem, meter, `${where}.items[${i}]`);
        });
      }
      if (isObject(v) && !Array.isArray(v)) {
        let twinValue: unknown = null;
        try {
          twinValue = twin?.[prop];
        } catch {
          twinValue = null;
        }
        return tee(v, twinValue, meter, `${where}.${String(prop)}`);
      }
      return v;
    },
    set(target, prop, value: unknown) {
      Reflect.set(target, prop, fakeOf(value), target);
      if (twin) {
        try {
          twin[prop] = shadowOf(value);
        } catch (e) {
          meter.misses.push(`${where}.${String(prop)}=: ${String(e)}`);
        }
      } else meter.misses.push(`${where}.${String(prop)}=`);
      return true;
    },
  });
}

/**
 * The fake context as the adapter sees it, with real office.js beside it: at every sync the office.js
 * request is serialised, and the fake counts (and limits) that request at the serialised body's size.
 */
export function withOfficeJsSizes(fake: FakeRequestContext, meter: OfficeJsMeter = { misses: [] }): FakeRequestContext {
  const Excel = realExcel();
  const RequestContext = Excel.RequestContext as new () => Obj;
  const real = new RequestContext();
  let body = 0;
  const executor: Executor = {
    executeAsync: (_c, _f, message) => {
      body = Buffer.byteLength(JSON.stringify(message.Body), "utf8");
      return Promise.resolve({ ErrorCode: null, HttpStatusCode: 200, Headers: {}, Body: { Results: [] } });
    },
  };
  real._requestExecutor = executor;
  const workbook = tee(fake.workbook, real.workbook, meter, "workbook");
  const sync = async (): Promise<void> => {
    body = 0;
    try {
      await (real.sync as () => Promise<unknown>).call(real);
    } catch (e) {
      meter.misses.push(`sync: ${String(e)}`);
    }
    await fake.sync(body > 0 ? body : undefined);
  };
  return new Proxy(fake, {
    get(target, prop) {
      if (prop === "workbook") return workbook;
      if (prop === "sync") return sync;
      return Reflect.get(target, prop, target);
    },
  });
}

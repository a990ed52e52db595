import type { Lang } from "../core/i18n/lang";

/** What the command line asked for. */
export type CliRequest =
  | { kind: "help" }
  | { kind: "version" }
  | { kind: "run"; input: string; out?: string; lang?: Lang; asOf?: string; json: boolean }
  | { kind: "error"; code: ArgErrorCode; arg: string; lang?: Lang };

export type ArgErrorCode = "noInput" | "unknownOption" | "missingValue" | "badLang" | "badDate" | "extraArg";

const LANGS: Record<string, Lang> = { "zh-cn": "zh-CN", zh: "zh-CN", "en-us": "en-US", en: "en-US" };

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Parses `customer-tiers <input.xlsx> [--out f] [--lang zh-CN|en-US] [--as-of YYYY-MM-DD] [--json]`. */
export function parseArgs(argv: string[]): CliRequest {
  let input: string | undefined;
  let out: string | undefined;
  let lang: Lang | undefined;
  let asOf: string | undefined;
  let json = false;
  let pendingError: CliRequest | undefined;
  const fail = (code: ArgErrorCode, arg: string): void => {
    pendingError ??= { kind: "error", code, arg };
  };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    if (raw === "-h" || raw === "--help") return { kind: "help" };
    if (raw === "-v" || raw === "--version") return { kind: "version" };
    if (raw === "--") {
      for (const rest of argv.slice(i + 1)) {
        if (input === undefined) input = rest;
        else fail("extraArg", rest);
      }
      break;
    }
    if (raw.startsWith("-") && raw !== "-") {
      const eq = raw.indexOf("=");
      const name = eq > 0 ? raw.slice(0, eq) : raw;
      const takeValue = (): string | undefined => {
        if (eq > 0) return raw.slice(eq + 1);
        const v = argv[i + 1];
        if (v === undefined || (v.startsWith("--") && v.length > 2)) return undefined;
        i++;
        return v;
      };
      switch (name) {
        case "--json":
          json = true;
          break;
        case "--out":
        case "-o": {
          const v = takeValue();
          if (!v) fail("missingValue", name);
          else out = v;
          break;
        }
        case "--lang": {
          const v = takeValue();
          if (!v) fail("missingValue", name);
          else if (!LANGS[v.toLowerCase()]) fail("badLang", v);
          else lang = LANGS[v.toLowerCase()];
          break;
        }
        case "--as-of": {
          const v = takeValue();
          if (!v) fail("missingValue", name);
          else if (!isIsoDate(v)) fail("badDate", v);
          else asOf = v;
          break;
        }
        default:
          fail("unknownOption", raw);
      }
      continue;
    }
    if (input === undefined) input = raw;
    else fail("extraArg", raw);
  }
  if (pendingError && pendingError.kind === "error") return { ...pendingError, lang };
  if (input === undefined) return { kind: "error", code: "noInput", arg: "", lang };
  return { kind: "run", input, out, lang, asOf, json };
}

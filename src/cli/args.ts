import type { Lang } from "../core/i18n/lang";

/** What the command line asked for. */
export type CliRequest =
  | { kind: "help" }
  | { kind: "version" }
  | ({ kind: "run" } & RunRequest)
  | { kind: "template"; file: string; lang?: Lang }
  | { kind: "error"; code: ArgErrorCode; arg: string; lang?: Lang };

/** A run over one or more workbooks (files or folders). */
export interface RunRequest {
  inputs: string[];
  out?: string;
  /** Batch: where every workbook's output goes (default: beside each input). */
  outDir?: string;
  /** Batch: the consolidated workbook for the command centre. */
  summary?: string;
  /** Batch: workbooks run at once (default: the number of cores). */
  jobs?: number;
  /** Per-customer results for BI tools. */
  format?: { kind: "csv" | "json"; file: string };
  lang?: Lang;
  asOf?: string;
  json: boolean;
}

export type ArgErrorCode = "noInput" | "unknownOption" | "missingValue" | "badLang" | "badDate" | "badJobs" | "badFormat" | "outWithMany" | "templateWithInput";

const LANGS: Record<string, Lang> = { "zh-cn": "zh-CN", zh: "zh-CN", "en-us": "en-US", en: "en-US" };

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/**
 * Parses `customer-tiers <input.xlsx|folder>… [--out f] [--out-dir d] [--summary f] [--jobs N]
 * [--format csv|json <file>] [--lang zh-CN|en-US] [--as-of YYYY-MM-DD] [--json]`.
 */
export function parseArgs(argv: string[]): CliRequest {
  const inputs: string[] = [];
  let out: string | undefined;
  let outDir: string | undefined;
  let summary: string | undefined;
  let jobs: number | undefined;
  let format: RunRequest["format"];
  let lang: Lang | undefined;
  let asOf: string | undefined;
  let json = false;
  let template: string | undefined;
  let pendingError: CliRequest | undefined;
  const fail = (code: ArgErrorCode, arg: string): void => {
    pendingError ??= { kind: "error", code, arg };
  };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    if (raw === "-h" || raw === "--help") return { kind: "help" };
    if (raw === "-v" || raw === "--version") return { kind: "version" };
    if (raw === "--") {
      inputs.push(...argv.slice(i + 1));
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
        case "--template": {
          const v = takeValue();
          if (!v) fail("missingValue", name);
          else template = v;
          break;
        }
        case "--out":
        case "-o": {
          const v = takeValue();
          if (!v) fail("missingValue", name);
          else out = v;
          break;
        }
        case "--out-dir":
        case "--summary": {
          const v = takeValue();
          if (!v) fail("missingValue", name);
          else if (name === "--out-dir") outDir = v;
          else summary = v;
          break;
        }
        case "--jobs":
        case "-j": {
          const v = takeValue();
          if (!v) fail("missingValue", name);
          else if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 256) fail("badJobs", v);
          else jobs = Number(v);
          break;
        }
        case "--format": {
          const kind = takeValue();
          const file = argv[i + 1];
          if (!kind) fail("missingValue", name);
          else if (kind !== "csv" && kind !== "json") fail("badFormat", kind);
          else if (file === undefined || file.startsWith("-")) fail("missingValue", `${name} ${kind}`);
          else {
            i++;
            format = { kind, file };
          }
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
    inputs.push(raw);
  }
  if (pendingError && pendingError.kind === "error") return { ...pendingError, lang };
  if (template !== undefined) return inputs.length === 0 ? { kind: "template", file: template, lang } : { kind: "error", code: "templateWithInput", arg: inputs[0], lang };
  if (inputs.length === 0) return { kind: "error", code: "noInput", arg: "", lang };
  if (out !== undefined && inputs.length > 1) return { kind: "error", code: "outWithMany", arg: "--out", lang };
  return { kind: "run", inputs, out, outDir, summary, jobs, format, lang, asOf, json };
}

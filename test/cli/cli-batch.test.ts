import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { cli, copyFixture, readBack, sha256, tabRecords, tempDir } from "./helpers/cli-run";

const ROOT = path.join(__dirname, "..", "..");
const GOOD = ["clean.xlsx", "long.xlsx", "register-messy.xlsx", "wide.xlsx"];
const BAD = ["encrypted.xlsx", "not-a-workbook.xlsx"];

interface SingleJson {
  customers: number;
  byTier: Record<string, number>;
  byVerdict: Record<string, number>;
  problems: { error: number; warning: number; note: number };
  exitCode: number;
}

/** A folder holding copies of the named fixtures (a branch folder). */
function branchFolder(names: string[]): string {
  const dir = tempDir("ct-batch-");
  for (const n of names) copyFixture(n, dir);
  return dir;
}

/** The single run of each workbook, as `customer-tiers <file> --json` reports it. */
async function singleRuns(names: string[]): Promise<Map<string, SingleJson>> {
  const dir = branchFolder(names);
  const out = new Map<string, SingleJson>();
  for (const n of names) {
    const r = await cli([path.join(dir, n), "--as-of", "2024-06-30", "--json"]);
    out.set(n, JSON.parse(r.stdout) as SingleJson);
  }
  return out;
}

describe("batch: every workbook of a folder runs as a single run would", () => {
  let dir: string;
  let result: Awaited<ReturnType<typeof cli>>;
  let json: { workbooks: ({ file: string; exitCode: number; output?: string } & Partial<SingleJson>)[]; exitCode: number };

  beforeAll(async () => {
    dir = branchFolder([...GOOD, ...BAD]);
    result = await cli([dir, "--as-of", "2024-06-30", "--summary", path.join(dir, "summary.xlsx"), "--json"]);
    json = JSON.parse(result.stdout);
  });

  test("one bad workbook is reported and the others still run; the exit code is the worst of them", () => {
    expect(result.code).toBe(2);
    expect(json.exitCode).toBe(2);
    const byFile = new Map(json.workbooks.map((w) => [path.basename(w.file), w]));
    expect([...byFile.keys()].sort()).toEqual([...GOOD, ...BAD].sort());
    for (const n of GOOD) {
      expect(byFile.get(n)!.exitCode).toBeLessThan(2);
      expect(fs.existsSync(path.join(dir, n.replace(/\.xlsx$/, ".tiers.xlsx")))).toBe(true);
    }
    for (const n of BAD) {
      expect(byFile.get(n)!.exitCode).toBe(2);
      expect(fs.existsSync(path.join(dir, n.replace(/\.xlsx$/, ".tiers.xlsx")))).toBe(false);
    }
    // Each failure is named on stderr in the user's words.
    expect(result.stderr).toContain("encrypted.xlsx");
    expect(result.stderr).toContain("工作簿设有打开密码");
  });

  test("--json prints one entry per workbook, each the figures its single run prints", async () => {
    const single = await singleRuns(GOOD);
    for (const n of GOOD) {
      const w = json.workbooks.find((x) => path.basename(x.file) === n)!;
      const s = single.get(n)!;
      expect({ customers: w.customers, byTier: w.byTier, byVerdict: w.byVerdict, problems: w.problems, exitCode: w.exitCode })
        .toEqual({ customers: s.customers, byTier: s.byTier, byVerdict: s.byVerdict, problems: s.problems, exitCode: s.exitCode });
    }
  });

  test("the consolidated workbook's figures equal the sum of the single runs", async () => {
    const single = await singleRuns(GOOD);
    const wb = await readBack(path.join(dir, "summary.xlsx"));
    const rows = tabRecords(wb.getWorksheet("各工作簿汇总")!);
    expect(rows.map((r) => r["工作簿"])).toEqual([...[...GOOD, ...BAD].sort(), "合计"]);
    const total = rows[rows.length - 1];
    const sum = (f: (s: SingleJson) => number) => GOOD.reduce((a, n) => a + f(single.get(n)!), 0);
    expect(total["客户数"]).toBe(sum((s) => s.customers));
    expect(total["资料不全"]).toBe(sum((s) => s.byTier.incomplete));
    for (const t of ["A", "B", "C", "D"]) expect(total[t]).toBe(sum((s) => s.byTier[t]));
    expect(total["维持关系"]).toBe(sum((s) => s.byVerdict.maintain));
    expect(total["改善关系"]).toBe(sum((s) => s.byVerdict.improve));
    expect(total["终止关系"]).toBe(sum((s) => s.byVerdict.end));
    expect(total["错误"]).toBe(sum((s) => s.problems.error));
    for (const n of GOOD) {
      const row = rows.find((r) => r["工作簿"] === n)!;
      expect(row["客户数"]).toBe(single.get(n)!.customers);
      expect(row["退出码"]).toBe(single.get(n)!.exitCode);
    }
    for (const n of BAD) expect(rows.find((r) => r["工作簿"] === n)!["结果"]).toBe("未能处理");

    // One row per account manager across the workbooks, adding up to the same customers.
    const managers = tabRecords(wb.getWorksheet("客户经理汇总")!);
    const managerTotal = managers[managers.length - 1];
    expect(managerTotal["客户经理"]).toBe("合计");
    expect(managerTotal["客户数"]).toBe(total["客户数"]);
    const names = managers.slice(0, -1).map((m) => m["客户经理"]);
    expect(new Set(names).size).toBe(names.length);
    expect(managers.slice(0, -1).reduce((a, m) => a + Number(m["客户数"]), 0)).toBe(total["客户数"]);
  });

  test("every workbook's problems are listed as file!sheet!cell, and failed workbooks too", async () => {
    const wb = await readBack(path.join(dir, "summary.xlsx"));
    const problems = tabRecords(wb.getWorksheet("全部数据问题")!);
    const where = problems.map((p) => String(p["位置"]));
    expect(where).toEqual(expect.arrayContaining([expect.stringMatching(/^register-messy\.xlsx!'register-messy'!A\d+$/)]));
    expect(problems.filter((p) => p["工作簿"] === "encrypted.xlsx").map((p) => p["级别"])).toEqual(["错误"]);
  });

  test("inputs are only read", async () => {
    const fresh = branchFolder(GOOD);
    const before = GOOD.map((n) => sha256(path.join(fresh, n)));
    await cli([fresh, "--as-of", "2024-06-30"]);
    expect(GOOD.map((n) => sha256(path.join(fresh, n)))).toEqual(before);
  });
});

describe("batch: outputs, carry-over and refusals per workbook", () => {
  test("--out-dir collects the outputs; a second batch carries each workbook's edits and history", async () => {
    const dir = branchFolder(GOOD);
    const outDir = path.join(dir, "out", "2024-06");
    const first = await cli([...GOOD.map((n) => path.join(dir, n)), "--out-dir", outDir, "--as-of", "2024-06-30", "--json"]);
    expect(first.code).toBe(1);
    expect(fs.readdirSync(outDir).sort()).toEqual(GOOD.map((n) => n.replace(/\.xlsx$/, ".tiers.xlsx")).sort());
    const second = await cli([...GOOD.map((n) => path.join(dir, n)), "--out-dir", outDir, "--as-of", "2024-07-31", "--json"]);
    const entries = JSON.parse(second.stdout).workbooks as { carried?: boolean }[];
    expect(entries.map((e) => e.carried)).toEqual(GOOD.map(() => true));
  });

  test("a foreign file in the way of one output stops that workbook only", async () => {
    const dir = branchFolder(GOOD);
    fs.writeFileSync(path.join(dir, "clean.tiers.xlsx"), "my own notes");
    const r = await cli([dir, "--as-of", "2024-06-30", "--json"]);
    const entries = JSON.parse(r.stdout).workbooks as { file: string; exitCode: number; error?: { code: string } }[];
    const clean = entries.find((e) => path.basename(e.file) === "clean.xlsx")!;
    expect(clean).toMatchObject({ exitCode: 2, error: { code: "output.foreign" } });
    expect(fs.readFileSync(path.join(dir, "clean.tiers.xlsx"), "utf8")).toBe("my own notes");
    expect(entries.filter((e) => e.exitCode < 2)).toHaveLength(GOOD.length - 1);
    expect(r.code).toBe(2);
  });

  test("two inputs of the same name from different folders never overwrite each other in --out-dir", async () => {
    const a = branchFolder(["clean.xlsx"]);
    const b = branchFolder(["clean.xlsx"]);
    const outDir = tempDir();
    const r = await cli([path.join(a, "clean.xlsx"), path.join(b, "clean.xlsx"), "--out-dir", outDir, "--json"]);
    const entries = JSON.parse(r.stdout).workbooks as { exitCode: number; error?: { code: string } }[];
    expect(entries.map((e) => e.error?.code ?? "ok")).toEqual(["ok", "output.clash"]);
  });

  test("--out with several workbooks is refused with the way to do it", async () => {
    const r = await cli(["a.xlsx", "b.xlsx", "--out", "x.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--out-dir");
  });
});

describe("results for BI tools (--format)", () => {
  test("CSV: UTF-8 with a BOM, one row per customer with the workbook first, hostile text never a formula", async () => {
    const dir = branchFolder(GOOD);
    const file = path.join(dir, "results.csv");
    const r = await cli([dir, "--as-of", "2024-06-30", "--format", "csv", file, "--json"]);
    const entries = JSON.parse(r.stdout).workbooks as { customers: number }[];
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).split("\r\n").filter((l) => l !== "");
    expect(lines[0]).toBe("workbook,key,name,manager,score,tier,manualTier,verdict,coverage,status,segment");
    expect(lines.length - 1).toBe(entries.reduce((a, e) => a + e.customers, 0));
    expect(lines).toContain(lines.find((l) => l.startsWith("register-messy.xlsx,M002,")));
    const hostile = lines.find((l) => l.startsWith("register-messy.xlsx,M002,"))!;
    // Quoted, doubled quotes, and an apostrophe so Excel shows the text instead of running it.
    expect(hostile).toContain(`"'=HYPERLINK(""http://example.invalid/x"",""点我"")"`);
  });

  test("JSON lines for a single workbook: the roster's values, no workbook column", async () => {
    const dir = branchFolder(["clean.xlsx"]);
    const file = path.join(dir, "clean.jsonl");
    const r = await cli([path.join(dir, "clean.xlsx"), "--as-of", "2024-06-30", "--format", "json", file]);
    expect(r.code).toBe(0);
    const rows = fs.readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toHaveLength(12);
    expect(Object.keys(rows[0])).toEqual(["key", "name", "manager", "score", "tier", "manualTier", "verdict", "coverage", "status", "segment"]);
    expect(rows.every((x) => typeof x.score === "number" && ["A", "B", "C", "D"].includes(String(x.tier)))).toBe(true);
    expect(rows.every((x) => ["维持关系", "改善关系", "终止关系"].includes(String(x.verdict)))).toBe(true);
    expect(rows.map((x) => x.key).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `K${String(i + 1).padStart(3, "0")}`));
  });
});

describe("batch on worker threads (the compiled command line)", () => {
  const BIN = path.join(ROOT, "bin", "customer-tiers.js");
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(ROOT, "scripts", "build-cli.js")], { stdio: "pipe" });
  }, 180000);

  test("--jobs 2 gives the same figures as --jobs 1, and a workbook that fails does not stop its worker's next", () => {
    const dir = branchFolder([...GOOD, ...BAD]);
    const run = (jobs: string, outDir: string) => {
      const r = spawnSync(process.execPath, [BIN, dir, "--jobs", jobs, "--out-dir", outDir, "--as-of", "2024-06-30", "--json"], { encoding: "utf8" });
      expect(r.status).toBe(2);
      return (JSON.parse(r.stdout).workbooks as Record<string, unknown>[]).map(({ output: _o, ...rest }) => rest);
    };
    const one = run("1", path.join(dir, "one"));
    const two = run("2", path.join(dir, "two"));
    expect(two).toEqual(one);
    expect(one.filter((w) => w.exitCode === 2)).toHaveLength(BAD.length);
    expect(fs.readdirSync(path.join(dir, "two")).filter((f) => f.endsWith(".tiers.xlsx"))).toHaveLength(GOOD.length);
  });
});

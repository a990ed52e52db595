import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { copyFixture, sha256, tempDir } from "./helpers/cli-run";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "customer-tiers.js");

// The package's bin runs the compiled command line: build it the way `npm run tiers` does.
beforeAll(() => {
  try {
    execFileSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", path.join(ROOT, "src", "cli", "tsconfig.json")], { stdio: "pipe" });
  } catch (e) {
    // tsc reports type errors anywhere in the tree but still emits; the launcher's own check follows.
    if (!fs.existsSync(path.join(ROOT, "dist-node", "src", "cli", "main.js"))) throw e;
  }
}, 120000);

describe("bin/customer-tiers.js as a real process", () => {
  test("exit codes reach the shell; a pipe gets no progress output", () => {
    const dir = tempDir();
    const input = copyFixture("clean.xlsx", dir);
    const before = sha256(input);
    const ok = spawnSync(process.execPath, [BIN, input, "--as-of", "2024-06-30"], { encoding: "utf8" });
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("clean.tiers.xlsx");
    expect(sha256(input)).toBe(before);

    const messy = spawnSync(process.execPath, [BIN, copyFixture("register-messy.xlsx", dir), "--as-of", "2024-06-30"], { encoding: "utf8" });
    expect(messy.status).toBe(1);

    const bad = spawnSync(process.execPath, [BIN, path.join(dir, "missing.xlsx"), "--lang", "en-US"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("File not found");
  });

  test("--version", () => {
    const r = spawnSync(process.execPath, [BIN, "--version"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(`customer-tiers ${(JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version}`);
  });
});

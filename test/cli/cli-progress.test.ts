import { Progress } from "../../src/cli/progress";
import { cli, copyFixture, tempDir } from "./helpers/cli-run";
import { runCli } from "../../src/cli/run-cli";

describe("progress on stderr", () => {
  test("drawn on one line when stderr is a terminal, cleared before the summary", () => {
    let err = "";
    const p = new Progress(true, (s) => (err += s), "en-US");
    p.scoring();
    p.clear();
    expect(err).toBe("\r\x1b[KScoring…\r\x1b[K");
  });

  test("nothing at all when stderr is not a terminal", () => {
    let err = "";
    const p = new Progress(false, (s) => (err += s), "zh-CN");
    p.read("客户状况登记表", 5000);
    p.scoring();
    p.writing("客户分级名册", 10, 20);
    p.clear();
    expect(err).toBe("");
  });

  test("a real run on a terminal shows progress on stderr and keeps stdout clean", async () => {
    const dir = tempDir();
    const input = copyFixture("clean.xlsx", dir);
    let out = "";
    let err = "";
    const code = await runCli([input, "--as-of", "2024-06-30", "--json"], {
      stdout: (s) => (out += s),
      stderr: (s) => (err += s),
      stderrIsTTY: true,
      env: {},
      now: () => new Date("2024-07-01T08:00:00Z"),
    });
    expect(code).toBe(0);
    expect(err).toContain("计算中");
    expect(() => JSON.parse(out) as unknown).not.toThrow();
    // The same run through a pipe prints nothing on stderr.
    expect((await cli([input, "--as-of", "2024-06-30", "--json", "--out", `${dir}/b.xlsx`])).stderr).toBe("");
  });
});

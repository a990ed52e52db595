import * as path from "path";
import { runCli } from "./run-cli";
import { packageRoot } from "./version";

/** The date the demo treats as "today", so its schedules and warnings are the same on every machine. */
const DEMO_AS_OF = "2024-06-30";

/**
 * `npm run demo`: runs the command line on the bundled sample into out/demo/ (git-ignored) and prints
 * the summary. The sample has deliberately messy rows, so exit code 1 (problems found, outputs written)
 * is what a working demo gives; only 2 fails the script.
 */
export async function demo(argv: string[]): Promise<number> {
  const root = packageRoot();
  const english = argv.includes("--en");
  const input = path.join(root, "assets", "sample", english ? "sample-en.xlsx" : "sample.xlsx");
  const output = path.join(root, "out", "demo", english ? "sample-en.tiers.xlsx" : "sample.tiers.xlsx");
  const code = await runCli([input, "--out", output, "--as-of", DEMO_AS_OF], {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
    now: () => new Date(),
  });
  if (code === 1) {
    process.stdout.write(
      english
        ? "\n(Exit code 1 is expected: the sample contains messy rows on purpose. Open the output above in Excel.)\n"
        : "\n（退出码 1 属正常：示例中故意放入了有问题的行。请用 Excel 打开上面的输出文件查看。）\n",
    );
  }
  return code === 2 ? 2 : 0;
}

if (require.main === module) {
  demo(process.argv.slice(2)).then((code) => (process.exitCode = code));
}

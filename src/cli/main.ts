import type { CliIo } from "./run-cli";
import { parseArgs } from "./args";
import { messageLang } from "./cli-lang";
import { helpText } from "./messages";
import { packageVersion } from "./version";

/** Entry point of the compiled command line (bin/customer-tiers.js loads this). */
export function main(): void {
  const argv = process.argv.slice(2);
  // --help and --version answer before the reader, the writer and the core are loaded: at once.
  const quick = parseArgs(argv);
  if (quick.kind === "help") {
    process.stdout.write(helpText(messageLang(undefined, process.env)) + "\n");
    return;
  }
  if (quick.kind === "version") {
    process.stdout.write(`customer-tiers ${packageVersion()}\n`);
    return;
  }
  const io: CliIo = {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
    now: () => new Date(),
  };
  import("./collect-garbage")
    .then(({ allowHeapTuning }) => allowHeapTuning())
    .then(() => import("./run-cli"))
    .then(({ runCli }) => runCli(argv, io))
    .then(
      (code) => {
        // exitCode, not exit(): let stdout drain when it is a pipe.
        process.exitCode = code;
      },
      (e: unknown) => {
        process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
        process.exitCode = 2;
      },
    );
}

if (require.main === module) main();

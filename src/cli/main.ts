import { runCli } from "./run-cli";

/** Entry point of the compiled command line (bin/customer-tiers.js loads this). */
export function main(): void {
  runCli(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
    now: () => new Date(),
  }).then(
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

import fs from "fs";
import path from "path";
import webpack, { type Configuration } from "webpack";

const ROOT = path.resolve(__dirname, "..", "..");

/** Where the e2e tests build the add-in: apart from dist/ (the developers'), one folder per test process. */
export const E2E_DIST = path.join(ROOT, ".tmp", `e2e-dist-${process.pid}`);

function compile(config: Configuration): Promise<void> {
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true, errorDetails: false })));
      resolve();
    });
  });
}

/** The production URL the e2e build uses, to check that the manifest gets it. */
export const E2E_PUBLIC_URL = "https://addins.example.test/customer-tiers/";

/** Builds the production add-in (webpack.config.js through webpack's Node API) into E2E_DIST. */
export async function buildAddin(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const factory = require(path.join(ROOT, "webpack.config.js")) as (env: Record<string, string>, argv: Record<string, string>) => Configuration;
  const before = process.env.ADDIN_PUBLIC_URL;
  process.env.ADDIN_PUBLIC_URL = E2E_PUBLIC_URL;
  try {
    const config = factory({ outDir: E2E_DIST }, { mode: "production" });
    await compile({ ...config, devtool: false, stats: "errors-only" });
  } finally {
    if (before === undefined) delete process.env.ADDIN_PUBLIC_URL;
    else process.env.ADDIN_PUBLIC_URL = before;
  }
}

/** Builds the fake Office host (Office + Excel globals over the in-memory fake) into E2E_DIST/fake-office.js. */
export async function buildFakeHost(): Promise<void> {
  await compile({
    mode: "development",
    devtool: false,
    context: ROOT,
    target: "web",
    entry: { "fake-office": "./test/e2e/fake-host/office-shim.ts" },
    output: { path: E2E_DIST, filename: "[name].js", clean: false },
    resolve: { extensions: [".ts", ".js"] },
    module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true } } }] },
    stats: "errors-only",
  });
  if (!fs.existsSync(path.join(E2E_DIST, "fake-office.js"))) throw new Error("fake-office.js was not built");
}

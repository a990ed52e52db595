/* eslint-disable no-console */
/**
 * Builds the add-in: the task pane, the ribbon command's function file and its message dialog.
 *
 *   npm run build        production build into dist/ (ADDIN_PUBLIC_URL replaces https://localhost:3000/)
 *   npm run dev-server   https on :3000 with the office-addin-dev-certs certificates, when present
 *
 * env: ADDIN_PUBLIC_URL (production URL, https, ending in /), ADDIN_DIST (output folder, default dist).
 */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** The production URL from ADDIN_PUBLIC_URL, checked; the dev URL (with a warning) when unset. */
function publicUrl(production) {
  const url = process.env.ADDIN_PUBLIC_URL;
  if (!production) return DEV_URL;
  if (!url) {
    console.warn("\n[customer-tiers] ADDIN_PUBLIC_URL is not set: dist/manifest.xml keeps https://localhost:3000/ (fine for sideloading with the dev server, not for a team).\n");
    return DEV_URL;
  }
  if (!/^https:\/\/[^\s"<>]+\/$/.test(url)) throw new Error(`ADDIN_PUBLIC_URL must be an https URL ending in "/": ${url}`);
  return url;
}

/** https options from ~/.office-addin-dev-certs read directly (its getHttpsServerOptions needs sudo on Linux); null when absent. */
function devCertificates() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = ["localhost.crt", "localhost.key", "ca.crt"].map((f) => path.join(dir, f));
  if (!files.every((f) => fs.existsSync(f))) return null;
  const [cert, key, ca] = files.map((f) => fs.readFileSync(f));
  return { cert, key, ca };
}

/**
 * Content-Security-Policy of every page: scripts only from us and Office.js's CDN, no inline script, no
 * connections or frames elsewhere (Office.js's telemetry frame is refused: no data leaves the workbook).
 * Inline styles are allowed because Office.js sets some on the elements it creates; we set none.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "frame-src 'self' https://appsforoffice.microsoft.com",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

module.exports = (env = {}, argv = {}) => {
  const production = (argv.mode ?? process.env.NODE_ENV ?? "production") === "production";
  const url = publicUrl(production);
  const outDir = path.resolve(__dirname, env.outDir ?? process.env.ADDIN_DIST ?? "dist");
  const page = (name, chunks, title) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template: `./src/${chunks[0] === "dialog" ? "commands" : chunks[0]}/${name}.html`,
      chunks,
      scriptLoading: "defer",
      templateParameters: { csp: CSP, officeJs: OFFICE_JS, title },
    });

  const config = {
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "inline-source-map",
    context: __dirname,
    entry: {
      taskpane: "./src/taskpane/taskpane.ts",
      commands: "./src/commands/commands.ts",
      dialog: "./src/commands/dialog.ts",
      "job-worker": "./src/taskpane/job-worker.ts",
    },
    output: { path: outDir, filename: "[name].js", chunkFilename: "[name].[contenthash:8].js", clean: true },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { sourceMap: true, module: "es2020" } } } }],
    },
    performance: { hints: false },
    plugins: [
      page("taskpane", ["taskpane"], "Customer Tiers"),
      page("commands", ["commands"], "Customer Tiers commands"),
      page("dialog", ["dialog"], "Customer Tiers"),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          // Plain files, not bundled: they must stay ES5 (the check) and ES2020 (the probe) as written.
          { from: "src/es5-check/es5-check.js", to: "es5-check.js" },
          { from: "src/es5-check/es2020-probe.js", to: "es2020-probe.js" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (url === DEV_URL ? content : content.toString().split(DEV_URL).join(url).split(DEV_URL.slice(0, -1)).join(url.slice(0, -1))),
          },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      static: { directory: outDir },
      headers: { "Access-Control-Allow-Origin": "*" },
      client: false,
      hot: false,
      liveReload: false,
    },
  };

  if (!production || argv.$0?.includes("serve") || process.argv.includes("serve")) {
    const certs = devCertificates();
    if (certs) config.devServer.server = { type: "https", options: certs };
    else {
      config.devServer.server = "http";
      console.warn(
        "\n[customer-tiers] WARNING: no certificates in ~/.office-addin-dev-certs — serving plain http on :3000.\n" +
          "  Office refuses http add-ins: run `npx office-addin-dev-certs install` (it writes the files even where trusting the CA fails),\n" +
          "  then trust ~/.office-addin-dev-certs/ca.crt in the browser or OS that runs Excel.\n",
      );
    }
  }
  return config;
};

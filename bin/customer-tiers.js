#!/usr/bin/env node
// Launcher for the compiled command line (TypeScript is built into dist-node/ by `npm run build:cli`;
// `npm run tiers -- <file>` builds then runs). Kept in plain JS so the package's bin works without ts-node.
"use strict";
const path = require("path");
const fs = require("fs");

const entry = path.join(__dirname, "..", "dist-node", "src", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write(
    "customer-tiers: the command line is not built yet. Run `npm run build:cli` (or `npm run tiers -- <file>`).\n" +
      "customer-tiers：命令行尚未编译，请先运行 `npm run build:cli`（或 `npm run tiers -- <文件>`）。\n",
  );
  process.exit(2);
}
require(entry).main();

import * as fs from "fs";
import * as path from "path";

interface Found {
  dir: string;
  version: string;
}

/** The nearest folder up from here with a package.json named customer-tiers (src/ and dist-node/ alike). */
function findPackage(): Found | null {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "customer-tiers") return { dir, version: pkg.version ?? "0.0.0" };
    } catch {
      // not here; look one folder up
    }
    dir = path.dirname(dir);
  }
  return null;
}

/** The package version. */
export function packageVersion(): string {
  return findPackage()?.version ?? "0.0.0";
}

/** The package's root folder (where package.json is). */
export function packageRoot(): string {
  return findPackage()?.dir ?? process.cwd();
}

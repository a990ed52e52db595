import fs from "fs";
import os from "os";
import path from "path";

// The validator is a plain Node script (it runs before anything is built); its checks are exported.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkManifest, schemaCheck } = require("../../scripts/validate-manifest.js") as {
  checkManifest: (xml: string) => string[];
  schemaCheck: (file: string) => [boolean, string];
};

const MANIFEST = path.resolve(__dirname, "..", "..", "manifest.xml");
const xml = fs.readFileSync(MANIFEST, "utf8");

describe("manifest validation (offline)", () => {
  test("our manifest passes the schema and our own checks", () => {
    expect(schemaCheck(MANIFEST)).toEqual([true, expect.stringContaining("validates")]);
    expect(checkManifest(xml)).toEqual([]);
  });

  test("an undefined resid, a duplicate control id, an http URL and a missing zh-CN override are caught", () => {
    const broken = xml
      .replace('<Label resid="Recalculate.Label"/>', '<Label resid="Recalculate.Missing"/>')
      .replace('id="CustomerTiers.Recalculate"', 'id="CustomerTiers.ShowTaskpane"')
      .replace('DefaultValue="https://localhost:3000/commands.html"', 'DefaultValue="http://localhost:3000/commands.html"')
      .replace(/(<bt:String id="Group.Label"[^>]*>)\s*<bt:Override[^>]*\/>/, "$1");
    expect(checkManifest(broken)).toEqual(
      expect.arrayContaining([
        "resid not defined in <Resources>: Recalculate.Missing",
        "control id not unique: CustomerTiers.ShowTaskpane",
        "URL is not https: http://localhost:3000/commands.html",
        "Group.Label has no zh-CN override",
      ]),
    );
  });

  test("the schema check fails on a manifest the XSD rejects (a shared runtime)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-"));
    const file = path.join(dir, "manifest.xml");
    fs.writeFileSync(file, xml.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>Everything</Permissions>"));
    expect(schemaCheck(file)[0]).toBe(false);
    expect(checkManifest(xml.replace("<Hosts>\n      <Host xsi:type", "<Runtimes></Runtimes><Hosts>\n      <Host xsi:type"))).toContain(
      "<Runtimes> (shared runtime) is not supported by the schemas we validate against",
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

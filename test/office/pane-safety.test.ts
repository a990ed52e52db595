import fs from "fs";
import path from "path";
import { allKeys, t } from "../../src/taskpane/i18n";

const ROOT = path.resolve(__dirname, "..", "..");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.(ts|html)$/.test(e.name) ? [p] : [];
  });
}

describe("the pane's safety rules", () => {
  test("no HTML sinks and no inline script or style in the pane and the commands", () => {
    const files = [...sources(path.join(ROOT, "src", "taskpane")), ...sources(path.join(ROOT, "src", "commands"))];
    expect(files.length).toBeGreaterThan(5);
    const offenders = files.filter((f) => {
      const text = fs.readFileSync(f, "utf8");
      return /\.(innerHTML|outerHTML)\b|insertAdjacentHTML|document\.write|\beval\(|new Function\(/.test(text) || (f.endsWith(".html") && (/<script(?![^>]*\bsrc=)[^>]*>/.test(text) || /\sstyle=|\son[a-z]+=/.test(text)));
    });
    expect(offenders).toEqual([]);
  });

  test("every UI text exists in Chinese and English, and placeholders are filled", () => {
    for (const key of allKeys()) {
      const zh = t("zh-CN", key);
      const en = t("en-US", key);
      expect([key, zh.length > 0, en.length > 0]).toEqual([key, true, true]);
      expect([key, /[\u4e00-\u9fff]/.test(zh) || zh === en]).toEqual([key, true]);
    }
    expect(t("en-US", "written", { n: 8 })).toBe("8 tabs written.");
    expect(t("zh-CN", "problemsMore", { n: 3 })).toBe("另有 3 条，见“数据问题”工作表。");
  });
});

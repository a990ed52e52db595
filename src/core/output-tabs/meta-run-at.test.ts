import fc from "fast-check";
import { metaRows, metaRunAt, type OutputMeta } from "./write-plan";

describe("the record's run time is read back as written", () => {
  test("metaRunAt(metaRows(meta)) is meta.runAt, whatever else the record holds", () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string(), { maxLength: 3 }), (runAt, names) => {
        const meta = { product: "customer-tiers", version: 3, runAt, tabs: names.map((name) => ({ id: "roster", name })) } as OutputMeta;
        expect(metaRunAt(metaRows(meta))).toBe(runAt);
      }),
    );
  });

  test("no record (an empty or foreign metadata sheet): no run time", () => {
    expect(metaRunAt([])).toBe("");
    expect(metaRunAt([["lock", "abc", "since", "2026-11-30"]])).toBe("");
  });
});

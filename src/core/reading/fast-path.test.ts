import fc from "fast-check";
import { z } from "zod";
import { ProblemLog } from "../problems/problem";
import { registerRowFast, registerRowSchema } from "../register/register-row";
import { REGISTER_FIELDS } from "../register/fields";
import type { RawValue } from "../workbook/grid";
import {
  evaluationScoreFast, evaluationScoreSchema, evaluationWideRowFast, evaluationWideRowSchema,
} from "./evaluation-row";
import { compileFastCheck, fastSafeParse, type FastCheck } from "./fast-path";
import { readRegister } from "./register-reader";

// Values near every edge the schemas draw: negatives, -0, fractions, the 10 and 100 caps, NaN, ±Infinity,
// huge integers, empty text, enum words and near misses, and values of the wrong type.
const EDGES: unknown[] = [
  undefined, null, true, false, "", "good", "high", "asked", "churned", "phone", "unknown", "Good", " high", [], [null], {},
  0, -0, 5e-324, -5e-324, 1, 9.999999999, 10, 10.000000001, 10.5, 11, 99.99999999999, 100, 100.00000000001, 100.0001, -1, -0.5, 0.3,
  2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, NaN, Infinity, -Infinity,
];
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...EDGES),
  fc.double(),
  fc.integer({ min: -5, max: 120 }),
  fc.string({ maxLength: 3 }),
  fc.array(fc.oneof(fc.constant(null), fc.double(), fc.constant(undefined)), { maxLength: 3 }),
  fc.constant({}),
);

/**
 * Rows shaped like a schema's objects: the schema's required keys always there, optional ones half the time;
 * each value mostly valid, sometimes anything; sometimes a key the schema lacks.
 */
function rowsLike(schema: z.ZodObject, valid: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, v] of Object.entries(valid)) model[k] = fc.oneof({ weight: 6, arbitrary: v }, { weight: 1, arbitrary: anyValue });
  const required = Object.keys(valid).filter((k) => !schema.shape[k].safeParse(undefined).success);
  return fc.tuple(fc.record(model, { requiredKeys: required }), fc.option(fc.constantFrom("extra", "Key"), { nil: undefined, freq: 8 }), anyValue)
    .map(([row, extra, value]) => (extra === undefined ? row : { ...row, [extra]: value }));
}

const text = fc.string({ maxLength: 4 });
const registerValid: Record<string, fc.Arbitrary<unknown>> = {
  key: fc.string({ minLength: 1, maxLength: 4 }), sheet: text, row: fc.nat(), rowAddress: text,
  churnCauseText: text,
  ...Object.fromEntries(REGISTER_FIELDS.map((f) => [f.id, validOf(f.id)])),
};

/** A value the register schema accepts for a field (by what the schema says, so the test follows it). */
function validOf(field: string): fc.Arbitrary<unknown> {
  const shape = registerRowSchema.shape as Record<string, z.ZodType>;
  const samples = [0, 1, 7, 10, 55.5, 100, 45000, "", "x", "甲", true, false, "good", "fair", "poor", "phone", "wechat", "high", "low",
    "active", "churned", "transferred", "service", "unknown", "other", "asked", "needEnded"];
  const accepted = samples.filter((s) => shape[field].safeParse(s).success);
  return fc.oneof(fc.constantFrom(...accepted), fc.double({ min: 0, max: 100, noNaN: true }), fc.nat({ max: 10 }));
}

/** The property: what the fast path accepts, zod accepts with an equal value; a refused value is zod's own result. */
function agreesWithZod<S extends z.ZodType>(schema: S, fast: FastCheck<z.output<S>>, rows: fc.Arbitrary<unknown>): void {
  fc.assert(
    fc.property(rows, (row) => {
      const viaZod = schema.safeParse(row);
      const viaFast = fastSafeParse(schema, fast, row);
      if (fast(row)) {
        expect(viaZod.success).toBe(true);
        expect(viaFast.data).toStrictEqual(viaZod.data);
      } else {
        expect(viaFast.success).toBe(viaZod.success);
        expect(viaFast.error?.issues).toEqual(viaZod.error?.issues);
        expect(viaFast.data).toStrictEqual(viaZod.data);
      }
    }),
    { numRuns: 1500 },
  );
}

describe("the fast path accepts a row only when zod accepts it unchanged", () => {
  it("register rows", () => agreesWithZod(registerRowSchema, registerRowFast, rowsLike(registerRowSchema, registerValid)));
  it("evaluation scores (long and form layouts)", () =>
    agreesWithZod(evaluationScoreSchema, evaluationScoreFast, rowsLike(evaluationScoreSchema, {
      key: fc.string({ minLength: 1, maxLength: 3 }), id: text, name: text, indicator: fc.string({ minLength: 1, maxLength: 3 }),
      score: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: fc.double({ noNaN: true, noDefaultInfinity: true }),
      maxScore: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 200, noNaN: true })),
    })));
  it("wide evaluation rows", () =>
    agreesWithZod(evaluationWideRowSchema, evaluationWideRowFast, rowsLike(evaluationWideRowSchema, {
      key: fc.string({ minLength: 1, maxLength: 3 }), id: fc.option(text, { nil: undefined }), name: text,
      scores: fc.array(fc.oneof(fc.constant(null), fc.double()), { maxLength: 5 }),
    })));
  it("accepts the rows readers build (the path is taken, not only sound)", () => {
    expect(registerRowFast({ key: "C1", id: "C1", name: "甲", satisfaction: 80, potential: "high", employees: 3, sheet: "s", row: 1, rowAddress: "A2" })).toBe(true);
    expect(evaluationWideRowFast({ key: "C1", id: "C1", name: undefined, scores: [1, null, 99.5] })).toBe(true);
    expect(evaluationScoreFast({ key: "C1", indicator: "x", score: 5 })).toBe(true);
  });
});

describe("every field at every edge value", () => {
  const base = { key: "C1", indicator: "x", score: 5, sheet: "s", row: 1, rowAddress: "A2", scores: [1, null] };
  const cases: [string, z.ZodObject, FastCheck<unknown>][] = [
    ["register", registerRowSchema, registerRowFast], ["score", evaluationScoreSchema, evaluationScoreFast], ["wide", evaluationWideRowSchema, evaluationWideRowFast],
  ];
  it.each(cases)("%s rows: fast accepts ⇒ zod accepts the same value", (_, schema, fast) => {
    const keys = Object.keys(schema.shape);
    const row = Object.fromEntries(keys.filter((k) => k in base).map((k) => [k, base[k as keyof typeof base]]));
    let accepted = 0;
    for (const k of keys) {
      const { [k]: _dropped, ...without } = row;
      for (const probe of [without, ...EDGES.map((v) => ({ ...row, [k]: v }))]) {
        const v = probe[k];
        const viaZod = schema.safeParse(probe);
        if (fast(probe)) {
          accepted++;
          expect({ k, v, ok: viaZod.success }).toEqual({ k, v, ok: true });
          expect(viaZod.data).toStrictEqual(probe);
        }
      }
    }
    expect(accepted).toBeGreaterThan(0);
  });
});

describe("schemas the fast path cannot check exactly go to zod whole", () => {
  it("a refinement, a transform or another number format is never fast", () => {
    const refined = compileFastCheck(z.object({ a: z.number().refine((n) => n !== 3) }));
    const transformed = compileFastCheck(z.object({ a: z.string().transform((s) => s.trim()) }));
    const int32 = compileFastCheck(z.object({ a: z.int32() }));
    expect([refined({ a: 1 }), transformed({ a: "x" }), int32({ a: 1 })]).toEqual([false, false, false]);
    // z.int() is a number schema that is its own safe-integer check.
    const int = compileFastCheck(z.object({ a: z.int() }));
    expect([int({ a: 1 }), int({ a: 1.5 })]).toEqual([true, false]);
  });
  it("a key the schema does not know (zod strips it) is left to zod", () => {
    expect(evaluationScoreFast({ key: "C1", indicator: "x", score: 5, note: "y" })).toBe(false);
  });
});

describe("a register read with the fast path reports exactly what zod alone reports", () => {
  const header = ["客户编号", "客户名称", "员工人数", "客户满意度", "推荐意愿", "日均存款", "客户关系发展潜力", "客户状态", "最近联系日期"];
  const cell: fc.Arbitrary<RawValue> = fc.oneof(
    fc.constantFrom<RawValue>(null, "", "高", "中", "低", "x", "流失", "正常", "#N/A", "85%", "1,200", "2024-03-05", "非常满意", true),
    fc.integer({ min: -3, max: 130 }), fc.double({ min: -1, max: 200, noNaN: true }),
  );
  it("same rows, same problems, for any register", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom("C1", "C2", "C3", "C4", "", null), fc.array(cell, { minLength: 8, maxLength: 8 })), { maxLength: 8 }), (rows) => {
        const grid = { name: "客户状况登记表", values: [header, ...rows.map(([k, cells]) => [k, ...cells])] };
        const fastLog = new ProblemLog();
        const zodLog = new ProblemLog();
        const viaFast = readRegister(grid, fastLog);
        const viaZod = readRegister(grid, zodLog, (v: unknown): v is never => false);
        expect(viaFast?.rows).toStrictEqual(viaZod?.rows);
        expect(fastLog.items).toStrictEqual(zodLog.items);
      }),
      { numRuns: 300 },
    );
  });
});

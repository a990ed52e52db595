import { z } from "zod";

/**
 * A fast path in front of zod, the validator of record. `compileFastCheck` reads a schema's definition once
 * and builds a plain predicate that accepts a value only when zod would accept it and give back an equal
 * value (same keys, same values). Anything it does not know how to check exactly (a refinement, a transform,
 * a number format other than safe integers, an unknown check) makes it accept nothing there, so those rows
 * go to zod. A row the fast path refuses is parsed by zod as before: same issues, same messages.
 */

/** A predicate compiled from a schema: true only when the schema accepts the value unchanged. */
export type FastCheck<T> = (value: unknown) => value is T;

type Check = (value: unknown) => boolean;

const NEVER: Check = () => false;

// Shared leaf checks: compile() hands out these very functions, so their callers can recognise them.
const isString: Check = (v) => typeof v === "string";
const isFiniteNumber: Check = (v) => typeof v === "number" && Number.isFinite(v);
const isNullOrFiniteNumber: Check = (v) => v === null || (typeof v === "number" && Number.isFinite(v));

/** A number check of zod's (its checks' definitions); NEVER for a check not known here. */
function numberCheck(check: z.core.$ZodCheck): ((n: number) => boolean) | null {
  const def = check._zod.def;
  switch (def.check) {
    case "greater_than": {
      const { value, inclusive } = def as z.core.$ZodCheckGreaterThanDef;
      if (typeof value !== "number") return null;
      return inclusive ? (n) => n >= value : (n) => n > value;
    }
    case "less_than": {
      const { value, inclusive } = def as z.core.$ZodCheckLessThanDef;
      if (typeof value !== "number") return null;
      return inclusive ? (n) => n <= value : (n) => n < value;
    }
    case "number_format":
      return (def as z.core.$ZodCheckNumberFormatDef).format === "safeint" ? Number.isSafeInteger : null;
    default:
      return null;
  }
}

function checksOf(schema: z.core.$ZodType): z.core.$ZodCheck[] {
  return schema._zod.def.checks ?? [];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** The check of one schema node; NEVER where the node is not one this fast path checks exactly. */
function compile(schema: z.core.$ZodType): Check {
  const def = schema._zod.def;
  switch (def.type) {
    case "string": {
      let min = 0;
      for (const c of checksOf(schema)) {
        const d = c._zod.def;
        if (d.check !== "min_length") return NEVER;
        min = Math.max(min, (d as z.core.$ZodCheckMinLengthDef).minimum);
      }
      return min === 0 ? isString : (v) => typeof v === "string" && v.length >= min;
    }
    case "number": {
      const checks: ((n: number) => boolean)[] = [];
      // z.int(), z.int32() …: a number schema that is itself a format check.
      if ("check" in def || "format" in def) {
        const self = numberCheck(schema as unknown as z.core.$ZodCheck);
        if (!self) return NEVER;
        checks.push(self);
      }
      for (const c of checksOf(schema)) {
        const f = numberCheck(c);
        if (!f) return NEVER;
        checks.push(f);
      }
      // zod 4 refuses NaN and ±Infinity for every number.
      if (checks.length === 0) return isFiniteNumber;
      return (v) => {
        if (typeof v !== "number" || !Number.isFinite(v)) return false;
        for (const f of checks) if (!f(v)) return false;
        return true;
      };
    }
    case "boolean":
      return checksOf(schema).length === 0 ? (v) => typeof v === "boolean" : NEVER;
    case "enum": {
      const allowed = new Set<unknown>(Object.values((def as z.core.$ZodEnumDef).entries));
      return checksOf(schema).length === 0 ? (v) => allowed.has(v) : NEVER;
    }
    case "optional": {
      const inner = compile((def as z.core.$ZodOptionalDef).innerType);
      // The common leaves without a second call per value (these run once per cell of 100,000 rows).
      if (inner === isString) return (v) => v === undefined || typeof v === "string";
      if (inner === isFiniteNumber) return (v) => v === undefined || (typeof v === "number" && Number.isFinite(v));
      return (v) => v === undefined || inner(v);
    }
    case "nullable": {
      const inner = compile((def as z.core.$ZodNullableDef).innerType);
      if (inner === isFiniteNumber) return isNullOrFiniteNumber;
      return (v) => v === null || inner(v);
    }
    case "array": {
      if (checksOf(schema).length > 0) return NEVER;
      const element = compile((def as z.core.$ZodArrayDef).element);
      // A wide row's scores: one loop, no call per score.
      if (element === isNullOrFiniteNumber) {
        return (v) => {
          if (!Array.isArray(v) || Object.getPrototypeOf(v) !== Array.prototype) return false;
          for (let i = 0; i < v.length; i++) {
            const x: unknown = v[i];
            if (x !== null && (typeof x !== "number" || !Number.isFinite(x))) return false;
          }
          return true;
        };
      }
      return (v) => {
        if (!Array.isArray(v) || Object.getPrototypeOf(v) !== Array.prototype) return false;
        for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
        return true;
      };
    }
    case "object":
      return compileObject(schema as z.core.$ZodObject);
    default:
      return NEVER;
  }
}

/**
 * An object: each of its own keys checked by its field's check (a key the shape lacks — zod would strip it —
 * goes to zod), then the required fields checked for presence. Rows hold a dozen of forty optional fields:
 * visiting the row's keys, not the shape's, skips the absent ones.
 */
function compileObject(schema: z.core.$ZodObject): Check {
  const def = schema._zod.def;
  if (def.catchall !== undefined || checksOf(schema).length > 0) return NEVER;
  const byKey = new Map<string, Check>();
  const required: [string, Check][] = [];
  for (const k of Object.keys(def.shape)) {
    const check = compile(def.shape[k]);
    byKey.set(k, check);
    if (!check(undefined)) required.push([k, check]);
  }
  return (v) => {
    if (!isPlainObject(v)) return false;
    for (const k in v) {
      const check = byKey.get(k);
      if (check === undefined || !check(v[k])) return false;
    }
    for (const [k, check] of required) if (!check(v[k])) return false;
    return true;
  };
}

/** Compiles a schema into its fast check (once, at module load: the check then runs on every row). */
export function compileFastCheck<S extends z.ZodType>(schema: S): FastCheck<z.output<S>> {
  const check = compile(schema);
  return (value: unknown): value is z.output<S> => check(value);
}

/** zod's safeParse behind the fast check: a value the check accepts is its own result, others are parsed by zod. */
export function fastSafeParse<S extends z.ZodType>(schema: S, fast: FastCheck<z.output<S>>, value: unknown): z.ZodSafeParseResult<z.output<S>> {
  return fast(value) ? { success: true, data: value } : schema.safeParse(value);
}

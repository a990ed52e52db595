import { z } from "zod";

/** A band of a 分档 indicator: `≥5000000:100` means values ≥ 5,000,000 get 100 points. */
export const bandSchema = z.object({
  op: z.enum([">=", ">", "<=", "<", "="]),
  bound: z.number().finite(),
  points: z.number().finite(),
});

/** An entry of a 映射 indicator: `高:100` — a category and its points. Keys are canonical (see mapKey). */
export const mapEntrySchema = z.object({
  key: z.string().min(1),
  points: z.number().finite(),
});

/** One indicator of the evaluation model, after reading and defaults. */
export const indicatorSchema = z.object({
  name: z.string().min(1),
  /** ≥ 0; used in proportion to the total. */
  weight: z.number().finite().nonnegative(),
  maxScore: z.number().finite().positive(),
  direction: z.enum(["positive", "negative"]),
  /** Register field id the indicator is derived from; absent for scores typed in the evaluation. */
  source: z.string().optional(),
  method: z.enum(["direct", "bands", "minmax", "rank", "map"]),
  bands: z.array(bandSchema).optional(),
  mapping: z.array(mapEntrySchema).optional(),
});

export type Band = z.infer<typeof bandSchema>;
export type MapEntry = z.infer<typeof mapEntrySchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type ScoringMethod = Indicator["method"];

/** A stable short fingerprint of the model (names, weights, methods), written to the history. */
export function modelFingerprint(indicators: Indicator[]): string {
  const text = indicators
    .map((i) => [i.name, i.weight, i.maxScore, i.direction, i.source ?? "", i.method, JSON.stringify(i.bands ?? i.mapping ?? [])].join("|"))
    .join("\n");
  // FNV-1a: short, dependency-free, stable across platforms.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

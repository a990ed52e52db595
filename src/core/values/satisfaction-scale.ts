/** The factor that brings a satisfaction column's numbers onto 0–100. */
export type SatisfactionScale = 20 | 100 | 1;

/**
 * The scale of a satisfaction column, decided from all its numbers together (spec "Satisfaction"):
 * every number ≤ 1 → fractions (×100); else every number ≤ 5 → a 1–5 scale (×20); else 0–100 (×1).
 * Percent cells (85% arrives as 0.85) are already fractions of 100: pass `value * 100` for them so a
 * column mixing 85% and 90 reads as 0–100, and words (非常满意 …) are not passed at all (they are 0–100).
 * An empty list gives ×1: with no numbers there is nothing to rescale.
 */
export function satisfactionScale(numbers: number[]): SatisfactionScale {
  if (numbers.length === 0) return 1;
  // ≤ 1 is checked first: a column of 0.8, 0.9 is also "≤ 5" but means 80 %, 90 %.
  if (numbers.every((n) => n <= 1)) return 100;
  if (numbers.every((n) => n <= 5)) return 20;
  return 1;
}

import type { ProblemLog } from "../problems/problem";

/** Where a score was read from, for messages. */
export interface ScoreOrigin {
  sheet: string;
  cell: string;
}

/**
 * Scores typed in the evaluation, by customer key and indicator, plus the weights and full marks each
 * indicator was given. Scores are kept as read (range checks need the model's full marks).
 */
export class ScoreTable {
  readonly indicators: string[] = [];
  private readonly index = new Map<string, number>();
  readonly scores = new Map<string, number[]>();
  /** Customer key → name and id as the evaluation gives them (for customers missing from the register). */
  readonly names = new Map<string, { id?: string; name?: string; origin: ScoreOrigin }>();
  /** Indicator → weight → how many rows gave it, in order of first appearance. */
  readonly weights = new Map<string, Map<number, number>>();
  /** Indicator → full mark given by the evaluation (满分 column). */
  readonly maxScores = new Map<string, number>();
  /** Customer key → cell of each score, kept only for the few scores that fail a check later. */
  readonly origins = new Map<string, ScoreOrigin[]>();

  /** The column index of an indicator, adding it on first sight. */
  indicatorIndex(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.indicators.length;
      this.indicators.push(name);
      this.index.set(name, i);
    }
    return i;
  }

  /** Records a weight observation for an indicator. */
  addWeight(indicator: string, weight: number): void {
    let m = this.weights.get(indicator);
    if (!m) this.weights.set(indicator, (m = new Map()));
    m.set(weight, (m.get(weight) ?? 0) + 1);
  }

  /** Records a score; a second score for the same customer and indicator is reported and ignored. */
  addScore(key: string, indicator: string, score: number, origin: ScoreOrigin, log: ProblemLog): void {
    const i = this.indicatorIndex(indicator);
    let row = this.scores.get(key);
    let origins = this.origins.get(key);
    if (!row || !origins) {
      row = [];
      origins = [];
      this.scores.set(key, row);
      this.origins.set(key, origins);
    }
    if (row[i] !== undefined && !Number.isNaN(row[i])) {
      log.warning("eval.duplicateScore", { ...origin, key, params: { key, indicator } });
      return;
    }
    row[i] = score;
    origins[i] = origin;
  }

  /** Notes a customer the evaluation names, with its id/name. */
  addCustomer(key: string, id: string | undefined, name: string | undefined, origin: ScoreOrigin): void {
    if (!this.names.has(key)) this.names.set(key, { id, name, origin });
  }
}

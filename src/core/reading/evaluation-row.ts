import { z } from "zod";
import { compileFastCheck } from "./fast-path";

/**
 * One score of the evaluation, whichever layout it came from (a long row, a wide cell, a form row):
 * the customer, the indicator and the score as read, with the weight and full mark where the row gives them.
 */
export const evaluationScoreSchema = z.object({
  key: z.string().min(1),
  id: z.string().optional(),
  name: z.string().optional(),
  indicator: z.string().min(1),
  score: z.number().finite(),
  weight: z.number().finite().optional(),
  maxScore: z.number().finite().positive().optional(),
});

export type EvaluationScore = z.infer<typeof evaluationScoreSchema>;

/** The score schema's fast path (zod parses what it does not accept). */
export const evaluationScoreFast = compileFastCheck(evaluationScoreSchema);

/**
 * One customer's row of the wide layout: its key and one score per indicator column (null where empty
 * or unreadable). Validated as a whole row, once per customer.
 */
export const evaluationWideRowSchema = z.object({
  key: z.string().min(1),
  id: z.string().optional(),
  name: z.string().optional(),
  scores: z.array(z.number().finite().nullable()),
});

export type EvaluationWideRow = z.infer<typeof evaluationWideRowSchema>;

/** The wide row schema's fast path (zod parses what it does not accept). */
export const evaluationWideRowFast = compileFastCheck(evaluationWideRowSchema);

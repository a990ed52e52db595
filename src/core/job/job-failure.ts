import type { Problem } from "../problems/problem";

/** Thrown when nothing can be done with a workbook (no register and no evaluation): carries the problem to show. */
export class JobFailure extends Error {
  constructor(readonly problem: Problem) {
    super(problem.code);
    this.name = "JobFailure";
  }
}

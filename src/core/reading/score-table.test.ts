import { ProblemLog } from "../problems/problem";
import { ScoreTable } from "./score-table";

const grid = { name: "评估表", values: [] };

describe("evaluation rows are validated by their schema", () => {
  it("keeps a valid score and remembers its cell for later messages", () => {
    const t = new ScoreTable();
    const log = new ProblemLog();
    t.addScore({ key: "C1", indicator: "满意度", score: 80 }, { grid, row: 4, col: 3 }, log);
    expect(t.scoresOf("C1")).toEqual([80]);
    expect(t.originOf("C1", 0)).toEqual({ sheet: "评估表", cell: "D5" });
    expect(log.items).toEqual([]);
  });
  it("refuses a score that is not finite and reports it at its cell", () => {
    const t = new ScoreTable();
    const log = new ProblemLog();
    t.addScore({ key: "C1", indicator: "满意度", score: Infinity }, { grid, row: 1, col: 2 }, log);
    expect(t.scoresOf("C1")).toBeUndefined();
    expect(log.items).toMatchObject([{ code: "eval.invalidScore", sheet: "评估表", cell: "C2", params: { field: "score" } }]);
  });
  it("keeps the first of two scores for one customer and indicator", () => {
    const t = new ScoreTable();
    const log = new ProblemLog();
    t.addScore({ key: "C1", indicator: "a", score: 1 }, { grid, row: 1, col: 1 }, log);
    t.addScore({ key: "C1", indicator: "a", score: 2 }, { grid, row: 2, col: 1 }, log);
    expect(t.scoresOf("C1")).toEqual([1]);
    expect(log.items).toMatchObject([{ code: "eval.duplicateScore", cell: "B3" }]);
  });
});

describe("a wide row is validated as one row", () => {
  it("stores every score of a valid row with its own cell", () => {
    const t = new ScoreTable();
    const log = new ProblemLog();
    t.addWideRow({ key: "C1", scores: [90, null, 70] }, ["a", "b", "c"], [2, 3, 4], { grid, row: 5, col: 0 }, log);
    expect(t.indicators).toEqual(["a", "c"]);
    expect(t.scoresOf("C1")).toEqual([90, 70]);
    expect(t.originOf("C1", 1)).toEqual({ sheet: "评估表", cell: "E6" });
  });
  it("refuses a row with a score that is not finite, reported at that score's cell", () => {
    const t = new ScoreTable();
    const log = new ProblemLog();
    t.addWideRow({ key: "C1", scores: [90, NaN] }, ["a", "b"], [2, 3], { grid, row: 5, col: 0 }, log);
    expect(t.scoresOf("C1")).toBeUndefined();
    expect(log.items).toMatchObject([{ code: "eval.invalidScore", cell: "D6", params: { indicator: "b" } }]);
  });
});

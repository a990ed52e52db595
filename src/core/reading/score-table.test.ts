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

describe("register customers sit at their register rows; the others after them", () => {
  const known = new Map([["C1", 3], ["C2", 5]]);
  it("keeps a register customer's scores at its row, found with or without that row", () => {
    const t = new ScoreTable(known, 8);
    const log = new ProblemLog();
    t.addCustomer("C2", "C2", undefined, { grid, row: 1, col: 0 });
    t.addWideRow({ key: "C2", scores: [70, 80] }, ["a", "b"], [1, 2], { grid, row: 1, col: 0 }, log);
    expect(t.rowOf("C2")).toBe(5);
    expect(t.rowOf("C2", 5)).toBe(5);
    expect(t.score(5, 1)).toBe(80);
    expect(t.rowOf("C1")).toBeUndefined();
    expect(t.originOf("C2", 1)).toEqual({ sheet: "评估表", cell: "C2" });
  });
  it("names only the customers the register does not hold, in order of first mention", () => {
    const t = new ScoreTable(known, 8);
    const log = new ProblemLog();
    t.addCustomer("X9", "X9", "新客户", { grid, row: 1, col: 0 });
    t.addCustomer("C1", "C1", undefined, { grid, row: 2, col: 0 });
    t.addCustomer("X3", "X3", undefined, { grid, row: 3, col: 0 });
    t.addScore({ key: "X3", indicator: "a", score: 1 }, { grid, row: 3, col: 1 }, log);
    expect([...t.unknownNamed()].map(([key, info]) => [key, info.name, info.ref.row])).toEqual([["X9", "新客户", 1], ["X3", undefined, 3]]);
    expect(t.rowOf("X3")).toBeGreaterThanOrEqual(8);
    expect(t.scoresOf("X3")).toEqual([1]);
    expect(t.refOf("C1")).toMatchObject({ row: 2, col: 0 });
  });
  it("keeps every customer's scores apart when the columns grow past their first size", () => {
    const t = new ScoreTable(known, 8);
    const log = new ProblemLog();
    for (let c = 0; c < 3000; c++) t.addScore({ key: `K${c}`, indicator: "a", score: c % 100 }, { grid, row: c + 1, col: 1 }, log);
    t.addScore({ key: "C1", indicator: "b", score: 42 }, { grid, row: 9000, col: 2 }, log);
    expect(log.items).toEqual([]);
    for (const c of [0, 1023, 1024, 2999]) expect(t.scoresOf(`K${c}`)).toEqual([c % 100]);
    expect(t.scoresOf("C1")).toEqual([undefined, 42]);
    expect(t.originOf("K2999", 0)).toEqual({ sheet: "评估表", cell: "B3001" });
  });
});

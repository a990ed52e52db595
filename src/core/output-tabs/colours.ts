import type { StyleRole } from "./write-plan";

/** Fill and font colours for each style role (hex RGB, no '#'), shared by both adapters. */
export const PALETTE: Record<StyleRole, { fill: string; font: string }> = {
  tierA: { fill: "C6EFCE", font: "006100" },
  tierB: { fill: "DDEBF7", font: "1F4E79" },
  tierC: { fill: "FFEB9C", font: "7F6000" },
  tierD: { fill: "E7E6E6", font: "3A3838" },
  incomplete: { fill: "FFC7CE", font: "9C0006" },
  maintain: { fill: "C6EFCE", font: "006100" },
  improve: { fill: "FFEB9C", font: "9C5700" },
  end: { fill: "FFC7CE", font: "9C0006" },
  overdue: { fill: "F8CBAD", font: "833C0B" },
  warnYellow: { fill: "FFF2CC", font: "7F6000" },
  warnRed: { fill: "FFC7CE", font: "9C0006" },
  error: { fill: "FFC7CE", font: "9C0006" },
  warning: { fill: "FFEB9C", font: "9C5700" },
  note: { fill: "DDEBF7", font: "1F4E79" },
  editable: { fill: "FFFFF0", font: "000000" },
};

/** Header row fill and font. */
export const HEADER_STYLE = { fill: "1F4E79", font: "FFFFFF" };

/** Header of a column users may type in (and of columns they added): another colour, so it looks editable. */
export const EDITABLE_HEADER_STYLE = { fill: "548235", font: "FFFFFF" };

/** Solid colours for chart points by role (the cell fills are too pale for bars). */
export const CHART_COLOURS: Partial<Record<StyleRole, string>> = {
  tierA: "4CAF50",
  tierB: "4A90D9",
  tierC: "F0B400",
  tierD: "9E9E9E",
  incomplete: "E05757",
};

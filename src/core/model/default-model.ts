import type { RegisterFieldId } from "../register/fields";
import type { Indicator } from "./indicator";

/** The spec's default model, used over the register columns that exist when there is no evaluation or model. */
export const DEFAULT_MODEL: (Indicator & { source: RegisterFieldId })[] = [
  { name: "日均存款", source: "dailyDeposit", method: "rank", weight: 20, maxScore: 100, direction: "positive" },
  { name: "日均贷款", source: "dailyLoan", method: "rank", weight: 15, maxScore: 100, direction: "positive" },
  {
    name: "结算产品使用状况", source: "settlementUse", method: "map", weight: 10, maxScore: 100, direction: "positive",
    mapping: [{ key: "yes", points: 100 }, { key: "no", points: 0 }],
  },
  {
    name: "理财产品使用状况", source: "wealthUse", method: "map", weight: 10, maxScore: 100, direction: "positive",
    mapping: [{ key: "yes", points: 100 }, { key: "no", points: 0 }],
  },
  { name: "客户满意度", source: "satisfaction", method: "direct", weight: 20, maxScore: 100, direction: "positive" },
  {
    name: "客户关系发展潜力", source: "potential", method: "map", weight: 15, maxScore: 100, direction: "positive",
    mapping: [{ key: "high", points: 100 }, { key: "medium", points: 60 }, { key: "low", points: 20 }],
  },
  {
    name: "经营状况", source: "operatingStatus", method: "map", weight: 10, maxScore: 100, direction: "positive",
    mapping: [{ key: "good", points: 100 }, { key: "fair", points: 60 }, { key: "poor", points: 20 }],
  },
];

/** English display names of the default model's indicators. */
export const DEFAULT_MODEL_EN: Record<string, string> = {
  日均存款: "Avg Daily Deposits",
  日均贷款: "Avg Daily Loans",
  结算产品使用状况: "Settlement Products",
  理财产品使用状况: "Wealth Products",
  客户满意度: "Satisfaction",
  客户关系发展潜力: "Potential",
  经营状况: "Operating Status",
};

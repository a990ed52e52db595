import { measuresText } from "./measures";

describe("measures by tier and verdict", () => {
  it("give A customers gifts, the thank-you event and new product trials", () => {
    const zh = measuresText("A", "maintain", "zh-CN");
    expect(zh).toContain("节日问候与礼品");
    expect(zh).toContain("年度答谢会");
    expect(zh).toContain("新产品优先试用");
    expect(zh).toContain("保持现有服务水平");
    expect(measuresText("A", "maintain", "en-US")).toContain("Annual thank-you event");
  });

  it("add a service review and a reactivation call when the verdict is improve", () => {
    expect(measuresText("C", "improve", "zh-CN")).toContain("激活回访");
    expect(measuresText("C", "improve", "en-US")).toContain("Reactivation call");
    expect(measuresText("C", "maintain", "zh-CN")).not.toContain("激活回访");
  });

  it("offer cross-selling to B and wind down on end", () => {
    expect(measuresText("B", "maintain", "en-US")).toContain("Cross-sell offers");
    expect(measuresText("D", "end", "zh-CN")).toContain("停止主动营销");
  });

  it("ask for the data first when the tier is 资料不全", () => {
    expect(measuresText("incomplete", null, "zh-CN")).toMatch(/^资料不全：请先补全/);
    expect(measuresText("incomplete", null, "en-US")).toMatch(/complete the customer's register/);
  });

  it("send churned customers to the win-back list", () => {
    expect(measuresText("A", "maintain", "zh-CN", true)).toBe("已流失：见挽回方案");
    expect(measuresText("A", "maintain", "en-US", true)).toBe("Churned: see the Win-back tab");
  });

  it("join items with the language's separator", () => {
    expect(measuresText("D", "maintain", "zh-CN").split("；").length).toBe(3);
    expect(measuresText("D", "maintain", "en-US").split("; ").length).toBe(3);
  });
});

import {
  choiceKey,
  readChannel,
  readChurnCause,
  readOperatingStatus,
  readPotential,
  readSatisfactionWord,
  readStatus,
  readTransferType,
  readYesNo,
} from "./choice-cell";

describe("choices are compared ignoring case, width and spaces", () => {
  it("gives the same key for \" Very  Satisfied \" and \"very satisfied\"", () => {
    expect(choiceKey(" Very  Satisfied ")).toBe(choiceKey("very satisfied"));
  });
  it("reads full-width \"ＹＥＳ\" and \"Ｙ\" as yes", () => {
    expect(readYesNo("ＹＥＳ")).toBe(true);
    expect(readYesNo("Ｙ")).toBe(true);
  });
  it("reads nothing from null or an empty cell", () => {
    expect(readYesNo(null)).toBeUndefined();
    expect(readChannel("")).toBeUndefined();
    expect(readSatisfactionWord("  ")).toBeUndefined();
  });
});

describe("settlement and wealth products: 已使用/使用/是 = yes, 未使用/否 = no", () => {
  it.each(["已使用", "使用", "是", "有", "Y", "y", "yes", "Yes", "TRUE", "true", "✓", "√", "1", " 是 "])("reads %s as yes", (w) => {
    expect(readYesNo(w)).toBe(true);
  });
  it.each(["未使用", "否", "无", "N", "no", "NO", "false", "0", "×"])("reads %s as no", (w) => {
    expect(readYesNo(w)).toBe(false);
  });
  it("passes Excel booleans through", () => {
    expect(readYesNo(true)).toBe(true);
    expect(readYesNo(false)).toBe(false);
  });
  it("reads the numbers 1 and 0 as yes and no, other numbers as nothing", () => {
    expect(readYesNo(1)).toBe(true);
    expect(readYesNo(0)).toBe(false);
    expect(readYesNo(2)).toBeUndefined();
  });
  it("does not read 未使用 as 使用 (exact match, not substring)", () => {
    expect(readYesNo("未使用")).toBe(false);
  });
  it.each(["maybe", "是的吧", "yess"])("reads nothing from %s", (w) => {
    expect(readYesNo(w)).toBeUndefined();
  });
});

describe("operating status: 良好 / 一般 / 较差 (good / fair / poor)", () => {
  it.each([
    ["良好", "good"], ["好", "good"], ["Good", "good"],
    ["一般", "fair"], ["FAIR", "fair"],
    ["较差", "poor"], ["差", "poor"], ["poor", "poor"],
  ])("reads %s as %s", (w, id) => {
    expect(readOperatingStatus(w)).toBe(id);
  });
  it("reads nothing from an unknown word", () => {
    expect(readOperatingStatus("excellent")).toBeUndefined();
  });
});

describe("contact channel: 电话, 邮件, 短信, 微信, 拜访, 会议", () => {
  it.each([
    ["电话", "phone"], ["Phone", "phone"], ["call", "phone"],
    ["邮件", "email"], ["Email", "email"], ["E-mail", "email"],
    ["短信", "sms"], ["SMS", "sms"],
    ["微信", "wechat"], ["WeChat", "wechat"],
    ["拜访", "visit"], ["上门", "visit"], ["visit", "visit"],
    ["会议", "meeting"], ["Meeting", "meeting"],
  ])("reads %s as %s", (w, id) => {
    expect(readChannel(w)).toBe(id);
  });
  it("reads nothing from an unknown channel", () => {
    expect(readChannel("信鸽")).toBeUndefined();
  });
});

describe("potential: 高 / 中 / 低 (high / medium / low)", () => {
  it.each([
    ["高", "high"], ["High", "high"],
    ["中", "medium"], ["medium", "medium"], ["MID", "medium"],
    ["低", "low"], ["low", "low"],
  ])("reads %s as %s", (w, id) => {
    expect(readPotential(w)).toBe(id);
  });
  it("reads nothing from 很高", () => {
    expect(readPotential("很高")).toBeUndefined();
  });
});

describe("status: 正常, 新客户, 休眠, 流失, 转出, 已回流 (active, new, dormant, churned, transferred out, returned)", () => {
  it.each([
    ["正常", "active"], ["活跃", "active"], ["Active", "active"],
    ["新客户", "new"], ["New", "new"],
    ["休眠", "dormant"], ["Dormant", "dormant"],
    ["流失", "churned"], ["churned", "churned"], ["Lost", "churned"],
    ["转出", "transferred"], ["Transferred out", "transferred"],
    ["已回流", "returned"], ["Returned", "returned"],
  ])("reads %s as %s", (w, id) => {
    expect(readStatus(w)).toBe(id);
  });
  it("reads nothing from 暂停", () => {
    expect(readStatus("暂停")).toBeUndefined();
  });
});

describe("transfer type: 主动 / 被动 (customer asked / need ended)", () => {
  it.each([["主动", "asked"], ["Customer asked", "asked"], ["被动", "needEnded"], ["Need ended", "needEnded"]])("reads %s as %s", (w, id) => {
    expect(readTransferType(w)).toBe(id);
  });
  it("reads nothing from an unknown word", () => {
    expect(readTransferType("随便")).toBeUndefined();
  });
});

describe("churn cause: 服务意识淡薄, 细节疏忽, 企业自身问题, 竞争流失, 员工流动, 搬迁, 破产, 其他", () => {
  it.each([
    ["员工流动", "staffTurnover"], ["Staff turnover", "staffTurnover"],
    ["搬迁", "relocation"], ["Relocation", "relocation"],
    ["破产", "bankruptcy"], ["Bankruptcy", "bankruptcy"],
    ["服务意识淡薄", "service"], ["Service", "service"],
    ["细节疏忽", "detail"], ["detail", "detail"], ["Details", "detail"],
    ["企业自身问题", "self"], ["company", "self"],
    ["竞争流失", "competition"], ["Competition", "competition"],
    ["其他", "other"], ["Other", "other"],
  ])("reads %s as %s", (w, id) => {
    expect(readChurnCause(w)).toBe(id);
  });
  it("reads nothing from an unknown cause", () => {
    expect(readChurnCause("价格")).toBeUndefined();
  });
});

describe("satisfaction words: 非常满意 100, 满意 80, 比较满意 70, 一般 60, 不太满意 40, 不满意 30, 非常不满意 0", () => {
  it.each([
    ["非常满意", 100], ["满意", 80], ["比较满意", 70], ["一般", 60], ["不太满意", 40], ["不满意", 30], ["非常不满意", 0],
    ["Fairly satisfied", 70], ["fairly dissatisfied", 40],
    ["Very Satisfied", 100], ["satisfied", 80], ["Neutral", 60], ["dissatisfied", 30], ["very dissatisfied", 0],
    ["very  satisfied", 100], [" 满意 ", 80],
  ] as const)("reads %s as %d", (w, score) => {
    expect(readSatisfactionWord(w)).toBe(score);
  });
  it("does not read 比较满意 as 满意, nor 不太满意 as 不满意", () => {
    expect(readSatisfactionWord("比较满意")).toBe(70);
    expect(readSatisfactionWord("不太满意")).toBe(40);
  });
  it("does not read 不满意 as 满意, nor 非常不满意 as 非常满意", () => {
    expect(readSatisfactionWord("不满意")).not.toBe(80);
    expect(readSatisfactionWord("非常不满意")).not.toBe(100);
  });
  it("reads nothing from a number or an unknown word", () => {
    expect(readSatisfactionWord(85)).toBeUndefined();
    expect(readSatisfactionWord("还行")).toBeUndefined();
  });
});

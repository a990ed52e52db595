import type { RawValue } from "../workbook/grid";
import type { Channel, ChurnCause, Potential, RegisterRow, TransferType } from "../register/register-row";

export type OperatingStatus = NonNullable<RegisterRow["operatingStatus"]>;
export type CustomerStatus = NonNullable<RegisterRow["status"]>;

const keyCache = new Map<string, string>();

/** The comparison form of a typed choice: NFKC, lower case, no whitespace ("Very  Satisfied" = "verysatisfied"). */
export function choiceKey(text: string): string {
  // A column of choices repeats a handful of words thousands of times: normalise each word once.
  let key = keyCache.get(text);
  if (key === undefined) {
    key = text.normalize("NFKC").toLowerCase().replace(/\s+/gu, "");
    if (keyCache.size < 10_000) keyCache.set(text, key);
  }
  return key;
}

// Exact lookups, never substring tests: "不满意" contains "满意" and "未使用" contains "使用".
function lookup<T>(table: ReadonlyArray<readonly [T, readonly string[]]>): (raw: RawValue) => T | undefined {
  const map = new Map<string, T>();
  for (const [value, words] of table) for (const w of words) map.set(choiceKey(w), value);
  // Each text as typed → its answer (null: none), so a column's repeated words cost one lookup each.
  const typed = new Map<string, T | null>();
  return (raw) => {
    if (raw === null || typeof raw === "boolean") return undefined;
    const text = String(raw);
    const known = typed.get(text);
    if (known !== undefined) return known ?? undefined;
    const value = map.get(choiceKey(text));
    if (typed.size < 10_000) typed.set(text, value ?? null);
    return value;
  };
}

const yesNoWord = lookup<boolean>([
  [true, ["已使用", "使用", "是", "有", "已用", "√", "✓", "✔", "y", "yes", "true", "1"]],
  [false, ["未使用", "否", "无", "没有", "未用", "×", "✗", "✘", "n", "no", "false", "0"]],
]);

/** Yes/no as typed (已使用/是/有/Y/yes/✓/1, 未使用/否/无/N/no/0); Excel booleans pass through. */
export function readYesNo(raw: RawValue): boolean | undefined {
  return typeof raw === "boolean" ? raw : yesNoWord(raw);
}

const operatingStatusWords = lookup<OperatingStatus>([
  ["good", ["良好", "好", "good"]],
  ["fair", ["一般", "fair"]],
  ["poor", ["较差", "差", "poor"]],
]);

/** 良好 / 一般 / 较差 (good / fair / poor). */
export function readOperatingStatus(raw: RawValue): OperatingStatus | undefined {
  return operatingStatusWords(raw);
}

const channelWords = lookup<Channel>([
  ["phone", ["电话", "phone", "call", "telephone"]],
  ["email", ["邮件", "电子邮件", "email", "e-mail"]],
  ["sms", ["短信", "sms", "text message"]],
  ["wechat", ["微信", "wechat"]],
  ["visit", ["拜访", "上门", "上门拜访", "visit"]],
  ["meeting", ["会议", "meeting"]],
]);

/** 电话, 邮件, 短信, 微信, 拜访/上门, 会议 and their English names. */
export function readChannel(raw: RawValue): Channel | undefined {
  return channelWords(raw);
}

const potentialWords = lookup<Potential>([
  ["high", ["高", "high"]],
  ["medium", ["中", "medium", "mid"]],
  ["low", ["低", "low"]],
]);

/** 高 / 中 / 低 (high / medium / low). */
export function readPotential(raw: RawValue): Potential | undefined {
  return potentialWords(raw);
}

const statusWords = lookup<CustomerStatus>([
  ["active", ["正常", "活跃", "active", "normal"]],
  ["new", ["新客户", "新", "新增", "new", "new customer"]],
  ["dormant", ["休眠", "沉睡", "dormant", "inactive"]],
  ["churned", ["流失", "已流失", "churned", "lost"]],
  ["transferred", ["转出", "已转出", "transferred", "transferred out", "transfer out"]],
  ["returned", ["已回流", "回流", "returned", "came back", "won back"]],
]);

/** 正常 (active), 新客户 (new), 休眠 (dormant), 流失 (churned), 转出 (transferred out), 已回流 (returned). */
export function readStatus(raw: RawValue): CustomerStatus | undefined {
  return statusWords(raw);
}

const churnCauseWords = lookup<ChurnCause>([
  ["service", ["服务意识淡薄", "service"]],
  ["detail", ["细节疏忽", "detail", "details"]],
  ["self", ["企业自身问题", "company", "self"]],
  ["competition", ["竞争流失", "competition", "lost to competitors"]],
  ["staffTurnover", ["员工流动", "人员流动", "staff turnover", "turnover"]],
  ["relocation", ["搬迁", "迁址", "relocation", "relocated", "moved"]],
  ["bankruptcy", ["破产", "倒闭", "bankruptcy", "bankrupt"]],
  ["other", ["其他", "其它", "other"]],
]);

/** 服务意识淡薄, 细节疏忽, 企业自身问题, 竞争流失, 员工流动, 搬迁, 破产, 其他 and short English names. */
export function readChurnCause(raw: RawValue): ChurnCause | undefined {
  return churnCauseWords(raw);
}

const satisfactionWords = lookup<number>([
  [100, ["非常满意", "very satisfied"]],
  [80, ["满意", "satisfied"]],
  [70, ["比较满意", "较满意", "fairly satisfied", "somewhat satisfied", "quite satisfied"]],
  [60, ["一般", "neutral"]],
  [40, ["不太满意", "fairly dissatisfied", "somewhat dissatisfied", "not very satisfied"]],
  [30, ["不满意", "dissatisfied", "unsatisfied"]],
  [0, ["非常不满意", "very dissatisfied", "very unsatisfied"]],
]);

/** Satisfaction words on 0–100: 非常满意 100, 满意 80, 比较满意 70, 一般 60, 不太满意 40, 不满意 30, 非常不满意 0 (and English). */
export function readSatisfactionWord(raw: RawValue): number | undefined {
  return satisfactionWords(raw);
}

const transferTypeWords = lookup<TransferType>([
  ["asked", ["主动", "主动转出", "客户主动", "asked", "customer asked", "voluntary", "active"]],
  ["needEnded", ["被动", "被动转出", "需求结束", "need ended", "needended", "passive", "involuntary"]],
]);

/** 转出方式: 主动 (the customer asked) / 被动 (the customer's need ended). */
export function readTransferType(raw: RawValue): TransferType | undefined {
  return transferTypeWords(raw);
}

#!/usr/bin/env node
// @ts-check
// Makes the bundled sample workbooks: a bank branch's customer register (客户状况登记表) with every customer
// status and churn cause, a long-layout relationship evaluation (客户关系评估表), a model (评估模型) mixing the
// register's business data (日均存款 by rank …) with the evaluation's indicators, and settings (设置), with the
// messy cells real registers have. Most customers come out B and C, a few per cent 终止关系. Deterministic (seeded PRNG, fixed dates), so re-running gives the same content.
// Usage: node assets/sample/make-sample.js   → assets/sample/sample.xlsx and sample-en.xlsx
"use strict";
const path = require("path");
const ExcelJS = require("exceljs");

/** mulberry32: a small seeded PRNG, so the sample never changes between runs. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const N = 220;
const AS_OF = Date.UTC(2024, 5, 30); // 2024-06-30, the date `npm run demo` passes as --as-of
const DAY = 86400000;

const ZH_PREFIX = ["华星", "东方", "南山", "北辰", "西岭", "金桥", "远航", "恒通", "瑞丰", "新源", "博远", "嘉禾", "天成", "宏达", "明润", "安泰", "永盛", "汇丰源", "鑫鼎", "长青", "立信", "正和", "启明", "凯旋"];
const ZH_TRADE = ["贸易", "机械", "食品", "物流", "科技", "建材", "医药", "纺织", "电子", "化工"];
const EN_PREFIX = ["Huaxing", "Dongfang", "Nanshan", "Beichen", "Xiling", "Golden Bridge", "Voyager", "Hengtong", "Ruifeng", "Xinyuan", "Boyuan", "Jiahe", "Tiancheng", "Hongda", "Mingrun", "Antai", "Yongsheng", "Huifeng", "Xinding", "Evergreen", "Lixin", "Zhenghe", "Qiming", "Kaixuan"];
const EN_TRADE = ["Trading", "Machinery", "Foods", "Logistics", "Technology", "Building Materials", "Pharma", "Textiles", "Electronics", "Chemicals"];
const DISTRICTS = ["城东区", "城西区", "高新区", "经开区", "滨江区"];
const ROADS = ["建设路", "人民路", "解放路", "中山路", "科技大道", "滨河路"];
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
const GIVEN = ["伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰"];
const MANAGERS = ["王芳", "李强", "张伟", "刘洋", "陈静", "赵磊"];
const MANAGERS_EN = ["Wang Fang", "Li Qiang", "Zhang Wei", "Liu Yang", "Chen Jing", "Zhao Lei"];
const BANKS = ["工商银行", "建设银行", "农业银行", "招商银行", "无"];
const CHANNELS = [["电话", "phone"], ["微信", "WeChat"], ["拜访", "visit"], ["邮件", "email"], ["会议", "meeting"], ["短信", "SMS"]];
const FREQ = [["每月", "monthly"], ["每季度", "quarterly"], ["每两月", "bi-monthly"], ["每半年", "half-yearly"]];
const OPS = [["良好", "good"], ["一般", "fair"], ["较差", "poor"]];
const POTENTIAL = [["高", "high"], ["中", "medium"], ["低", "low"]];
const SATIS_WORDS = [["非常满意", "very satisfied"], ["满意", "satisfied"], ["比较满意", "fairly satisfied"], ["一般", "neutral"], ["不太满意", "fairly dissatisfied"], ["不满意", "dissatisfied"]];
const STATUSES = { active: ["正常", "active"], new: ["新客户", "new"], dormant: ["休眠", "dormant"], churned: ["流失", "churned"], transferred: ["转出", "transferred out"], returned: ["已回流", "returned"], none: [null, null] };
const CAUSES = [["服务意识淡薄", "service"], ["细节疏忽", "detail"], ["企业自身问题", "company"], ["竞争流失", "competition"], ["员工流动", "staff turnover"], ["搬迁", "relocation"], ["破产", "bankruptcy"], ["其他", "other"], ["价格因素", "pricing"]];
const TRANSFER = [["主动", "customer asked"], ["被动", "need ended"]];
/** The evaluation's own indicators (scored by the managers); the model adds register business data to them. */
const INDICATORS = [
  { zh: "合作深度", en: "Cooperation Depth" },
  { zh: "业务贡献", en: "Business Contribution" },
  { zh: "发展潜力", en: "Development Potential" },
];
/**
 * The model: register business data (日均存款 and 日均贷款 by rank, product use, satisfaction) mixed with the
 * evaluation's indicators, as a branch weighs its customers. A large deposit shows in the score.
 */
const MODEL = [
  { zh: "日均存款", en: "Avg Daily Deposits", weight: 0.2, sourceZh: "日均存款", sourceEn: "Avg Daily Deposits", method: ["排名", "rank"] },
  { zh: "日均贷款", en: "Avg Daily Loans", weight: 0.1, sourceZh: "日均贷款", sourceEn: "Avg Daily Loans", method: ["排名", "rank"] },
  { zh: "结算产品使用状况", en: "Settlement Products", weight: 0.05, sourceZh: "结算产品使用状况", sourceEn: "Settlement Products", method: ["映射", "map"], bands: ["是:100; 否:0", "yes:100; no:0"] },
  { zh: "理财产品使用状况", en: "Wealth Products", weight: 0.05, sourceZh: "理财产品使用状况", sourceEn: "Wealth Products", method: ["映射", "map"], bands: ["是:100; 否:0", "yes:100; no:0"] },
  { zh: "客户满意度", en: "Satisfaction", weight: 0.1, sourceZh: "客户满意度", sourceEn: "Satisfaction", method: ["直接", "direct"] },
  { zh: "合作深度", en: "Cooperation Depth", weight: 0.2, method: ["直接", "direct"] },
  { zh: "业务贡献", en: "Business Contribution", weight: 0.2, method: ["直接", "direct"] },
  { zh: "发展潜力", en: "Development Potential", weight: 0.1, method: ["直接", "direct"] },
];
const NAMED = [
  { id: "C001", zh: "华星贸易", en: "Huaxing Trading" },
  { id: "C002", zh: "东方机械", en: "Dongfang Machinery" },
  { id: "C003", zh: "南山食品", en: "Nanshan Foods" },
  { id: "C004", zh: "北辰物流", en: "Beichen Logistics" },
  { id: "C005", zh: "西岭科技", en: "Xiling Technology" },
];

/** Language-neutral customers: every messy cell is decided here, so both languages carry the same data. */
function makeCustomers() {
  const rnd = prng(20240630);
  const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  /** A standard normal draw (Box–Muller), for realistic spreads. */
  const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const clamp = (x, lo, hi) => Math.max(lo, Math.min(hi, x));
  const used = new Set();
  const customers = [];
  for (let i = 0; i < N; i++) {
    const id = `C${String(i + 1).padStart(3, "0")}`;
    const named = NAMED[i];
    let zh = named?.zh;
    let en = named?.en;
    while (!zh || used.has(zh)) {
      const p = int(0, ZH_PREFIX.length - 1);
      const t = int(0, ZH_TRADE.length - 1);
      zh = `${ZH_PREFIX[p]}${ZH_TRADE[t]}有限公司`;
      en = `${EN_PREFIX[p]} ${EN_TRADE[t]} Co., Ltd.`;
      if (used.has(zh)) {
        const n = int(2, 9);
        zh = `${zh}${["", "", "二", "三", "四", "五", "六", "七", "八", "九"][n]}分公司`;
        en = `${en} Branch ${n}`;
      }
    }
    used.add(zh);
    // The customer's underlying value: most are middling (B and C), a few excellent, a few weak.
    const quality = clamp(0.56 + 0.22 * normal(), 0.02, 0.99);
    // Life cycle: most 正常, and every other status a few times (fixed positions for the special cases).
    const u = rnd();
    let status = u < 0.05 ? "none" : u < 0.1 ? "new" : u < 0.14 ? "dormant" : u < 0.2 ? "churned" : u < 0.23 ? "transferred" : u < 0.25 ? "returned" : "active";
    if (i < 5) status = "active";
    const isNew = status === "new";
    const firstPurchase = AS_OF - (isNew ? int(10, 150) : int(200, 2500)) * DAY;
    const idleBase = status === "dormant" ? int(150, 400) : status === "churned" || status === "transferred" ? int(120, 600) : Math.floor((1 - quality) * int(5, 200));
    const lastPurchase = Math.max(AS_OF - (idleBase + int(0, 60)) * DAY, firstPurchase);
    const lastContact = Math.max(AS_OF - (idleBase + int(0, 20)) * DAY, firstPurchase);
    // Business: log-normal, tied to the customer's value; a strong customer holds millions.
    const deposit = Math.round(Math.exp(Math.log(3e5) + 3.2 * quality + 0.5 * normal()) / 1000) * 1000;
    const loan = rnd() < 0.35 ? 0 : Math.round(Math.exp(Math.log(2e5) + 3 * quality + 0.6 * normal()) / 1000) * 1000;
    const score = (spread) => Math.round(clamp(52 + 46 * quality + spread * normal(), 0, 100));
    // New customers are often not evaluated yet: too little data for a tier (资料不全).
    const evaluated = !(isNew && rnd() < 0.5);
    const scores = evaluated ? INDICATORS.map(() => (rnd() < 0.03 ? null : score(9))) : INDICATORS.map(() => null);
    const complaints = rnd() < 0.18 ? int(1, 3) : 0;
    const openComplaint = complaints > 0 && rnd() < 0.3;
    const complaintDate = complaints > 0 ? Math.min(AS_OF - int(3, 200) * DAY, lastContact) : null;
    const replyDays = int(0, 3);
    const cause = status === "churned" ? int(0, CAUSES.length - 1) : -1;
    customers.push({
      id,
      zh,
      en,
      address: `${pick(DISTRICTS)}${pick(ROADS)}${int(1, 399)}号`,
      legalRep: pick(SURNAMES) + pick(GIVEN) + (rnd() < 0.5 ? pick(GIVEN) : ""),
      gm: pick(SURNAMES) + pick(GIVEN),
      phone: `1${int(30, 89)}${String(int(0, 99999999)).padStart(8, "0")}`,
      business: ZH_TRADE[int(0, ZH_TRADE.length - 1)],
      employees: int(8, 1200),
      ops: quality > 0.55 ? 0 : quality > 0.3 ? 1 : 2,
      bank: pick(BANKS),
      deposit,
      loan,
      settlement: rnd() < 0.55 + quality * 0.4,
      wealth: rnd() < 0.15 + quality * 0.6,
      spend: Math.round(Math.exp(Math.log(2e5) + 2.5 * quality + 0.6 * normal()) / 100) * 100,
      manager: int(0, MANAGERS.length - 1),
      channel: int(0, CHANNELS.length - 1),
      preferred: rnd() < 0.7 ? -1 : int(0, CHANNELS.length - 1),
      freq: int(0, FREQ.length - 1),
      potential: quality > 0.7 ? 0 : quality > 0.35 ? 1 : 2,
      satisfaction: Math.round(clamp(55 + 40 * quality + 8 * normal(), 0, 100)),
      recommend: Math.round(clamp(3 + 7 * quality + 1.5 * normal(), 0, 10)),
      firstPurchase,
      lastPurchase,
      lastContact,
      complaints,
      openComplaint,
      complaintDate,
      complaintReplyDate: complaintDate === null ? null : complaintDate + replyDays * DAY,
      complaintResolvedDate: complaintDate === null || openComplaint ? null : complaintDate + (replyDays + int(1, 12)) * DAY,
      status,
      cause,
      transfer: status === "transferred" ? int(0, 1) : -1,
      winback: status === "churned" ? Math.round((20 + rnd() * 160) * 100) : null,
      scores,
    });
  }
  // Every cause at least once, and one customer marked 流失 who bought four days ago (pseudo-churn, seed 003).
  const churned = customers.filter((c) => c.status === "churned");
  churned.forEach((c, k) => {
    if (k < CAUSES.length) c.cause = k;
  });
  const pseudo = churned[churned.length - 1];
  pseudo.lastPurchase = AS_OF - 4 * DAY;
  return customers;
}

const date = (ms) => new Date(ms);

/** The headers of the register in both languages (the spec's names). */
const REGISTER_HEADERS = [
  ["客户编号", "Customer ID"], ["客户名称", "Customer Name"], ["地址", "Address"], ["法人代表", "Legal Representative"],
  ["总经理", "General Manager"], ["联系方式", "Contact"], ["主营业务", "Main Business"], ["员工人数", "Employees"],
  ["经营状况", "Operating Status"], ["往来银行", "Other Banks"], ["日均存款", "Avg Daily Deposits"], ["日均贷款", "Avg Daily Loans"],
  ["结算产品使用状况", "Settlement Products"], ["理财产品使用状况", "Wealth Products"], ["年采购金额", "Annual Spend"],
  ["客户经理", "Account Manager"], ["沟通方式", "Contact Channel"], ["沟通频率", "Contact Frequency"],
  ["客户关系发展潜力", "Potential"], ["客户满意度", "Satisfaction"], ["推荐意愿", "Likelihood to Recommend"],
  ["首次购买日期", "First Purchase"], ["最近购买日期", "Last Purchase"], ["最近联系日期", "Last Contact"],
  ["投诉次数", "Complaints"], ["未结投诉", "Open Complaint"], ["客户状态", "Status"], ["流失原因", "Churn Cause"], ["挽回成本", "Win-back Cost"],
  ["转出方式", "Transfer Type"], ["投诉日期", "Complaint Date"], ["投诉回复日期", "Complaint Reply Date"], ["投诉解决日期", "Complaint Resolved Date"],
  ["偏好渠道", "Preferred Channel"],
];

/** Writes one language's workbook. */
async function writeWorkbook(customers, lang, file) {
  const zh = lang === "zh";
  const L = (pair) => (zh ? pair[0] : pair[1]);
  const wb = new ExcelJS.Workbook();
  wb.creator = "customer-tiers sample";
  wb.created = wb.modified = new Date(AS_OF);

  // --- Register, under a merged banner title and a note row, as branches lay it out.
  const reg = wb.addWorksheet(zh ? "客户状况登记表" : "Customer Register");
  const cols = REGISTER_HEADERS.length;
  reg.mergeCells(1, 1, 1, cols);
  reg.getCell(1, 1).value = zh ? "城东支行 客户状况登记表（2024年第二季度）" : "East City Branch — Customer Register (Q2 2024)";
  reg.getCell(1, 1).font = { bold: true, size: 16 };
  reg.getCell(1, 1).alignment = { horizontal: "center" };
  reg.getCell(2, 1).value = zh ? "制表：公司业务部    金额单位：元" : "Prepared by: Corporate Banking    Amounts in CNY";
  reg.getRow(3).values = REGISTER_HEADERS.map(L);
  reg.getRow(3).font = { bold: true };
  reg.getRow(3).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
  reg.columns.forEach((c, i) => (c.width = i === 1 ? 26 : i === 2 ? 24 : 13));
  const rowOf = (c) => [
    c.id, zh ? c.zh : c.en, c.address, c.legalRep, c.gm, c.phone, c.business, c.employees,
    L(OPS[c.ops]), c.bank, c.deposit, c.loan,
    zh ? (c.settlement ? "已使用" : "未使用") : c.settlement ? "yes" : "no",
    zh ? (c.wealth ? "已使用" : "未使用") : c.wealth ? "yes" : "no",
    c.spend, zh ? MANAGERS[c.manager] : MANAGERS_EN[c.manager], L(CHANNELS[c.channel]), L(FREQ[c.freq]),
    L(POTENTIAL[c.potential]), c.satisfaction, c.recommend,
    date(c.firstPurchase), date(c.lastPurchase), date(c.lastContact),
    c.complaints, zh ? (c.openComplaint ? "是" : "否") : c.openComplaint ? "yes" : "no",
    L(STATUSES[c.status]),
    c.cause >= 0 ? L(CAUSES[c.cause]) : null, c.winback,
    c.transfer >= 0 ? L(TRANSFER[c.transfer]) : null,
    c.complaintDate === null ? null : date(c.complaintDate),
    c.complaintReplyDate === null ? null : date(c.complaintReplyDate),
    c.complaintResolvedDate === null ? null : date(c.complaintResolvedDate),
    c.preferred >= 0 ? L(CHANNELS[c.preferred]) : null,
  ];
  const rows = customers.map(rowOf);
  // The messy cells registers really have (same positions in both languages).
  rows[6][10] = "1,200,000"; // number stored as text with thousands separators
  rows[7][10] = zh ? "120万" : "¥1,200,000"; // Chinese unit / currency text
  rows[8][19] = "８５"; // full-width digits
  rows[9][19] = L(SATIS_WORDS[0]); // words instead of a number
  rows[17][19] = L(SATIS_WORDS[2]); // 比较满意
  rows[18][19] = L(SATIS_WORDS[4]); // 不太满意
  rows[10][23] = zh ? "2024年3月5日" : "2024-03-05"; // a date typed as text
  rows[11][23] = "2024/3/5";
  rows[12][11] = { formula: "NA()", result: { error: "#N/A" } }; // a lookup that failed
  rows[13][10] = { error: "#N/A" };
  rows[14][1] = '=HYPERLINK("http://example.invalid/x","点我")'; // a hostile name: must stay text
  rows[15][1] = "<img src=x onerror=alert(1)>";
  rows[16][20] = 11; // out of range 0–10
  for (const r of rows) reg.addRow(r);
  // A duplicate key (a later row reusing C057's ID): the later row is left out and reported.
  const dup = rowOf(customers[56]);
  dup[1] = zh ? "重复录入测试有限公司" : "Duplicate Entry Co., Ltd.";
  reg.addRow(dup);
  const dataEnd = reg.rowCount;
  // A totals row at the bottom, as registers often end.
  const total = new Array(cols).fill(null);
  total[0] = zh ? "合计" : "Total";
  total[10] = { formula: `SUM(K4:K${dataEnd})`, result: customers.reduce((s, c) => s + c.deposit, 0) };
  reg.addRow(total);
  for (const c of [22, 23, 24, 31, 32, 33]) reg.getColumn(c).numFmt = "yyyy-mm-dd";
  for (const c of [11, 12, 15]) reg.getColumn(c).numFmt = "#,##0";
  reg.views = [{ state: "frozen", ySplit: 3 }];

  // --- Long evaluation: one row per customer and indicator.
  const ev = wb.addWorksheet(zh ? "客户关系评估表" : "Relationship Evaluation");
  ev.addRow(zh ? ["客户编号", "客户名称", "分析指标", "指标权重", "指标得分", "满分", "根据", "备注"] : ["Customer ID", "Customer Name", "Indicator", "Weight", "Score", "Max Score", "Basis", "Notes"]);
  ev.getRow(1).font = { bold: true };
  customers.forEach((c, i) => {
    INDICATORS.forEach((ind, k) => {
      let s = c.scores[k];
      if (s === null) return;
      /** @type {string | number | {error: string}} */
      let cell = s;
      if (i === 20 && k === 0) cell = "８０"; // full-width
      if (i === 21 && k === 2) cell = 120; // above the full mark
      if (i === 22 && k === 1) cell = { error: "#N/A" };
      const weight = MODEL.find((m) => m.zh === ind.zh).weight;
      ev.addRow([c.id, zh ? c.zh : c.en, zh ? ind.zh : ind.en, weight, cell, 100, zh ? "季度走访" : "Quarterly visit", null]);
    });
  });
  ev.getColumn(4).numFmt = "0%";
  ev.columns.forEach((c, i) => (c.width = i === 1 ? 26 : 12));

  // --- Model: register business data mixed with the evaluation's indicators (weights as percentages).
  const model = wb.addWorksheet(zh ? "评估模型" : "Model");
  model.addRow(zh ? ["指标", "权重", "满分", "方向", "来源列", "计分方法", "分档"] : ["Indicator", "Weight", "Max Score", "Direction", "Source Column", "Method", "Bands"]);
  for (const m of MODEL) {
    model.addRow([
      zh ? m.zh : m.en, m.weight, 100, zh ? "正向" : "positive", (zh ? m.sourceZh : m.sourceEn) ?? null,
      L(m.method), m.bands ? L(m.bands) : null,
    ]);
  }
  model.getColumn(2).numFmt = "0%";
  model.columns.forEach((c) => (c.width = 18));

  // --- Settings.
  const set = wb.addWorksheet(zh ? "设置" : "Settings");
  set.addRow(zh ? ["参数", "值"] : ["Setting", "Value"]);
  const settings = zh
    ? [["分级方式", "分数线"], ["A级分数线", 85], ["B级分数线", 70], ["C级分数线", 55], ["维持关系分数线", 70], ["终止关系分数线", 40], ["最低数据完整度", 0.6], ["预警天数A", 30], ["预警天数B", 60], ["预警天数C", 90], ["预警天数D", 180], ["转出回访间隔月数", 6]]
    : [["Tier Mode", "thresholds"], ["A Line", 85], ["B Line", 70], ["C Line", 55], ["Maintain From", 70], ["End Below", 40], ["Minimum Coverage", 0.6], ["Warning Days A", 30], ["Warning Days B", 60], ["Warning Days C", 90], ["Warning Days D", 180], ["Transfer Follow-up Months", 6]];
  for (const s of settings) set.addRow(s);
  set.getCell("B8").numFmt = "0%";
  set.columns.forEach((c) => (c.width = 18));

  await wb.xlsx.writeFile(file);
}

async function main() {
  const customers = makeCustomers();
  const dir = __dirname;
  await writeWorkbook(customers, "zh", path.join(dir, "sample.xlsx"));
  await writeWorkbook(customers, "en", path.join(dir, "sample-en.xlsx"));
  process.stdout.write(`wrote ${path.join(dir, "sample.xlsx")} and sample-en.xlsx (${customers.length} customers)\n`);
}

main().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(1);
});

#!/usr/bin/env node
// @ts-check
// Writes the benchmark workbook: N customers (default 100,000) in a register, an 8-indicator wide
// evaluation and a model sheet, with ExcelJS's streaming writer (seeded PRNG: the same file every time).
// Usage: node bench/cli/make-big.js <out.xlsx> [customers] [seed]  (a seed per branch for batch benches)
"use strict";
const ExcelJS = require("exceljs");

const file = process.argv[2];
const n = Number(process.argv[3] || 100000);
const seed = Number(process.argv[4] || 100000);
if (!file) {
  process.stderr.write("usage: node bench/cli/make-big.js <out.xlsx> [customers]\n");
  process.exit(2);
}

// The same PRNG as the product's, from the build that `npm run bench:cli` makes first.
const { mulberry32: prng } = require("../../dist-node/src/core/random/mulberry32");

/** The 8 indicators of the wide evaluation and their weights (sum 100). */
const INDICATORS = [
  ["合作深度", 20], ["满意度", 15], ["业务贡献", 20], ["发展潜力", 10],
  ["忠诚度", 10], ["信用状况", 10], ["交叉销售", 10], ["服务响应", 5],
];

async function main() {
  const rnd = prng(seed);
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const reg = wb.addWorksheet("客户状况登记表");
  const headers = ["客户编号", "客户名称", "地址", "联系方式", "员工人数", "经营状况", "日均存款", "日均贷款", "结算产品使用状况", "理财产品使用状况", "客户经理", "沟通方式", "客户关系发展潜力", "客户满意度", "推荐意愿", "最近购买日期", "最近联系日期", "投诉次数", "未结投诉", "客户状态", "流失原因", "挽回成本"];
  reg.columns = headers.map((h) => ({ header: h, width: 12 }));
  const managers = ["王芳", "李强", "张伟", "刘洋", "陈静", "赵磊", "黄敏", "周杰"];
  const base = Date.UTC(2024, 5, 30);
  for (let i = 0; i < n; i++) {
    const churned = rnd() < 0.05;
    const row = reg.addRow([
      `C${String(i + 1).padStart(6, "0")}`,
      `客户${i + 1}号有限公司`,
      `城东区建设路${int(1, 999)}号`,
      `1${int(30, 89)}${String(int(0, 99999999)).padStart(8, "0")}`,
      int(5, 2000),
      ["良好", "一般", "较差"][int(0, 2)],
      int(0, 9000) * 1000,
      int(0, 5000) * 1000,
      rnd() < 0.7 ? "已使用" : "未使用",
      rnd() < 0.4 ? "已使用" : "未使用",
      managers[int(0, managers.length - 1)],
      ["电话", "微信", "拜访", "邮件"][int(0, 3)],
      ["高", "中", "低"][int(0, 2)],
      int(30, 100),
      int(0, 10),
      new Date(base - int(1, 700) * 86400000),
      new Date(base - int(1, 400) * 86400000),
      rnd() < 0.15 ? int(1, 5) : 0,
      rnd() < 0.03 ? "是" : "否",
      churned ? "流失" : "正常",
      churned ? ["服务意识淡薄", "细节疏忽", "企业自身问题", "竞争流失"][int(0, 3)] : null,
      churned ? int(10, 300) * 100 : null,
    ]);
    row.getCell(16).numFmt = "yyyy-mm-dd";
    row.getCell(17).numFmt = "yyyy-mm-dd";
    row.commit();
  }
  await reg.commit();

  const ev = wb.addWorksheet("客户关系评估表");
  ev.addRow(["客户编号", "客户名称", ...INDICATORS.map((x) => x[0])]).commit();
  const r2 = prng(seed === 100000 ? 7 : seed + 7);
  for (let i = 0; i < n; i++) {
    const q = r2();
    ev.addRow([
      `C${String(i + 1).padStart(6, "0")}`,
      `客户${i + 1}号有限公司`,
      ...INDICATORS.map(() => (r2() < 0.03 ? null : Math.max(0, Math.min(100, Math.round(q * 70 + r2() * 35))))),
    ]).commit();
  }
  await ev.commit();

  const model = wb.addWorksheet("评估模型");
  model.addRow(["指标", "权重", "满分", "方向"]).commit();
  for (const [name, w] of INDICATORS) model.addRow([name, w, 100, "正向"]).commit();
  await model.commit();
  await wb.commit();
  process.stdout.write(`wrote ${file}: ${n} customers\n`);
}

main().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(1);
});

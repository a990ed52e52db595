#!/usr/bin/env node
// @ts-check
// Writes the sources of the CLI's test fixtures into a work folder: CSVs (LibreOffice turns each into a
// one-sheet .xlsx) and multi-sheet workbooks written with ExcelJS (LibreOffice then re-saves them, so the
// committed file is LibreOffice's, not ExcelJS's). Run through scripts/make-fixtures.sh, not alone.
// Usage: node scripts/make-fixtures.js <work-folder>
"use strict";
const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");

const out = process.argv[2];
if (!out) {
  process.stderr.write("usage: node scripts/make-fixtures.js <work-folder>\n");
  process.exit(2);
}
fs.mkdirSync(path.join(out, "csv"), { recursive: true });
fs.mkdirSync(path.join(out, "multi"), { recursive: true });

const HOSTILE_FORMULA = '=HYPERLINK("http://example.invalid/x","点我")';
const HOSTILE_HTML = "<img src=x onerror=alert(1)>";

/** The spec's worked example (README, "Worked example"): the three layouts must all give these results. */
const WORKED = [
  { id: "C001", name: "华星贸易", scores: [90, 85, 95, 80] },
  { id: "C002", name: "东方机械", scores: [70, 60, 75, 90] },
  { id: "C003", name: "南山食品", scores: [50, 40, 45, 60] },
  { id: "C004", name: "北辰物流", scores: [20, 30, 25, null] },
  { id: "C005", name: "西岭科技", scores: [60, null, null, null] },
];
const INDICATORS = ["合作深度", "满意度", "业务贡献", "发展潜力"];
const WEIGHTS = [0.3, 0.25, 0.35, 0.1];

/** A CSV field: quoted when it must be, or always (LibreOffice keeps quoted fields as text with our filter). */
function field(v, quote) {
  if (v === null || v === undefined) return "";
  const s = String(v);
  return quote || /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes a CSV; cells given as {q: text} are quoted (kept as text), others written bare (LibreOffice detects numbers, dates, formulas). */
function writeCsv(name, rows) {
  const text = rows
    .map((r) => r.map((c) => (c && typeof c === "object" ? field(c.q, true) : field(c, false))).join(","))
    .join("\n");
  fs.writeFileSync(path.join(out, "csv", name), text + "\n");
}

const q = (s) => ({ q: s });

// --- register-messy: one sheet, the messy value forms, hostile names, #N/A, a duplicate key, a 合计 row.
writeCsv("register-messy.csv", [
  ["客户状况登记表"],
  [],
  ["客户编号", "客户名称", "客户经理", "经营状况", "日均存款", "日均贷款", "结算产品使用状况", "理财产品使用状况", "客户关系发展潜力", "客户满意度", "推荐意愿", "最近联系日期", "未结投诉", "客户状态", "流失原因", "挽回成本"],
  ["M001", "华星贸易", "王芳", "良好", 5200000, 1000000, "已使用", "已使用", "高", 90, 9, "2024-05-20", "否", "正常", "", ""],
  ["M002", q(HOSTILE_FORMULA), "李强", "一般", q("1,200"), 0, "已使用", "未使用", "中", q("８５"), 7, q("2024年3月5日"), "否", "正常", "", ""],
  ["M003", HOSTILE_HTML, "张伟", "较差", "120万", 300000, "未使用", "未使用", "低", "85%", 3, "2024/3/5", "是", "正常", "", ""],
  ["M004", "南山食品", "王芳", "良好", "=NA()", 800000, "已使用", "已使用", "中", "满意", 8, "2024-06-01", "否", "正常", "", ""],
  ["M005", "北辰物流", "李强", "一般", q("¥1,500,000"), 200000, "已使用", "未使用", "高", 4.5, 6, "2023-12-01", "否", "流失", "竞争流失", 20000],
  ["M002", "重复录入有限公司", "张伟", "良好", 100, 0, "已使用", "已使用", "高", 80, 9, "2024-06-01", "否", "正常", "", ""],
  ["合计", "", "", "", "=SUM(E4:E9)", "", "", "", "", "", "", "", "", "", "", ""],
]);

// --- clean: one sheet, every value valid, so the run exits 0 (default model over the register).
writeCsv("clean.csv", [
  ["客户编号", "客户名称", "客户经理", "经营状况", "日均存款", "日均贷款", "结算产品使用状况", "理财产品使用状况", "客户关系发展潜力", "客户满意度", "推荐意愿", "最近联系日期"],
  ...Array.from({ length: 12 }, (_, i) => [
    q(`K${String(i + 1).padStart(3, "0")}`),
    `客户${i + 1}号有限公司`,
    ["王芳", "李强", "张伟"][i % 3],
    ["良好", "一般", "较差"][i % 3],
    1000000 + i * 250000,
    i % 2 ? 500000 + i * 10000 : 0,
    i % 4 ? "已使用" : "未使用",
    i % 3 ? "已使用" : "未使用",
    ["高", "中", "低"][i % 3],
    50 + i * 4,
    i % 11,
    `2024-0${1 + (i % 6)}-15`,
  ]),
]);

// --- english: one sheet, English headers and words, so the output is in English.
writeCsv("english.csv", [
  ["Customer ID", "Customer Name", "Account Manager", "Operating Status", "Avg Daily Deposits", "Avg Daily Loans", "Settlement Products", "Wealth Products", "Potential", "Satisfaction", "Likelihood to Recommend", "Last Contact"],
  ["E001", "Huaxing Trading", "Wang Fang", "good", 5200000, 1000000, "yes", "yes", "high", 90, 9, "2024-05-20"],
  ["E002", q(HOSTILE_FORMULA), "Li Qiang", "fair", q("1,200"), 0, "yes", "no", "medium", 70, 7, "2024-03-05"],
  ["E003", "Nanshan Foods", "Zhang Wei", "poor", 800000, 300000, "no", "no", "low", 40, 3, "2024-01-10"],
  ["E004", "Beichen Logistics", "Wang Fang", "good", 2500000, 0, "yes", "no", "medium", 80, 8, "2024-06-01"],
]);

/** Register rows of the worked-example customers (plus the hostile names, which have no evaluation). */
function registerSheet(wb) {
  const ws = wb.addWorksheet("客户状况登记表");
  ws.mergeCells("A1:H1");
  ws.getCell("A1").value = "城东支行 客户状况登记表";
  ws.addRow(["客户编号", "客户名称", "客户经理", "经营状况", "日均存款", "客户关系发展潜力", "最近联系日期", "未结投诉"]);
  const mgr = ["王芳", "李强", "张伟"];
  WORKED.forEach((c, i) => ws.addRow([c.id, c.name, mgr[i % 3], "良好", 1000000 * (i + 1), "中", new Date(Date.UTC(2024, 4, 1 + i)), "否"]));
  ws.getColumn(7).numFmt = "yyyy-mm-dd";
  return ws;
}

/** The model sheet with the worked example's weights. */
function modelSheet(wb) {
  const ws = wb.addWorksheet("评估模型");
  ws.addRow(["指标", "权重", "满分", "方向"]);
  INDICATORS.forEach((n, i) => ws.addRow([n, WEIGHTS[i], 100, "正向"]));
  ws.getColumn(2).numFmt = "0%";
}

async function multi() {
  // long: one row per customer and indicator, weights on every row, plus the model sheet.
  {
    const wb = new ExcelJS.Workbook();
    registerSheet(wb);
    const ev = wb.addWorksheet("客户关系评估表");
    ev.addRow(["客户编号", "客户名称", "分析指标", "指标权重", "指标得分", "满分", "根据", "备注"]);
    for (const c of WORKED) {
      c.scores.forEach((s, k) => {
        if (s !== null) ev.addRow([c.id, c.name, INDICATORS[k], WEIGHTS[k], s, 100, "季度走访", null]);
      });
    }
    ev.getColumn(4).numFmt = "0%";
    modelSheet(wb);
    await wb.xlsx.writeFile(path.join(out, "multi", "long.xlsx"));
  }
  // wide: one row per customer, a 权重 row under the header, no model sheet.
  {
    const wb = new ExcelJS.Workbook();
    registerSheet(wb);
    const ev = wb.addWorksheet("客户关系评估表");
    ev.addRow(["客户编号", "客户名称", ...INDICATORS]);
    ev.addRow(["权重", null, ...WEIGHTS.map((w) => w * 100)]);
    for (const c of WORKED) ev.addRow([c.id, c.name, ...c.scores]);
    await wb.xlsx.writeFile(path.join(out, "multi", "wide.xlsx"));
  }
  // forms: the paper form typed into Excel, one tab per customer, with 合计 and 最终得分 rows to ignore.
  {
    const wb = new ExcelJS.Workbook();
    registerSheet(wb);
    for (const c of WORKED) {
      const ws = wb.addWorksheet(c.name);
      ws.mergeCells("A1:D1");
      ws.getCell("A1").value = "客户关系评估表";
      ws.getCell("A2").value = "客户名称：";
      ws.getCell("B2").value = c.name;
      ws.getCell("C2").value = "编号";
      ws.getCell("D2").value = c.id;
      ws.addRow([]);
      ws.addRow(["分析指标", "指标权重", "指标得分", "根据"]);
      c.scores.forEach((s, k) => ws.addRow([INDICATORS[k], WEIGHTS[k], s, s === null ? "未评" : "季度走访"]));
      const present = c.scores.map((s, k) => (s === null ? 0 : WEIGHTS[k] * s)).reduce((a, b) => a + b, 0);
      ws.addRow(["合计", 1, present]);
      ws.addRow(["最终得分", null, present]);
      ws.getColumn(2).numFmt = "0%";
    }
    await wb.xlsx.writeFile(path.join(out, "multi", "forms.xlsx"));
  }
}

/**
 * A password-protected workbook is a CFB (OLE) container holding EncryptionInfo and EncryptedPackage
 * streams. LibreOffice 7.4 cannot write one headless, so this builds the container's header and directory
 * as Office lays them out (no real encrypted payload: the CLI must refuse it before decrypting anything).
 */
function encryptedLookalike() {
  const sector = 512;
  const buf = Buffer.alloc(sector * 3);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  buf.writeUInt16LE(0x3e, 24); // minor version
  buf.writeUInt16LE(3, 26); // major version 3 (512-byte sectors)
  buf.writeUInt16LE(0xfffe, 28); // little-endian
  buf.writeUInt16LE(9, 30); // sector shift
  buf.writeUInt16LE(6, 32); // mini sector shift
  buf.writeUInt32LE(1, 44); // one FAT sector
  buf.writeUInt32LE(1, 48); // directory starts at sector 1
  buf.writeUInt32LE(4096, 56); // mini stream cutoff
  buf.writeUInt32LE(0xfffffffe, 60); // no mini FAT
  buf.writeUInt32LE(0xfffffffe, 68); // no DIFAT
  buf.writeUInt32LE(0, 76); // FAT in sector 0
  for (let i = 1; i < 109; i++) buf.writeUInt32LE(0xffffffff, 76 + i * 4);
  const fat = sector; // sector 0
  buf.writeUInt32LE(0xfffffffd, fat); // the FAT sector itself
  buf.writeUInt32LE(0xfffffffe, fat + 4); // directory: end of chain
  for (let i = 2; i < 128; i++) buf.writeUInt32LE(0xffffffff, fat + i * 4);
  const dir = sector * 2; // sector 1
  ["Root Entry", "EncryptionInfo", "EncryptedPackage"].forEach((name, i) => {
    const at = dir + i * 128;
    Buffer.from(name + "\0", "utf16le").copy(buf, at);
    buf.writeUInt16LE((name.length + 1) * 2, at + 64);
    buf[at + 66] = i === 0 ? 5 : 2; // root storage / stream
    buf.writeUInt32LE(0xffffffff, at + 68);
    buf.writeUInt32LE(0xffffffff, at + 72);
    buf.writeUInt32LE(i === 0 ? 1 : 0xffffffff, at + 76);
    if (i === 1) buf.writeUInt32LE(2, at + 72);
    buf.writeUInt32LE(0xfffffffe, at + 116);
  });
  fs.writeFileSync(path.join(out, "encrypted.xlsx"), buf);
}

multi()
  .then(() => {
    encryptedLookalike();
    process.stdout.write(`fixture sources written to ${out}\n`);
  })
  .catch((e) => {
    process.stderr.write(`${e.stack || e}\n`);
    process.exit(1);
  });

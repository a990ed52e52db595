import { mulberry32 as random } from "../../src/core/random/mulberry32";
import type { RawValue, WorkbookModel } from "../../src/core/workbook/grid";


const HEADERS = ["客户编号", "客户名称", "客户经理", "日均存款", "日均贷款", "结算产品使用状况", "理财产品使用状况", "客户满意度", "客户关系发展潜力", "经营状况",
  "沟通方式", "首次购买日期", "最近购买日期", "最近联系日期", "投诉次数", "未结投诉", "推荐意愿", "客户状态", "流失原因", "挽回成本"];

/** A register of n customers as a manager keeps it (dates as serial numbers), for the add-in bench. */
export function syntheticRegister(n: number, seed = 11): WorkbookModel {
  const r = random(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const rows: RawValue[][] = [HEADERS];
  for (let i = 0; i < n; i++) {
    const churned = r() < 0.05;
    rows.push([
      `C${String(i + 1).padStart(6, "0")}`, `${pick(["华星", "东方", "南山", "北辰", "西岭", "海川", "金桥"])}${pick(["贸易", "机械", "食品", "物流", "科技"])}${i}`, pick(["张伟", "王芳", "李娜", "刘洋", "陈静"]),
      Math.round(r() * 6_000_000), Math.round(r() * 3_000_000), pick(["已使用", "未使用"]), pick(["已使用", "未使用"]), Math.round(30 + r() * 70),
      pick(["高", "中", "低"]), pick(["良好", "一般", "较差"]), pick(["电话", "微信", "拜访", "邮件"]),
      44000 + Math.floor(r() * 1500), 45500 + Math.floor(r() * 700), 45800 + Math.floor(r() * 500), Math.floor(r() * 3), r() < 0.05 ? "是" : "否",
      Math.floor(r() * 11), churned ? "流失" : "正常", churned ? pick(["服务意识淡薄", "细节疏忽", "企业自身问题", "竞争流失"]) : null, churned ? Math.round(r() * 20000) : null,
    ]);
  }
  return { sheets: [{ name: "客户状况登记表", values: rows }] };
}

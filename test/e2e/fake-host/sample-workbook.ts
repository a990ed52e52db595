import type { SeedSheet } from "../../office/fake-excel";

/**
 * A small register as a manager keeps it: a title banner, Chinese headers, a formula-looking name, bad amounts
 * (one of them HTML), and a notes sheet whose name is HTML: the pane must show all of it as text.
 */
export const SAMPLE_WORKBOOK: SeedSheet[] = [
  {
    name: "客户状况登记表",
    values: [
      ["客户状况登记表", null, null, null, null, null, null, null, null, null],
      ["客户编号", "客户名称", "客户经理", "日均存款", "日均贷款", "结算产品使用状况", "理财产品使用状况", "客户满意度", "客户关系发展潜力", "经营状况"],
      ["C001", "华星贸易", "张伟", 5200000, 3000000, "已使用", "已使用", 92, "高", "良好"],
      ["C002", "东方机械", "王芳", 1800000, 900000, "已使用", "未使用", 80, "中", "良好"],
      ["C003", "南山食品", "李娜", 600000, 0, "未使用", "未使用", 60, "中", "一般"],
      ["C004", "北辰物流", "刘洋", 150000, 50000, "未使用", "未使用", 30, "低", "较差"],
      ["C005", '=HYPERLINK("http://x")', "陈静", "约一百万", 200000, "已使用", "未使用", 70, "高", "一般"],
      ["C006", "西岭科技", "张伟", 2600000, 1200000, "已使用", "已使用", 85, "高", "良好"],
      ["C007", "海川化工", "王芳", "<img src=x onerror=alert(1)>", 0, "未使用", "未使用", 40, "低", "较差"],
      ["C008", "金桥电子", "李娜", 3100000, 2500000, "已使用", "已使用", 88, "中", "良好"],
    ],
  },
  { name: "<b>备注<i>", values: [["说明"], ["<script>alert(1)</script>"]] },
];

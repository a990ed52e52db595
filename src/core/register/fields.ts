/** How a register column's cells are read. */
export type FieldKind =
  | "text"
  | "integer"
  | "amount"
  | "yesno"
  | "date"
  | "satisfaction"
  | "operatingStatus"
  | "channel"
  | "potential"
  | "status"
  | "churnCause"
  | "transferType"
  | "nps";

export interface FieldDef {
  id: RegisterFieldId;
  kind: FieldKind;
  zh: string[];
  en: string[];
}

export type RegisterFieldId =
  | "id" | "name" | "address" | "legalRep" | "generalManager" | "contact" | "mainBusiness" | "employees"
  | "operatingStatus" | "otherBanks" | "dailyDeposit" | "dailyLoan" | "settlementUse" | "wealthUse"
  | "annualSpend" | "accountManager" | "channel" | "contactFrequency" | "potential" | "satisfaction"
  | "likelihoodToRecommend" | "firstPurchase" | "lastPurchase" | "lastContact" | "complaints"
  | "openComplaint" | "status" | "churnCause" | "winbackCost"
  | "transferType" | "complaintDate" | "complaintReplyDate" | "complaintResolvedDate" | "preferredChannel";

/** The register's columns, with the headers users write, first name first (the spec's table). */
export const REGISTER_FIELDS: FieldDef[] = [
  { id: "id", kind: "text", zh: ["客户编号", "编号", "客户代码"], en: ["Customer ID", "ID"] },
  { id: "name", kind: "text", zh: ["客户名称", "客户", "名称"], en: ["Customer", "Customer Name", "Name"] },
  { id: "address", kind: "text", zh: ["地址"], en: ["Address"] },
  { id: "legalRep", kind: "text", zh: ["法人", "法人代表"], en: ["Legal Representative"] },
  { id: "generalManager", kind: "text", zh: ["总经理"], en: ["General Manager"] },
  { id: "contact", kind: "text", zh: ["联络方式", "联系方式", "电话"], en: ["Contact", "Phone"] },
  { id: "mainBusiness", kind: "text", zh: ["主营业务"], en: ["Main Business"] },
  { id: "employees", kind: "integer", zh: ["员工人数"], en: ["Employees"] },
  { id: "operatingStatus", kind: "operatingStatus", zh: ["经营状况"], en: ["Operating Status"] },
  { id: "otherBanks", kind: "text", zh: ["往来银行", "与他行往来状况"], en: ["Other Banks"] },
  { id: "dailyDeposit", kind: "amount", zh: ["日均存款"], en: ["Avg Daily Deposits"] },
  { id: "dailyLoan", kind: "amount", zh: ["日均贷款"], en: ["Avg Daily Loans"] },
  { id: "settlementUse", kind: "yesno", zh: ["结算产品使用状况"], en: ["Settlement Products"] },
  { id: "wealthUse", kind: "yesno", zh: ["理财产品使用状况"], en: ["Wealth Products"] },
  { id: "annualSpend", kind: "amount", zh: ["年采购金额", "年消费金额"], en: ["Annual Spend"] },
  { id: "accountManager", kind: "text", zh: ["客户经理", "负责人"], en: ["Account Manager", "Owner"] },
  { id: "channel", kind: "channel", zh: ["沟通方式"], en: ["Contact Channel"] },
  { id: "contactFrequency", kind: "text", zh: ["沟通频率"], en: ["Contact Frequency"] },
  { id: "potential", kind: "potential", zh: ["客户关系发展潜力", "发展潜力"], en: ["Potential"] },
  { id: "satisfaction", kind: "satisfaction", zh: ["客户满意度", "满意度"], en: ["Satisfaction"] },
  { id: "likelihoodToRecommend", kind: "nps", zh: ["推荐意愿"], en: ["Likelihood to Recommend"] },
  { id: "firstPurchase", kind: "date", zh: ["首次购买日期", "购买日期"], en: ["First Purchase"] },
  { id: "lastPurchase", kind: "date", zh: ["最近购买日期"], en: ["Last Purchase"] },
  { id: "lastContact", kind: "date", zh: ["最近联系日期", "最近联系"], en: ["Last Contact"] },
  { id: "complaints", kind: "integer", zh: ["投诉次数"], en: ["Complaints"] },
  { id: "openComplaint", kind: "yesno", zh: ["未结投诉"], en: ["Open Complaint"] },
  { id: "status", kind: "status", zh: ["客户状态", "状态"], en: ["Status"] },
  { id: "churnCause", kind: "churnCause", zh: ["流失原因"], en: ["Churn Cause"] },
  { id: "winbackCost", kind: "amount", zh: ["挽回成本"], en: ["Win-back Cost"] },
  { id: "transferType", kind: "transferType", zh: ["转出方式"], en: ["Transfer Type"] },
  { id: "complaintDate", kind: "date", zh: ["投诉日期"], en: ["Complaint Date"] },
  { id: "complaintReplyDate", kind: "date", zh: ["投诉回复日期", "回复日期"], en: ["Complaint Reply Date", "Reply Date"] },
  { id: "complaintResolvedDate", kind: "date", zh: ["投诉解决日期", "解决日期"], en: ["Complaint Resolved Date", "Resolved Date"] },
  { id: "preferredChannel", kind: "channel", zh: ["偏好渠道"], en: ["Preferred Channel"] },
];

/** Sheet names that identify the register. */
export const REGISTER_SHEET_NAMES = ["客户状况登记表", "客户登记表", "客户档案", "客户资料", "Customers", "Customer Register"];

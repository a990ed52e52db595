import { ProblemLog } from "../problems/problem";
import { complaintFigures, complaintKpiRows, reportComplaintOrder } from "./complaint-kpis";
import { AS_OF, customer, day, settingsWith } from "./test-support";

const settings = settingsWith();
const complaint = (key: string, at: number, reply?: number, resolved?: number) =>
  customer(key, { reg: { complaintDate: at, complaintReplyDate: reply, complaintResolvedDate: resolved } });

describe("投诉平均响应时间 = reply − complaint, in hours; 投诉平均处理时间 = resolved − complaint, in days", () => {
  it("averages over the complaints that have the later date", () => {
    const f = complaintFigures([complaint("a", day(-20), day(-20), day(-18)), complaint("b", day(-20), day(-18), day(-10)), complaint("c", day(-5)), customer("none")], settings, AS_OF);
    expect(f).toMatchObject({ complaints: 3, replied: 2, resolved: 2 });
    expect(f.avgReplyHours).toBe(24); // (0 + 48) / 2
    expect(f.avgResolveDays).toBe(6); // (2 + 10) / 2
  });
});

describe("shares replied within 24 hours and resolved within 7 days (lines in the settings)", () => {
  it("counts on-time answers; a waiting complaint counts as missed once older than the line, and is left out before", () => {
    const cs = [
      complaint("fast", day(-30), day(-29), day(-23)), // 24 h, 7 days: both on time
      complaint("slow", day(-30), day(-28), day(-22)), // 48 h, 8 days: both late
      complaint("waiting", day(-10)), // unreplied 10 days: missed both
      complaint("today", AS_OF), // unreplied, too young to judge
    ];
    const f = complaintFigures(cs, settings, AS_OF);
    expect(f).toMatchObject({ repliedWithin: 1, replyBase: 3, resolvedWithin: 1, resolveBase: 3 });
    const rows = complaintKpiRows(f, settings, "zh-CN");
    expect(rows.map((r) => r.figure)).toEqual(["投诉平均响应时间（小时）", "投诉平均处理时间（天）", "24小时内回复占比", "7天内解决占比"]);
    expect(rows[2]).toMatchObject({ count: 1, share: 1 / 3 });
    const loose = settingsWith((s) => {
      s.plan.supervisor.complaintReplyHours = 48;
      s.plan.supervisor.complaintResolveDays = 8;
    });
    const en = complaintKpiRows(complaintFigures(cs, loose, AS_OF), loose, "en-US");
    expect(en.map((r) => r.figure)).toEqual(["Average complaint response (hours)", "Average complaint resolution (days)", "Replied within 48 h", "Resolved within 8 days"]);
    expect(en[2]).toMatchObject({ count: 2, share: 2 / 3 });
    expect(en[3]).toMatchObject({ count: 2, share: 2 / 3 });
  });

  it("adds no rows when no customer has a 投诉日期", () => {
    expect(complaintKpiRows(complaintFigures([customer("a")], settings, AS_OF), settings, "zh-CN")).toEqual([]);
  });
});

describe("a reply or resolution dated before its complaint", () => {
  it("is left out of the figures and reported at the customer's register row", () => {
    const c = complaint("odd", day(-5), day(-6), day(-1));
    const f = complaintFigures([c], settings, AS_OF);
    expect(f).toMatchObject({ replied: 0, resolved: 1, avgResolveDays: 4 });
    const log = new ProblemLog();
    reportComplaintOrder(f, log, (_, field) => (field === "complaintReplyDate" ? "AF3" : undefined));
    expect(log.items).toEqual([expect.objectContaining({ level: "warning", code: "plan.complaintDateOrder", sheet: "客户状况登记表", cell: "AF3", key: "odd" })]);
  });
});

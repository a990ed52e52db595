import fc from "fast-check";
import type { Lang } from "../i18n/lang";
import type { Channel, CustomerStatusId } from "../register/register-row";
import type { ScoredCustomer, TierOrIncomplete, Verdict } from "../scoring/scored-customer";
import { buildChurnWarnings, churnWarning, churnOrder, suggestedAction } from "./churn-warnings";
import { customerMeasures, unusedProducts } from "./measures";
import { buildRetentionPlan, planOrder } from "./retention-plan";
import { AS_OF, carryFrom, customer, day, recordsOf, settingsWith } from "./test-support";
import { isActive } from "./lifecycle";

// Every fact a text depends on drawn from its few values, so that many rows share (and must not mix up) a memo entry.
const someCustomer = fc
  .record({
    key: fc.integer({ min: 0, max: 99 }).map((n) => `K${n}`),
    tier: fc.constantFrom<TierOrIncomplete>("A", "B", "C", "D", "incomplete"),
    verdict: fc.constantFrom<Verdict | null>("maintain", "improve", "end", null),
    status: fc.constantFrom<CustomerStatusId | undefined>("active", "active", "new", "dormant", "churned", "transferred", "returned", undefined),
    settlementUse: fc.constantFrom(true, false, undefined),
    wealthUse: fc.constantFrom(true, false, undefined),
    channel: fc.constantFrom<Channel | undefined>("phone", "email", "sms", "wechat", "visit", "meeting", undefined),
    preferredChannel: fc.constantFrom<Channel | undefined>("wechat", "email", undefined),
    lastContact: fc.constantFrom(undefined, day(-5), day(-40), day(-100), day(-200), day(-250), day(-400)),
    openComplaint: fc.constantFrom(true, false, undefined),
  })
  .map(({ key, tier, verdict, ...reg }): ScoredCustomer => customer(key, { tier, verdict, reg }));

const lang = fc.constantFrom<Lang>("zh-CN", "en-US");

describe("texts shared through packed memo keys", () => {
  it("维护措施 of every row is customerMeasures of its own customer", () => {
    const lists = [["业务贡献", "合作深度"], ["合作深度"], ["业务贡献", "合作深度"]];
    fc.assert(
      fc.property(fc.array(someCustomer, { maxLength: 30 }), lang, fc.integer({ min: 0, max: 3 }), (cs, lg, pick) => {
        const weakest = (key: string) => (pick === 3 ? undefined : lists[(key.length + pick) % 3]);
        const tab = buildRetentionPlan(cs, settingsWith(), AS_OF, lg, "plan", carryFrom(), undefined, weakest);
        const ordered = planOrder(cs.filter(isActive));
        recordsOf(tab).forEach((r, i) => {
          const c = ordered[i];
          const facts = { weakest: c.verdict === "improve" ? weakest(c.key) : undefined, unused: unusedProducts(c), dormant: c.register?.status === "dormant" };
          expect(r.measures).toBe(customerMeasures(c, lg, facts));
        });
      }),
      { numRuns: 300 },
    );
  });

  it("流失预警's action of every row is suggestedAction of its own warning", () => {
    fc.assert(
      fc.property(fc.array(someCustomer, { minLength: 20, maxLength: 80 }), lang, (cs, lg) => {
        const settings = settingsWith();
        const tab = buildChurnWarnings(cs, settings, AS_OF, lg, "warn");
        const ws = churnOrder(cs.map((c) => churnWarning(c, settings, AS_OF)).filter((w) => w !== null));
        const rows = recordsOf(tab);
        expect(rows.length).toBe(ws.length);
        rows.forEach((r, i) => expect(r.action).toBe(suggestedAction(ws[i], lg)));
      }),
      { numRuns: 300 },
    );
  });
});

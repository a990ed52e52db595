/**
 * `npm run bench:addin`: writes a plan of real shape for 100,000 customers (BENCH_CUSTOMERS to change)
 * through the Office.js adapter into the in-memory fake Excel, which counts syncs, payloads and format
 * calls. The last line is `syncs=<n> maxPayloadBytes=<n> perCellFormatCalls=<n> seconds=<s>`.
 */
import { writePlan } from "../../src/office/write-plan";
import { createFakeExcel } from "../../test/office/fake-excel";
import { syntheticPlan } from "./synthetic-plan";

async function main(): Promise<void> {
  const customers = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
  const plan = syntheticPlan(customers);
  const rows = plan.tabs.reduce((n, t) => n + t.rows.length, 0);
  const xl = createFakeExcel([{ name: "客户状况登记表", values: [["客户编号", "客户名称"], ["C000001", "华星贸易"]] }]);
  const started = process.hrtime.bigint();
  await xl.run((ctx) => writePlan(ctx, plan, { tag: "bench" }));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const { stats } = xl;
  const perCell = stats.perCellFormatCalls();
  const over4 = stats.requestBytes.filter((b) => b >= 4_000_000).length;
  console.log(`customers=${customers} tabs=${plan.tabs.length} rows=${rows} calls=${stats.calls} formatCalls=${stats.formatCalls.length}`);
  console.log(`requests=${stats.requestBytes.length} totalRequestBytes=${stats.requestBytes.reduce((a, b) => a + b, 0)} requestsOver4MB=${over4} heapMB=${Math.round(process.memoryUsage().heapUsed / 1e6)}`);
  console.log(`syncs=${stats.syncs} maxPayloadBytes=${stats.maxRequestBytes} perCellFormatCalls=${perCell} seconds=${seconds.toFixed(2)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

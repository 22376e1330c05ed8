// The elements' arithmetic against the reference host over loopback, through the SDK (Node: the
// browser tests cannot start the host). What the badge, the chart and the forecast compute from
// the host's answers equals what the host charged.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { parseCatalog, rate, sumDecimals } from '../../../src/core/index.js';
import { balanceState } from '../../../src/elements/balance/balance-state.js';
import { breakdownOf } from '../../../src/elements/chat-cost/breakdown.js';
import { forecastMonth } from '../../../src/elements/usage/forecast.js';
import { fillDays, forecastRange } from '../../../src/elements/usage/series.js';
import { startTestHost, type TestHost } from '../../server/harness.js';

const ADMIN = 'u-anna';
const ORG = 'org-nordlicht';
const meingpt = parseCatalog(JSON.parse(readFileSync('catalog/meingpt.json', 'utf8')));
const CHAT = [
  { service: 'openai/gpt-4o', inputTokens: 523, outputTokens: 1247 },
  { service: 'meingpt/tool-call', requests: 2 },
];

describe('elements against the reference host', () => {
  let host: TestHost;
  before(async () => {
    host = await startTestHost();
    await host.configure('UPDATE orgs SET auto_recharge_enabled = ? WHERE id = ?', 0, ORG);
    await host.server.ledger.topUp(ORG, '1000');
  });
  after(() => host.close());

  it("the chat badge's lines add up to its total and equal the host's charge (2.6533 → 2.65)", async () => {
    const client = host.client(ADMIN);
    await client.recordUsage({ chatId: 'golden', records: [CHAT[0]!] });
    await client.recordUsage({ chatId: 'golden', records: [CHAT[1]!] });
    const chat = await client.getChat('golden');
    assert.equal(chat.billedCredits, '2.6533');
    assert.equal(chat.charge.credits, rate(meingpt, CHAT).credits);
    const badge = breakdownOf(chat.charge, 2, chat.billedCredits);
    assert.deepEqual(badge.lines.map((l) => [l.kind, l.quantity, l.display]), [
      ['inputTokens', '523', '0.16'],
      ['outputTokens', '1247', '1.49'],
      ['requests', '2', '1.00'],
    ]);
    assert.equal(badge.total, '2.65');
    assert.deepEqual(badge.money, { amount: '0.026533', currency: 'EUR' });
    // The same badge priced client-side from the usage shows the same.
    assert.deepEqual(breakdownOf(rate(meingpt, CHAT)).lines.map((l) => l.display), ['0.16', '1.49', '1.00']);
  });

  it("the chart's days and the breakdowns add up to the host's total, and the forecast follows its history", async () => {
    const client = host.client(ADMIN);
    // 100, 200 and 300 credits of tool calls on 20–22 Nov, 50 today (23 Nov, the harness clock).
    const today = new Date(host.clock.now).toISOString().slice(0, 10);
    assert.equal(today, '2026-11-23');
    for (const [day, requests] of [['2026-11-20', 200], ['2026-11-21', 400], ['2026-11-22', 600], [today, 100]] as const) {
      await client.recordUsage({ chatId: `day-${day}`, at: `${day}T09:00:00.000Z`, records: [{ service: 'meingpt/tool-call', requests }] });
    }
    const range = { from: '2026-11-01', to: today };
    const days = await client.getUsage({ ...range, groupBy: 'day' });
    const bars = fillDays(range, days.groups);
    assert.equal(bars.length, 23);
    assert.equal(sumDecimals(bars.map((b) => b.credits)), days.total.credits);
    assert.deepEqual(bars.slice(19).map((b) => b.credits), ['100', '200', '300', '52.6533']); // today's 50 + the golden chat
    for (const groupBy of ['service', 'billingType', 'user', 'department'] as const) {
      const report = await client.getUsage({ ...range, groupBy });
      assert.equal(sumDecimals(report.groups.map((g) => g.credits)), days.total.credits, groupBy);
    }

    const history = await client.getUsage({ ...forecastRange(today), groupBy: 'day' });
    const balance = await client.getBalance();
    // 1,000 − 652.6533 = 347.3467 left.
    assert.equal(balance.credits, '347.3467');
    const forecast = forecastMonth({ days: history.groups.map((g) => ({ date: g.key, credits: g.credits })), historyStart: history.from, today, balance: balance.credits })!;
    // 600 credits over the 30 complete days before today: 20 a day. 600 + max(52.6533, 20) + 7 × 20 = 792.6533.
    assert.equal(forecast.dailyRate, '20');
    assert.equal(forecast.monthTotal, '792.6533');
    // Nothing more is needed today; 347.3467 / 20 = 17.4 → the 18th day after today, 11 December.
    assert.equal(forecast.runsOutOn, '2026-12-11');
    // 347 of the 1,000 loaded is above 20 %; 150 credits more and it is below (200), not below 10 % (100).
    assert.equal(balanceState(balance).level, 'normal');
    await client.recordUsage({ chatId: 'more', records: [{ service: 'meingpt/tool-call', requests: 300 }] });
    const lower = await client.getBalance();
    assert.equal(lower.credits, '197.3467');
    assert.deepEqual(lower.lowBalance.thresholds.map((t) => [t.percent, t.credits]), [['20', '200'], ['10', '100'], ['0', '0']]);
    assert.deepEqual(balanceState(lower), { level: 'low', percent: '20', percentLeft: 19.7 });
    await client.recordUsage({ chatId: 'more', records: [{ service: 'meingpt/tool-call', requests: 200 }] });
    assert.deepEqual(balanceState(await client.getBalance()), { level: 'critical', percent: '10', percentLeft: 9.7 });
  });
});

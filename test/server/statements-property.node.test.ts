// Property: over random months of top-ups, promotional and paid grants (some expiring),
// transfers between the pool and departments, charges and auto-recharges, every month's
// statement equals the ledger summed here from its raw rows, its lines add up, each month opens
// at the closing balance of the month before, and the audit (grants = balance) holds. On each engine.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { Decimal, toPlain } from '../../src/core/decimal.js';
import type { Statement } from '../../src/sdk/index.js';
import { ENGINES, startTestHost, type TestHost } from './harness.js';

const ADMIN = 'u-anna';
const USERS = ['u-anna', 'u-ben', 'u-clara', 'u-david', 'u-emma', 'u-felix'];
const HOLDERS = [null, 'd-engineering', 'd-marketing', 'd-sales'];
const sum = (values: readonly string[]) => toPlain(values.reduce((a, v) => a.plus(v), new Decimal(0)));
const HOUR = 3_600_000;

/** A decimal string of credits with up to 4 places, from an integer of ten-thousandths. */
const amount = (max: number) => fc.integer({ min: 1, max: max * 10_000 }).map((n) => toPlain(new Decimal(n).div(10_000)));

const operation = fc.oneof(
  { weight: 2, arbitrary: fc.record({ op: fc.constant('topUp' as const), credits: amount(3000) }) },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('grant' as const), kind: fc.constantFrom('paid' as const, 'promotional' as const), credits: amount(2000), expiresInHours: fc.option(fc.integer({ min: 1, max: 24 * 40 }), { nil: undefined }) }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('transfer' as const), from: fc.constantFrom(...HOLDERS), to: fc.constantFrom(...HOLDERS), credits: amount(800) }) },
  {
    weight: 6,
    arbitrary: fc.record({ op: fc.constant('charge' as const), user: fc.constantFrom(...USERS), input: fc.integer({ min: 100, max: 200_000 }), output: fc.integer({ min: 0, max: 50_000 }), image: fc.boolean() }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('wait' as const), hours: fc.integer({ min: 1, max: 24 * 12 }) }) },
);

for (const engine of ENGINES) {
  describe(`statements over random months [${engine}]`, () => {
    let host: TestHost;
    before(async () => {
      host = await startTestHost({ engine });
      host.clock.now = Date.parse('2026-01-05T09:00:00Z');
      await host.configure("UPDATE users SET daily_limit = NULL, monthly_limit = NULL WHERE org_id = 'org-nordlicht'");
    });
    after(() => host.close());

    it('every statement equals the ledger, adds up, and opens where the month before closed', async () => {
      const figures = { runs: 0, entries: 0, statements: 0, expiries: 0, transfers: 0 };
      await fc.assert(
        fc.asyncProperty(fc.array(operation, { minLength: 10, maxLength: 30 }), async (ops) => {
          // A token per request: the clock moves by days, and a token lasts 15 minutes.
          const auth = async () => ({ authorization: `Bearer ${await host.server.tokenFor(ADMIN)}` });
          const post = async (path: string, body: unknown) => fetch(`${host.server.url}${path}`, { method: 'POST', headers: { ...(await auth()), 'content-type': 'application/json' }, body: JSON.stringify(body) });
          const get = async (path: string) => (await fetch(`${host.server.url}${path}`, { headers: await auth() })).json();
          for (const o of ops) {
            if (o.op === 'topUp') await host.server.ledger.topUp('org-nordlicht', o.credits);
            else if (o.op === 'grant') {
              const body = { kind: o.kind, credits: o.credits, ...(o.expiresInHours !== undefined && { expiresAt: new Date(host.clock.now + o.expiresInHours * HOUR).toISOString() }) };
              assert.equal((await post('/grants', body)).status, 201);
            } else if (o.op === 'transfer') {
              const status = (await post('/transfers', { from: o.from, to: o.to, credits: o.credits, reason: 'property' })).status;
              assert.ok(status === 201 || status === 422, `transfer answered ${status}`);
            } else if (o.op === 'charge') {
              const records = [{ service: 'openai/gpt-4o', inputTokens: o.input, outputTokens: o.output }, ...(o.image ? [{ service: 'openai/gpt-image-1', requests: 1 }] : [])];
              await host.client(o.user).recordUsage({ chatId: `p-${o.user}`, records }).catch((error: { status?: number }) => assert.ok(error.status === 402 || error.status === 403, String(error)));
            } else host.clock.now += o.hours * HOUR;
          }
          host.clock.now += HOUR;

          // The list first: a read posts the expiries that are due, and the ledger is read after it.
          const list = (await get('/statements')) as { statements: { period: string }[] };
          const entries = await host.server.store.ledger('org-nordlicht');
          let previousClosing = '0';
          for (const { period } of [...list.statements].reverse()) {
            const s = (await get(`/statements/${period}`)) as Statement;
            const from = Date.parse(s.from);
            const to = Date.parse(s.to);
            const inPeriod = entries.filter((e) => Date.parse(e.at) >= from && Date.parse(e.at) < to);
            const of = (kinds: string[]) => sum(inPeriod.filter((e) => kinds.includes(e.kind)).map((e) => e.credits));
            assert.deepEqual(s.totals, {
              opening: previousClosing,
              granted: of(['topup', 'auto-recharge', 'grant']),
              used: of(['charge']),
              expired: of(['expiry']),
              closing: inPeriod.at(-1)?.balanceAfter ?? previousClosing,
            }, period);
            for (const lines of [s.usage.byDepartment, s.usage.byService, s.usage.byUser]) assert.equal(sum(lines.map((l) => l.credits)), s.totals.used);
            assert.equal(sum(s.expired.map((e) => e.credits)), s.totals.expired);
            assert.equal(s.transfers.length, inPeriod.filter((e) => e.kind === 'transfer-in').length);
            previousClosing = s.totals.closing;
            figures.statements++;
          }
          assert.equal(previousClosing, entries.at(-1)?.balanceAfter ?? '0');
          assert.deepEqual((await host.server.ledger.audit('org-nordlicht')).problems, []);
          figures.runs++;
          figures.entries = entries.length;
          figures.expiries = entries.filter((e) => e.kind === 'expiry').length;
          figures.transfers = entries.filter((e) => e.kind === 'transfer-in').length;
        }),
        { numRuns: 12, seed: 18, endOnFailure: true },
      );
      console.log(`# figures [${engine}]: ${figures.runs} runs, ${figures.entries} ledger entries (${figures.expiries} expiries, ${figures.transfers} transfers), ${figures.statements} statements checked against the ledger`);
    });
  });
}

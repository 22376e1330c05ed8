// The reference host over real HTTP on loopback, through the SDK: the ledger, idempotency,
// limits, the 0-credit pause, notifications and auto-recharge, on each engine.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Decimal, toPlain } from '../../src/core/decimal.js';
import { rate, parseCatalog } from '../../src/core/index.js';
import { readFileSync } from 'node:fs';
import { ForbiddenError, PaymentRequiredError, UnauthorizedError, UnprocessableEntityError, createClient, type UsageEventReceipt } from '../../src/sdk/index.js';
import { ENGINES, NOON_ISH, rejection, startTestHost, type TestHost } from './harness.js';

const ADMIN = 'u-anna';
const meingpt = parseCatalog(JSON.parse(readFileSync('catalog/meingpt.json', 'utf8')));
const sum = (values: string[]) => toPlain(values.reduce((a, v) => a.plus(v), new Decimal(0)));
const image = (chatId: string, requests = 1) => ({ chatId, records: [{ service: 'openai/gpt-image-1', requests }] });
const workflow = (chatId: string) => ({ chatId, records: [{ service: 'meingpt/workflow-wizard', requests: 1 }] });

function setAutoRecharge(host: TestHost, enabled: boolean, threshold = '0', credits = '0', monthlyLimit: string | null = null) {
  return host.configure('UPDATE orgs SET auto_recharge_enabled = ?, auto_recharge_threshold = ?, auto_recharge_credits = ?, auto_recharge_monthly_limit = ? WHERE id = ?', enabled ? 1 : 0, threshold, credits, monthlyLimit, 'org-nordlicht');
}

async function count(host: TestHost, sql: string): Promise<number> {
  const [row] = await host.server.store.execute(sql);
  return Number(Object.values(row!)[0]);
}

async function column(host: TestHost, sql: string): Promise<string[]> {
  return (await host.server.store.execute(sql)).map((row) => String(Object.values(row)[0]));
}

for (const engine of ENGINES) {


  describe(`reference host [${engine}]: ledger and idempotency`, () => {
    let host: TestHost;
    before(async () => {
      host = await startTestHost({ engine });
      await setAutoRecharge(host, false);
      await host.server.ledger.topUp('org-nordlicht', '10000');
    });
    after(() => host.close());

    it("prices meinGPT's example 1 with creditkit's rate: 2.6533 credits for the chat", async () => {
      const anna = host.client(ADMIN);
      await anna.recordUsage({ chatId: 'example-1', records: [{ service: 'openai/gpt-4o', inputTokens: 523, outputTokens: 1247 }] });
      await anna.recordUsage({ chatId: 'example-1', records: [{ service: 'meingpt/tool-call', requests: 2 }] });
      const chat = await anna.getChat('example-1');
      assert.equal(chat.charge.credits, '2.6533'); // 0.1569 + 1.4964 + 1.0
      assert.equal(chat.billedCredits, '2.6533');
      assert.deepEqual(chat.records.map((r) => r.credits), ['1.6533', '1']);
      assert.equal((await anna.getBalance()).credits, '9997.3467');
    });

    it('200 concurrent posts with 50 duplicate idempotency keys charge each key once', async () => {
      const anna = host.client(ADMIN);
      const before = (await anna.getBalance()).credits;
      const ledgerRows = () => count(host, "SELECT count(*) FROM ledger WHERE kind = 'charge'");
      const rowsBefore = await ledgerRows();
      const posts: { key: string; body: ReturnType<typeof image> }[] = [];
      for (let i = 0; i < 150; i++) {
        posts.push({ key: `burst-${i}`, body: { chatId: `burst-${i % 10}`, records: [{ service: 'openai/gpt-4o', inputTokens: 1000 + i, outputTokens: 500 }] } as never });
      }
      for (let i = 0; i < 50; i++) posts.push(posts[i * 3]!); // 50 keys sent twice
      const receipts = await Promise.all(posts.map((p) => anna.recordUsage(p.body, { idempotencyKey: p.key })));
      const byKey = new Map<string, UsageEventReceipt>();
      posts.forEach((p, i) => {
        const seen = byKey.get(p.key);
        if (seen) assert.equal(receipts[i]!.eventId, seen.eventId, 'a duplicate gets the first receipt');
        else byKey.set(p.key, receipts[i]!);
      });
      assert.equal(byKey.size, 150);
      assert.equal((await ledgerRows()) - rowsBefore, 150);
      const charged = sum([...byKey.values()].map((r) => r.charge.credits));
      assert.equal((await anna.getBalance()).credits, toPlain(new Decimal(before).minus(charged)));
    });

    it('the balance always equals top-ups minus the sum of charges (from the ledger)', async () => {
      const { fromLedger, running, problems } = await host.server.ledger.audit('org-nordlicht');
      assert.deepEqual(problems, []);
      assert.equal(running, fromLedger);
      const rows = (await host.server.store.execute('SELECT kind, credits FROM ledger')) as { kind: string; credits: string }[];
      const topUps = sum(rows.filter((r) => r.kind !== 'charge').map((r) => r.credits));
      const charges = sum(rows.filter((r) => r.kind === 'charge').map((r) => r.credits));
      const events = await column(host, 'SELECT credits FROM events');
      assert.equal(charges, sum(events));
      assert.equal((await host.client(ADMIN).getBalance()).credits, toPlain(new Decimal(topUps).minus(charges)));
    });

    it('a reused key with another body is refused (422) and charges nothing', async () => {
      const anna = host.client(ADMIN);
      await anna.recordUsage(image('reuse'), { idempotencyKey: 'reuse-1' });
      const error = await rejection(anna.recordUsage(image('reuse', 2), { idempotencyKey: 'reuse-1' }));
      assert.ok(error instanceof UnprocessableEntityError);
      assert.equal(error.type, 'https://creditkit.dev/problems/idempotency-key-reused');
      assert.equal((await anna.getChat('reuse')).billedCredits, '30');
    });

    it('usage that cannot be rated is a 422 naming the problem; nothing is charged', async () => {
      const anna = host.client(ADMIN);
      const before = (await anna.getBalance()).credits;
      const error = await rejection(anna.recordUsage({ chatId: 'bad', records: [{ service: 'openai/gpt-99', inputTokens: 5 }] }));
      assert.ok(error instanceof UnprocessableEntityError);
      assert.match(error.message, /gpt-99/);
      assert.equal((await anna.getBalance()).credits, before);
    });

    it('grouped usage adds up to the total for every grouping; a member sees only their own', async () => {
      const anna = host.client(ADMIN);
      await host.client('u-ben').recordUsage(image('ben-1'));
      const totals = new Set<string>();
      for (const groupBy of ['day', 'service', 'billingType', 'user', 'department'] as const) {
        const report = await anna.getUsage({ from: '2026-11-01', to: '2026-11-30', groupBy });
        assert.equal(report.scope, 'organisation');
        assert.equal(sum(report.groups.map((g) => g.credits)), report.total.credits, groupBy);
        totals.add(report.total.credits);
      }
      assert.equal(totals.size, 1);
      const byUser = await anna.getUsage({ from: '2026-11-23', to: '2026-11-23', groupBy: 'user' });
      assert.deepEqual(byUser.groups.map((g) => g.label), ['Anna Schmidt', 'Ben Weber']);
      const ben = await host.client('u-ben').getUsage({ from: '2026-11-01', to: '2026-11-30', groupBy: 'service' });
      assert.equal(ben.scope, 'user');
      assert.deepEqual(ben.groups.map((g) => [g.label, g.credits]), [['OpenAI GPT Image 1', '30']]);
    });

    it("a member reading another user's chat sees an empty chat, nothing of theirs", async () => {
      const chat = await host.client('u-ben').getChat('example-1');
      assert.deepEqual([chat.records, chat.billedCredits, chat.charge.credits], [[], '0', '0']);
      assert.equal((await host.client(ADMIN).getChat('example-1')).billedCredits, '2.6533');
    });

    it('a chat with no usage yet is an empty chat (200, no records, 0 credits), not a 404', async () => {
      const response = await fetch(`${host.server.url}/chats/new-chat-1`, { headers: { authorization: `Bearer ${await host.server.tokenFor(ADMIN)}` } });
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { chatId: 'new-chat-1', records: [], charge: rate(meingpt, []), billedCredits: '0' });
    });

    it('a malformed percent-escape in a chat id is a 400 problem, not a 500', async () => {
      const response = await fetch(`${host.server.url}/chats/%E0%A4%A`, { headers: { authorization: `Bearer ${await host.server.tokenFor(ADMIN)}` } });
      assert.equal(response.status, 400);
      assert.equal(response.headers.get('content-type'), 'application/problem+json');
      assert.equal(((await response.json()) as { type: string }).type, 'https://creditkit.dev/problems/malformed-path');
    });

    it('lists recent chats latest first with their billed credits, a page at a time; a member sees only their own', async () => {
      const anna = host.client(ADMIN);
      const ben = host.client('u-ben');
      // Three chats at known instants: the list is ordered by the last event's `at`.
      const at = (minutes: number) => new Date(NOON_ISH - minutes * 60_000).toISOString();
      await anna.recordUsage({ chatId: 'recent-a', at: at(30), records: [{ service: 'meingpt/tool-call', requests: 1 }] });
      await ben.recordUsage({ chatId: 'recent-b', at: at(20), records: [{ service: 'openai/gpt-image-1', requests: 1 }] });
      await anna.recordUsage({ chatId: 'recent-a', at: at(10), records: [{ service: 'meingpt/workflow-wizard', requests: 1 }] });
      await anna.recordUsage({ chatId: 'recent-c', at: at(5), records: [{ service: 'meingpt/tool-call', requests: 2 }] });
      const all = await anna.getRecentChats({ limit: 100 });
      assert.equal(all.scope, 'organisation');
      const mine = all.chats.filter((c) => c.chatId.startsWith('recent-'));
      assert.deepEqual(mine.map((c) => [c.chatId, c.user.name, c.events, c.credits, c.firstAt, c.lastAt]), [
        // meinGPT: a tool call is 0.5 credits (example 1: two cost 1.0), a workflow run 10, an image 30.
        ['recent-c', 'Anna Schmidt', 1, '1', at(5), at(5)],
        ['recent-a', 'Anna Schmidt', 2, '10.5', at(30), at(10)],
        ['recent-b', 'Ben Weber', 1, '30', at(20), at(20)],
      ]);
      // Every chat's listed credits are its billed credits.
      for (const c of all.chats) assert.equal(c.credits, (await anna.getChat(c.chatId)).billedCredits, c.chatId);
      // Pages of 2 walk the same list without repeats or gaps.
      const walked: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await anna.getRecentChats({ limit: 2, ...(cursor && { cursor }) });
        assert.ok(page.chats.length <= 2);
        walked.push(...page.chats.map((c) => c.chatId));
        cursor = page.next ?? undefined;
      } while (cursor);
      assert.deepEqual(walked, all.chats.map((c) => c.chatId));
      const bens = await ben.getRecentChats();
      assert.equal(bens.scope, 'user');
      assert.ok(bens.chats.every((c) => c.user.id === 'u-ben'));
      assert.ok(bens.chats.some((c) => c.chatId === 'recent-b'));
    });

    it('a bad chats query is a 400 problem naming the field', async () => {
      const token = await host.server.tokenFor(ADMIN);
      for (const query of ['limit=0', 'limit=101', 'limit=abc', 'cursor=not-a-cursor']) {
        const response = await fetch(`${host.server.url}/chats?${query}`, { headers: { authorization: `Bearer ${token}` } });
        assert.equal(response.status, 400, query);
        assert.equal(response.headers.get('content-type'), 'application/problem+json');
      }
    });

    it('the catalog comes with an ETag and answers If-None-Match with 304', async () => {
      const catalog = await host.client(ADMIN).getCatalog();
      assert.equal(catalog.id, 'meingpt');
      const token = await host.server.tokenFor(ADMIN);
      const first = await fetch(`${host.server.url}/catalog`, { headers: { authorization: `Bearer ${token}` } });
      const etag = first.headers.get('etag')!;
      assert.ok(etag);
      const second = await fetch(`${host.server.url}/catalog`, { headers: { authorization: `Bearer ${token}`, 'if-none-match': etag } });
      assert.equal(second.status, 304);
    });

    it('issues demo tokens: the default user, a named one, and a 404 problem for an unknown one', async () => {
      const post = (body?: string) => fetch(`${host.server.url}/demo/token`, { method: 'POST', ...(body !== undefined && { body }) });
      const plain = (await (await post()).json()) as { userId: string; token: string; expiresAt: string };
      assert.equal(plain.userId, 'u-anna');
      assert.equal(plain.expiresAt, new Date(NOON_ISH + 15 * 60_000).toISOString());
      assert.equal(((await (await post('{"userId":"u-ben"}')).json()) as { userId: string }).userId, 'u-ben');
      const unknown = await post('{"userId":"u-nobody"}');
      assert.equal(unknown.status, 404);
      assert.equal(unknown.headers.get('content-type'), 'application/problem+json');
    });

    it('refuses a missing or expired token with a 401 problem document', async () => {
      const bare = await fetch(`${host.server.url}/balance`);
      assert.equal(bare.status, 401);
      assert.equal(bare.headers.get('content-type'), 'application/problem+json');
      const token = await host.server.tokenFor(ADMIN);
      host.clock.now += 16 * 60_000;
      const client = createClient({ baseUrl: host.server.url, getToken: () => token, maxRetries: 0 });
      assert.ok((await rejection(client.getBalance())) instanceof UnauthorizedError);
      host.clock.now = NOON_ISH;
    });

    it("each organisation has its own catalog: the GPTBots tenant's balance is in USD", async () => {
      const gina = host.client('u-gina');
      assert.equal((await gina.getCatalog()).id, 'gptbots');
      assert.equal((await gina.getBalance()).creditUnit.currency, 'USD');
      await host.server.ledger.topUp('org-gptbots', '100');
      // GPT-4.1 (1M): 0.22 credits per 1K input tokens (the GPTBots list); a user without a department.
      const receipt = await gina.recordUsage({ chatId: 'g1', records: [{ service: 'openai/gpt-4.1-1m', inputTokens: 1000 }] });
      assert.equal(receipt.charge.credits, '0.22');
      const balance = await gina.getBalance();
      assert.equal(balance.credits, '99.78');
      assert.deepEqual(balance.money, { amount: '0.9978', currency: 'USD' });
      assert.equal(balance.limits.department, null);
    });
  });

  describe(`reference host [${engine}]: limits, the 0-credit pause, notifications, auto-recharge`, () => {
    let host: TestHost;
    before(async () => {
      host = await startTestHost({ engine });
    });
    after(() => host.close());

    it('pauses AI at 0 credits (402) and records the 20 %, 10 % and 0 % notifications', async () => {
      await setAutoRecharge(host, false);
      const anna = host.client(ADMIN);
      const paused = await rejection(anna.recordUsage(image('p0')));
      assert.ok(paused instanceof PaymentRequiredError);
      assert.equal(paused.type, 'https://creditkit.dev/problems/credits-exhausted');
      await host.server.ledger.topUp('org-nordlicht', '100');
      for (const body of [image('p1'), image('p1'), workflow('p1'), workflow('p1')]) await anna.recordUsage(body); // 100 → 70 → 40 → 30 → 20
      let balance = await anna.getBalance();
      assert.deepEqual(balance.lowBalance.thresholds.map((t) => [t.percent, t.credits, t.reached]), [['20', '20', true], ['10', '10', false], ['0', '0', false]]);
      const tooMuch = await rejection(anna.recordUsage(image('p1'))); // 30 > 20: overdraft protection
      assert.equal((tooMuch as PaymentRequiredError).type, 'https://creditkit.dev/problems/insufficient-credits');
      await anna.recordUsage(workflow('p1')); // 10
      await anna.recordUsage(workflow('p1')); // 0
      balance = await anna.getBalance();
      assert.equal(balance.credits, '0');
      assert.equal(balance.paused, true);
      assert.equal(balance.remainingAllowance, '0');
      assert.ok((await rejection(anna.recordUsage({ chatId: 'p1', records: [{ service: 'meingpt/tool-call', requests: 1 }] }))) instanceof PaymentRequiredError);
      assert.deepEqual((await host.server.ledger.notifications('org-nordlicht')).map((n) => [n.kind, n.balance]), [['low-20', '20'], ['low-10', '10'], ['depleted', '0']]);
    });

    it('auto-recharge loads credits below its threshold, up to its monthly limit', async () => {
      await setAutoRecharge(host, true, '50', '100', '100');
      const anna = host.client(ADMIN);
      await host.server.ledger.topUp('org-nordlicht', '100'); // 0 → 100
      await anna.recordUsage(image('r1')); // 70
      const receipt = await anna.recordUsage(image('r1')); // 40 < 50 → +100 = 140
      assert.equal(receipt.balance.credits, '140');
      const balance = await anna.getBalance();
      assert.equal(balance.autoRecharge.rechargedThisMonthCredits, '100');
      assert.equal(balance.lowBalance.referenceCredits, '140');
      for (let i = 0; i < 3; i++) await anna.recordUsage(image('r1')); // 110, 80, 50
      await anna.recordUsage(image('r1')); // 20 < 50, but the monthly limit is used up
      assert.equal((await anna.getBalance()).credits, '20');
      const kinds = (await host.server.ledger.notifications('org-nordlicht')).map((n) => n.kind);
      // after the first test's low-20, low-10, depleted: 20 is under 20 % of the new reference (140)
      assert.deepEqual(kinds.slice(3), ['recharge', 'low-20', 'recharge-limit']);
      await setAutoRecharge(host, false);
    });

    it("enforces a user's daily limit and lifts it the next day", async () => {
      await host.server.ledger.topUp('org-nordlicht', '10000');
      const emma = host.client('u-emma'); // daily 150, monthly 1500
      for (let i = 0; i < 5; i++) await emma.recordUsage(image('e1')); // 150: exactly the limit
      const refused = await rejection(emma.recordUsage(image('e1')));
      assert.ok(refused instanceof ForbiddenError);
      assert.equal(refused.type, 'https://creditkit.dev/problems/daily-limit-reached');
      const balance = await emma.getBalance();
      assert.deepEqual(balance.limits.daily, { limit: '150', used: '150', remaining: '0', resetsAt: '2026-11-24T00:00:00.000Z' });
      assert.equal(balance.remainingAllowance, '0');
      host.clock.now += 86_400_000;
      await emma.recordUsage(image('e2'));
      assert.equal((await emma.getBalance()).limits.monthly?.used, '180');
    });

    it("enforces a user's monthly limit", async () => {
      await host.configure("UPDATE users SET monthly_limit = '200' WHERE id = 'u-emma'");
      const emma = host.client('u-emma');
      await emma.recordUsage({ chatId: 'e3', records: [{ service: 'meingpt/workflow-wizard', requests: 2 }] }); // 200
      const refused = await rejection(emma.recordUsage(workflow('e3')));
      assert.equal((refused as ForbiddenError).type, 'https://creditkit.dev/problems/monthly-limit-reached');
    });

    it('a department budget with overdraft protection refuses what would exceed it; without, it does not', async () => {
      await host.configure("UPDATE departments SET monthly_budget = '400' WHERE id = 'd-sales'"); // Sales has spent 200 (Emma)
      await host.configure("UPDATE users SET daily_limit = NULL, monthly_limit = NULL WHERE id = 'u-felix'");
      const felix = host.client('u-felix');
      for (let i = 0; i < 6; i++) await felix.recordUsage(image('f1')); // 380
      const refused = await rejection(felix.recordUsage(image('f1')));
      assert.equal((refused as ForbiddenError).type, 'https://creditkit.dev/problems/department-budget-exhausted');
      const balance = await felix.getBalance();
      assert.equal(balance.limits.department?.budget.remaining, '20');
      assert.equal(balance.remainingAllowance, '20');
      await host.configure("UPDATE departments SET overdraft_protection = ? WHERE id = 'd-sales'", 0);
      await felix.recordUsage(image('f1')); // 410: allowed without overdraft protection
      assert.equal((await felix.getBalance()).limits.department?.budget.used, '410');
    });

    it('the charge of each event is what rate gives for its records', async () => {
      const body = { chatId: 'golden', records: [{ service: 'openai/gpt-4o', inputTokens: 523, outputTokens: 1247 }, { service: 'meingpt/tool-call', requests: 2 }] };
      const receipt = await host.client(ADMIN).recordUsage(body);
      assert.deepEqual(receipt.charge, rate(meingpt, body.records));
    });
  });

  describe(`reference host [${engine}]: the ledger invariant under random operations`, () => {
    it('after any mix of top-ups, events, retries and refusals, balance = top-ups − charges', async () => {
      const fc = (await import('fast-check')).default;
      const services = [
        { service: 'openai/gpt-4o', inputTokens: 1, outputTokens: 1 },
        { service: 'meingpt/tool-call', requests: 1 },
        { service: 'openai/gpt-image-1', requests: 1 },
        { service: 'meingpt/workflow-wizard', requests: 1 },
      ];
      const op = fc.oneof(
        fc.record({ kind: fc.constant('topup' as const), credits: fc.tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 9999 })).map(([a, b]) => `${a}.${String(b).padStart(4, '0')}`) }),
        fc.record({ kind: fc.constant('event' as const), service: fc.integer({ min: 0, max: 3 }), amount: fc.integer({ min: 1, max: 5000 }), key: fc.integer({ min: 0, max: 15 }) }),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), async (ops) => {
          const host = await startTestHost({ engine });
          try {
            await setAutoRecharge(host, false);
            const anna = host.client(ADMIN);
            let topUps = new Decimal(0);
            const charged = new Map<string, string>();
            for (const o of ops) {
              if (o.kind === 'topup') {
                await host.server.ledger.topUp('org-nordlicht', o.credits);
                topUps = topUps.plus(o.credits);
                continue;
              }
              const template = services[o.service]!;
              const record = Object.fromEntries(Object.entries(template).map(([k, v]) => [k, typeof v === 'number' ? (k === 'requests' ? 1 + (o.amount % 3) : o.amount) : v]));
              const key = `k${o.key}`;
              try {
                // The same key always carries the same body, so a repeat is a retry.
                const receipt = await anna.recordUsage({ chatId: key, records: [record as never] }, { idempotencyKey: `${key}-${JSON.stringify(record)}` });
                charged.set(`${key}-${JSON.stringify(record)}`, receipt.charge.credits);
              } catch (error) {
                if (!(error instanceof PaymentRequiredError)) throw error; // only the pause / no overdraft may refuse
              }
              const expected = toPlain(topUps.minus(sum([...charged.values()])));
              const balance = await anna.getBalance();
              assert.equal(balance.credits, expected);
              assert.ok(!new Decimal(balance.credits).isNegative(), 'never below zero');
            }
            const { fromLedger, running, problems } = await host.server.ledger.audit('org-nordlicht');
            assert.deepEqual(problems, []);
            assert.equal(running, fromLedger);
          } finally {
            await host.close();
          }
        }),
        { numRuns: 15, seed: 20261123 },
      );
    });
  });
}

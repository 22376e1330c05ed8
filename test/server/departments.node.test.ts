// Departments on the reference host, on each engine: credits allocated and moved between
// departments in one ledger transaction with both sides (who, why, an audit trail), bad
// transfers refused with nothing changed, per-model limits, and 200 concurrent charges against
// grants about to expire while transfers are in flight: nothing lost, nothing doubled.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Decimal, toPlain } from '../../src/core/decimal.js';
import { ENGINES, NOON_ISH, startTestHost, type TestHost } from './harness.js';

const ADMIN = 'u-anna'; // Engineering
// gpt-image-1: 30 credits a request on the meinGPT list (see host.node.test.ts).
const image = (chatId: string) => ({ chatId, records: [{ service: 'openai/gpt-image-1', requests: 1 }] });
const sum = (values: readonly string[]) => toPlain(values.reduce((a, v) => a.plus(v), new Decimal(0)));

async function call(host: TestHost, method: 'GET' | 'POST', path: string, body?: unknown, userId = ADMIN): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${host.server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${await host.server.tokenFor(userId)}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

type Departments = { poolCredits: string; departments: { id: string; credits: string }[] };
const holdings = async (host: TestHost) => {
  const { json } = await call(host, 'GET', '/departments');
  const d = json as unknown as Departments;
  return { pool: d.poolCredits, ...Object.fromEntries(d.departments.map((x) => [x.id, x.credits])) } as Record<string, string>;
};

for (const engine of ENGINES) {
  describe(`departments and transfers [${engine}]`, () => {
    let host: TestHost;
    before(async () => {
      host = await startTestHost({ engine });
      await host.configure("UPDATE orgs SET auto_recharge_enabled = ? WHERE id = 'org-nordlicht'", engine === 'sqlite' ? 0 : false);
      await host.configure("UPDATE users SET daily_limit = NULL, monthly_limit = NULL WHERE org_id = 'org-nordlicht'");
      await host.server.ledger.topUp('org-nordlicht', '1000');
    });
    after(() => host.close());

    it('allocates credits to a department and moves them to another: two entries in one transaction, who and why', async () => {
      const allocate = await call(host, 'POST', '/transfers', { to: 'd-marketing', credits: '300', reason: 'Q4 campaign budget' });
      assert.equal(allocate.status, 201);
      assert.deepEqual(allocate.json, { at: new Date(NOON_ISH).toISOString(), from: null, to: 'd-marketing', credits: '300', by: ADMIN, reason: 'Q4 campaign budget', entries: [2, 3] });
      const move = await call(host, 'POST', '/transfers', { from: 'd-marketing', to: 'd-sales', credits: '120.5', reason: 'trade fair' });
      assert.equal(move.status, 201);
      assert.deepEqual(await holdings(host), { pool: '700', 'd-engineering': '0', 'd-marketing': '179.5', 'd-sales': '120.5' });
      const ledger = await host.server.store.ledger('org-nordlicht');
      assert.deepEqual(
        ledger.map((e) => [e.seq, e.kind, e.credits, e.departmentId, e.balanceAfter]),
        [
          [1, 'topup', '1000', null, '1000'],
          [2, 'transfer-out', '300', null, '1000'],
          [3, 'transfer-in', '300', 'd-marketing', '1000'],
          [4, 'transfer-out', '120.5', 'd-marketing', '1000'],
          [5, 'transfer-in', '120.5', 'd-sales', '1000'],
        ],
      );
      const trail = (await call(host, 'GET', '/transfers')).json.transfers as { from: string | null; to: string; by: string; reason: string; entries: number[] }[];
      assert.deepEqual(trail.map((t) => [t.from, t.to, t.by, t.reason, t.entries]), [['d-marketing', 'd-sales', ADMIN, 'trade fair', [4, 5]], [null, 'd-marketing', ADMIN, 'Q4 campaign budget', [2, 3]]]);
      assert.equal((await host.client(ADMIN).getBalance()).credits, '1000'); // transfers do not change the balance
      const sdk = host.client(ADMIN);
      assert.deepEqual((await sdk.getTransfers()).transfers.map((t) => t.entries), [[4, 5], [2, 3]]);
      assert.deepEqual((await sdk.getDepartments()).departments.map((d) => [d.name, d.credits]), [['Engineering', '0'], ['Marketing', '179.5'], ['Sales', '120.5']]);
      assert.deepEqual((await host.server.ledger.audit('org-nordlicht')).problems, []);
    });

    it("a user spends their department's credits before the pool, never another department's", async () => {
      await host.client('u-clara').recordUsage(image('c1')); // Marketing: 179.5 → 149.5
      assert.deepEqual(await holdings(host), { pool: '700', 'd-engineering': '0', 'd-marketing': '149.5', 'd-sales': '120.5' });
      // All of the pool to Engineering: Sales can spend only its own 120.5, so 4 images (120) and then a 402.
      await call(host, 'POST', '/transfers', { to: 'd-engineering', credits: '700', reason: 'reorganisation' });
      const emma = host.client('u-emma');
      for (let i = 0; i < 4; i++) await emma.recordUsage(image('e1'));
      const refused = await emma.recordUsage(image('e1')).catch((e: { status: number; type: string }) => e);
      assert.deepEqual([(refused as { status: number }).status, (refused as { type: string }).type], [402, 'https://creditkit.dev/problems/insufficient-credits']);
      const balance = await emma.getBalance();
      assert.equal(balance.remainingAllowance, '0.5'); // Sales' 0.5 left; the organisation holds more
      assert.equal(balance.credits, toPlain(new Decimal(1000).minus(150)));
    });

    it('a bad transfer is a clear 4xx naming what is wrong, and changes nothing', async () => {
      const before = { ledger: (await host.server.store.ledger('org-nordlicht')).length, holdings: await holdings(host) };
      const cases: [unknown, number, string, string?][] = [
        [{ from: 'd-marketing', to: 'd-sales', credits: '149.6', reason: 'too much' }, 422, 'insufficient-credits-to-transfer', 'credits'],
        [{ to: 'd-sales', credits: '0.0001', reason: 'the pool is empty' }, 422, 'insufficient-credits-to-transfer', 'credits'],
        [{ from: 'd-sales', to: 'd-sales', credits: '1', reason: 'itself' }, 422, 'invalid-transfer', 'to'],
        [{ credits: '1', reason: 'pool to pool' }, 422, 'invalid-transfer', 'to'],
        [{ from: 'd-sales', to: 'd-nowhere', credits: '1', reason: 'unknown' }, 422, 'invalid-transfer', 'to'],
        [{ from: 'd-sales', credits: '-5', reason: 'negative' }, 422, 'invalid-transfer', 'credits'],
        [{ from: 'd-sales', credits: '1e2', reason: 'exponent' }, 422, 'invalid-transfer', 'credits'],
        [{ from: 'd-sales', credits: 5, reason: 'a number' }, 422, 'invalid-transfer', 'credits'],
        [{ from: 'd-sales', credits: '0', reason: 'nothing' }, 422, 'invalid-transfer', 'credits'],
        [{ from: 'd-sales', credits: '1,5', reason: 'a comma' }, 422, 'invalid-transfer', 'credits'],
        [{ from: 'd-sales', credits: '1' }, 422, 'invalid-transfer', 'reason'],
        ['{"from":', 400, 'malformed-json'],
      ];
      for (const [body, status, slug, field] of cases) {
        const { status: got, json } = await call(host, 'POST', '/transfers', body);
        assert.equal(got, status, JSON.stringify(body));
        assert.equal(json.type, `https://creditkit.dev/problems/${slug}`, JSON.stringify(body));
        if (field) assert.ok((json.issues as { path: string }[]).some((i) => i.path === field), `${JSON.stringify(body)}: ${JSON.stringify(json.issues)}`);
      }
      // Another organisation's department: as unknown as one that does not exist.
      await host.configure("INSERT INTO departments VALUES ('d-harbour', 'org-gptbots', 'Harbour Ops', NULL, ?)", engine === 'sqlite' ? 0 : false);
      const foreign = await call(host, 'POST', '/transfers', { from: 'd-marketing', to: 'd-harbour', credits: '1', reason: 'elsewhere' });
      assert.deepEqual([foreign.status, foreign.json.type], [422, 'https://creditkit.dev/problems/invalid-transfer']);
      assert.equal((await call(host, 'POST', '/transfers', { from: 'd-marketing', to: 'd-sales', credits: '1', reason: 'member' }, 'u-clara')).status, 403);
      assert.equal((await call(host, 'GET', '/departments', undefined, 'u-clara')).status, 403);
      assert.deepEqual({ ledger: (await host.server.store.ledger('org-nordlicht')).length, holdings: await holdings(host) }, before);
    });

    it('a per-model limit refuses what would exceed it, even under 20 concurrent posts, and leaves other models alone', async () => {
      await host.server.ledger.topUp('org-nordlicht', '5000');
      await host.configure("INSERT INTO service_limits VALUES ('org-nordlicht', 'openai/gpt-image-1', '90', '1000')");
      const ben = host.client('u-ben');
      const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => ben.recordUsage(image(`b-${i}`))));
      const ok = results.filter((r) => r.status === 'fulfilled').length;
      assert.equal(ok, 3, 'three images of 30 credits fit a daily limit of 90');
      const refusals = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => (r.reason as { type: string }).type);
      assert.ok(refusals.every((t) => t === 'https://creditkit.dev/problems/service-daily-limit-reached'), refusals.join());
      await ben.recordUsage({ chatId: 'b-text', records: [{ service: 'openai/gpt-4o', inputTokens: 1000, outputTokens: 100 }] });
      host.clock.now += 86_400_000;
      await ben.recordUsage(image('b-next-day'));
      host.clock.now = NOON_ISH;
    });
  });

  describe(`200 concurrent charges against grants about to expire, with transfers in flight [${engine}]`, () => {
    let host: TestHost;
    before(async () => {
      host = await startTestHost({ engine });
      await host.configure("UPDATE orgs SET auto_recharge_enabled = ? WHERE id = 'org-nordlicht'", engine === 'sqlite' ? 0 : false);
      await host.configure("UPDATE users SET daily_limit = NULL, monthly_limit = NULL WHERE org_id = 'org-nordlicht'");
      await host.configure("UPDATE departments SET overdraft_protection = ? WHERE org_id = 'org-nordlicht'", engine === 'sqlite' ? 0 : false);
    });
    after(() => host.close());

    it('loses nothing and doubles nothing', async () => {
      const admin = async (path: string, body: unknown) => (await call(host, 'POST', path, body)).status;
      // More promotional credits than 200 charges of 30 can spend (7000 > 6000): some are always left to expire.
      await host.server.ledger.topUp('org-nordlicht', '1000');
      assert.equal(await admin('/grants', { kind: 'promotional', credits: '7000', expiresAt: '2026-11-23T10:00:01Z' }), 201);
      const users = ['u-anna', 'u-ben', 'u-clara', 'u-david', 'u-emma', 'u-felix'];
      let answered = 0;
      const posts = Array.from({ length: 200 }, (_, i) =>
        host
          .client(users[i % users.length]!)
          .recordUsage(image(`burst-${i}`), { idempotencyKey: `burst-${i}` })
          .finally(() => answered++),
      );
      // While the posts are in flight (after the first 20 answers): the clock passes the promotional grant's expiry, and credits move.
      const transfers = (async () => {
        while (answered < 20) await new Promise((r) => setTimeout(r, 2));
        host.clock.now = Date.parse('2026-11-23T10:00:02Z');
        return Promise.all([
          admin('/transfers', { to: 'd-marketing', credits: '200', reason: 'in flight 1' }),
          admin('/transfers', { to: 'd-sales', credits: '150', reason: 'in flight 2' }),
          admin('/transfers', { from: 'd-marketing', to: 'd-engineering', credits: '50', reason: 'in flight 3' }),
        ]);
      })();
      const [results, transferStatuses] = await Promise.all([Promise.allSettled(posts), transfers]);
      const accepted = results.filter((r) => r.status === 'fulfilled').length;
      const refused = results.filter((r) => r.status === 'rejected').map((r) => (r.reason as { type?: string }).type);
      const ledger = await host.server.store.ledger('org-nordlicht');
      const of = (kind: string) => ledger.filter((e) => e.kind === kind);
      const charged = sum(of('charge').map((e) => e.credits));
      const expired = sum(of('expiry').map((e) => e.credits));
      const events = await host.server.store.execute("SELECT count(*) AS n, count(DISTINCT idempotency_key) AS keys FROM events WHERE org_id = 'org-nordlicht'");
      // Each accepted post is one event and one charge of 30; the rest were refused for want of credits.
      assert.equal(of('charge').length, accepted);
      assert.equal(Number(events[0]!.n), accepted);
      assert.equal(Number(events[0]!.keys), accepted);
      assert.equal(charged, toPlain(new Decimal(30).times(accepted)));
      assert.ok(refused.every((t) => t === 'https://creditkit.dev/problems/insufficient-credits' || t === 'https://creditkit.dev/problems/credits-exhausted'), refused.join());
      // 8000 granted = charged + expired + what is left, and the audit (grants = balance, pairs, sequence) holds.
      const balance = (await host.client(ADMIN).getBalance()).credits;
      assert.equal(toPlain(new Decimal(charged).plus(expired).plus(balance)), '8000');
      assert.equal(of('expiry').length, 1, 'what is left of the grant expires once');
      // The promotional grant (expiring first) paid for every charge before its instant; the paid grant for every one after.
      const expiryAt = ledger.findIndex((e) => e.kind === 'expiry');
      const grantsOf = (e: (typeof ledger)[number]) => (JSON.parse(e.grants) as [string, string][]).map(([g]) => g);
      assert.deepEqual([...new Set(ledger.slice(0, expiryAt).filter((e) => e.kind === 'charge').flatMap(grantsOf))], ['g2']);
      assert.ok(!ledger.slice(expiryAt).some((e) => e.kind === 'charge' && grantsOf(e).includes('g2')), 'nothing spends an expired grant');
      assert.ok(new Decimal(expired).lt(7000) && new Decimal(expired).gt(0), `some of the grant was spent before it expired (${expired} expired)`);
      assert.deepEqual((await host.server.ledger.audit('org-nordlicht')).problems, []);
      assert.equal(of('transfer-out').length, transferStatuses.filter((s) => s === 201).length);
      console.log(`# figures [${engine}]: 200 concurrent charges of 30 with a 7000-credit promotional grant expiring mid-burst and 3 transfers in flight (${transferStatuses.join(', ')}): ${accepted} charged (${charged}), ${200 - accepted} refused, ${expired} expired, balance ${balance}, audit clean`);
      host.clock.now = NOON_ISH;
    });
  });
}

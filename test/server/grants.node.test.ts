// Credit grants on the reference host, on each engine: the declared spending order, expiry as a
// ledger entry at its instant, what the balance says expires next, bad grants refused, and the
// migration of a ledger from before grants.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openStore } from '../../src/host/store/index.js';
import { MIGRATIONS } from '../../src/host/store/migrations.js';
import { ENGINES, freshDatabase, NOON_ISH, startTestHost, type TestHost } from './harness.js';

const ADMIN = 'u-anna';
// gpt-image-1 is 30 credits a request on the meinGPT list (test/server/host.node.test.ts: 'reuse' chat).
const images = (chatId: string, requests: number) => ({ chatId, records: [{ service: 'openai/gpt-image-1', requests }] });

async function post(host: TestHost, userId: string, path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${host.server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await host.server.tokenFor(userId)}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function get(host: TestHost, userId: string, path: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${host.server.url}${path}`, { headers: { authorization: `Bearer ${await host.server.tokenFor(userId)}` } });
  assert.equal(response.status, 200, await response.clone().text());
  return (await response.json()) as Record<string, unknown>;
}

const ledgerRows = async (host: TestHost) =>
  (await host.server.store.ledger('org-nordlicht')).map((e) => ({ kind: e.kind, credits: e.credits, at: e.at, grants: JSON.parse(e.grants) as [string, string][] }));

for (const engine of ENGINES) {
  describe(`credit grants [${engine}]`, () => {
    let host: TestHost;
    before(async () => {
      host = await startTestHost({ engine });
      await host.configure("UPDATE orgs SET auto_recharge_enabled = ? WHERE id = 'org-nordlicht'", engine === 'sqlite' ? 0 : false);
    });
    after(() => host.close());

    it('charges spend grants in the declared order: expiring first, promotional before paid, then oldest', async () => {
      await host.server.ledger.topUp('org-nordlicht', '1000'); // g1: paid, never expires
      const g2 = await post(host, ADMIN, '/grants', { kind: 'promotional', credits: '200', reason: 'welcome' });
      const g3 = await post(host, ADMIN, '/grants', { kind: 'paid', credits: '100', expiresAt: '2026-11-30T00:00:00Z' });
      const g4 = await post(host, ADMIN, '/grants', { kind: 'promotional', credits: '50', expiresAt: '2026-11-30T00:00:00Z' });
      assert.deepEqual([g2.status, g3.status, g4.status], [201, 201, 201]);
      assert.deepEqual([g2.json.id, g3.json.id, g4.json.id, g4.json.priority, g3.json.priority], ['g2', 'g3', 'g4', 10, 20]);
      const listed = (await get(host, ADMIN, '/grants')).grants as { id: string; remaining: string }[];
      assert.deepEqual(listed.map((g) => g.id), ['g4', 'g3', 'g2', 'g1']);

      const anna = host.client(ADMIN);
      await anna.recordUsage(images('order', 1)); // 30 from g4 (50 → 20)
      await anna.recordUsage(images('order', 2)); // 60: g4's 20, then 40 of g3 (100 → 60)
      const charges = (await ledgerRows(host)).filter((e) => e.kind === 'charge');
      assert.deepEqual(charges.map((e) => e.grants), [[['g4', '30']], [['g4', '20'], ['g3', '40']]]);
      const left = ((await get(host, ADMIN, '/grants')).grants as { id: string; remaining: string }[]).map((g) => [g.id, g.remaining]);
      assert.deepEqual(left, [['g3', '60'], ['g2', '200'], ['g1', '1000']]);

      const balance = await anna.getBalance();
      assert.equal(balance.credits, '1260'); // 1000 + 200 + 100 + 50 − 90
      assert.deepEqual(balance.expiring, { credits: '60', at: '2026-11-30T00:00:00.000Z', lastDay: '2026-11-29' });
    });

    it('what is left of a grant expires as a ledger entry dated at its instant', async () => {
      host.clock.now = Date.parse('2026-12-01T09:00:00Z');
      const balance = await host.client(ADMIN).getBalance();
      assert.equal(balance.credits, '1200'); // 1260 − g3's 60
      assert.equal(balance.expiring, null);
      const last = (await ledgerRows(host)).at(-1)!;
      assert.deepEqual(last, { kind: 'expiry', credits: '60', at: '2026-11-30T00:00:00.000Z', grants: [['g3', '60']] });
      // A second read posts nothing more.
      await host.client(ADMIN).getBalance();
      assert.equal((await ledgerRows(host)).filter((e) => e.kind === 'expiry').length, 1);
      assert.deepEqual((await host.server.ledger.audit('org-nordlicht')).problems, []);
      host.clock.now = NOON_ISH;
    });

    it('a grant due to expire before a charge is expired first, in the same write', async () => {
      host.clock.now = Date.parse('2026-12-01T10:00:00Z');
      await post(host, ADMIN, '/grants', { kind: 'promotional', credits: '40', expiresAt: '2026-12-01T11:00:00Z' });
      host.clock.now = Date.parse('2026-12-01T12:00:00Z');
      await host.client(ADMIN).recordUsage(images('after-expiry', 1)); // 30: from g2 (promotional, no expiry), not the expired 40
      const tail = (await ledgerRows(host)).slice(-2);
      assert.deepEqual(tail.map((e) => [e.kind, e.credits, e.grants]), [['expiry', '40', [['g8', '40']]], ['charge', '30', [['g2', '30']]]]);
      host.clock.now = NOON_ISH;
    });

    it('a bad grant is a 422 naming the field (or 403 for a member) and changes nothing', async () => {
      const before = (await ledgerRows(host)).length;
      host.clock.now = Date.parse('2026-12-02T10:00:00Z');
      const cases: [unknown, string][] = [
        [{ kind: 'promotional', credits: '-5' }, 'credits'],
        [{ kind: 'promotional', credits: '1e3' }, 'credits'],
        [{ kind: 'promotional', credits: 5 }, 'credits'],
        [{ kind: 'promotional', credits: '0' }, 'credits'],
        [{ kind: 'transfer', credits: '5' }, 'kind'],
        [{ kind: 'paid', credits: '5', expiresAt: '2026-12-01T00:00:00Z' }, 'expiresAt'],
        [{ kind: 'paid', credits: '5', expiresAt: 'tomorrow' }, 'expiresAt'],
        [{ kind: 'paid', credits: '5', priority: -1 }, 'priority'],
      ];
      for (const [body, field] of cases) {
        const { status, json } = await post(host, ADMIN, '/grants', body);
        assert.equal(status, 422, JSON.stringify(body));
        assert.ok((json.issues as { path: string }[]).some((i) => i.path === field), `${JSON.stringify(body)}: ${JSON.stringify(json.issues)}`);
      }
      assert.equal((await post(host, 'u-ben', '/grants', { kind: 'paid', credits: '5' })).status, 403);
      assert.equal((await post(host, ADMIN, '/grants', '{"kind":')).status, 400);
      assert.equal((await ledgerRows(host)).length, before);
      host.clock.now = NOON_ISH;
    });
  });

  describe(`credit grants: a ledger from before grants [${engine}]`, () => {
    it('migration 2 turns what each organisation holds into one paid grant, and the audit holds', async () => {
      const { database, drop } = await freshDatabase(engine);
      try {
        // Migration 1 alone, with a ledger of one top-up and one charge, as an older host left it.
        const v1 = MIGRATIONS[0]!.sql(engine);
        const rows = [
          "INSERT INTO orgs VALUES ('o', 'O', 'meingpt', '[\"20\"]', FALSE, '0', '0', NULL)",
          "INSERT INTO accounts VALUES ('o', '70', '100', 2)",
          "INSERT INTO ledger VALUES ('o', 1, 'topup', '100', '2026-11-01T00:00:00.000Z', NULL, '100', '100')",
          "INSERT INTO ledger VALUES ('o', 2, 'charge', '30', '2026-11-02T00:00:00.000Z', 'e1', '70', '100')",
        ].map((sql) => (engine === 'sqlite' ? sql.replace('FALSE', '0') : sql));
        if (engine === 'sqlite') {
          const { default: Sqlite } = await import('better-sqlite3');
          const db = new Sqlite(database);
          db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
          db.exec(v1);
          db.exec("INSERT INTO schema_migrations VALUES (1, 'v1', '2026-11-01')");
          for (const sql of rows) db.exec(sql);
          db.close();
        } else {
          const { default: pg } = await import('pg');
          const client = new pg.Client({ connectionString: database });
          await client.connect();
          await client.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
          await client.query(v1);
          await client.query("INSERT INTO schema_migrations (version, name) VALUES (1, 'v1')");
          for (const sql of rows) await client.query(sql);
          await client.end();
        }
        const store = await openStore(database);
        try {
          const grants = await store.grants('o', true);
          assert.deepEqual(grants.map((g) => [g.id, g.kind, g.credits, g.remaining, g.expiresAt]), [['g0', 'paid', '70', '70', null]]);
          const ledger = await store.ledger('o');
          assert.deepEqual(ledger.map((e) => [e.seq, e.kind, e.balanceAfter, e.grants]), [[1, 'topup', '100', '[]'], [2, 'charge', '70', '[]']]);
          const versions = await store.execute('SELECT version FROM schema_migrations ORDER BY version');
          assert.deepEqual(versions.map((v) => Number(v.version)), MIGRATIONS.map((m) => m.version));
        } finally {
          await store.close();
        }
      } finally {
        await drop();
      }
    });
  });
}

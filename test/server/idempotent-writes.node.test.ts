// Idempotency-Key on POST /grants and POST /transfers, on each engine: a retry with the same key
// gets the first answer and is applied once, also when the duplicates arrive at the same time and
// through two host processes on one database; the same key with another body is a 422 that
// changes nothing; a refused write keeps nothing, so its retry is decided afresh.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Decimal } from '../../src/core/decimal.js';
import { startHost, type RunningHost } from '../../src/host/index.js';
import { ENGINES, startTestHost, type TestHost } from './harness.js';

type Reply = { status: number; replayed: boolean; json: Record<string, unknown> };

async function post(url: string, token: string, path: string, body: unknown, key?: string): Promise<Reply> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(key !== undefined && { 'idempotency-key': key }) },
    body: JSON.stringify(body),
  });
  return { status: response.status, replayed: response.headers.get('idempotent-replayed') === 'true', json: (await response.json()) as Record<string, unknown> };
}

for (const engine of ENGINES) {
  describe(`Idempotency-Key on grants and transfers [${engine}]`, () => {
    let host: TestHost;
    let second: RunningHost;
    let token: string;
    const entries = async () => (await host.server.store.ledger('org-nordlicht')).length;

    before(async () => {
      host = await startTestHost({ engine });
      await host.server.ledger.topUp('org-nordlicht', '1000');
      token = await host.server.tokenFor('u-anna');
      // A second host process on the same database (its own connections; one signing key in the database).
      second = await startHost({ port: 0, database: host.database, now: () => host.clock.now, log: () => {} });
    });
    after(async () => {
      await second.close();
      await host.close();
    });

    it('a retried grant gets the first answer, marked replayed, and is granted once', async () => {
      const grant = { kind: 'promotional', credits: '25.5', reason: 'welcome' };
      const before = await entries();
      const first = await post(host.server.url, token, '/grants', grant, 'grant-welcome-1');
      const retry = await post(host.server.url, token, '/grants', grant, 'grant-welcome-1');
      assert.equal(first.status, 201);
      assert.deepEqual([retry.status, first.replayed, retry.replayed], [201, false, true]);
      assert.deepEqual(retry.json, first.json);
      assert.equal(await entries(), before + 1, 'one ledger entry');
    });

    it('the same key with another body, or on the other route, is a 422 and changes nothing', async () => {
      await post(host.server.url, token, '/transfers', { to: 'd-sales', credits: '10', reason: 'budget' }, 'move-1');
      const before = await entries();
      const other = await post(host.server.url, token, '/transfers', { to: 'd-sales', credits: '11', reason: 'budget' }, 'move-1');
      assert.equal(other.status, 422);
      assert.equal(other.json.type, 'https://creditkit.dev/problems/idempotency-key-reused');
      const elsewhere = await post(host.server.url, token, '/grants', { kind: 'paid', credits: '10' }, 'move-1');
      assert.equal(elsewhere.status, 422);
      assert.equal(await entries(), before);
      assert.equal((await post(host.server.url, token, '/grants', { kind: 'paid', credits: '1' }, 'a key with spaces')).status, 400);
    });

    it('50 concurrent duplicates of a transfer through two processes: one transfer, every answer the first', async () => {
      const transfer = { from: null, to: 'd-marketing', credits: '7.25', reason: 'trade fair' };
      const before = await entries();
      const replies = await Promise.all(Array.from({ length: 50 }, (_, i) => post(i % 2 ? second.url : host.server.url, token, '/transfers', transfer, 'fair-2026')));
      assert.deepEqual([...new Set(replies.map((r) => r.status))], [201]);
      assert.equal(replies.filter((r) => !r.replayed).length, 1, 'one answer is the first, the others replay it');
      for (const reply of replies) assert.deepEqual(reply.json, replies[0]!.json);
      assert.equal(await entries(), before + 2, 'one transfer: its two entries');
      const transfers = (await (await fetch(`${host.server.url}/transfers`, { headers: { authorization: `Bearer ${token}` } })).json()) as { transfers: { reason: string }[] };
      assert.equal(transfers.transfers.filter((t) => t.reason === 'trade fair').length, 1);
    });

    it('10 keys × 5 concurrent duplicates of grants: exactly 10 grants and their credits', async () => {
      const balance = async () => ((await (await fetch(`${host.server.url}/balance`, { headers: { authorization: `Bearer ${token}` } })).json()) as { credits: string }).credits;
      const start = await balance();
      const replies = await Promise.all(
        Array.from({ length: 50 }, (_, i) => post(i % 2 ? second.url : host.server.url, token, '/grants', { kind: 'paid', credits: '3' }, `grant-batch-${i % 10}`)),
      );
      assert.deepEqual([...new Set(replies.map((r) => r.status))], [201]);
      assert.equal(new Set(replies.map((r) => r.json.id)).size, 10);
      // 10 grants of 3 credits: the balance rises by exactly 30.
      assert.equal(new Decimal(await balance()).minus(start).toFixed(), '30');
    });

    it('a refused transfer keeps nothing: its retry with the same key is decided afresh', async () => {
      const big = { from: 'd-engineering', to: 'd-sales', credits: '50', reason: 'rebalance' };
      const refused = await post(host.server.url, token, '/transfers', big, 'rebalance-1');
      assert.equal(refused.status, 422);
      assert.equal(refused.json.type, 'https://creditkit.dev/problems/insufficient-credits-to-transfer');
      await post(host.server.url, token, '/transfers', { to: 'd-engineering', credits: '50', reason: 'allocate' }, 'allocate-1');
      const retried = await post(host.server.url, token, '/transfers', big, 'rebalance-1');
      assert.deepEqual([retried.status, retried.replayed], [201, false]);
    });
  });
}

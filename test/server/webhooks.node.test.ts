// The notification feed and webhooks on the reference host, on each engine: the feed with cursor
// paging and words in English and German, department budgets at 80 % and 100 %, webhook URLs
// refused (not http(s), private addresses in production), signed deliveries a receiver can
// verify, retries with backoff for a day, every attempt logged, a slow receiver that holds
// nothing up, and a deleted webhook whose pending deliveries are cancelled.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { verifySignature } from '../../src/host/webhooks/signing.js';
import { ForbiddenError, NotFoundError, UnprocessableEntityError, type CreditClient } from '../../src/sdk/index.js';
import { ENGINES, rejection, startTestHost, type TestHost } from './harness.js';

const ADMIN = 'u-anna';
// On the meinGPT list gpt-image-1 is 30 credits a request and a workflow run 10 (test/server/host.node.test.ts).
const image = (chatId: string) => ({ chatId, records: [{ service: 'openai/gpt-image-1', requests: 1 }] });
const workflow = (chatId: string) => ({ chatId, records: [{ service: 'meingpt/workflow-wizard', requests: 1 }] });

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A webhook receiver on loopback: records each request and answers as `answer` says (a status, or 'hang'). */
async function receiver(): Promise<{ url: string; received: Received[]; answer: (n: number) => number | 'hang'; setAnswer(f: (n: number) => number | 'hang'): void; close(): Promise<void> }> {
  const state = { received: [] as Received[], answer: (() => 200) as (n: number) => number | 'hang', hanging: [] as ServerResponse[] };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const answer = state.answer(state.received.length);
      if (answer === 'hang') return void state.hanging.push(res);
      res.writeHead(answer, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/creditkit`,
    received: state.received,
    get answer() {
      return state.answer;
    },
    setAnswer(f) {
      state.answer = f;
    },
    async close() {
      for (const res of state.hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

for (const engine of ENGINES) {
  describe(`notification feed and webhooks [${engine}]`, () => {
    let host: TestHost;
    let anna: CreditClient;
    let hooks: Awaited<ReturnType<typeof receiver>>;
    before(async () => {
      host = await startTestHost({ engine, webhooks: { pollMs: 0, timeoutMs: 500 } });
      await host.configure("UPDATE orgs SET auto_recharge_enabled = ? WHERE id = 'org-nordlicht'", engine === 'sqlite' ? 0 : false);
      anna = host.client(ADMIN);
      hooks = await receiver();
    });
    after(async () => {
      await hooks.close();
      await host.close();
    });

    it('lists the feed newest first with cursor paging, each event with a stable id and its words in English and German', async () => {
      await host.server.ledger.topUp('org-nordlicht', '100');
      for (let i = 0; i < 3; i++) await anna.recordUsage(image('feed')); // 100 → 70 → 40 → 10: crosses 20 % (20) and 10 % (10)
      await anna.recordUsage(workflow('feed')); // 10 → 0
      const first = await anna.getNotifications({ limit: 2 });
      assert.deepEqual(first.notifications.map((n) => [n.type, n.data.percent, n.balance]), [['threshold', '0', '0'], ['threshold', '10', '10']]);
      assert.equal(first.notifications[0]!.message.en, 'Credits used up: AI is paused until credits are loaded');
      assert.equal(first.notifications[0]!.message.de, 'Credits aufgebraucht: Die KI pausiert, bis Credits geladen werden');
      assert.equal(first.next, first.notifications[1]!.id);
      const second = await anna.getNotifications({ limit: 2, cursor: first.next! });
      assert.deepEqual(second.notifications.map((n) => [n.type, n.message.en, n.message.de]), [['threshold', 'Balance at 20 % of the last top-up: 10 credits left', 'Guthaben bei 20 % der letzten Aufladung: noch 10 Credits']]);
      assert.equal(second.next, null);
      const ids = [...first.notifications, ...second.notifications].map((n) => Number(n.id.slice(4)));
      assert.deepEqual(ids, [...ids].sort((a, b) => b - a), 'newest first');
      assert.deepEqual(second.notifications[0]!.subject, { kind: 'organisation', id: 'org-nordlicht', name: 'Nordlicht GmbH' });
      // The same ids on a second read: a receiver or a UI can de-duplicate on them.
      assert.deepEqual((await anna.getNotifications({ limit: 3 }, { cache: 'no-cache' })).notifications.map((n) => n.id), [...first.notifications, ...second.notifications].map((n) => n.id));
    });

    it('refuses the feed to a member (403) and a cursor that is not one (400)', async () => {
      assert.ok((await rejection(host.client('u-ben').getNotifications())) instanceof ForbiddenError);
      const response = await fetch(`${host.server.url}/notifications?cursor=evt_x`, { headers: { authorization: `Bearer ${await host.server.tokenFor(ADMIN)}` } });
      assert.equal(response.status, 400);
      assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
    });

    it("tells a department's monthly budget at 80 % and at 100 %, once each", async () => {
      await host.configure("UPDATE departments SET monthly_budget = '100' WHERE id = 'd-marketing'");
      await host.server.ledger.topUp('org-nordlicht', '1000');
      const clara = host.client('u-clara'); // Marketing, overdraft protection
      for (let i = 0; i < 3; i++) await clara.recordUsage(image('budget')); // 30, 60, 90: 80 (80 % of 100) crossed at 90
      await clara.recordUsage(workflow('budget')); // 100: 100 %
      const budget = (await anna.getNotifications({ limit: 10 }, { cache: 'no-cache' })).notifications.filter((n) => n.type === 'budget');
      assert.deepEqual(budget.map((n) => [n.data.percent, n.data.used, n.message.en]), [
        ['100', '100', 'Marketing has used 100 % of its monthly budget (100 of 100 credits)'],
        ['80', '90', 'Marketing has used 80 % of its monthly budget (90 of 100 credits)'],
      ]);
      assert.equal(budget[1]!.message.de, 'Marketing hat 80 % des Monatsbudgets verbraucht (90 von 100 Credits)');
      assert.deepEqual(budget[0]!.subject, { kind: 'department', id: 'd-marketing', name: 'Marketing' });
      await host.configure("UPDATE departments SET monthly_budget = '2500' WHERE id = 'd-marketing'");
    });

    it('refuses a webhook URL that is not http(s), not a URL or carries credentials (422), and a member (403); nothing is registered', async () => {
      for (const url of ['ftp://hooks.example.com/x', 'not a url', 'javascript:alert(1)', 'https://user:pw@hooks.example.com/']) {
        const error = await rejection(anna.addWebhook({ url }));
        assert.ok(error instanceof UnprocessableEntityError, url);
        assert.equal((error as UnprocessableEntityError).type, 'https://creditkit.dev/problems/invalid-webhook');
        assert.equal((error as UnprocessableEntityError).problem?.issues?.[0]?.path, 'url');
      }
      assert.ok((await rejection(host.client('u-ben').addWebhook({ url: hooks.url }))) instanceof ForbiddenError);
      assert.deepEqual((await anna.getWebhooks({ cache: 'no-cache' })).webhooks, []);
    });

    let webhookId = '';
    let secret = '';
    it('delivers each new event once, signed: the receiver verifies t and v1 over "t.body" and de-duplicates on the event id', async () => {
      const created = await anna.addWebhook({ url: hooks.url, description: 'CRM' });
      ({ id: webhookId, secret } = created);
      assert.match(secret, /^whsec_[\w-]{43}$/);
      assert.equal((await anna.getWebhooks({ cache: 'no-cache' })).webhooks[0]!.url, hooks.url);
      assert.ok(!('secret' in (await anna.getWebhooks({ cache: 'no-cache' })).webhooks[0]!), 'the secret is shown once');
      // Events from before the webhook existed are not delivered: only what happens from now on.
      assert.deepEqual(await host.server.deliverer.tick(), { enqueued: 0, attempted: 0, delivered: 0 });
      await host.server.ledger.topUp('org-nordlicht', '0.5'); // a new cycle: 20 % of (balance + 0.5)
      const before = (await anna.getNotifications({ limit: 1 }, { cache: 'no-cache' })).notifications[0]!.id;
      await host.configure("UPDATE orgs SET low_balance_percents = '[\"99\"]' WHERE id = 'org-nordlicht'");
      await anna.recordUsage(workflow('hook')); // below 99 % of the reference: one threshold event
      const tick = await host.server.deliverer.tick();
      assert.deepEqual(tick, { enqueued: 1, attempted: 1, delivered: 1 });
      const [delivery] = hooks.received;
      const body = JSON.parse(delivery!.body) as { id: string; type: string; organisation: { id: string }; data: { percent: string } };
      const feed = (await anna.getNotifications({ limit: 1 }, { cache: 'no-cache' })).notifications[0]!;
      assert.notEqual(feed.id, before);
      assert.equal(body.id, feed.id);
      assert.deepEqual(body, { ...feed, organisation: { id: 'org-nordlicht', name: 'Nordlicht GmbH' } });
      assert.equal(delivery!.headers['creditkit-event-id'], feed.id);
      assert.equal(delivery!.headers['creditkit-delivery-attempt'], '1');
      const signature = delivery!.headers['creditkit-signature'] as string;
      const nowS = Math.floor(host.clock.now / 1000);
      assert.match(signature, new RegExp(`^t=${nowS},v1=[0-9a-f]{64}$`));
      assert.equal(verifySignature(signature, delivery!.body, secret, nowS), true);
      assert.equal(verifySignature(signature, delivery!.body.replace('"threshold"', '"recharge"'), secret, nowS), false, 'a changed body');
      assert.equal(verifySignature(signature, delivery!.body, `${secret}x`, nowS), false, 'another secret');
      assert.equal(verifySignature(signature, delivery!.body, secret, nowS + 301), false, 'replayed after the 5-minute tolerance');
      const log = await anna.getWebhookDeliveries(webhookId);
      assert.deepEqual(log.attempts.map((a) => [a.eventId, a.attempt, a.statusCode, a.outcome, a.error]), [[feed.id, 1, 200, 'delivered', null]]);
      assert.deepEqual((await anna.getWebhooks({ cache: 'no-cache' })).webhooks[0]!.deliveries, { pending: 0, delivered: 1, failed: 0, cancelled: 0 });
      assert.deepEqual(await host.server.deliverer.tick(), { enqueued: 0, attempted: 0, delivered: 0 }, 'delivered once');
    });

    it('retries a failing receiver after 30 s, then 1 min (backoff), and logs every attempt', async () => {
      hooks.received.length = 0;
      hooks.setAnswer((n) => (n <= 2 ? 503 : 200));
      await anna.recordUsage(workflow('retry'));
      await host.configure("UPDATE orgs SET low_balance_percents = '[\"99\", \"98\"]' WHERE id = 'org-nordlicht'");
      await host.server.ledger.topUp('org-nordlicht', '1');
      await anna.recordUsage(workflow('retry')); // one threshold crossed: one event
      assert.deepEqual(await host.server.deliverer.tick(), { enqueued: 1, attempted: 1, delivered: 0 }); // 503
      assert.deepEqual(await host.server.deliverer.tick(), { enqueued: 0, attempted: 0, delivered: 0 }, 'not due before 30 s');
      host.clock.now += 30_000;
      assert.deepEqual(await host.server.deliverer.tick(), { enqueued: 0, attempted: 1, delivered: 0 }); // 503 again
      host.clock.now += 59_000;
      assert.deepEqual(await host.server.deliverer.tick(), { enqueued: 0, attempted: 0, delivered: 0 }, 'the second retry waits 60 s');
      host.clock.now += 1_000;
      assert.deepEqual(await host.server.deliverer.tick(), { enqueued: 0, attempted: 1, delivered: 1 });
      assert.deepEqual(hooks.received.map((r) => r.headers['creditkit-delivery-attempt']), ['1', '2', '3']);
      assert.equal(new Set(hooks.received.map((r) => r.headers['creditkit-event-id'])).size, 1, 'one event id across its attempts');
      const log = await anna.getWebhookDeliveries(webhookId, { limit: 2 }, { cache: 'no-cache' });
      assert.deepEqual(log.attempts.map((a) => [a.attempt, a.statusCode, a.outcome]), [[3, 200, 'delivered'], [2, 503, 'retry']]);
      const rest = await anna.getWebhookDeliveries(webhookId, { limit: 2, cursor: log.next! }, { cache: 'no-cache' });
      assert.deepEqual(rest.attempts.map((a) => [a.attempt, a.statusCode, a.outcome, a.error]), [[1, 503, 'retry', 'answered 503'], [1, 200, 'delivered', null]]);
    });

    it('a receiver that never answers is cut off at the timeout, and holds no request up meanwhile', async () => {
      hooks.received.length = 0;
      hooks.setAnswer(() => 'hang');
      await host.server.ledger.topUp('org-nordlicht', '1');
      await anna.recordUsage(workflow('slow'));
      const ticking = host.server.deliverer.tick();
      const started = Date.now();
      await anna.getBalance({ cache: 'no-cache' });
      const requestMs = Date.now() - started;
      const tick = await ticking;
      assert.equal(tick.attempted, 1);
      assert.ok(requestMs < 500, `a request during the delivery took ${requestMs} ms`);
      const [attempt] = (await anna.getWebhookDeliveries(webhookId, { limit: 1 }, { cache: 'no-cache' })).attempts;
      assert.deepEqual([attempt!.statusCode, attempt!.outcome, attempt!.error], [null, 'retry', 'no answer within 500 ms']);
      assert.ok(attempt!.durationMs >= 450, `${attempt!.durationMs} ms`);
      hooks.setAnswer(() => 200);
      host.clock.now += 30_000;
      assert.deepEqual(await host.server.deliverer.tick(), { enqueued: 0, attempted: 1, delivered: 1 });
    });

    it('retries with backoff for a day, then gives up: 30 attempts for a receiver that always fails', async () => {
      hooks.received.length = 0;
      hooks.setAnswer(() => 500);
      await host.server.ledger.topUp('org-nordlicht', '1');
      await anna.recordUsage(workflow('day'));
      const start = host.clock.now;
      // Attempts at 0, 30 s, 1.5 min, 3.5, 7.5, 15.5, 31.5, 63.5 min (delays 30 s × 2^k), then hourly
      // (the delay is capped at an hour): attempt 8 + j at 3810 s + 3600 j ≤ 86400 s gives j ≤ 22,
      // so the last attempt is the 30th, at 83010 s; a 31st would fall at 86610 s, after the day.
      let attempts = 0;
      let lastAt = start;
      for (let delayS = 0; attempts < 40; ) {
        host.clock.now += delayS * 1000;
        const tick = await host.server.deliverer.tick();
        if (tick.attempted === 0) break;
        attempts += tick.attempted;
        lastAt = host.clock.now;
        delayS = Math.min(30 * 2 ** (attempts - 1), 3600);
      }
      assert.equal(attempts, 30);
      assert.equal(lastAt - start, 83_010_000);
      const [last, before] = (await anna.getWebhookDeliveries(webhookId, { limit: 2 }, { cache: 'no-cache' })).attempts;
      assert.deepEqual([last!.attempt, last!.outcome, before!.outcome], [30, 'failed', 'retry']);
      host.clock.now += 3_600_000;
      assert.equal((await host.server.deliverer.tick()).attempted, 0, 'a failed delivery is not tried again');
      assert.equal((await anna.getWebhooks({ cache: 'no-cache' })).webhooks[0]!.deliveries.failed, 1);
    });

    it("deletes a webhook (204): its pending deliveries are cancelled; another organisation's or a deleted one is a 404", async () => {
      hooks.setAnswer(() => 500);
      await host.server.ledger.topUp('org-nordlicht', '1');
      await anna.recordUsage(workflow('delete'));
      await host.server.deliverer.tick(); // one failed attempt: pending, due in 30 s
      assert.ok((await rejection(host.client('u-gina').deleteWebhook(webhookId))) instanceof NotFoundError);
      await anna.deleteWebhook(webhookId);
      assert.deepEqual((await anna.getWebhooks()).webhooks, []);
      const counts = await host.server.store.deliveryCounts('org-nordlicht', webhookId);
      assert.equal(counts.pending, 0);
      assert.equal(counts.cancelled, 1);
      host.clock.now += 60_000;
      assert.equal((await host.server.deliverer.tick()).attempted, 0);
      assert.ok((await rejection(anna.deleteWebhook(webhookId))) instanceof NotFoundError);
      assert.ok((await rejection(anna.getWebhookDeliveries(webhookId))) instanceof NotFoundError);
    });
  });

  describe(`webhook URLs in production [${engine}]`, () => {
    let host: TestHost;
    const dns: Record<string, string[]> = { 'hooks.example.com': ['93.184.216.34'], 'intranet.example.com': ['10.1.2.3'], 'rebind.example.com': ['93.184.216.34', '::ffff:127.0.0.1'] };
    before(async () => {
      host = await startTestHost({ engine, webhooks: { pollMs: 0, allowPrivate: false, resolve: async (name) => dns[name] ?? Promise.reject(new Error('ENOTFOUND')) } });
    });
    after(() => host.close());

    it('refuses loopback, private, link-local and unresolvable addresses (422 naming the address); a public one is registered', async () => {
      const anna = host.client(ADMIN);
      for (const url of ['http://127.0.0.1:8080/x', 'http://localhost/x', 'http://[::1]/x', 'https://10.0.0.7/x', 'https://192.168.1.1/x', 'http://169.254.169.254/latest/meta-data', 'https://[fd00::1]/x', 'https://intranet.example.com/x', 'https://rebind.example.com/x', 'https://nowhere.example.com/x']) {
        const error = await rejection(anna.addWebhook({ url }));
        assert.ok(error instanceof UnprocessableEntityError, url);
        assert.equal((error as UnprocessableEntityError).type, 'https://creditkit.dev/problems/invalid-webhook', url);
      }
      assert.deepEqual((await anna.getWebhooks({ cache: 'no-cache' })).webhooks, []);
      const created = await anna.addWebhook({ url: 'https://hooks.example.com/creditkit' });
      assert.equal(created.url, 'https://hooks.example.com/creditkit');
    });

    it('registers a webhook once per Idempotency-Key: a retry gets the same webhook and secret; the key with another URL is a 422', async () => {
      const anna = host.client(ADMIN);
      const count = async () => (await anna.getWebhooks({ cache: 'no-cache' })).webhooks.length;
      const before = await count();
      const first = await anna.addWebhook({ url: 'https://hooks.example.com/crm', description: 'CRM' }, { idempotencyKey: 'register-crm' });
      const retry = await anna.addWebhook({ url: 'https://hooks.example.com/crm', description: 'CRM' }, { idempotencyKey: 'register-crm' });
      assert.deepEqual([retry.id, retry.secret], [first.id, first.secret]);
      assert.equal(await count(), before + 1, 'one webhook for the two requests');
      const reused = await rejection(anna.addWebhook({ url: 'https://hooks.example.com/other' }, { idempotencyKey: 'register-crm' }));
      assert.equal((reused as UnprocessableEntityError).type, 'https://creditkit.dev/problems/idempotency-key-reused');
      // Without a key the SDK sends a fresh one per call: two calls, two webhooks.
      const other = await anna.addWebhook({ url: 'https://hooks.example.com/crm' });
      assert.notEqual(other.id, first.id);
      assert.equal(await count(), before + 2);
      for (const id of [first.id, other.id]) await anna.deleteWebhook(id);
      assert.equal(await count(), before);
    });

    it('checks the address again before each delivery: a name that now resolves to a private address is not called', async () => {
      dns['hooks.example.com'] = ['10.0.0.9'];
      await host.configure("UPDATE orgs SET auto_recharge_enabled = ? WHERE id = 'org-nordlicht'", engine === 'sqlite' ? 0 : false);
      await host.server.ledger.topUp('org-nordlicht', '100');
      for (let i = 0; i < 3; i++) await host.client(ADMIN).recordUsage(image('rebind')); // 100 → 10: 20 % and 10 % crossed
      const tick = await host.server.deliverer.tick();
      assert.deepEqual([tick.attempted, tick.delivered], [2, 0]);
      const [webhook] = (await host.client(ADMIN).getWebhooks({ cache: 'no-cache' })).webhooks;
      const { attempts } = await host.client(ADMIN).getWebhookDeliveries(webhook!.id);
      for (const a of attempts) {
        assert.equal(a.statusCode, null);
        assert.match(a.error ?? '', /hooks\.example\.com is a private or loopback address \(10\.0\.0\.9\)/);
      }
    });
  });
}

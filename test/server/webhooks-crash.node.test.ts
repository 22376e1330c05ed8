// Webhook deliveries survive kill -9: a host process killed while deliveries are in flight leaves
// the outbox consistent (each delivery pending or delivered with its attempts logged, nothing
// half-written), and the restarted host resumes: every event reaches the receiver, at least once,
// under the same event id. On each engine, with `creditkit host` child processes; and on
// PostgreSQL, three processes delivering from one outbox at once send each event once.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { openStore } from '../../src/host/store/index.js';
import { ENGINES, freshDatabase } from './harness.js';
import { startHostProcess, type HostProcess } from './processes.js';

// GPTBots' GPT-5.2-400k: 1.54 credits per 1,000 output tokens, so 10,000 output tokens are 15.4
// credits: a top-up of 15.4 and one such charge take the balance from 15.4 to 0, crossing 20 %,
// 10 % and 0 % at once (three events per cycle; Harbour Bots has no auto-recharge).
const CYCLES = 10;
const EVENTS = CYCLES * 3;
const charge = (n: number) => ({ chatId: `crash-${n}`, records: [{ service: 'openai/gpt-5.2-400k', inputTokens: 0, outputTokens: 10_000 }] });

async function send(url: string, method: string, path: string, token: string | undefined, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url + path, { method, headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }), ...headers }, ...(body !== undefined && { body: JSON.stringify(body) }) });
  return { status: response.status, json: (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined };
}

const until = async (what: string, condition: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

for (const engine of ENGINES) {
  describe(`webhook deliveries across kill -9 [${engine}]`, () => {
    const cleanup: (() => Promise<unknown>)[] = [];
    after(async () => {
      for (const step of cleanup.reverse()) await step().catch(() => {});
    });

    it('a host killed mid-delivery leaves nothing half-written, and the restarted host delivers every event', async () => {
      // The receiver answers 503 until every event is recorded (so deliveries are pending, retried
      // every 200 ms or more), then holds each answer 300 ms, and the first request it then gets
      // kills the host: that delivery (and any other in flight) was sent and never finished.
      const received: string[] = [];
      let kill: (() => void) | undefined;
      const server: Server = createServer((req, res) => {
        req.resume();
        req.on('end', () => {
          if (!kill) return void res.writeHead(503).end();
          received.push(String(req.headers['creditkit-event-id']));
          if (received.length === 1) kill();
          setTimeout(() => res.writeHead(204).end(), 300);
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      cleanup.push(() => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))));
      const { database, drop } = await freshDatabase(engine);
      cleanup.push(drop);
      Object.assign(process.env, { CREDITKIT_WEBHOOK_POLL_MS: '50', CREDITKIT_WEBHOOK_TIMEOUT_MS: '1000', CREDITKIT_WEBHOOK_RETRY_MS: '200' });
      cleanup.push(async () => {
        delete process.env.CREDITKIT_WEBHOOK_POLL_MS;
        delete process.env.CREDITKIT_WEBHOOK_TIMEOUT_MS;
        delete process.env.CREDITKIT_WEBHOOK_RETRY_MS;
      });

      let host: HostProcess = await startHostProcess(database, ['--seed', 'organisations']);
      cleanup.push(() => host.stop('SIGKILL'));
      const token = (await send(host.url, 'POST', '/demo/token', undefined, { userId: 'u-gina' })).json!.token as string;
      const hook = await send(host.url, 'POST', '/webhooks', token, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook` });
      assert.equal(hook.status, 201);
      const webhookId = hook.json!.id as string;
      for (let n = 0; n < CYCLES; n++) {
        assert.equal((await send(host.url, 'POST', '/demo/top-up', token, { credits: '15.4' })).status, 200);
        const charged = await send(host.url, 'POST', '/usage-events', token, charge(n), { 'idempotency-key': `crash-${n}` });
        assert.equal(charged.status, 201, JSON.stringify(charged.json));
      }
      kill = () => host.child.kill('SIGKILL');
      await until('the host to be killed mid-delivery', () => received.length >= 1, 20_000);
      await host.exited;
      const beforeKill = received.length;

      // What the dead process left: every delivery pending or delivered, each delivered one with its attempt logged.
      const store = await openStore(database);
      cleanup.push(() => store.close());
      const states = async () => store.execute('SELECT d.id, d.status, d.attempts, (SELECT count(*) FROM webhook_attempts AS a WHERE a.delivery_id = d.id) AS logged, (SELECT count(*) FROM webhook_attempts AS a WHERE a.delivery_id = d.id AND a.outcome = ?) AS ok FROM webhook_deliveries AS d ORDER BY d.id', 'delivered');
      const left = await states();
      assert.ok(left.length <= EVENTS);
      for (const row of left) {
        assert.ok(row.status === 'pending' || row.status === 'delivered', String(row.status));
        assert.equal(Number(row.logged), Number(row.attempts), 'each attempt counted is logged, and only those');
        assert.equal(Number(row.ok), row.status === 'delivered' ? 1 : 0);
      }
      const deliveredBefore = left.filter((r) => r.status === 'delivered').length;

      host = await startHostProcess(database, []);
      await until('every event to arrive', () => new Set(received).size === EVENTS, 60_000);
      let final: Record<string, unknown>[] = [];
      const end = Date.now() + 30_000;
      do {
        final = await states();
        if (final.length === EVENTS && final.every((r) => r.status === 'delivered')) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      } while (Date.now() < end);
      assert.equal(final.length, EVENTS);
      for (const row of final) {
        assert.equal(row.status, 'delivered');
        assert.equal(Number(row.ok), 1, 'delivered once in the log');
        assert.equal(Number(row.logged), Number(row.attempts));
      }
      const feed = (await send(host.url, 'GET', `/notifications?limit=${EVENTS}`, token)).json!.notifications as { id: string }[];
      assert.deepEqual(new Set(received), new Set(feed.map((n) => n.id)), 'the receiver got exactly the feed, by event id');
      const log = (await send(host.url, 'GET', `/webhooks/${webhookId}/deliveries?limit=100`, token)).json!.attempts as { outcome: string }[];
      assert.equal(log.filter((a) => a.outcome === 'delivered').length, EVENTS);
      // The delivery whose request killed the host was sent again after the restart (at-least-once), under the same id.
      assert.ok(received.length > EVENTS, 'the delivery in flight at the kill was sent again');
      assert.ok(received.filter((id) => id === received[0]).length >= 2, `${received[0]} arrived again`);
      console.log(
        `# webhooks across kill -9 [${engine}]: ${EVENTS} events, refused (503) until all were recorded, then the first request killed the host; ${beforeKill} requests in flight then, ${deliveredBefore} deliveries finished; ` +
          `after the restart ${received.length} requests in all, ${received.length - EVENTS} duplicates (in flight when killed, sent again), 0 lost`,
      );
    });
  });
}

if (ENGINES.includes('postgres')) {
  describe('webhook deliveries from three processes on one PostgreSQL database', () => {
    const cleanup: (() => Promise<unknown>)[] = [];
    after(async () => {
      for (const step of cleanup.reverse()) await step().catch(() => {});
    });

    it('each event is delivered once: the processes lease different deliveries (SKIP LOCKED)', async () => {
      const received: string[] = [];
      const server: Server = createServer((req, res) => {
        req.resume();
        req.on('end', () => {
          received.push(String(req.headers['creditkit-event-id']));
          setTimeout(() => res.writeHead(200).end(), 20);
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      cleanup.push(() => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))));
      const { database, drop } = await freshDatabase('postgres');
      cleanup.push(drop);
      Object.assign(process.env, { CREDITKIT_WEBHOOK_POLL_MS: '20', CREDITKIT_WEBHOOK_TIMEOUT_MS: '5000' });
      cleanup.push(async () => {
        delete process.env.CREDITKIT_WEBHOOK_POLL_MS;
        delete process.env.CREDITKIT_WEBHOOK_TIMEOUT_MS;
      });
      const hosts = await Promise.all([0, 1, 2].map(() => startHostProcess(database, ['--seed', 'organisations'])));
      for (const h of hosts) cleanup.push(() => h.stop('SIGKILL'));
      const token = (await send(hosts[0]!.url, 'POST', '/demo/token', undefined, { userId: 'u-gina' })).json!.token as string;
      assert.equal((await send(hosts[1]!.url, 'POST', '/webhooks', token, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook` })).status, 201);
      // The events are written through all three processes, each delivering as they come.
      for (let n = 0; n < CYCLES; n++) {
        const url = hosts[n % 3]!.url;
        assert.equal((await send(url, 'POST', '/demo/top-up', token, { credits: '15.4' })).status, 200);
        assert.equal((await send(url, 'POST', '/usage-events', token, charge(n), { 'idempotency-key': `three-${n}` })).status, 201);
      }
      await until('every event to arrive', () => new Set(received).size === EVENTS, 30_000);
      await new Promise((resolve) => setTimeout(resolve, 500)); // time for a double, if there were one
      assert.equal(received.length, EVENTS, `${received.length} requests for ${EVENTS} events`);
      console.log(`# webhooks from three PostgreSQL processes: ${EVENTS} events, ${received.length} requests, 0 duplicates`);
    });
  });
}

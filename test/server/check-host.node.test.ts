// `creditkit check-host` passes against the reference host and reports a deliberately broken one.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { checkHost, run } from '../../src/cli/commands/check-host.js';
import { ENGINES, startTestHost, type TestHost } from './harness.js';

async function quietly<T>(work: () => Promise<T>): Promise<{ value: T; out: string }> {
  const lines: string[] = [];
  const { log, error } = console;
  console.log = (...a: unknown[]) => void lines.push(a.join(' '));
  console.error = console.log;
  try {
    return { value: await work(), out: lines.join('\n') };
  } finally {
    console.log = log;
    console.error = error;
  }
}

for (const engine of ENGINES) describe(`check-host against the reference host [${engine}]`, () => {
  let host: TestHost;
  before(async () => {
    host = await startTestHost({ engine, seed: { until: '2026-11-23', days: 10 } });
  });
  after(() => host.close());

  it('finds no deviation, including a seeded chat checked against rate', async () => {
    const results = await checkHost(host.server.url, await host.server.tokenFor('u-anna'), { chatId: 'seed-2026-11-20-u-ben-0', today: '2026-11-23' });
    assert.deepEqual(results.filter((r) => !r.ok), []);
    assert.deepEqual(results.map((r) => r.name), [
      'GET /balance',
      'GET /catalog',
      'GET /usage groupBy=day',
      'GET /usage groupBy=service',
      'GET /usage groupBy=billingType',
      'GET /usage groupBy=user',
      'GET /usage groupBy=department',
      'GET /chats (recent)',
      'GET /chats/<no usage yet> (an empty chat)',
      'GET /chats/seed-2026-11-20-u-ben-0',
      'GET /grants',
      'GET /departments',
      'GET /transfers',
      'GET /statements and /statements/{period} (JSON, CSV, PDF)',
      'GET /notifications (paged)',
      'GET /anomalies',
      'GET /webhooks and /webhooks/{id}/deliveries',
      'POST /tokens (a read token) and its scope',
      'errors are problem+json',
    ]);
  });

  it('checks the new endpoints against a host with grants, a transfer and an expiry (an administrator)', async () => {
    const anna = await host.server.tokenFor('u-anna');
    const post = (path: string, body: unknown) => fetch(`${host.server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${anna}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    assert.equal((await post('/grants', { kind: 'promotional', credits: '40', expiresAt: '2026-11-30T00:00:00Z' })).status, 201);
    assert.equal((await post('/transfers', { to: 'd-sales', credits: '25.5', reason: 'check-host' })).status, 201);
    // A webhook with one delivery attempt (to a port nobody listens on: refused, logged, retried later).
    assert.equal((await post('/webhooks', { url: 'http://127.0.0.1:9/none' })).status, 201);
    await host.server.ledger.topUp('org-nordlicht', '1');
    await host.configure("UPDATE orgs SET low_balance_percents = '[\"99.99\"]' WHERE id = 'org-nordlicht'");
    await host.client('u-anna').recordUsage({ chatId: 'check-host', records: [{ service: 'meingpt/workflow-wizard', requests: 1 }] });
    assert.ok((await host.server.deliverer.tick()).attempted >= 1); // and the expiring grant and its transferred piece
    const results = await checkHost(host.server.url, anna, { today: '2026-11-23' });
    assert.deepEqual(results.filter((r) => !r.ok), []);
    assert.deepEqual(results.flatMap((r) => r.warnings), []);
  });

  it('the command exits 0 and refuses a secret key as the token (exit 2, not echoed)', async () => {
    const token = await host.server.tokenFor('u-ben');
    const ok = await quietly(() => run([host.server.url, '--token', token]));
    assert.equal(ok.value, 0, ok.out);
    assert.match(ok.out, /all 18 checks pass/);
    const secret = await quietly(() => run([host.server.url, '--token', 'sk_live_abcdef123456']));
    assert.equal(secret.value, 2);
    assert.doesNotMatch(secret.out, /abcdef123456/);
  });
});

describe('check-host against a broken host', () => {
  let server: Server;
  let url: string;
  before(async () => {
    const catalog = readFileSync('catalog/meingpt.json', 'utf8');
    server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      // No authentication at all, credits as a float, fields missing.
      if (path === '/api/balance') return json(200, { credits: 12.5, money: { amount: '0.125', currency: 'EUR' }, creditUnit: { currency: 'EUR', value: '0.01' }, paused: false });
      if (path === '/api/catalog') return json(200, JSON.parse(catalog)); // no ETag
      if (path === '/api/usage') {
        const q = new URL(req.url!, 'http://x').searchParams;
        if (!['day', 'service', 'billingType', 'user', 'department'].includes(q.get('groupBy') ?? '')) return json(400, { error: 'bad groupBy' });
        return json(200, { from: q.get('from'), to: q.get('to'), groupBy: q.get('groupBy'), scope: 'user', groups: [{ key: 'a', label: 'A', credits: '1.5', events: 1 }], total: { credits: '2', events: 1 } });
      }
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<!doctype html><h1>Not found</h1>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  it('reports every deviation', async () => {
    const results = await checkHost(url, 'ckd.any-token', { today: '2026-11-23' });
    const byName = Object.fromEntries(results.map((r) => [r.name, r]));
    assert.equal(byName['GET /balance']!.ok, false);
    assert.ok(byName['GET /balance']!.deviations.includes('credits: expected string, got the number 12.5') || byName['GET /balance']!.deviations.some((d) => d.startsWith('credits:')), byName['GET /balance']!.deviations.join('\n'));
    assert.ok(byName['GET /balance']!.deviations.some((d) => d.startsWith('limits:')));
    assert.deepEqual(byName['GET /catalog']!.deviations, ['no ETag header']);
    assert.ok(byName['GET /usage groupBy=day']!.deviations.includes('groups add up to 1.5 credits, total says 2'));
    const errors = byName['errors are problem+json']!.deviations.join('\n');
    assert.match(errors, /without a token: expected status 401, got 200/);
    assert.match(errors, /<unknown>: expected content type application\/problem\+json, got "text\/html" \(an HTML page\)/);
    assert.match(errors, /groupBy=nonsense: expected content type application\/problem\+json, got "application\/json"/);
  });

  it('the command exits 1 and prints the deviations', async () => {
    const { value, out } = await quietly(() => run([url, '--token', 'ckd.any-token']));
    assert.equal(value, 1);
    assert.match(out, /✗ GET \/catalog\n {4}✗ no ETag header/);
    assert.match(out, /18 of 18 checks found deviations/);
  });
});

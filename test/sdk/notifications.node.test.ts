// The SDK's methods for the notification feed, anomalies and webhooks against the reference host
// on each engine: arguments checked before anything is sent, a 204 for a deletion, and the cached
// webhook list dropped by the calls that change it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CreditError } from '../../src/core/errors.js';
import { createClient } from '../../src/sdk/index.js';
import { ENGINES, startTestHost, type TestHost } from '../server/harness.js';

for (const engine of ENGINES) {
  describe(`SDK: notifications, anomalies and webhooks [${engine}]`, () => {
    let host: TestHost;
    before(async () => {
      host = await startTestHost({ engine });
    });
    after(() => host.close());

    it('refuses bad arguments before sending anything', () => {
      const anna = host.client('u-anna');
      assert.throws(() => anna.getNotifications({ limit: 0 }), /getNotifications: limit must be a whole number from 1 to 100, got 0/);
      assert.throws(() => anna.getNotifications({ limit: 101 }), CreditError);
      assert.throws(() => anna.getNotifications({ cursor: '' }), /getNotifications: cursor must be the non-empty `next` of a page/);
      assert.throws(() => anna.getWebhookDeliveries('', {}), /getWebhookDeliveries: webhookId must be a non-empty string/);
      assert.throws(() => anna.getAnomalies({ from: '2026-11-31', to: '2026-12-01' }), /getAnomalies: from must be a day of the calendar/);
    });

    it('rejects a webhook body the contract refuses, without a request', async () => {
      await assert.rejects(host.client('u-anna').addWebhook({ url: '' }), /addWebhook: url/);
      await assert.rejects(host.client('u-anna').addWebhook({ url: 'https://example.com/', description: 'x'.repeat(201) }), /addWebhook: description/);
    });

    it('adds, lists (cached, then refreshed by add and delete) and deletes a webhook', async () => {
      const anna = createCachingClient(host);
      assert.deepEqual((await anna.getWebhooks()).webhooks, []);
      const created = await anna.addWebhook({ url: `${host.server.origin}/hook`, description: 'tests' });
      assert.deepEqual((await anna.getWebhooks()).webhooks.map((w) => [w.id, w.description, w.deliveries.pending]), [[created.id, 'tests', 0]]);
      assert.equal(await anna.deleteWebhook(created.id), undefined);
      assert.deepEqual((await anna.getWebhooks()).webhooks, []);
    });

    it('reads anomalies for Date arguments and an empty feed', async () => {
      const anna = host.client('u-anna');
      const anomalies = await anna.getAnomalies({ from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-11-23T12:00:00Z') });
      assert.deepEqual(anomalies, { from: '2026-11-01', to: '2026-11-23', anomalies: [] });
      assert.deepEqual(await anna.getNotifications(), { notifications: [], next: null });
    });
  });
}

/** Anna's client with a minute of caching (the harness's clients cache nothing). */
function createCachingClient(host: TestHost) {
  return createClient({ baseUrl: host.server.url, getToken: () => host.server.tokenFor('u-anna'), maxRetries: 0, timeout: 60_000, cacheTtl: 60_000, staleTtl: 0, now: () => host.clock.now });
}

// Events rated at the prices in force at their own instant, and statements that name the price
// period of each service line, on each engine. The catalog is GPTBots' two lists merged as
// `creditkit history catalog/gptbots-previous.json catalog/gptbots.json --from 2026-11-23` does.
// Golden case (issue 16, worked by hand): Claude-4.5-Haiku-200k with the platform key, 10,000
// input + 1,000 output tokens: 10 × 0.11 + 1 × 0.55 = 1.65 credits on 22 Nov under the older list,
// 10 × 0.33 + 1 × 1.65 = 4.95 credits on 23 Nov under the current one.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { mergeHistory, parseCatalog } from '../../src/core/index.js';
import type { Statement } from '../../src/sdk/index.js';
import { ENGINES, startTestHost, type TestHost } from './harness.js';

const HAIKU = 'anthropic/claude-4.5-haiku-200k';
const load = (name: string) => parseCatalog(readFileSync(join('catalog', `${name}.json`), 'utf8'));
const turn = (at: string) => ({ chatId: `haiku-${at}`, at, records: [{ service: HAIKU, keyMode: 'platform', inputTokens: 10_000, outputTokens: 1_000 }] });

for (const engine of ENGINES) {
  describe(`prices through time on the host (${engine})`, () => {
    let host: TestHost;
    let dir: string;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'creditkit-periods-'));
      const merged = join(dir, 'gptbots.json');
      writeFileSync(merged, JSON.stringify(mergeHistory(load('gptbots-previous'), load('gptbots'), '2026-11-23').catalog));
      host = await startTestHost({ engine, catalogs: ['catalog/meingpt.json', merged] });
      host.clock.now = Date.parse('2026-11-25T09:00:00Z');
      await host.server.ledger.topUp('org-gptbots', '100');
    });
    after(async () => {
      await host?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('charges each event at the prices of its own instant: 1.65 on 22 Nov, 4.95 on 23 Nov', async () => {
      const gina = host.client('u-gina');
      const before = await gina.recordUsage(turn('2026-11-22T12:00:00Z'), { idempotencyKey: 'haiku-22' });
      const afterChange = await gina.recordUsage(turn('2026-11-23T12:00:00Z'), { idempotencyKey: 'haiku-23' });
      assert.equal(before.charge.credits, '1.65');
      assert.equal(afterChange.charge.credits, '4.95');
      assert.deepEqual(before.charge.lines.map((l) => l.period), [{ until: '2026-11-23T00:00:00Z' }, { until: '2026-11-23T00:00:00Z' }]);
      assert.deepEqual(afterChange.charge.lines.map((l) => l.period), [{ from: '2026-11-23T00:00:00Z' }, { from: '2026-11-23T00:00:00Z' }]);
    });

    it('the month\'s statement has a line per price period for the repriced service, in the JSON and the CSV (en, de)', async () => {
      const token = await host.server.tokenFor('u-gina');
      const json = (await (await fetch(`${host.server.url}/statements/2026-11`, { headers: { authorization: `Bearer ${token}` } })).json()) as Statement;
      const haiku = json.usage.byService.filter((l) => l.key.startsWith(`${HAIKU}@`));
      assert.deepEqual(
        haiku.map(({ credits, events, prices }) => ({ credits, events, prices })),
        [
          { credits: '4.95', events: 1, prices: { from: '2026-11-23T00:00:00Z' } },
          { credits: '1.65', events: 1, prices: { until: '2026-11-23T00:00:00Z' } },
        ],
      );
      assert.equal(json.totals.used, '6.6');
      for (const [language, expected] of [
        ['en', ['prices from 2026-11-23', 'prices until 2026-11-22']],
        ['de', ['Preise ab 2026-11-23', 'Preise bis 2026-11-22']],
      ] as const) {
        const csv = await (await fetch(`${host.server.url}/statements/2026-11`, { headers: { authorization: `Bearer ${token}`, accept: 'text/csv', 'accept-language': language } })).text();
        const rows = csv.split('\r\n').filter((row) => row.includes(haiku[0]!.label));
        assert.deepEqual(rows.map((row) => /\(([^)]*)\)/.exec(row)?.[1]), expected, csv);
        // The PDF says it under each line, in the same order.
        const pdf = Buffer.from(await (await fetch(`${host.server.url}/statements/2026-11`, { headers: { authorization: `Bearer ${token}`, accept: 'application/pdf', 'accept-language': language } })).arrayBuffer());
        const file = join(dir, `statement-${language}.pdf`);
        writeFileSync(file, pdf);
        const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
        assert.deepEqual(text.split('\n').map((l) => l.trim()).filter((l) => expected.includes(l as never)), expected);
      }
    });
  });
}

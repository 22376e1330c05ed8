// Prices through time: the GPTBots lists merged with mergeHistory (what `creditkit history` does),
// each record priced at the prices in force at its `at`, and the errors that name what is wrong.
import { expect } from '@open-wc/testing';
import {
  CatalogError,
  UsageError,
  catalogAt,
  lintCatalog,
  mergeHistory,
  parseCatalog,
  rate,
  rateMany,
  type Catalog,
  type Usage,
} from '../../src/core/index.js';
import { llmCatalogJson, loadCatalog, loadJson } from './load.js';

let merged: Catalog;
before(async () => {
  const { catalog } = mergeHistory(await loadCatalog('gptbots-previous'), await loadCatalog('gptbots'), '2026-11-23');
  merged = parseCatalog(JSON.parse(JSON.stringify(catalog)));
});

const haiku = (at?: string): Usage => ({ service: 'anthropic/claude-4.5-haiku-200k', keyMode: 'platform', inputTokens: 10_000, outputTokens: 1_000, ...(at && { at }) });

describe('GPTBots: Claude-4.5-Haiku-200k before and after the price change of 2026-11-23', () => {
  it('is 1.65 credits on the 22nd under the older list (10 × 0.11 + 1 × 0.55 per 1K)', () => {
    // 10,000 / 1,000 × 0.11 = 1.1; 1,000 / 1,000 × 0.55 = 0.55; 1.1 + 0.55 = 1.65
    const charge = rate(merged, haiku('2026-11-22T12:00Z'));
    expect(charge.credits).to.equal('1.65');
    expect(charge.lines.map((l) => [l.unitPrice, l.period])).to.deep.equal([
      ['0.11', { until: '2026-11-23T00:00:00Z' }],
      ['0.55', { until: '2026-11-23T00:00:00Z' }],
    ]);
  });

  it('is 4.95 credits on the 23rd under the current list (10 × 0.33 + 1 × 1.65 per 1K)', () => {
    // 10 × 0.33 = 3.3; 1 × 1.65 = 1.65; 3.3 + 1.65 = 4.95
    expect(rate(merged, haiku('2026-11-23T12:00Z')).credits).to.equal('4.95');
    expect(rate(merged, haiku('2026-11-23T00:00:00Z')).credits, 'the change applies from its instant on').to.equal('4.95');
    expect(rate(merged, haiku('2026-11-22T23:59:59.999Z')).credits).to.equal('1.65');
    expect(rate(merged, haiku('2026-11-23T00:30:00+01:00')).credits, 'an offset counts: 23:30 UTC on the 22nd').to.equal('1.65');
  });

  it('prices a record without `at` at options.at, else now', () => {
    expect(rate(merged, haiku(), { at: '2026-11-22T08:00:00Z' }).credits).to.equal('1.65');
    expect(rate(merged, haiku()).credits).to.equal('4.95');
  });

  it('rateMany: a million records straddling the change are integer sums per price period', function () {
    this.timeout(120_000); // a million records built and rated on a shared test machine
    const records: Usage[] = Array.from({ length: 1_000_000 }, (_, i) => haiku(i % 2 ? '2026-11-23T12:00:00Z' : '2026-11-22T12:00:00Z'));
    const charge = rateMany(merged, records);
    // 500,000 × 1.65 = 825,000 before; 500,000 × 4.95 = 2,475,000 after; 3,300,000 in all.
    expect(charge.credits).to.equal('3300000');
    expect(charge.lines.map((l) => [l.kind, l.quantity, l.unitPrice, l.credits])).to.deep.equal([
      ['inputTokens', '5000000000', '0.11', '550000'],
      ['outputTokens', '500000000', '0.55', '275000'],
      ['inputTokens', '5000000000', '0.33', '1650000'],
      ['outputTokens', '500000000', '1.65', '825000'],
    ]);
  });

  it('keeps a removed service rateable for earlier dates and refuses it after, naming `at`', () => {
    const gpt51 = { service: 'openai/gpt-5.1-400k', inputTokens: 1000 };
    expect(rate(merged, { ...gpt51, at: '2026-11-22T12:00:00Z' }).lines[0]!.period).to.deep.equal({ until: '2026-11-23T00:00:00Z' });
    expect(() => rate(merged, [haiku(), { ...gpt51, at: '2026-11-24T00:00:00Z' }]))
      .to.throw(UsageError, /records\[1\]\.at: openai\/gpt-5\.1-400k has no prices in force at 2026-11-24T00:00:00Z: it is priced until 2026-11-23T00:00:00Z/);
    expect(() => rate(merged, { service: 'openai/gpt-5.2-400k', inputTokens: 1, at: '2026-11-22T00:00:00Z' }))
      .to.throw(UsageError, /^invalid usage: at: openai\/gpt-5\.2-400k has no prices in force at 2026-11-22T00:00:00Z: it is priced from 2026-11-23T00:00:00Z/);
  });

  it('keeps a renamed service’s history under the new id, the old id an alias', () => {
    // Gemini-3.0-Pro → Gemini-3.0-Pro-1M: own-key input 0.04 → 0.01 per 1K (0.04 is above the cap of 0.01).
    const old = rate(merged, { service: 'google/gemini-3.0-pro', keyMode: 'own', outputTokens: 1000, at: '2026-11-22T00:00:00Z' });
    expect([old.lines[0]!.service, old.lines[0]!.listedUnitPrice ?? old.lines[0]!.unitPrice]).to.deep.equal(['google/gemini-3.0-pro-1m', '0.18']);
    expect(rate(merged, { service: 'google/gemini-3.0-pro', keyMode: 'own', outputTokens: 1000, at: '2026-11-23T00:00:00Z' }).lines[0]!.unitPrice).to.equal('0.10');
  });

  it('catalogAt shows the list as it stood: 95 services on the 22nd, 118 on the 23rd', () => {
    expect(catalogAt(merged, '2026-11-22').services.length).to.equal(95);
    expect(catalogAt(merged, '2026-11-23').services.length).to.equal(118);
    const then = catalogAt(merged, '2026-11-22').services.find((s) => s.id === 'anthropic/claude-4.5-haiku-200k')!;
    expect(then.prices.platform).to.deep.equal({ input: '0.11', output: '0.55' });
  });
});

describe('dated prices: bad input names what is wrong', () => {
  const service = (extra: Record<string, unknown>) => ({
    id: 'acme/chat',
    brand: 'Acme',
    model: 'Chat',
    billingType: 'llm',
    unit: 'tokens-1m',
    prices: { platform: { input: '2', output: '8' } },
    ...extra,
  });
  const catalog = (extra: Record<string, unknown>) => llmCatalogJson([service(extra)]);

  it('refuses unordered or overlapping periods, naming the instant', () => {
    const earlier = [
      { until: '2026-12-01', prices: { platform: { input: '1', output: '4' } } },
      { until: '2026-11-01', prices: { platform: { input: '1.5', output: '6' } } },
    ];
    expect(() => parseCatalog(catalog({ earlier }))).to.throw(CatalogError, /services\[0\]\.earlier\[1\]\.until: 2026-11-01 is not after earlier\[0\]\.until \(2026-12-01\)/);
    expect(() => parseCatalog(catalog({ since: '2026-12-05', earlier: earlier.slice(0, 1) }))).to.throw(CatalogError, /services\[0\]\.earlier\[0\]\.until: 2026-12-01 is not after since/);
  });

  it('refuses a date that does not parse, in the catalog and in a record', () => {
    expect(() => parseCatalog(catalog({ until: '2026-02-31' }))).to.throw(CatalogError, /services\[0\]\.until: expected an instant such as .*, got "2026-02-31"/);
    const ok = parseCatalog(catalog({}));
    expect(() => rate(ok, { service: 'acme/chat', inputTokens: 1, at: '22.11.2026' })).to.throw(UsageError, /at: expected an instant such as .*, got "22\.11\.2026"/);
    expect(() => rate(ok, { service: 'acme/chat', inputTokens: 1 }, { at: 'soon' })).to.throw(UsageError, /options\.at: expected an instant/);
  });

  it('an announced change applies from its date: prices before, the new ones after', () => {
    const c = parseCatalog(catalog({ earlier: [{ until: '2027-01-01T00:00:00Z', prices: { platform: { input: '2', output: '8' } } }], prices: { platform: { input: '3', output: '8' } } }));
    // 1M input tokens: 2 credits per 1M before, 3 credits per 1M from 1 Jan 2027.
    expect(rate(c, { service: 'acme/chat', inputTokens: 1_000_000, at: '2026-12-31T23:59:59Z' }).credits).to.equal('2');
    expect(rate(c, { service: 'acme/chat', inputTokens: 1_000_000, at: '2027-01-01T00:00:00Z' }).credits).to.equal('3');
  });

  it('the linter flags a change that repeats the prices', () => {
    const c = parseCatalog(catalog({ earlier: [{ until: '2026-11-01', prices: { platform: { input: '2.0', output: '8' } } }] }));
    expect(lintCatalog(c).filter((w) => w.rule === 'repeated-prices').map((w) => [w.path, w.message])).to.deep.equal([
      ['services[0].earlier[0]', 'acme/chat: the change from 2026-11-01T00:00:00Z repeats the prices before it'],
    ]);
  });
});

describe('the catalog JSON Schema knows dated prices', () => {
  it('declares earlier, since and until with the instant pattern', async () => {
    const schema = (await loadJson('/catalog/schema.json')) as { $defs?: unknown; properties: { services: { items: { properties: Record<string, { pattern?: string }> } } } };
    const props = schema.properties.services.items.properties;
    expect(Object.keys(props)).to.include.members(['earlier', 'since', 'until']);
    expect(new RegExp(props.since!.pattern!).test('2026-11-23T09:00:00Z')).to.equal(true);
  });
});

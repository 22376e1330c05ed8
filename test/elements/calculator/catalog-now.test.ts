import { expect } from '@open-wc/testing';
import { catalogAt, parseCatalog } from '../../../src/core/index.js';
import { CatalogNow } from '../../../src/elements/calculator/catalog-now.js';
import { llmCatalogJson } from '../../core/load.js';

// One service repriced on 1 Dec (an earlier price until then), one without a history.
const llm = { billingType: 'llm', unit: 'tokens-1m', contextWindow: 1_000_000 } as const;
const catalog = parseCatalog(
  llmCatalogJson([
    { ...llm, id: 'openai/gpt-4.1', brand: 'OpenAI', model: 'GPT-4.1', prices: { platform: { input: '200', output: '800' } }, earlier: [{ until: '2026-12-01T00:00:00Z', prices: { platform: { input: '300', output: '1200' } } }] },
    { ...llm, id: 'google/gemini-2.5-pro', brand: 'Google', model: 'Gemini 2.5 Pro', prices: { platform: { input: '125', output: '1000' } } },
  ]),
);
const change = Date.parse('2026-12-01T00:00:00Z');
const inputPrice = (c: typeof catalog) => c.services.find((s) => s.id === 'openai/gpt-4.1')!.prices['platform']!.input;

describe('CatalogNow', () => {
  it('gives catalogAt’s view, the same one up to a price change and the next one from it', () => {
    const now = new CatalogNow();
    const before = now.at(catalog, change - 60_000);
    expect(inputPrice(before)).to.equal('300');
    expect(before).to.equal(catalogAt(catalog, change - 60_000));
    expect(now.at(catalog, change - 1)).to.equal(before);
    const after = now.at(catalog, change);
    expect(inputPrice(after)).to.equal('200');
    expect(now.at(catalog, change + 86_400_000)).to.equal(after);
    // back before the change: the earlier price again
    expect(inputPrice(now.at(catalog, change - 1))).to.equal('300');
  });

  it('reads `now` as a Date or ISO 8601 text, and as this moment when it is none', () => {
    const now = new CatalogNow();
    expect(inputPrice(now.at(catalog, new Date(change - 1)))).to.equal('300');
    expect(inputPrice(now.at(catalog, '2026-12-02T00:00:00Z'))).to.equal('200');
    expect(now.at(catalog, 'not an instant')).to.equal(catalogAt(catalog, Date.now()));
    expect(now.at(catalog, undefined)).to.equal(catalogAt(catalog, Date.now()));
  });

  it('starts afresh for another catalog', () => {
    const now = new CatalogNow();
    const other = parseCatalog(structuredClone(JSON.parse(JSON.stringify(catalog))));
    const first = now.at(catalog, change);
    expect(now.at(other, change)).to.not.equal(first);
    expect(now.at(other, change).services.map((s) => s.id)).to.deep.equal(first.services.map((s) => s.id));
  });
});

// Test helpers: the project's catalogs and fixtures, fetched from the test server (the project root).
import { parseCatalog, type Catalog } from '../../src/core/index.js';

const cache = new Map<string, Promise<unknown>>();

export function loadJson(path: string): Promise<unknown> {
  let pending = cache.get(path);
  if (!pending) {
    pending = fetch(path).then((r) => {
      if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
      return r.json();
    });
    cache.set(path, pending);
  }
  return pending.then((json) => structuredClone(json));
}

export async function loadCatalog(name: 'gptbots' | 'meingpt' | string): Promise<Catalog> {
  return parseCatalog(await loadJson(`/catalog/${name}.json`));
}

export async function loadText(path: string): Promise<string> {
  const r = await fetch(path);
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  return r.text();
}

/** A catalog (unparsed) of one platform key mode and one billing type `llm`, 1 credit = $0.01, for the given services. */
export function llmCatalogJson(services: readonly unknown[]): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id: 'providers',
    name: 'Providers at list price',
    version: '2026-12-07',
    creditUnit: { currency: 'USD', value: '0.01' },
    rounding: { mode: 'none' },
    keyModes: [{ id: 'platform', name: 'Platform key' }],
    billingTypes: [{ id: 'llm', name: 'LLM' }],
    services,
  };
}

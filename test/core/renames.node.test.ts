// likelyRenames: a removed and an added service are paired only when they are each other's one
// match: an alias, or a name that differs by a version marker or a context-window suffix, within
// one provider, billing type and unit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffCatalogs, likelyRenames, parseCatalog } from '../../src/core/index.js';

const llm = (id: string, input: string, extra: Record<string, unknown> = {}) => ({
  id, brand: id.split('/')[0], model: id.split('/')[1], billingType: 'llm', unit: 'tokens-1k', prices: { platform: { input, output: '0.4' } }, ...extra,
});
const catalog = (version: string, services: object[]) =>
  parseCatalog({
    schemaVersion: 1, id: 't', name: 'Test', version, creditUnit: { currency: 'EUR', value: '0.01' }, rounding: { mode: 'none' },
    keyModes: [{ id: 'platform', name: 'Platform' }], billingTypes: [{ id: 'llm', name: 'LLM' }], services,
  });
const renames = (before: object[], after: object[]) => likelyRenames(diffCatalogs(catalog('1', before), catalog('2', after))).map((r) => `${r.from} → ${r.to}`);

test('a context suffix added, a version marker added, an alias kept: each is a rename, with its price change', () => {
  const before = [llm('acme/fast', '0.1'), llm('acme/chat-8k', '0.2'), llm('acme/old-name', '0.3')];
  const after = [llm('acme/fast-200k', '0.05'), llm('acme/chat-v2-8k', '0.2'), llm('acme/new-name', '0.3', { aliases: ['acme/old-name'] })];
  const result = likelyRenames(diffCatalogs(catalog('1', before), catalog('2', after)));
  assert.deepEqual(result.map((r) => `${r.from} → ${r.to}`), ['acme/fast → acme/fast-200k', 'acme/chat-8k → acme/chat-v2-8k', 'acme/old-name → acme/new-name']);
  assert.deepEqual(result[0]!.changes, [{ keyMode: 'platform', key: 'input', from: '0.1', to: '0.05', percent: '-50' }]);
});

test('two candidates at the closest level: no guess', () => {
  assert.deepEqual(renames([llm('acme/fast', '0.1')], [llm('acme/fast-8k', '0.1'), llm('acme/fast-32k', '0.1')]), []);
  // …but the same context size decides between them.
  assert.deepEqual(renames([llm('acme/fast-8k', '0.1'), llm('acme/fast-32k', '0.1')], [llm('acme/fast-v1-8k', '0.1'), llm('acme/fast-v1-32k', '0.1')]), ['acme/fast-8k → acme/fast-v1-8k', 'acme/fast-32k → acme/fast-v1-32k']);
});

test('another provider, another unit or a different name is not a rename', () => {
  assert.deepEqual(renames([llm('acme/fast', '0.1')], [llm('other/fast', '0.1')]), []);
  assert.deepEqual(renames([llm('acme/fast', '0.1')], [llm('acme/fast-1m', '0.1', { unit: 'tokens-1m' })]), []);
  assert.deepEqual(renames([llm('acme/fast', '0.1')], [llm('acme/faster', '0.1')]), []);
  assert.deepEqual(renames([llm('acme/fast', '0.1')], [llm('acme/fast', '0.2')]), [], 'the same id is a repricing, not a rename');
});

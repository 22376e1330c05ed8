// The browser's catalog validator (shape.ts walking catalog-shape.ts) against zod's own parse of
// the schema it was compiled from: on the shipped catalogs and on thousands of broken ones, the
// same problems (path and message, in order) and, for a valid catalog, the same output.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CATALOG_SHAPE } from '../../../src/core/catalog/catalog-shape.js';
import { catalogSchema } from '../../../src/core/catalog/schema.js';
import { checkShape } from '../../../src/core/catalog/shape.js';
import { catalogShapeModule } from '../../../src/core/catalog/zod-shape.js';
import { toIssues } from '../../../src/core/validation.js';

type Json = unknown;
type Path = (string | number)[];
const load = (name: string): Json => JSON.parse(readFileSync(`catalog/${name}.json`, 'utf8'));

function viaZod(input: Json) {
  const result = catalogSchema.safeParse(input, { reportInput: true });
  return result.success ? { value: result.data as unknown, issues: [] } : { value: undefined, issues: toIssues(result.error.issues) };
}

function agree(input: Json): void {
  const zod = viaZod(input);
  const shape = checkShape(CATALOG_SHAPE, input);
  assert.deepEqual(shape.issues, zod.issues);
  if (!zod.issues.length) assert.deepEqual(shape.value, zod.value);
}

/** Every object and array in `value`, by path. */
function containers(value: Json, path: Path = [], out: Path[] = []): Path[] {
  if (value === null || typeof value !== 'object') return out;
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => containers(v, [...path, i], out));
  else for (const [k, v] of Object.entries(value)) containers(v, [...path, k], out);
  return out;
}
const at = (root: Json, path: Path): Record<string | number, Json> => path.reduce<Json>((v, k) => (v as Record<string | number, Json>)[k], root) as Record<string | number, Json>;

// Values that sit on the rules' edges, beside arbitrary JSON.
const edgy = fc.constantFrom<Json>(
  '', 'x', 'Bad Key', 'own', 'platform', '0.22', '-1', '0,22', '1e-7', 0, 1, -1, 1.5, -1.5, 0.5, 12, 13, 1e20, -1e20, 2 ** 53,
  null, true, [], {}, [''], ['a'], '2026-02-31', '2026-01-01', '2026-11-23T09:00:00Z', 'EUR', 'eur', '1024x1024/high', 'a/b',
  'tokens-1m', 'line', 'none', { mode: 'none' }, { mode: 'line', decimals: 2, rounding: 'up' }, { mode: 'line', decimals: 20, rounding: 'up' },
  { mode: 'total', decimals: 1.5, rounding: 'down' }, { mode: 'none', decimals: 2 }, { input: '1' }, { platform: { input: 'x' } }, Number.NaN,
);
const value = fc.oneof(edgy, fc.jsonValue({ maxDepth: 2 }));
const newKey = fc.constantFrom('zzz', 'Bad Key', 'own', 'platform', '', '1024x1024', '1024x1024/high', 'input', 'id', 'batch', '12');

type Mutation = { kind: 'set'; path: Path; key: number; value: Json } | { kind: 'delete'; path: Path; key: number } | { kind: 'add'; path: Path; key: string; value: Json };

function mutations(base: Json) {
  const paths = containers(base);
  const target = fc.constantFrom(...paths);
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('set' as const), path: target, key: fc.nat(), value }),
    fc.record({ kind: fc.constant('delete' as const), path: target, key: fc.nat() }),
    fc.record({ kind: fc.constant('add' as const), path: target, key: newKey, value }),
  );
  return fc.array(mutation, { minLength: 1, maxLength: 3 });
}

function apply(base: Json, changes: Mutation[]): Json {
  const copy = structuredClone(base);
  for (const change of changes) {
    let parent: Record<string | number, Json>;
    try {
      parent = at(copy, change.path);
    } catch {
      continue; // an earlier change removed the path
    }
    if (parent === null || typeof parent !== 'object') continue;
    const keys = Array.isArray(parent) ? parent.map((_, i) => i) : Object.keys(parent);
    if (change.kind === 'add') parent[change.key] = change.value;
    else if (!keys.length) continue;
    else if (change.kind === 'set') parent[keys[change.key % keys.length]!] = change.value;
    else if (Array.isArray(parent)) parent.splice(change.key % keys.length, 1);
    else delete parent[keys[change.key % keys.length]!];
  }
  return copy;
}

describe('the catalog validator without zod (shape.ts) and zod agree', () => {
  it('src/core/catalog/catalog-shape.ts is current with the zod schema (run `npx tsx scripts/write-catalog-shape.ts` to refresh it)', () => {
    assert.equal(readFileSync('src/core/catalog/catalog-shape.ts', 'utf8'), catalogShapeModule());
  });

  for (const name of ['gptbots', 'gptbots-previous', 'meingpt']) {
    it(`accepts ${name}.json with the same output as zod`, () => {
      const catalog = load(name);
      assert.deepEqual(viaZod(catalog).issues, []);
      agree(catalog);
    });
  }

  it('on anything that is not a catalog object', () => {
    for (const input of [null, undefined, [], 'x', 1, true, {}]) agree(input);
  });

  it('on meinGPT with one to three changes anywhere (values replaced, keys removed or added)', () => {
    const base = load('meingpt');
    fc.assert(fc.property(mutations(base), (changes) => agree(apply(base, changes))), { numRuns: 3000 });
  });

  it('on a GPTBots excerpt (tiers, service tiers, earlier prices, images) with one to three changes', () => {
    const full = load('gptbots') as { services: Record<string, unknown>[] };
    // The services that use each part of the schema, so every rule is reached.
    const pick = (test: (s: Record<string, unknown>) => boolean) => full.services.filter(test).slice(0, 2);
    const services = [
      ...full.services.slice(0, 2),
      ...pick((s) => 'tiers' in s),
      ...pick((s) => 'serviceTiers' in s),
      ...pick((s) => 'earlier' in s),
      ...pick((s) => JSON.stringify(s.prices).includes('generatedImages')),
    ];
    const base = { ...full, services };
    fc.assert(fc.property(mutations(base), (changes) => agree(apply(base, changes))), { numRuns: 3000 });
  });
});

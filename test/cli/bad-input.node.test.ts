// Malformed catalogs (through `creditkit check`) and usages (through `creditkit rate`): each is
// rejected with exit 1 and a message that names the JSON path of what is wrong.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, readJson, runCli, tempFile } from './run-cli.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const CATALOGS: [string, (c: Json) => unknown, string][] = [
  ['a missing version', (c) => { delete c.version; }, 'version'],
  ['an empty name', (c) => { c.name = ''; }, 'name'],
  ['schemaVersion 2', (c) => { c.schemaVersion = 2; }, 'schemaVersion'],
  ['an upper-case catalog id', (c) => { c.id = 'MeinGPT'; }, 'id'],
  ['a credit value in exponent notation', (c) => { c.creditUnit.value = 1e-9; }, 'creditUnit.value'],
  ['a three-letter currency in lower case', (c) => { c.creditUnit.currency = 'usd'; }, 'creditUnit.currency'],
  ['an unknown rounding mode', (c) => { c.rounding = { mode: 'bankers' }; }, 'rounding'],
  ['no key modes', (c) => { c.keyModes = []; }, 'keyModes'],
  ['a default key mode that does not exist', (c) => { c.defaultKeyMode = 'own'; }, 'defaultKeyMode'],
  ['a billing type id with spaces', (c) => { c.billingTypes[0].id = 'LLM chat'; }, 'billingTypes[0].id'],
  ['a price with a decimal comma', (c) => { c.services[0].prices.platform.input = '3,00'; }, 'services[0].prices.platform.input'],
  ['a negative price', (c) => { c.services[0].prices.platform.output = '-12'; }, 'services[0].prices.platform.output'],
  ['a price as a word', (c) => { c.services[1].prices.platform.request = 'half'; }, 'services[1].prices.platform.request'],
  ['a boolean price', (c) => { c.services[0].prices.platform.input = true; }, 'services[0].prices.platform.input'],
  ['an unknown price key', (c) => { c.services[0].prices.platform.inputs = '1'; }, 'services[0].prices.platform.inputs'],
  ['an output price on a per-request service', (c) => { c.services[1].prices.platform.output = '1'; }, 'services[1].prices.platform.output'],
  ['an undeclared key mode', (c) => { c.services[2].prices.byok = { request: '1' }; }, 'services[2].prices.byok'],
  ['an undeclared billing type', (c) => { c.services[3].billingType = 'video'; }, 'services[3].billingType'],
  ['an id without a slash', (c) => { c.services[0].id = 'gpt-4o'; }, 'services[0].id'],
  ['an unknown unit', (c) => { c.services[0].unit = 'tokens-10k'; }, 'services[0].unit'],
  ['a negative context window', (c) => { c.services[0].contextWindow = -1; }, 'services[0].contextWindow'],
  ['an unknown field on a service', (c) => { c.services[2].price = '30'; }, 'services[2].price'],
  ['an alias that is empty', (c) => { c.services[0].aliases = ['']; }, 'services[0].aliases[0]'],
  ['a package with a text credit count', (c) => { c.packages[0].credits = 'thousand'; }, 'packages[0].credits'],
  ['services as an object', (c) => { c.services = {}; }, 'services'],
];

const USAGES: [string, unknown, string][] = [
  ['a negative token count', { service: 'openai/gpt-4o', inputTokens: -1 }, 'inputTokens'],
  ['fractional tokens', { service: 'openai/gpt-4o', outputTokens: 1.5 }, 'outputTokens'],
  ['tokens as a string', [{ service: 'openai/gpt-4o', inputTokens: '523' }], 'records[0].inputTokens'],
  ['an unknown field', [{ service: 'openai/gpt-4o', inputTokens: 1 }, { service: 'openai/gpt-4o', prompt_tokens: 5 }], 'records[1].prompt_tokens'],
  ['no service', { inputTokens: 5 }, 'service'],
  ['a number as service', [{ service: 42, inputTokens: 5 }], 'records[0].service'],
  ['requests on a token service', { service: 'openai/gpt-4o', requests: 1 }, 'requests'],
  ['tokens on a per-call service', [{ service: 'meingpt/tool-call', inputTokens: 100 }], 'records[0].inputTokens'],
  ['a key mode as a number', { service: 'openai/gpt-4o', keyMode: 1, inputTokens: 1 }, 'keyMode'],
  ['no quantity at all', [{ service: 'openai/gpt-4o' }], 'records[0]'],
  ['an image without height', { service: 'openai/gpt-4o', images: [{ width: 512 }] }, 'images[0].height'],
  ['a usage that is a string', 'openai/gpt-4o', ''],
  ['a null record in an array', [null], 'records[0]'],
];

describe('malformed catalogs through `creditkit check`', () => {
  for (const [name, mutate, path] of CATALOGS) {
    it(`${name} → ${path}`, async () => {
      const catalog = readJson('catalog/meingpt.json');
      mutate(catalog);
      const r = await runCli('check', '--json', tempFile(catalog));
      assert.equal(r.code, 1, r.stdout);
      const errors: { path: string; message: string }[] = JSON.parse(r.stdout).errors;
      assert.ok(errors.some((e) => e.path === path && e.message), `no error at ${path}: ${JSON.stringify(errors)}`);
    });
  }
});

describe('malformed usages through `creditkit rate`', () => {
  for (const [name, usage, path] of USAGES) {
    it(`${name} → ${path || '(root)'}`, async () => {
      const r = await runCli('rate', at('catalog/meingpt.json'), tempFile(JSON.stringify(usage)));
      assert.equal(r.code, 1, r.stdout);
      assert.match(r.stderr, /invalid usage\n/);
      assert.ok(r.stderr.includes(`  ${path || '(root)'}: `), r.stderr);
    });
  }
});

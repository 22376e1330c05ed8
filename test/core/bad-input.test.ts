// Bad input: every malformed catalog and usage is rejected with a message that names the path.
import { expect } from '@open-wc/testing';
import {
  AmbiguousServiceError, CatalogError, NotOfferedError, UnknownServiceError, UsageError,
  findService, parseCatalog, rate, rateMany, type Catalog,
} from '../../src/core/index.js';
import { loadCatalog, loadJson } from './load.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
let base: Json;
let gptbots: Catalog;
before(async () => {
  base = await loadJson('/catalog/meingpt.json');
  gptbots = await loadCatalog('gptbots');
});

const CATALOG_CASES: [string, (c: Json) => unknown, RegExp][] = [
  ['not JSON', () => '{"schemaVersion": 1,', /not valid JSON/],
  ['an array', () => [], /expected object/],
  ['no services', (c) => { delete c.services; return c; }, /^.*services: is required/],
  ['a negative price', (c) => { c.services[0].prices.platform.input = -0.5; return c; }, /services\[0\]\.prices\.platform\.input: expected a decimal string or null \(not offered\), got -0\.5/],
  ['a price in exponent notation', (c) => { c.services[0].prices.platform.input = 1e-7; return c; }, /services\[0\]\.prices\.platform\.input: .*got 1e-7/],
  ['a price with a comma', (c) => { c.services[0].prices.platform.input = '0,22'; return c; }, /services\[0\]\.prices\.platform\.input: .*got "0,22"/],
  ['a price as text', (c) => { c.services[0].prices.platform.output = 'free'; return c; }, /services\[0\]\.prices\.platform\.output: .*got "free"/],
  ['NaN as a price', (c) => { c.services[0].prices.platform.output = Number.NaN; return c; }, /services\[0\]\.prices\.platform\.output/],
  ['a price with a plus sign', (c) => { c.services[1].prices.platform.request = '+1'; return c; }, /services\[1\]\.prices\.platform\.request/],
  ['an unknown price key', (c) => { c.services[0].prices.platform.cached = '1'; return c; }, /services\[0\]\.prices\.platform\.cached: unknown field/],
  ['a token price on a per-request service', (c) => { c.services[1].prices.platform.input = '1'; return c; }, /services\[1\]\.prices\.platform\.input: a "input" price does not apply to unit "requests"/],
  ['an undeclared key mode in prices', (c) => { c.services[0].prices.own = { input: '1' }; return c; }, /services\[0\]\.prices\.own: "own" is not one of the catalog's keyModes/],
  ['an undeclared billing type', (c) => { c.services[2].billingType = 'video'; return c; }, /services\[2\]\.billingType: "video" is not one of the catalog's billingTypes/],
  ['an unknown unit', (c) => { c.services[0].unit = 'tokens-1b'; return c; }, /services\[0\]\.unit: expected "tokens-1k" or/],
  ['an upper-case id', (c) => { c.services[0].id = 'OpenAI/GPT-4o'; return c; }, /services\[0\]\.id: expected an id "brand\/model" in lower case/],
  ['an id without a brand', (c) => { c.services[0].id = 'gpt-4o'; return c; }, /services\[0\]\.id/],
  ['an empty model name', (c) => { c.services[0].model = ''; return c; }, /services\[0\]\.model: must not be empty/],
  ['a missing brand', (c) => { delete c.services[3].brand; return c; }, /services\[3\]\.brand: is required/],
  ['an unknown service field', (c) => { c.services[0].colour = 'red'; return c; }, /services\[0\]\.colour: unknown field/],
  ['a non-integer context window', (c) => { c.services[0].contextWindow = 1.5; return c; }, /services\[0\]\.contextWindow/],
  ['an unknown tokenizer', (c) => { c.services[0].tokenizer = 'p50k'; return c; }, /services\[0\]\.tokenizer/],
  ['a lower-case currency', (c) => { c.creditUnit.currency = 'eur'; return c; }, /creditUnit\.currency: expected an ISO 4217 currency code/],
  ['a credit value as text', (c) => { c.creditUnit.value = 'one cent'; return c; }, /creditUnit\.value: expected a decimal string, got "one cent"/],
  ['no key modes', (c) => { c.keyModes = []; return c; }, /keyModes: a catalog needs at least one key mode/],
  ['an unknown rounding mode', (c) => { c.rounding = { mode: 'bankers' }; return c; }, /rounding: does not match any allowed form/],
  ['13 rounding decimals', (c) => { c.rounding = { mode: 'total', decimals: 13, rounding: 'half-up' }; return c; }, /rounding/],
  ['a schema version from the future', (c) => { c.schemaVersion = 2; return c; }, /schemaVersion: expected 1, got 2/],
  ['a package price as a number with exponent', (c) => { c.packages[0].price.amount = 1e21; return c; }, /packages\[0\]\.price\.amount: expected a decimal string, got 1e\+21/],
  ['a package without credits', (c) => { delete c.packages[1].credits; return c; }, /packages\[1\]\.credits/],
  ['a default key mode that does not exist', (c) => { c.defaultKeyMode = 'own'; return c; }, /defaultKeyMode: "own" is not one of the catalog's keyModes/],
  ['a cap on an unknown key mode', (c) => { c.caps = [{ keyMode: 'own', billingTypes: ['llm-text-chat'], unit: 'tokens-1k', prices: { input: '0.01' } }]; return c; }, /caps\[0\]\.keyMode/],
  ['a markup id', (c) => { c.services[0].id = '<img src=x onerror=alert(1)>/x'; return c; }, /services\[0\]\.id/],
  // Issue 14.20: one name names one service; no key that means something to JavaScript objects.
  ['two services with one id', (c) => { c.services[2].id = c.services[0].id; return c; }, /services\[2\]\.id: "openai\/gpt-4o" is also the id of services\[0\]/],
  ['an alias equal to another service\'s id', (c) => { c.services[1].aliases = ['OpenAI/GPT-4o']; return c; }, /services\[1\]\.aliases\[0\]: "OpenAI\/GPT-4o" is also the id of services\[0\] \(openai\/gpt-4o\)/],
  ['an alias equal to another service\'s alias', (c) => { c.services[0].aliases = ['Chat']; c.services[3].aliases = ['x', 'chat']; return c; }, /services\[3\]\.aliases\[1\]: "chat" is also the alias of services\[0\]/],
  ['a __proto__ key in prices', () => JSON.stringify(base).replace('"prices":{"platform"', '"prices":{"__proto__":{"input":"1"},"platform"'), /services\[0\]\.prices\.__proto__: "__proto__" is not allowed as a key/],
  ['a constructor key mode in prices', (c) => { c.services[0].prices.constructor = { input: '1' }; return c; }, /services\[0\]\.prices\.constructor: "constructor" is not allowed/],
  ['a prototype key in a price set', (c) => { c.services[0].prices.platform.prototype = '1'; return c; }, /services\[0\]\.prices\.platform\.prototype: "prototype" is not allowed/],
];

describe('parseCatalog rejects malformed catalogs, naming the path', () => {
  it(`has ${CATALOG_CASES.length} cases`, () => expect(CATALOG_CASES.length).to.be.at.least(30));
  for (const [name, mutate, message] of CATALOG_CASES) {
    it(name, () => {
      const input = mutate(structuredClone(base));
      let error: unknown;
      try {
        parseCatalog(input);
      } catch (e) {
        error = e;
      }
      expect(error, 'should throw').to.be.instanceOf(CatalogError);
      expect((error as CatalogError).message).to.match(message);
      expect((error as CatalogError).issues.length).to.be.greaterThan(0);
    });
  }

  it('lists every problem at once, not just the first', () => {
    const c = structuredClone(base);
    c.services[0].prices.platform.input = -1;
    c.services[1].prices.platform.request = 'x';
    try {
      parseCatalog(c);
      expect.fail('should throw');
    } catch (e) {
      expect((e as CatalogError).issues.map((i) => i.path)).to.deep.equal(['services[0].prices.platform.input', 'services[1].prices.platform.request']);
    }
  });

  it('keeps prices exactly as published: "0.2200" stays "0.2200", a plain number becomes its string', () => {
    const c = structuredClone(base);
    c.services[0].prices.platform.input = '0.2200';
    c.services[0].prices.platform.output = 12.5;
    const parsed = parseCatalog(c);
    expect(parsed.services[0]!.prices.platform).to.deep.equal({ input: '0.2200', output: '12.5' });
  });

  it('returns a frozen catalog', () => {
    const parsed = parseCatalog(structuredClone(base));
    expect(Object.isFrozen(parsed.services[0]!.prices.platform)).to.equal(true);
  });
});

const USAGE_CASES: [string, unknown, RegExp, new (...a: never[]) => Error][] = [
  ['a negative token count', { service: 'openai/gpt-4.1-1m', inputTokens: -1 }, /inputTokens: expected a non-negative whole number, got -1/, UsageError],
  ['fractional tokens', { service: 'openai/gpt-4.1-1m', outputTokens: 1.5 }, /outputTokens: expected a non-negative whole number, got 1\.5/, UsageError],
  ['NaN tokens', { service: 'openai/gpt-4.1-1m', inputTokens: Number.NaN }, /inputTokens: .*got NaN/, UsageError],
  ['Infinity tokens', { service: 'openai/gpt-4.1-1m', inputTokens: Infinity }, /inputTokens: .*got Infinity/, UsageError],
  ['tokens as text', { service: 'openai/gpt-4.1-1m', inputTokens: '12' }, /inputTokens: .*got "12"/, UsageError],
  ['an unknown field', { service: 'openai/gpt-4.1-1m', inputTokens: 1, promptTokens: 3 }, /promptTokens: unknown field/, UsageError],
  ['no quantity at all', { service: 'openai/gpt-4.1-1m' }, /has no quantity/, UsageError],
  ['no service', { inputTokens: 5 }, /service: expected a service id, got nothing/, UsageError],
  ['output tokens on TTS', { service: 'openai/tts', outputTokens: 5 }, /outputTokens: does not apply to openai\/tts/, UsageError],
  ['characters on an LLM', { service: 'openai/gpt-4.1-1m', characters: 5 }, /characters: does not apply to openai\/gpt-4\.1-1m/, UsageError],
  ['images on an embedding model', { service: 'openai/text-embedding-3-small', images: [{ width: 10, height: 10 }] }, /images: does not apply/, UsageError],
  ['an image of zero width', { service: 'openai/gpt-4.1-1m', images: [{ width: 0, height: 10 }] }, /images\[0\]\.width: expected a positive whole number of pixels, got 0/, UsageError],
  ['negative audio seconds', { service: 'openai/whisper-large-v3', audioSeconds: -3 }, /audioSeconds: expected a non-negative number of seconds, got -3/, UsageError],
  ['audio seconds as a word', { service: 'openai/whisper-large-v3', audioSeconds: 'ten' }, /audioSeconds: .*got "ten"/, UsageError],
  ['not an object', 42, /expected a usage object, got 42/, UsageError],
  ['an unknown service', { service: 'openai/gpt-4.1-1n', inputTokens: 1 }, /unknown service "openai\/gpt-4\.1-1n"; did you mean "openai\/gpt-4\.1-1m"/, UnknownServiceError],
  ['an ambiguous name', { service: 'GPT-4.1-1M', inputTokens: 1 }, /"GPT-4\.1-1M" is ambiguous: it names "openai\/gpt-4\.1-1m", "azure\/gpt-4\.1-1m"/, AmbiguousServiceError],
  ['a not-offered price', { service: 'google/gemma-3-4b', inputTokens: 1 }, /google\/gemma-3-4b is not offered with key mode "platform"/, NotOfferedError],
  ['an unknown key mode', { service: 'openai/tts', keyMode: 'byok', characters: 1 }, /no key mode "byok"/, NotOfferedError],
];

describe('rate rejects malformed usage, naming the field', () => {
  for (const [name, usage, message, type] of USAGE_CASES) {
    it(name, () => {
      expect(() => rate(gptbots, usage as never)).to.throw(type, message);
    });
  }

  it('names the record in a batch: records[2].inputTokens', () => {
    const records = [
      { service: 'openai/tts', characters: 1 },
      { service: 'openai/tts', characters: 2 },
      { service: 'openai/gpt-4.1-1m', inputTokens: -4 },
    ];
    expect(() => rateMany(gptbots, records)).to.throw(UsageError, /records\[2\]\.inputTokens: expected a non-negative whole number, got -4/);
  });

  it('finds services by alias and published name, case-insensitively', () => {
    expect(findService(gptbots, 'GPT-Mini-Auido').id).to.equal('openai/gpt-mini-audio');
    expect(findService(gptbots, 'openai gpt-4.1-1M').id).to.equal('openai/gpt-4.1-1m');
    expect(findService(gptbots, '百度 ERNIE-4.0-8K').id).to.equal('baidu/ernie-4.0-8k');
    expect(findService(gptbots, 'baidu ernie-4.0-8k').id).to.equal('baidu/ernie-4.0-8k');
  });
});

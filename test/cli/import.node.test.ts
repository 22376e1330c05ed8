// `creditkit import` on the two published GPTBots lists: the current English one reproduces
// catalog/gptbots.json, the older German one reproduces catalog/gptbots-previous.json.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { lintCatalog, parseCatalog } from '../../src/core/index.js';
import { at, readJson, runCli, tempFile } from './run-cli.js';

const current = readJson('catalog/gptbots.json');
const previous = readJson('catalog/gptbots-previous.json');

describe('creditkit import: the published GPTBots lists', () => {
  it("turns the current English list (pasted text) into catalog/gptbots.json's 118 services, ids and prices equal", async () => {
    const r = await runCli('import', at('test/fixtures/import/gptbots-en-current.txt'), '--like', at('catalog/gptbots.json'), '--version', current.version);
    assert.equal(r.code, 0, r.stderr);
    const catalog = parseCatalog(r.stdout);
    assert.deepEqual(JSON.parse(r.stdout).services, current.services);
    assert.equal(catalog.services.length, 118);
    assert.match(r.stderr, /imported 118 services/);
  });

  it("reads the published table fixture (section column, one-price sections in a four-column sheet) into the same ids and prices", async () => {
    const r = await runCli('import', at('test/fixtures/gptbots-published-table.tsv'), '--like', at('catalog/gptbots.json'), '--version', '1');
    assert.equal(r.code, 0, r.stderr);
    const services = parseCatalog(r.stdout).services;
    assert.deepEqual(services.map((s) => [s.id, s.billingType, s.unit, s.prices]), current.services.map((s: any) => [s.id, s.billingType, s.unit, s.prices])); // eslint-disable-line @typescript-eslint/no-explicit-any
  });

  it('reproduces catalog/gptbots-previous.json from the German list (decimal commas and points mixed)', async () => {
    const args = ['import', at('test/fixtures/import/gptbots-de-previous.txt'), '--like', at('catalog/gptbots.json'), '--version', previous.version,
      '--source', previous.source.document, '--checked', previous.source.checked, ...previous.notes.flatMap((n: string) => ['--note', n])];
    const r = await runCli(...args);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), previous);
    assert.match(r.stderr, /warning: line 31: google\/gemini-2\.5-pro repeats line 27 with the same prices/);
  });

  it('the previous catalog keeps the current credit unit, key modes, caps and billing types, and an older version', () => {
    for (const key of ['creditUnit', 'keyModes', 'caps', 'billingTypes', 'rounding', 'defaultKeyMode']) assert.deepEqual(previous[key], current[key], key);
    assert.ok(previous.version < current.version);
  });

  it('maps the old brand spellings to the current slugs and keeps what was published', () => {
    const byId = new Map(previous.services.map((s: any) => [s.id, s])); // eslint-disable-line @typescript-eslint/no-explicit-any
    const get = (id: string): any => { assert.ok(byId.has(id), id); return byId.get(id); }; // eslint-disable-line @typescript-eslint/no-explicit-any
    assert.equal(get('mistral/open-mixtral-8x7b').brand, 'Mixtral');
    assert.equal(get('zhipu/glm-4.0-9b-8k').brandEn, 'Zhipu AI');
    assert.equal(get('netease/bgep-rerank').brand, 'NteEase');
    assert.equal(get('baai/bce-rerank').brandEn, 'BAAI');
    assert.equal(get('moonshot/kimi-k2-turbo-256k').brand, 'Moonshot');
    assert.equal(get('baidu/ernie-4.0-8k').brand, 'Baidu');
    // "0,1375" and "0.1375" are one decimal; "0,012500" keeps its digits.
    assert.deepEqual(get('openai/gpt-5.1-400k').prices, { platform: { input: '0.1375', output: '1.1000' }, own: { input: '0.012500', output: '0.1000' } });
    assert.deepEqual(get('xai/grok-4.0-256k').prices, { platform: { input: '0.33', output: '1.65' }, own: { input: '0.03', output: '0.15' } });
    // The GLM-4.5 block as published (columns look swapped), flagged by the linter, not corrected.
    assert.deepEqual(get('zhipu/glm-4.5-128k').prices, { platform: { input: '0.0314', output: '0.0029' }, own: { input: '0.1257', output: '0.0114' } });
    const flagged = lintCatalog(parseCatalog(previous)).filter((w) => w.subject.startsWith('zhipu/glm-4.5') && w.rule !== 'above-cap');
    assert.deepEqual([...new Set(flagged.map((w) => w.subject))].sort(), ['zhipu/glm-4.5-128k', 'zhipu/glm-4.5-air-128k', 'zhipu/glm-4.5-x-128k']);
    assert.deepEqual([...new Set(flagged.map((w) => w.rule))].sort(), ['output-below-tenth-of-input', 'own-above-platform']);
    // Misspelling fixed, published name kept as an alias; audio LLMs billed as audio chat.
    // Both the OpenAI and the Azure row carry it: one name names one service, so each alias names its brand.
    assert.deepEqual([get('openai/gpt-4o-mini-audio-128k').model, get('openai/gpt-4o-mini-audio-128k').aliases], ['GPT-4o-mini-Audio-128k', ['OpenAI GPT-4o-mini-Auido-128k']]);
    assert.deepEqual(get('azure/gpt-4o-mini-audio-128k').aliases, ['Azure GPT-4o-mini-Auido-128k']);
    for (const id of ['openai/gpt-4o-audio-128k', 'azure/gpt-4o-mini-audio-128k', 'alibaba/qwen2.0-audio']) assert.equal(get(id).billingType, 'llm-audio-chat', id);
    assert.equal(get('gptbots/vector-storage').model, 'Vektor-Speicher');
    assert.deepEqual(get('gptbots/vector-storage').prices, { platform: { storage: '0.001' }, own: { storage: '0.001' } });
    assert.equal(previous.services.length, 95);
  });

  it('says so in the notes', () => {
    const notes = previous.notes.join('\n');
    assert.match(notes, /GLM-4\.5 block/);
    assert.match(notes, /linter flags/);
    assert.match(notes, /Mixtral → mistral, ZhiPu → zhipu, NteEase → netease/);
  });

  it('writes to --out and leaves nothing on a failed import', async () => {
    const out = tempFile('', '.json');
    const ok = await runCli('import', at('test/fixtures/import/gptbots-en-current.txt'), '--like', at('catalog/gptbots.json'), '--out', out);
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(ok.stdout, '');
    assert.equal(parseCatalog(readFileSync(out, 'utf8')).services.length, 118);
    const bad = await runCli('import', tempFile('LLM Service Pricing\nOpenAI GPT-x 0.1 0.2 0.3\n', '.txt'), '--id', 'x', '--currency', 'USD', '--credit-value', '0.01');
    assert.equal(bad.code, 1);
    assert.equal(bad.stdout, '');
    assert.match(bad.stderr, /line 2: expected 4 prices \(platform input, platform output, own input, own output\), found 3: 0\.1 0\.2 0\.3/);
    assert.match(bad.stderr, /import failed, 1 problem; nothing written/);
  });
});

describe('creditkit import: options', () => {
  const table = ['LLM Service Pricing', 'Brand\tModel\tInput\tOutput', 'Acme\tRocket-1-32k\t0,5\t1,5', 'OpenAI\tGPT-Mini-Auido\t1.1\t2.2', ''].join('\n');

  it('builds a catalog from options alone: id, name, version, currency, credit value, key modes, brands, billing types', async () => {
    const r = await runCli('import', tempFile(table, '.tsv'), '--id', 'acme-ai', '--name', 'Acme AI', '--version', '2026-01-01', '--currency', 'EUR',
      '--credit-value', '0.01', '--key-modes', 'platform=Acme key', '--brand', 'Acme=acme:Acme Corp', '--billing-type', 'llm=llm-text-chat');
    assert.equal(r.code, 0, r.stderr);
    const catalog = parseCatalog(r.stdout);
    assert.deepEqual([catalog.id, catalog.name, catalog.version, catalog.creditUnit], ['acme-ai', 'Acme AI', '2026-01-01', { currency: 'EUR', value: '0.01' }]);
    assert.deepEqual(catalog.keyModes, [{ id: 'platform', name: 'Acme key' }]);
    assert.deepEqual(catalog.billingTypes.map((b) => b.id), ['llm-text-chat', 'llm-audio-chat']);
    assert.deepEqual(catalog.services.map((s) => [s.id, s.brand, s.brandEn, s.billingType, s.prices, s.contextWindow]), [
      ['acme/rocket-1-32k', 'Acme', 'Acme Corp', 'llm-text-chat', { platform: { input: '0.5', output: '1.5' } }, 32000],
      ['openai/gpt-mini-audio', 'OpenAI', undefined, 'llm-audio-chat', { platform: { input: '1.1', output: '2.2' } }, undefined],
    ]);
  });

  it('--columns, --cap, --section, --decimal and --fix', async () => {
    const text = 'Acme Rocket-2 0,4 0,02 4,0 0,2\n';
    const r = await runCli('import', tempFile(text, '.txt'), '--id', 'acme', '--currency', 'USD', '--credit-value', '0.01', '--brand', 'Acme=acme',
      '--section', 'llm', '--decimal', 'comma', '--columns', 'llm=platform.input,own.input,platform.output,own.output',
      '--cap', 'own:input=0.01,output=0.1', '--fix', 'Rocket=Rakete');
    assert.equal(r.code, 0, r.stderr);
    const catalog = parseCatalog(r.stdout);
    assert.deepEqual(catalog.services[0]!.prices, { platform: { input: '0.4', output: '4.0' }, own: { input: '0.02', output: '0.2' } });
    assert.deepEqual([catalog.services[0]!.id, catalog.services[0]!.aliases], ['acme/rakete-2', ['Rocket-2']]);
    assert.deepEqual(catalog.caps, [{ keyMode: 'own', billingTypes: ['llm-text-chat'], unit: 'tokens-1k', prices: { input: '0.01', output: '0.1' } }]);
  });

  it('rejects bad options with exit 2 and a reason', async () => {
    const file = tempFile(table, '.tsv');
    for (const [args, reason] of [
      [['--section', 'video'], /--section: unknown section "video"/],
      [['--columns', 'llm=platform.inputs'], /--columns: unknown price key "inputs"/],
      [['--brand', 'Acme'], /--brand: expected "Name=slug"/],
      [['--decimal', 'dot'], /--decimal: expected auto, point or comma/],
      [['--format', 'xlsx'], /--format: expected auto, tsv, csv, text, litellm or genai-prices/],
      [['--audio-model', '('], /--audio-model: /],
    ] as const) {
      const r = await runCli('import', file, '--id', 'x', '--credit-value', '0.01', '--currency', 'USD', ...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, reason);
    }
  });
});

describe('creditkit import: price files', () => {
  it('reads genai-prices data by its shape (a list of providers) or with --from, tiers and dates kept', async () => {
    for (const extra of [[], ['--from', 'genai-prices']]) {
      const r = await runCli('import', at('test/fixtures/import/genai-prices-excerpt.json'), '--credit-value', '0.01', '--version', '1', ...extra);
      assert.equal(r.code, 0, r.stderr);
      const catalog = parseCatalog(r.stdout);
      assert.equal(catalog.id, 'genai-prices');
      const sonnet = catalog.services.find((s) => s.id === 'anthropic/claude-sonnet-4-6')!;
      // $3 per 1M until 2026-03-13 with a 200K tier at $6: per 1K at 0.01 USD a credit, 0.3 and 0.6.
      assert.deepEqual([sonnet.earlier?.[0]?.until, sonnet.earlier?.[0]?.prices.platform?.input, sonnet.earlier?.[0]?.tiers?.[0]?.prices.platform?.input], ['2026-03-13', '0.3', '0.6']);
      assert.match(r.stderr, /imported 5 services/);
    }
  });

  it('prints each LiteLLM field it cannot map once, with its count', async () => {
    const r = await runCli('import', at('test/fixtures/import/litellm-dimensions.json'), '--credit-value', '0.01', '--version', '1');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^warning: input_cost_per_pixel: not mapped, in 3 models \(a per-pixel approximation/m);
    assert.equal(r.stderr.match(/input_cost_per_pixel/g)!.length, 1);
    assert.ok(parseCatalog(r.stdout).services.find((s) => s.id === 'openai/gpt-4.1')!.serviceTiers?.batch);
  });

  it('--help states what each price file maps (from the importers\' own tables)', async () => {
    const { stdout } = await runCli('import', '--help');
    for (const line of [/cache_creation_input_token_cost_above_1hr +cacheWrite1h/, /<field>_above_<N>k_tokens/, /_batches \| _flex \| _priority +serviceTiers batch, flex, priority/, /input_audio_mtok +inputAudio/, /Reported, not mapped: requests_kcount/]) assert.match(stdout, line);
  });

  it('refuses an unknown --from', async () => {
    const r = await runCli('import', at('test/fixtures/import/genai-prices-excerpt.json'), '--from', 'openrouter', '--credit-value', '0.01');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--from: expected auto, tsv, csv, text, litellm or genai-prices, got "openrouter"/);
  });
});

// catalog/gptbots.json against the published table (test/fixtures/gptbots-published-table.tsv,
// the figures of the current GPTBots list as data): every row, every price, exactly as published.
import { expect } from '@open-wc/testing';
import { lintCatalog, type Catalog, type Service } from '../../src/core/index.js';
import { loadCatalog, loadText } from './load.js';

interface Row {
  section: string;
  brand: string;
  model: string;
  prices: [string, string, string, string];
}

const SECTION = {
  llm: { unit: 'tokens-1k', key: 'input' },
  embedding: { unit: 'tokens-1k', key: 'input', billingType: 'knowledge-indexing' },
  rerank: { unit: 'tokens-1k', key: 'input', billingType: 'knowledge-reranking' },
  asr: { unit: 'seconds-60', key: 'audio', billingType: 'asr' },
  tts: { unit: 'characters-1k', key: 'characters', billingType: 'tts' },
  moderation: { unit: 'requests', key: 'request', billingType: 'content-moderation' },
  storage: { unit: 'token-days-1k', key: 'storage', billingType: 'knowledge-storage' },
} as const;

const AUDIO_LLMS = ['OpenAI GPT-Audio', 'OpenAI GPT-Mini-Auido', 'Azure GPT-Audio', 'Azure GPT-Audio-mini', 'Ali Qwen2.0-audio', 'Ali Qwen-Omni-Turbo'];

let catalog: Catalog;
let rows: Row[];
before(async () => {
  catalog = await loadCatalog('gptbots');
  rows = (await loadText('/test/fixtures/gptbots-published-table.tsv'))
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [section, brand, model, ...prices] = line.split('\t');
      return { section: section!, brand: brand!, model: model!, prices: prices as Row['prices'] };
    });
});

/** The published "-" is null; everything else is the published string. */
const published = (text: string) => (text === '-' ? null : text);

function serviceFor(row: Row): Service[] {
  return catalog.services.filter((s) => s.brand === row.brand && (s.model === row.model || s.aliases?.includes(row.model)));
}

describe('catalog/gptbots.json', () => {
  it('has the 118 rows of the list: 98 LLM, 5 embedding, 3 rerank, 5 ASR, 5 TTS, 1 moderation, 1 vector storage', () => {
    const count = (s: string) => rows.filter((r) => r.section === s).length;
    expect([rows.length, count('llm'), count('embedding'), count('rerank'), count('asr'), count('tts'), count('moderation'), count('storage')])
      .to.deep.equal([118, 98, 5, 3, 5, 5, 1, 1]);
    expect(catalog.services).to.have.length(118);
  });

  it('has every published row exactly once, with its four prices exactly as published', () => {
    const problems: string[] = [];
    for (const row of rows) {
      const matches = serviceFor(row);
      if (matches.length !== 1) {
        problems.push(`${row.brand} ${row.model}: ${matches.length} entries`);
        continue;
      }
      const s = matches[0]!;
      const { key } = SECTION[row.section as keyof typeof SECTION];
      const [pIn, pOut, oIn, oOut] = row.prices;
      const actual =
        row.section === 'llm'
          ? [s.prices.platform?.input, s.prices.platform?.output, s.prices.own?.input, s.prices.own?.output]
          : [s.prices.platform?.[key], s.prices.own?.[key]];
      const expected = row.section === 'llm' ? [pIn, pOut, oIn, oOut].map(published) : [pIn, oIn].map(published);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        problems.push(`${s.id}: ${JSON.stringify(actual)} ≠ published ${JSON.stringify(expected)}`);
      }
    }
    expect(problems).to.deep.equal([]);
  });

  it('maps every service back to one published row', () => {
    const matched = new Set(rows.flatMap((r) => serviceFor(r).map((s) => s.id)));
    expect(catalog.services.filter((s) => !matched.has(s.id)).map((s) => s.id)).to.deep.equal([]);
  });

  it('gives each row the unit and billing type of its section; audio LLMs are LLM audio chat', () => {
    const problems: string[] = [];
    for (const row of rows) {
      const s = serviceFor(row)[0]!;
      const section = SECTION[row.section as keyof typeof SECTION];
      const billingType =
        'billingType' in section ? section.billingType : AUDIO_LLMS.includes(`${row.brand} ${row.model}`) ? 'llm-audio-chat' : 'llm-text-chat';
      if (s.unit !== section.unit || s.billingType !== billingType) problems.push(`${s.id}: ${s.unit}/${s.billingType}`);
    }
    expect(problems).to.deep.equal([]);
    expect(catalog.services.filter((s) => s.billingType === 'llm-audio-chat')).to.have.length(6);
  });

  it('keeps "-" (not offered) and 0 (free) apart: Gemma is not offered with the platform key and free with the own key', () => {
    const gemma = catalog.services.find((s) => s.id === 'google/gemma-3-27b')!;
    expect(gemma.prices.platform).to.deep.equal({ input: null, output: null });
    expect(gemma.prices.own).to.deep.equal({ input: '0', output: '0' });
  });

  it('uses the ids, brands and alias fixes of the issue', () => {
    const ids = new Set(catalog.services.map((s) => s.id));
    for (const id of ['openai/gpt-4.1-1m', 'azure/gpt-4o-128k', 'anthropic/claude-4.5-opus-200k', 'openai/whisper-large-v3', 'openai/tts',
      'openai/text-embedding-3-small', 'jina/jina-reranker-m0', 'gptbots/vector-storage', 'openai/omni-moderation',
      'openai/gpt-mini-audio', 'zhipu/glm-5.0-thinking-200k', 'baidu/ernie-4.0-8k', 'sensetime/sensechat-5-cantonese',
      'moonshot/kimi-k2-turbo-256k', 'bytedance/seed-1.6-256k', 'netease/bce-rerank', 'baai/bge-rerank', 'alibaba/qwen-max-256k']) {
      expect(ids.has(id), id).to.equal(true);
    }
    const audio = catalog.services.find((s) => s.id === 'openai/gpt-mini-audio')!;
    expect([audio.model, audio.aliases]).to.deep.equal(['GPT-Mini-Audio', ['GPT-Mini-Auido']]);
    const ernie = catalog.services.find((s) => s.id === 'baidu/ernie-4.0-8k')!;
    expect([ernie.brand, ernie.brandEn]).to.deep.equal(['百度', 'Baidu']);
  });

  it('is 1 credit = 0.01 USD and declares the own-key cap of 0.01 / 0.1 credits per 1K tokens', () => {
    expect(catalog.creditUnit).to.deep.equal({ currency: 'USD', value: '0.01' });
    expect(catalog.caps?.[0]).to.deep.include({ keyMode: 'own', unit: 'tokens-1k', billingTypes: ['llm-text-chat', 'llm-audio-chat'] });
    expect(catalog.caps?.[0]?.prices).to.deep.equal({ input: '0.01', cachedInput: '0.01', output: '0.1' });
  });

  it('gets a lint warning for each LLM row listing more than the cap (37 of the 98, counted by hand from the table)', () => {
    const overCap = rows
      .filter((r) => r.section === 'llm' && (Number(r.prices[2]) > 0.01 || Number(r.prices[3]) > 0.1))
      .map((r) => serviceFor(r)[0]!.id)
      .sort();
    const warned = [...new Set(lintCatalog(catalog).filter((w) => w.rule === 'above-cap').map((w) => w.subject))].sort();
    expect(warned).to.deep.equal(overCap);
    expect(warned).to.have.length(37);
  });

  it('tags the OpenAI-encoded models with their tokenizer', () => {
    const tok = (id: string) => catalog.services.find((s) => s.id === id)?.tokenizer;
    expect([tok('openai/gpt-4.1-1m'), tok('azure/gpt-4o-128k'), tok('openai/gpt-5.2-400k'), tok('openai/gpt-o4-mini-200k'),
      tok('openai/gpt-audio'), tok('azure/computer-use-agent')]).to.deep.equal(Array(6).fill('o200k_base'));
    expect([tok('openai/text-embedding-3-small'), tok('openai/text-embedding-ada-002')]).to.deep.equal(['cl100k_base', 'cl100k_base']);
    expect(tok('anthropic/claude-4.5-opus-200k')).to.equal(undefined);
  });
});

describe('catalog/meingpt.json', () => {
  let meingpt: Catalog;
  before(async () => {
    meingpt = await loadCatalog('meingpt');
  });
  it('is 1 credit = 0.01 EUR with exact (no) rounding', () => {
    expect(meingpt.creditUnit).to.deep.equal({ currency: 'EUR', value: '0.01' });
    expect(meingpt.rounding).to.deep.equal({ mode: 'none' });
  });
  it('has the packages of the credits page, 1,000 for €10 … 100,000 for €850, custom from 500,000', () => {
    expect(meingpt.packages?.map((p) => [p.credits, p.price?.amount ?? null])).to.deep.equal([
      ['1000', '10'], ['5000', '50'], ['10000', '95'], ['50000', '450'], ['100000', '850'], ['500000', null],
    ]);
  });
  it('flags exactly the package whose stated discount does not match its price (5,000 for €50 "5% off")', () => {
    const warnings = lintCatalog(meingpt).filter((w) => w.rule === 'package-discount-mismatch');
    expect(warnings.map((w) => w.subject)).to.deep.equal(['standard']);
  });
  it('lists the premium / standard / economy tiers by name', () => {
    expect(meingpt.modelTiers?.map((t) => [t.id, t.models.length])).to.deep.equal([['premium', 3], ['standard', 3], ['economy', 3]]);
  });
});

// importTable on pasted price tables: what it reads, and every odd row reported with its line.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ImportError, importTable, parseCatalog, type TableImportOptions } from '../../../../src/core/index.js';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/import/${name}`, import.meta.url), 'utf8');
const gptbots = JSON.parse(readFileSync(new URL('../../../../catalog/gptbots.json', import.meta.url), 'utf8'));
const meta: TableImportOptions = { id: 'test', name: 'Test', version: '1', currency: 'USD', creditValue: '0.01' };

const services = (text: string, options: Partial<TableImportOptions> = {}) => importTable(text, { ...meta, ...options }).catalog.services;

/** The error lines of a failed import: "line N: message". */
function problems(text: string, options: Partial<TableImportOptions> = {}): string[] {
  try {
    importTable(text, { ...meta, ...options });
  } catch (error) {
    if (error instanceof ImportError) return error.issues.filter((i) => i.severity === 'error').map((i) => `line ${i.line}: ${i.message}`);
    throw error;
  }
  assert.fail('expected an ImportError');
}

const LLM = 'LLM Service Pricing\n\nNote: The following prices are measured in "credits / 1K Tokens".\n\nBrand\nModel\nInput (GPTBots Key) Output (GPTBots Key) Input (Own Key) Output (Own Key)\n';

describe('importTable: reading', () => {
  it('reads decimal commas and points cell by cell, "-" as not offered and 0 as free', () => {
    const [a, b, c] = services(`${LLM}OpenAI GPT-A 0,1375 1.1000 0,012500 0.1\nGoogle Gemma-3-4b - - 0 0\nxAI Grok-1 0.022 0,055 - 0\n`);
    assert.deepEqual(a!.prices, { platform: { input: '0.1375', output: '1.1000' }, own: { input: '0.012500', output: '0.1' } });
    assert.deepEqual(b!.prices, { platform: { input: null, output: null }, own: { input: '0', output: '0' } });
    assert.deepEqual(c!.prices, { platform: { input: '0.022', output: '0.055' }, own: { input: null, output: '0' } });
  });

  it('reads the same table as TSV (a copy of the HTML table) and as CSV (quoted decimal commas, ";" or ",")', () => {
    const text = services(`${LLM}Azure GPT-4o-128k 0.225 1.1 0.0225 0.11\nNetEase BCE BCE-X 0,2 0,4 0,02 0,04\n`);
    const tsv = services('LLM Service Pricing\nBrand\tModel\tInput\tOutput\tInput (own)\tOutput (own)\nAzure\tGPT-4o-128k\t0.225\t1.1\t0.0225\t0.11\nNetEase BCE\tBCE-X\t0,2\t0,4\t0,02\t0,04\n');
    const semicolon = services('LLM-Service-Preise\nAnbieter;Modell;Eingabe\nAzure;GPT-4o-128k;0.225;1.1;0.0225;0.11\nNetEase BCE;BCE-X;0,2;0,4;0,02;0,04\n', { format: 'csv' });
    const comma = services('LLM Service Pricing\nBrand,Model,Input\nAzure,GPT-4o-128k,0.225,1.1,0.0225,0.11\n"NetEase BCE","BCE-X","0,2","0,4","0,02","0,04"\n', { format: 'csv' });
    assert.deepEqual(tsv, text);
    assert.deepEqual(semicolon, text);
    assert.deepEqual(comma, text);
    assert.deepEqual(text.map((s) => [s.id, s.brandEn, s.contextWindow, s.tokenizer]), [['azure/gpt-4o-128k', undefined, 128000, 'o200k_base'], ['netease/bce-x', 'NetEase', undefined, undefined]]);
  });

  it('knows the brand spellings of both lists', () => {
    const rows = ['OpenAI', 'Azure', '百度', 'Baidu', 'Meta', 'Ali', 'Mistral', 'Mixtral', '智谱', 'ZhiPu', 'Anthropic', 'Tencent', 'Google', '日日新', 'DeepSeek', '月之暗面', 'Moonshot', 'xAI', 'Seed', 'Jina', 'NetEase BCE', 'NteEase', 'Baai BGE', 'Baai', 'Minimax']
      .map((brand, i) => `${brand} M-${i} 1 1 1 1`).join('\n');
    assert.deepEqual(services(`${LLM}${rows}\n`).map((s) => s.id.split('/')[0]), [
      'openai', 'azure', 'baidu', 'baidu', 'meta', 'alibaba', 'mistral', 'mistral', 'zhipu', 'zhipu', 'anthropic', 'tencent', 'google', 'sensetime', 'deepseek',
      'moonshot', 'moonshot', 'xai', 'bytedance', 'jina', 'netease', 'netease', 'baai', 'baai', 'minimax',
    ]);
  });

  it('fixes Auido and Thingking in id and name and keeps the published spelling as an alias', () => {
    const [audio, glm] = services(`${LLM}OpenAI GPT-Mini-Auido 1.1 2.2 0.01 0.1\n智谱 GLM-4.7-Thingking-200K 0.0629 0.2514 0.0057 0.0229\n`);
    assert.deepEqual([audio!.id, audio!.model, audio!.aliases, audio!.billingType], ['openai/gpt-mini-audio', 'GPT-Mini-Audio', ['GPT-Mini-Auido'], 'llm-audio-chat']);
    assert.deepEqual([glm!.id, glm!.model, glm!.aliases, glm!.brandEn, glm!.contextWindow], ['zhipu/glm-4.7-thinking-200k', 'GLM-4.7-Thinking-200K', ['GLM-4.7-Thingking-200K'], 'Zhipu AI', 200000]);
  });

  it('bills GPT-Audio, GPT-4o-Audio…, Qwen2.0-audio and Qwen-Omni-Turbo as LLM audio chat, the rest as text chat', () => {
    const rows = ['OpenAI GPT-Audio', 'OpenAI GPT-4o-Audio-128k', 'Azure GPT-Audio-mini', 'Ali Qwen2.0-audio', 'Ali Qwen-Omni-Turbo', 'Ali Qwen-Max-256k', 'OpenAI GPT-4o-mini-transcribe'];
    const billing = services(`${LLM}${rows.map((r) => `${r} 1 1 1 1`).join('\n')}\n`).map((s) => s.billingType);
    assert.deepEqual(billing, ['llm-audio-chat', 'llm-audio-chat', 'llm-audio-chat', 'llm-audio-chat', 'llm-audio-chat', 'llm-text-chat', 'llm-text-chat']);
  });

  it('gives each section its billing type, unit and price key, the unit as the note states it', () => {
    const text = [
      'Embedding-Service-Preise', 'Hinweis: Die folgenden Preise werden in „Credits / 1.000 Tokens“ angegeben.', 'OpenAI text-embedding-3-small 0,0024 0,0002', '',
      'Rerank Service Pricing', 'Jina Jina-Reranker-m0 0.0022 0.0001', '',
      'ASR Service Pricing', 'Note: The following prices are measured in "credits / 60 secs".', 'OpenAI Whisper Large-V3 0.88 0.08', '',
      'TTS Service Pricing', 'Minimax Voice 0.44 0.044', '',
      'Content Moderation Service Pricing', 'OpenAI Omni-moderation 0.0001 0.0001', '',
      'Vector Storage', 'Service', 'Charge', 'Vector Storage 0.001', '',
      'LLM Service Pricing', 'Note: The following prices are measured in "credits / 1M Tokens".', 'OpenAI GPT-4.1-1M 220 880 20 80',
    ].join('\n');
    assert.deepEqual(services(text, { platformBrand: { brand: 'GPTBots', slug: 'gptbots' } }).map((s) => [s.id, s.billingType, s.unit, Object.keys(s.prices.own!)[0], s.notes]), [
      ['openai/text-embedding-3-small', 'knowledge-indexing', 'tokens-1k', 'input', undefined],
      ['jina/jina-reranker-m0', 'knowledge-reranking', 'tokens-1k', 'input', undefined],
      ['openai/whisper-large-v3', 'asr', 'seconds-60', 'audio', undefined],
      ['minimax/voice', 'tts', 'characters-1k', 'characters', undefined],
      ['openai/omni-moderation', 'content-moderation', 'requests', 'request', undefined],
      ['gptbots/vector-storage', 'knowledge-storage', 'token-days-1k', 'storage', ['One price is published; it applies with either key.']],
      ['openai/gpt-4.1-1m', 'llm-text-chat', 'tokens-1m', 'input', undefined],
    ]);
  });

  it('skips the page around the tables: billing type lists, notes, and everything from the FAQ on', () => {
    const page = 'Service, Credit & Pricing\nGPTBots currently offers two different model service modes.\nBilling Type Definition Example\nLLM Text Chat Calling LLM with text and image input/output When LLM components … are invoked\n\n'
      + fixture('gptbots-en-current.txt')
      + '\n\nFAQ\n\nHow to Convert Between GPTBots Credits and Tokens?\n$10 = 1000 credits = 4,545,454 Tokens (1000 credits / 0.22 credits * 1000 tokens)\nChinese 3,000,000~4,500,000 -\nOpenAI 1 2 3 4\n';
    const r = importTable(page, { base: gptbots, version: '1' });
    assert.deepEqual(r.catalog.services, gptbots.services);
    assert.ok(r.issues.some((i) => i.severity === 'info' && /the price tables end at "FAQ"/.test(i.message)));
  });

  it('takes the column layout and key modes from the options', () => {
    const [s] = services('Acme X-1 1 2 3 4\n', {
      section: 'llm', brands: { Acme: { slug: 'acme' } }, keyModes: [{ id: 'retail', name: 'Retail' }, { id: 'byok', name: 'Bring your key' }],
      columns: { llm: [{ keyMode: 'retail', key: 'output' }, { keyMode: 'retail', key: 'input' }, { keyMode: 'byok', key: 'output' }, { keyMode: 'byok', key: 'input' }] },
    });
    assert.deepEqual(s!.prices, { retail: { output: '1', input: '2' }, byok: { output: '3', input: '4' } });
  });

  it('drops a row repeated with the same prices, with a warning naming both lines', () => {
    const r = importTable(`${LLM}Google Gemini-2.5-Pro 0,275 1,65 0,025 0,15\nGoogle Gemini-2.5-Flash 0,011 0,066 0,0015 0,006\nGoogle Gemini-2.5-Pro 0,275 1,65 0,025 0,15\n`, meta);
    assert.equal(r.catalog.services.length, 2);
    assert.deepEqual(r.issues.map((i) => [i.severity, i.line, i.message]), [['warning', 10, 'google/gemini-2.5-pro repeats line 8 with the same prices; the repetition is left out']]);
    assert.doesNotThrow(() => parseCatalog(r.catalog));
  });
});

describe('importTable: odd rows are reported with their line, never guessed', () => {
  const cases: [string, string, RegExp][] = [
    ['three prices where four are due', `${LLM}OpenAI GPT-A 0.1 0.2 0.3\n`, /^line 8: expected 4 prices \(platform input, platform output, own input, own output\), found 3: 0\.1 0\.2 0\.3$/],
    ['a model name that ends in a number (text paste)', `${LLM}Meta Llama 3 70 0.1 0.2 0.3 0.4\n`, /^line 8: expected 4 prices .*found 6: 3 70 0\.1/],
    ['a price written as text', `${LLM}OpenAI GPT-A n/a 0.2 0.3 0.4\n`, /^line 8: expected 4 prices .*found 3/],
    ['a row with no price at all', `${LLM}OpenAI GPT-A n/a\n`, /^line 8: no price found \(expected decimal numbers or "-"\): OpenAI GPT-A n\/a$/],
    ['thousands separators and a decimal comma', `${LLM}OpenAI GPT-A 1.000,5 0.2 0.3 0.4\n`, /^line 8: expected 4 prices/],
    ['a negative price', `${LLM}OpenAI GPT-A -0.1 0.2 0.3 0.4\n`, /^line 8: expected 4 prices/],
    ['an unknown brand', `${LLM}Acme Rocket 0.1 0.2 0.3 0.4\n`, /^line 8: unknown brand in "Acme Rocket" \(add it with --brand "Name=slug"\)$/],
    ['an unknown brand in a TSV cell', 'LLM Service Pricing\nAcme\tRocket\t0.1\t0.2\t0.3\t0.4\n', /^line 2: unknown brand "Acme" \(add it with --brand "Acme=slug"\)$/],
    ['a TSV row with three label cells', 'LLM Service Pricing\nOpenAI\tGPT\tA\t0.1\t0.2\t0.3\t0.4\n', /^line 2: expected a brand and a model before the prices, found 3 cells/],
    ['an empty cell inside an LLM row', 'LLM Service Pricing\nOpenAI\tGPT-A\t0.1\t\t0.3\t0.4\n', /^line 2: column 2 \(platform output\) is empty \(write a decimal number, or "-" for not offered\)$/],
    ['a price row before any heading', 'OpenAI GPT-A 0.1 0.2 0.3 0.4\n', /^line 1: a price row before any section heading/],
    ['a price row after a note ended the table', `${LLM}OpenAI GPT-A 0.1 0.2 0.3 0.4\nWhen using your Own Key, the maximum is capped.\nOpenAI GPT-B 0.1 0.2 0.3 0.4\n`, /^line 10: a price row after the llm table ended at line 9; put a section heading before it/],
    ['an unterminated CSV quote', 'LLM Service Pricing\nOpenAI,GPT-A,"0,1,0.2,0.3,0.4\n', /^line 2: unterminated quote$/],
    ['a point where --decimal comma was promised', `${LLM}OpenAI GPT-A 0.1 0,2 0,3 0,4\n`, /^line 8: expected 4 prices .*found 3/],
    ['one id twice with other prices', `${LLM}OpenAI GPT-A 0.1 0.2 0.3 0.4\nOpenAI GPT-A 0.1 0.2 0.3 0.5\n`, /^line 9: openai\/gpt-a is also line 8, with other prices; keep one of them$/],
    ['a model name with nothing to make an id of', `${LLM}OpenAI ??? 0.1 0.2 0.3 0.4\n`, /^line 8: the model name "\?\?\?" has nothing an id can be made of$/],
    ['a brand without a model', `${LLM}OpenAI 0.1 0.2 0.3 0.4\n`, /^line 8: no model name after the brand "OpenAI"$/],
    ['a unit note that does not fit the table', 'ASR Service Pricing\nNote: The following prices are measured in "credits / 1K Tokens".\nOpenAI Whisper 0.66 0.06\n', /^line 2: the note states prices per tokens-1k, which does not fit the asr table \(seconds-60\)$/],
    ['a storage row with three prices', 'Vector Storage\nVector Storage 0.001 0.001 0.001\n', /^line 2: expected 2 prices \(platform storage, own storage\), found 3/],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const found = problems(text, name.includes('--decimal comma') ? { decimalMark: 'comma' } : name.includes('CSV') ? { format: 'csv' } : {});
      assert.ok(found.some((p) => expected.test(p)), found.join('\n'));
    });
  }

  it('lists every problem of a paste at once, not only the first', () => {
    assert.deepEqual(problems(`${LLM}OpenAI GPT-A 0.1 0.2 0.3\nAcme Rocket 0.1 0.2 0.3 0.4\nOpenAI GPT-C 0.1 0.2 0.3 0.4\n`).map((p) => p.slice(0, 7)), ['line 8:', 'line 9:']);
  });

  it('says so when nothing at all was found, and when the catalog metadata is missing', () => {
    assert.deepEqual(problems('just some text\n'), ['line undefined: no price rows found (is there a section heading such as "LLM Service Pricing"?)']);
    const missing = problems(`${LLM}OpenAI GPT-A 0.1 0.2 0.3 0.4\n`, { currency: undefined, creditValue: '0' });
    assert.ok(missing.some((p) => /a currency is needed/.test(p)));
    assert.ok(missing.some((p) => /the credit value must be a positive decimal, got "0"/.test(p)));
  });
});

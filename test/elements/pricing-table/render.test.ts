// Both catalogs render every service once, in its billing type's group, with the four prices of
// the published list (test/fixtures/gptbots-published-table.tsv) and meinGPT's source figures.
import { expect } from '@open-wc/testing';
import { compareDecimals, type Catalog, type Service } from '../../../src/core/index.js';
import { formatCreditAmount } from '../../../src/i18n/index.js';
import { loadCatalog, loadText } from '../../core/load.js';
import { $, $$, mainText, mount, rowIds, text } from './setup.js';

interface Row {
  section: string;
  brand: string;
  model: string;
  prices: string[];
}

const SECTION_TYPE: Record<string, string> = {
  embedding: 'knowledge-indexing',
  rerank: 'knowledge-reranking',
  asr: 'asr',
  tts: 'tts',
  moderation: 'content-moderation',
  storage: 'knowledge-storage',
};
const SECTION_KEY: Record<string, string> = { embedding: 'input', rerank: 'input', asr: 'audio', tts: 'characters', moderation: 'request', storage: 'storage' };
const AUDIO_LLMS = ['OpenAI GPT-Audio', 'OpenAI GPT-Mini-Auido', 'Azure GPT-Audio', 'Azure GPT-Audio-mini', 'Ali Qwen2.0-audio', 'Ali Qwen-Omni-Turbo'];
/** GPTBots' own-key ceiling for LLMs (source 001): 0.01 input, 0.1 output credits / 1K tokens. */
const OWN_CAP = { input: '0.01', output: '0.1' };

let gptbots: Catalog;
let meingpt: Catalog;
let rows: Row[];
before(async () => {
  gptbots = await loadCatalog('gptbots');
  meingpt = await loadCatalog('meingpt');
  rows = (await loadText('/test/fixtures/gptbots-published-table.tsv'))
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [section, brand, model, ...prices] = line.split('\t');
      return { section: section!, brand: brand!, model: model!, prices };
    });
});

function serviceOf(row: Row): Service {
  const found = gptbots.services.filter((s) => s.brand === row.brand && (s.model === row.model || s.aliases?.includes(row.model)));
  expect(found, `${row.brand} ${row.model}`).to.have.length(1);
  return found[0]!;
}

/** What a cell must show for a published figure: "not offered", or the charged (capped) price and the published one. */
function expectedCell(published: string, cap: string | undefined): { credits?: string; listed?: string; text?: string } {
  if (published === '-' || published === '') return { text: 'not offered' };
  if (compareDecimals(published, '0') === 0) return { text: 'free' };
  if (cap && compareDecimals(published, cap) > 0) return { credits: formatCreditAmount(cap, 'en', { style: 'price' }), listed: formatCreditAmount(published, 'en', { style: 'price' }) };
  return { credits: formatCreditAmount(published, 'en', { style: 'price' }) };
}

function actualCell(td: Element | null): { credits?: string; listed?: string; text?: string } {
  expect(td, 'cell').to.exist;
  if (td!.matches('.not-offered, .free')) return { text: mainText(td) };
  const listed = td!.querySelector('.listed s');
  return { credits: mainText(td), ...(listed && { listed: text(listed) }) };
}

describe('<credit-pricing-table>: GPTBots', () => {
  it('shows all 118 services exactly once, each in its group, with the four published prices', async () => {
    const el = await mount(gptbots, { 'currency-display': 'credits' });
    const ids = rowIds(el);
    expect(ids).to.have.length(118);
    expect(new Set(ids).size).to.equal(118);
    const problems: string[] = [];
    for (const row of rows) {
      const service = serviceOf(row);
      const trs = $$(el, `tr[data-id="${service.id}"]`);
      if (trs.length !== 1) {
        problems.push(`${service.id}: ${trs.length} rows`);
        continue;
      }
      const tr = trs[0]!;
      const group = tr.closest('section')!.getAttribute('aria-labelledby');
      const type = row.section === 'llm' ? (AUDIO_LLMS.includes(`${row.brand} ${row.model}`) ? 'llm-audio-chat' : 'llm-text-chat') : SECTION_TYPE[row.section];
      if (group !== `group-${type}`) problems.push(`${service.id}: in ${group}, expected ${type}`);
      const [pIn, pOut, oIn, oOut] = row.prices as [string, string, string, string];
      const checks: [string, string, string | undefined][] =
        row.section === 'llm'
          ? [
              ['platform:input', pIn, undefined],
              ['platform:output', pOut, undefined],
              ['own:input', oIn, OWN_CAP.input],
              ['own:output', oOut, OWN_CAP.output],
            ]
          : [
              [`platform:${SECTION_KEY[row.section]}`, pIn, undefined],
              [`own:${SECTION_KEY[row.section]}`, oIn, undefined],
            ];
      for (const [cell, published, cap] of checks) {
        const actual = actualCell(tr.querySelector(`td[data-cell="${cell}"]`));
        const expected = expectedCell(published, cap);
        if (JSON.stringify(actual) !== JSON.stringify(expected)) problems.push(`${service.id} ${cell}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
      }
    }
    expect(problems).to.deep.equal([]);
  });

  it('puts each group unit in its caption and the key modes as column groups', async () => {
    const el = await mount(gptbots);
    const caption = (type: string) => text($(el, `#group-${type}`));
    expect(caption('llm-text-chat')).to.equal('LLM text chat credits / 1K tokens');
    expect(caption('asr')).to.equal('Speech recognition (ASR) credits / 60 s');
    expect(caption('tts')).to.equal('Text to speech (TTS) credits / 1,000 characters');
    expect(caption('content-moderation')).to.equal('Content moderation credits / request');
    expect(caption('knowledge-storage')).to.equal('Knowledge storage credits / 1K tokens / day');
    const colgroups = $$(el, 'section[aria-labelledby="group-llm-text-chat"] th[scope="colgroup"]').map(text);
    expect(colgroups).to.deep.equal(['Platform key', 'Own key']);
  });

  it('shows the charged own-key price with the published one beside it, and money beside credits', async () => {
    const el = await mount(gptbots);
    // GPT-5.0-Mini publishes 0.0125 own-key input; the cap charges 0.01.
    const mini = $(el, 'tr[data-id="openai/gpt-5.0-mini-400k"] td[data-cell="own:input"]');
    expect(text(mini)).to.equal('0.01$0.0001 published 0.0125');
    expect(mini!.getAttribute('data-label')).to.equal('Own key · Input');
    const gpt41 = $(el, 'tr[data-id="openai/gpt-4.1-1m"]')!;
    expect(text(gpt41.querySelector('td[data-cell="platform:input"]'))).to.equal('0.22$0.0022');
    // 001's FAQ: 1,000 credits ($10) buy 4,545,454 input tokens of GPT-4.1-1M.
    expect(text(gpt41.querySelector('td.buys .quantity'))).to.equal('4,545,454 input tokens');
    // a typical chat, 1,500 input and 500 output tokens: 1.5 × 0.22 + 0.5 × 0.88 = 0.77 credits; 1,000 / 0.77 = 1,298.7
    expect(text(gpt41.querySelector('td.buys .chats'))).to.equal('≈ 1,298 chats');
    expect(text($(el, 'th.buys'))).to.equal('1,000 credits buy');
    // the assumption is said under the group, with the key mode when both are shown
    expect(text($(el, '#note-llm-text-chat'))).to.equal('≈ chats: a typical chat of 1,500 input and 500 output tokens. Yours may be longer or shorter. (Platform key)');
    expect($(el, 'table[aria-describedby="note-llm-text-chat"]')).to.exist;
    const own = await mount(gptbots, { 'key-mode': 'own' });
    expect(text($(own, '#note-llm-text-chat'))).to.equal('≈ chats: a typical chat of 1,500 input and 500 output tokens. Yours may be longer or shorter.');
    // non-token groups say only what 1,000 credits buy
    expect(text($(own, 'section[aria-labelledby="group-tts"] td.buys'))).to.not.include('chats');
    expect($(own, '#note-tts')).to.equal(null);
  });

  it('counts chats from the typical chat the page declares', async () => {
    const el = await mount(gptbots, { 'chat-input-tokens': '3000', 'chat-output-tokens': '1000', 'key-mode': 'platform' });
    // 3 × 0.22 + 1 × 0.88 = 1.54 credits a chat; 1,000 / 1.54 = 649.35
    expect(text($(el, 'tr[data-id="openai/gpt-4.1-1m"] td.buys .chats'))).to.equal('≈ 649 chats');
    expect(text($(el, '#note-llm-text-chat'))).to.include('3,000 input and 1,000 output tokens');
    // nonsense falls back to the default (1,500 input): 1.5 × 0.22 + 1 × 0.88 = 1.21 credits; 1,000 / 1.21 = 826.4
    el.setAttribute('chat-input-tokens', '-5');
    await el.updateComplete;
    expect(text($(el, 'tr[data-id="openai/gpt-4.1-1m"] td.buys .chats'))).to.equal('≈ 826 chats');
  });

  it('writes brands as published with the English name beside them', async () => {
    const el = await mount(gptbots);
    const baidu = gptbots.services.find((s) => s.brand === '百度')!;
    expect(text($(el, `tr[data-id="${baidu.id}"] .brand`))).to.equal('百度 (Baidu)');
  });

  it('shows per 1M tokens with unit="1m"', async () => {
    const el = await mount(gptbots, { unit: '1m', 'currency-display': 'credits' });
    expect(text($(el, '#group-llm-text-chat'))).to.equal('LLM text chat credits / 1M tokens');
    expect(mainText($(el, 'tr[data-id="openai/gpt-4.1-1m"] td[data-cell="platform:input"]'))).to.equal('220');
    expect(text($(el, '#group-asr'))).to.equal('Speech recognition (ASR) credits / 60 s');
  });

  it('marks the cheapest cell of a group', async () => {
    const el = await mount(gptbots);
    const cheapest = $$(el, 'section[aria-labelledby="group-asr"] td:has(.badge.cheapest)').map(
      (td) => `${td.closest('tr')!.getAttribute('data-id')} ${td.getAttribute('data-cell')}`,
    );
    // ASR platform: GPT-4o-mini-transcribe 0.33 is the lowest; own key: its 0.03.
    const id = gptbots.services.find((s) => s.model === 'GPT-4o-mini-transcribe')!.id;
    expect(cheapest).to.deep.equal([`${id} platform:audio`, `${id} own:audio`]);
  });
});

describe('<credit-pricing-table>: meinGPT', () => {
  it('shows its four services with the source figures, in EUR, one key mode', async () => {
    const el = await mount(meingpt);
    expect(rowIds(el)).to.deep.equal(['openai/gpt-4o', 'meingpt/tool-call', 'openai/gpt-image-1', 'meingpt/workflow-wizard']);
    expect($$(el, 'th[scope="colgroup"]')).to.have.length(0);
    expect(text($(el, '#group-llm-text-chat'))).to.equal('LLM text chat credits / 1M tokens');
    const cell = (id: string, c: string) => text($(el, `tr[data-id="${id}"] td[data-cell="${c}"]`));
    // 3.00 EUR / 1M input and 12.00 EUR / 1M output = 300 and 1,200 credits.
    expect(cell('openai/gpt-4o', 'platform:input')).to.equal('300€3.00');
    expect(cell('openai/gpt-4o', 'platform:output')).to.equal('1,200€12.00');
    expect(cell('meingpt/tool-call', 'platform:request')).to.equal('0.5€0.005');
    expect(cell('openai/gpt-image-1', 'platform:request')).to.equal('30€0.30');
    expect(cell('meingpt/workflow-wizard', 'platform:request')).to.equal('10€0.10');
    expect(text($(el, 'tr[data-id="meingpt/tool-call"] td.buys'))).to.equal('2,000 requests');
  });
});

describe('<credit-pricing-table>: German', () => {
  it('formats numbers, money and strings for de', async () => {
    const el = await mount(await loadCatalog('gptbots'), { lang: 'de-DE' });
    const gpt41 = $(el, 'tr[data-id="openai/gpt-4.1-1m"]')!;
    const input = gpt41.querySelector('td[data-cell="platform:input"]')!;
    expect([input.getAttribute('data-label'), mainText(input), text(input.querySelector('.money'))]).to.deep.equal(['Plattform-Schlüssel · Eingabe', '0,22', '0,0022 $']);
    expect([text($(el, 'th.buys')), text(gpt41.querySelector('td.buys .chats')), text(gpt41.querySelector('td.buys .quantity'))]).to.deep.equal([
      '1.000 Credits reichen für',
      '≈ 1.298 Chats',
      '4.545.454 Eingabe-Tokens',
    ]);
    expect(text($(el, '[part~="action"]'))).to.equal('Monat schätzen');
    expect(text($(el, '#group-tts'))).to.equal('Sprachausgabe (TTS) Credits / 1.000 Zeichen');
    expect(text($(el, 'label[for="search"]'))).to.equal('Modelle suchen');
    const mein = await mount(meingpt, { lang: 'de' });
    expect(text($(mein, 'tr[data-id="openai/gpt-4o"] td[data-cell="platform:input"]'))).to.equal('3003,00 €');
  });

  it('follows a lang change on the page', async () => {
    const el = await mount(gptbots);
    el.parentElement!.lang = 'de';
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(mainText($(el, 'tr[data-id="openai/gpt-4.1-1m"] td[data-cell="platform:input"]'))).to.equal('0,22');
  });
});

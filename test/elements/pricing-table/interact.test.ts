// Search, filters, sort, key-mode switch, selection and the empty state.
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { expectAccessible } from '../../helpers/axe.js';
import { compareDecimals, type Catalog } from '../../../src/core/index.js';
import { loadCatalog } from '../../core/load.js';
import { $, $$, mainText, mount, rowIds, search, text } from './setup.js';

let gptbots: Catalog;
let meingpt: Catalog;
before(async () => {
  gptbots = await loadCatalog('gptbots');
  meingpt = await loadCatalog('meingpt');
});

const groups = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('section')].map((s) => s.getAttribute('aria-labelledby'));

describe('<credit-pricing-table>: search', () => {
  it('finds by model, brand, English brand and alias, instantly', async () => {
    const el = await mount(gptbots);
    await search(el, 'gpt-4.1');
    expect(rowIds(el)).to.deep.equal(gptbots.services.filter((s) => s.model.toLowerCase().includes('gpt-4.1')).map((s) => s.id));
    await search(el, 'baidu');
    const baidu = gptbots.services.filter((s) => s.brandEn === 'Baidu').map((s) => s.id);
    expect(baidu.length).to.be.greaterThan(0);
    expect(rowIds(el)).to.deep.equal(baidu);
    await search(el, '百度');
    expect(rowIds(el)).to.deep.equal(baidu);
    await search(el, 'azure  audio');
    expect(rowIds(el)).to.deep.equal(gptbots.services.filter((s) => s.brand === 'Azure' && /audio/i.test(s.model)).map((s) => s.id));
    expect(text($(el, '.count'))).to.equal(`${rowIds(el).length} of 118 services`);
    const mein = await mount(meingpt);
    await search(mein, 'gpt-image-1');
    expect(rowIds(mein)).to.deep.equal(['openai/gpt-image-1']);
  });

  it('shows an empty state and clears it', async () => {
    const el = await mount(gptbots);
    await search(el, 'no such model zzz');
    expect(rowIds(el)).to.deep.equal([]);
    expect(text($(el, '.message.empty p'))).to.equal('No service matches the search and filters.');
    ($(el, '.message.empty button') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(rowIds(el)).to.have.length(118);
    expect(($(el, 'input[type="search"]') as HTMLInputElement).value).to.equal('');
  });
});

describe('<credit-pricing-table>: filters', () => {
  it('limits groups with billing-types and rows with brands', async () => {
    const el = await mount(gptbots, { 'billing-types': 'asr, tts' });
    expect(groups(el)).to.deep.equal(['group-asr', 'group-tts']);
    expect(rowIds(el)).to.have.length(10);
    el.setAttribute('brands', 'Azure,Ali');
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(gptbots.services.filter((s) => ['asr', 'tts'].includes(s.billingType) && ['Azure', 'Ali'].includes(s.brand)).map((s) => s.id));
    // The toolbar only offers what the attributes allow.
    expect($$(el, '#type option').map((o) => o.getAttribute('value'))).to.deep.equal(['', 'asr', 'tts']);
    expect($$(el, '#brand option').map((o) => text(o))).to.deep.equal(['All brands', 'Azure', 'Ali (Alibaba)']);
  });

  it('filters by the brand and billing type picked in the toolbar', async () => {
    const el = await mount(gptbots);
    const brand = $(el, '#brand') as HTMLSelectElement;
    brand.value = 'jina';
    brand.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(gptbots.services.filter((s) => s.brand === 'Jina').map((s) => s.id));
    const type = $(el, '#type') as HTMLSelectElement;
    type.value = 'knowledge-reranking';
    type.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(groups(el)).to.deep.equal(['group-knowledge-reranking']);
    expect(rowIds(el)).to.have.length(1);
  });
});

describe('<credit-pricing-table>: sort', () => {
  it('sorts by a price column with aria-sort, not offered last both ways', async () => {
    const el = await mount(gptbots, { 'billing-types': 'llm-text-chat' });
    // second header row: Platform Input, Platform Output, Own Input, Own Output
    const platformOutput = () => $$(el, 'thead tr:nth-child(2) th')[1] as HTMLTableCellElement;
    platformOutput().querySelector('button')!.click();
    await el.updateComplete;
    expect(platformOutput().getAttribute('aria-sort')).to.equal('ascending');
    expect($$(el, '[aria-sort]')).to.have.length(1);
    const values = () =>
      $$(el, 'tbody td[data-cell="platform:output"]').map((td) => (td.matches('.free') ? '0' : td.matches('.not-offered, .none') ? null : mainText(td).replace(/,/g, '')));
    const asc = values();
    const offered = asc.filter((v): v is string => v !== null);
    expect(offered).to.deep.equal([...offered].sort(compareDecimals));
    expect(asc.slice(offered.length).every((v) => v === null)).to.equal(true);
    platformOutput().querySelector('button')!.click();
    await el.updateComplete;
    expect(platformOutput().getAttribute('aria-sort')).to.equal('descending');
    const desc = values();
    const offeredDesc = desc.filter((v): v is string => v !== null);
    expect(offeredDesc).to.deep.equal([...offered].sort(compareDecimals).reverse());
    expect(desc.slice(offeredDesc.length).every((v) => v === null)).to.equal(true);
  });

  it('sorts by model name within each group', async () => {
    const el = await mount(gptbots, { 'billing-types': 'asr' });
    const ids = (...models: string[]) => models.map((m) => gptbots.services.find((s) => s.model === m)!.id);
    ($$(el, 'thead th button')[0] as HTMLButtonElement).click();
    await el.updateComplete;
    expect($$(el, 'thead th')[0]!.getAttribute('aria-sort')).to.equal('ascending');
    const ascending = ids('Azure-Speech', 'GPT-4o-mini-transcribe', 'GPT-4o-transcribe', 'Whisper Large-V2', 'Whisper Large-V3');
    expect(rowIds(el)).to.deep.equal(ascending);
    ($$(el, 'thead th button')[0] as HTMLButtonElement).click();
    await el.updateComplete;
    expect($$(el, 'thead th')[0]!.getAttribute('aria-sort')).to.equal('descending');
    expect(rowIds(el)).to.deep.equal([...ascending].reverse());
  });
});

describe('<credit-pricing-table>: key mode and selection', () => {
  it('switches between both, platform and own key columns', async () => {
    const el = await mount(gptbots);
    const cells = () => [...new Set($$(el, 'tr[data-id="openai/gpt-4.1-1m"] td[data-cell]').map((td) => td.getAttribute('data-cell')))];
    expect(cells()).to.deep.equal(['platform:input', 'platform:output', 'own:input', 'own:output']);
    el.keyMode = 'own';
    await el.updateComplete;
    expect(cells()).to.deep.equal(['own:input', 'own:output']);
    expect($$(el, 'th[scope="colgroup"]')).to.have.length(0);
    // own key: the cap charges 0.01 (published 0.02), so 1,000 credits buy 1,000 × 1,000 / 0.01 tokens
    expect(text($(el, 'tr[data-id="openai/gpt-4.1-1m"] td.buys'))).to.equal('100,000,000 input tokens');
    el.setAttribute('key-mode', 'platform');
    await el.updateComplete;
    expect(cells()).to.deep.equal(['platform:input', 'platform:output']);
  });

  it('fires credit-service-select with the service id and key mode', async () => {
    const el = await mount(gptbots, { 'key-mode': 'own' });
    const button = $(el, 'tr[data-id="openai/gpt-4.1-1m"] button.model') as HTMLButtonElement;
    setTimeout(() => button.click());
    const event = await oneEvent(el, 'credit-service-select');
    expect(event.detail).to.deep.equal({ serviceId: 'openai/gpt-4.1-1m', keyMode: 'own' });
    expect(event.composed && event.bubbles).to.equal(true);
    await el.updateComplete;
    expect(el.selected).to.equal('openai/gpt-4.1-1m');
    expect(button.getAttribute('aria-pressed')).to.equal('true');
  });

  it('switches key modes from the toolbar, reflected to key-mode', async () => {
    const el = await mount(gptbots);
    const radios = () => $$(el, '.key-mode input[type="radio"]') as HTMLInputElement[];
    const cells = () => [...new Set($$(el, 'tr[data-id="openai/gpt-4.1-1m"] td[data-cell]').map((td) => td.getAttribute('data-cell')))];
    expect(text($(el, '.key-mode legend'))).to.equal('Prices with');
    expect(radios().map((r) => [text(r.closest('label')), r.value, r.checked])).to.deep.equal([
      ['Platform key', 'platform', false],
      ['Own key', 'own', false],
      ['Both', 'both', true],
    ]);
    radios()[1]!.click();
    await el.updateComplete;
    expect([el.keyMode, el.getAttribute('key-mode')]).to.deep.equal(['own', 'own']);
    expect(cells()).to.deep.equal(['own:input', 'own:output']);
    el.setAttribute('key-mode', 'platform');
    await el.updateComplete;
    expect(radios().map((r) => r.checked)).to.deep.equal([true, false, false]);
    expect(cells()).to.deep.equal(['platform:input', 'platform:output']);
  });

  it('moves through the key modes with the arrow keys (one tab stop)', async () => {
    const el = await mount(gptbots, { 'billing-types': 'asr' });
    ($(el, '#type') as HTMLSelectElement).focus();
    await sendKeys({ press: 'Tab' });
    const focused = () => el.shadowRoot!.activeElement as HTMLInputElement;
    expect([focused().name, focused().value]).to.deep.equal(['key-mode', 'both']);
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect([focused().value, el.keyMode]).to.deep.equal(['own', 'own']);
    expect($$(el, 'thead th[scope="colgroup"]')).to.have.length(0);
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.getAttribute('key-mode')).to.equal('platform');
    await sendKeys({ press: 'Tab' }); // out of the group, to the first sort button
    expect(el.shadowRoot!.activeElement?.classList.contains('sort')).to.equal(true);
    await expectAccessible(el);
  });

  it('speaks German, and is left out for a catalog with one key mode', async () => {
    const el = await mount(gptbots, { lang: 'de' });
    expect(text($(el, '.key-mode legend'))).to.equal('Preise mit');
    expect($$(el, '.key-mode label').map(text)).to.deep.equal(['Plattform-Schlüssel', 'Eigener Schlüssel', 'Beide']);
    const mein = await mount(meingpt);
    expect($(mein, '.key-mode')).to.equal(null);
  });

  it('keeps row elements across search and sort (keyed by service id) and fills only changed rows', async () => {
    const el = await mount(gptbots);
    const row = () => $(el, 'tr[data-id="openai/gpt-4.1-1m"]');
    const before = row();
    const cell = before!.querySelector('td[data-cell="platform:input"]')!.firstChild;
    await search(el, 'gpt-4');
    ($$(el, 'thead th button')[1] as HTMLButtonElement).click();
    await el.updateComplete;
    await search(el, '');
    expect(row()).to.equal(before);
    expect(row()!.querySelector('td[data-cell="platform:input"]')!.firstChild).to.equal(cell);
    expect(rowIds(el)).to.have.length(118);
  });

  it('lays out with the first render every row the viewport can show; later rows wait (content-visibility)', async () => {
    const el = await mount(gptbots);
    const inView = () => $$(el, 'tbody tr').filter((tr) => tr.getBoundingClientRect().top < innerHeight);
    expect(inView().length).to.be.greaterThan(3);
    expect(inView().filter((tr) => tr.classList.contains('lazy'))).to.deep.equal([]);
    expect($$(el, 'tbody tr.lazy').length).to.be.greaterThan(50);
    expect(getComputedStyle($(el, 'tbody tr.lazy')!).contentVisibility).to.equal('auto');
    // after a search the rows that moved up into view are laid out too
    await search(el, 'qwen');
    expect(inView().length).to.be.greaterThan(3);
    expect(inView().filter((tr) => tr.classList.contains('lazy'))).to.deep.equal([]);
  });
});

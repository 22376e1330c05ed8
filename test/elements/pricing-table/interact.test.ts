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

async function openBrands(el: HTMLElement): Promise<void> {
  ($(el as never, '#brand') as HTMLInputElement).focus();
  await sendKeys({ press: 'ArrowDown' });
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
}

/** A GPTBots table after its first render only (lit's update run now), before any frame. */
function firstRenderOnly(): [HTMLElement, HTMLElementTagNameMap['credit-pricing-table']] {
  const wrap = document.createElement('div');
  wrap.style.width = '1200px';
  document.body.append(wrap);
  const el = document.createElement('credit-pricing-table');
  el.catalog = gptbots;
  wrap.append(el);
  (el as unknown as { performUpdate(): void }).performUpdate();
  return [wrap, el];
}

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
    expect(text($(el, '.shown-count'))).to.equal(`${rowIds(el).length} of 118 services`);
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
    // The toolbar only offers what the attributes allow, with counts of what the search and brands leave.
    expect($$(el, 'input[name="billing-type"]').map((o) => [(o as HTMLInputElement).value, text(o.closest('label'))])).to.deep.equal([
      ['', `All ${rowIds(el).length}`],
      ['asr', `Speech recognition (ASR) ${rowIds(el, 'asr').length}`],
      ['tts', `Text to speech (TTS) ${rowIds(el, 'tts').length}`],
    ]);
    await openBrands(el);
    expect($$(el, '#brand-list [role="option"]').map((o) => text(o))).to.deep.equal(['All brands', 'Azure', 'Ali (Alibaba)']);
  });

  it('filters by the brand and billing type picked in the toolbar', async () => {
    const el = await mount(gptbots);
    const brand = $(el, '#brand') as HTMLInputElement;
    brand.focus();
    await sendKeys({ type: 'jina' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(gptbots.services.filter((s) => s.brand === 'Jina').map((s) => s.id));
    expect(brand.value).to.equal('Jina');
    // the chips count what the brand leaves
    expect($$(el, 'input[name="billing-type"]').map((o) => text(o.closest('label')))).to.deep.equal(['All 2', 'Knowledge indexing (embedding) 1', 'Knowledge reranking 1']);
    ($(el, 'input[name="billing-type"][value="knowledge-reranking"]') as HTMLInputElement).click();
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
    // own key: the cap charges 0.01 (published 0.02), so 1,000 credits buy 1,000 × 1,000 / 0.01 tokens;
    // a typical chat (1,500 in, 500 out) costs 1.5 × 0.01 + 0.5 × 0.08 = 0.055 credits: 1,000 / 0.055 = 18,181.8
    expect(text($(el, 'tr[data-id="openai/gpt-4.1-1m"] td.buys .chats'))).to.equal('≈ 18,181 chats');
    expect(text($(el, 'tr[data-id="openai/gpt-4.1-1m"] td.buys .quantity'))).to.equal('100,000,000 input tokens');
    el.setAttribute('key-mode', 'platform');
    await el.updateComplete;
    expect(cells()).to.deep.equal(['platform:input', 'platform:output']);
  });

  it('fires credit-service-select with the service id and key mode from "Estimate a month"', async () => {
    const el = await mount(gptbots, { 'key-mode': 'own' });
    const button = $(el, 'tr[data-id="openai/gpt-4.1-1m"] button.action') as HTMLButtonElement;
    expect(text(button)).to.equal('Estimate a month');
    expect(button.getAttribute('aria-label')).to.equal('Estimate a month with GPT-4.1-1M');
    // the model name is text, not a control
    expect($(el, 'tr[data-id="openai/gpt-4.1-1m"] th .model')!.tagName).to.equal('SPAN');
    setTimeout(() => button.click());
    const event = await oneEvent(el, 'credit-service-select');
    expect(event.detail).to.deep.equal({ serviceId: 'openai/gpt-4.1-1m', keyMode: 'own' });
    expect(event.composed && event.bubbles).to.equal(true);
    await el.updateComplete;
    expect(el.selected).to.equal('openai/gpt-4.1-1m');
    expect($(el, 'tr[data-id="openai/gpt-4.1-1m"]')!.getAttribute('aria-selected')).to.equal('true');
  });

  it('follows a planner-url template instead, with the id and key mode encoded', async () => {
    const el = await mount(gptbots, { 'planner-url': '/planner.html?service={service}&keyMode={keyMode}' });
    const link = $(el, 'tr[data-id="openai/gpt-4.1-1m"] a.action') as HTMLAnchorElement;
    expect(link.getAttribute('href')).to.equal('/planner.html?service=openai%2Fgpt-4.1-1m&keyMode=platform');
    const unsafe = await mount(gptbots, { 'planner-url': 'javascript:alert(1)//{service}' });
    expect($(unsafe, 'tr a.action')!.hasAttribute('href')).to.equal(false);
  });

  it('falls back to the model name when the sorted column is hidden by a key-mode switch', async () => {
    const el = await mount(gptbots, { 'billing-types': 'llm-text-chat' });
    const ownOutput = $(el, 'thead tr:nth-child(2) th:nth-child(4) button') as HTMLButtonElement;
    expect(ownOutput.dataset['column']).to.equal('own:output');
    ownOutput.click();
    await el.updateComplete;
    el.keyMode = 'platform';
    await el.updateComplete;
    expect($$(el, '[aria-sort]').map((th) => [text(th.querySelector('.sort')), th.getAttribute('aria-sort')])).to.deep.equal([['Model▲', 'ascending']]);
    const names = $$(el, 'tbody tr .model').map(text);
    expect(names).to.deep.equal([...names].sort(new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare));
  });

  it('switches key modes from the toolbar, reflected to key-mode', async () => {
    const el = await mount(gptbots);
    const radios = () => $$(el, 'input[name="key-mode"]') as HTMLInputElement[];
    const cells = () => [...new Set($$(el, 'tr[data-id="openai/gpt-4.1-1m"] td[data-cell]').map((td) => td.getAttribute('data-cell')))];
    expect(text($(el, '[part="key-mode"] legend'))).to.equal('Prices with');
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
    ($(el, '#brand') as HTMLInputElement).focus();
    await sendKeys({ press: 'Tab' });
    const focused = () => el.shadowRoot!.activeElement as HTMLInputElement;
    expect([focused().name, focused().value]).to.deep.equal(['key-mode', 'both']);
    // the focus ring is drawn around the segment, inside the control's box (not clipped), and the
    // control keeps its width whichever segment is chosen
    const control = $(el, '[part="key-mode"] .options')!;
    const width = control.getBoundingClientRect().width;
    expect(getComputedStyle(control).overflow).to.equal('visible');
    expect(getComputedStyle(focused().closest('label')!).outlineStyle).to.equal('solid');
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect([focused().value, el.keyMode]).to.deep.equal(['own', 'own']);
    expect($$(el, 'thead th[scope="colgroup"]')).to.have.length(0);
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.getAttribute('key-mode')).to.equal('platform');
    expect($(el, '[part="key-mode"] .options')!.getBoundingClientRect().width).to.equal(width);
    await expectAccessible(el);
  });

  it('speaks German, and is left out for a catalog with one key mode', async () => {
    const el = await mount(gptbots, { lang: 'de' });
    expect(text($(el, '[part="key-mode"] legend'))).to.equal('Preise mit');
    expect($$(el, '[part="key-mode"] label').map(text)).to.deep.equal(['Plattform-Schlüssel', 'Eigener Schlüssel', 'Beide']);
    const mein = await mount(meingpt);
    expect($(mein, '[part="key-mode"]')).to.equal(null);
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

  it('builds the first screenful with the first render and every other row right after its first paint', async () => {
    const [wrap, el] = firstRenderOnly();
    const first = $$(el, 'tbody tr').length;
    expect(first).to.be.greaterThan(innerHeight / 80); // at least a screenful
    expect(first).to.be.lessThan(118);
    expect($$(el, 'tbody tr').filter((tr) => tr.classList.contains('lazy'))).to.deep.equal([]);
    await el.updateComplete; // waits for the rest
    expect(rowIds(el)).to.have.length(118);
    expect(rowIds(el)).to.deep.equal(rowIds(el).filter((id, i, all) => all.indexOf(id) === i));
    wrap.remove();
  });

  it('a search that hides every group and then shows them again moves the same rows back in, all of them in that one render', async () => {
    const el = await mount(gptbots);
    const last = $$(el, 'tbody tr').at(-1)!;
    await search(el, 'no such model anywhere');
    expect($$(el, 'tbody tr')).to.have.length(0);
    const input = $(el, 'input[type="search"]') as HTMLInputElement;
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    (el as unknown as { performUpdate(): void }).performUpdate(); // this render alone, no frame after it
    expect(rowIds(el)).to.have.length(118);
    expect($$(el, 'tbody tr').at(-1)).to.equal(last);
  });

  it('names every part of a row for a page to style, and the states of rows and cells too', async () => {
    const el = await mount(gptbots, { selected: 'openai/gpt-4.1-1m' });
    for (const part of ['row', 'name', 'model', 'brand-label', 'expand', 'price', 'money', 'buys', 'quantity']) expect($$(el, `tbody [part~="${part}"]`), part).to.have.length.greaterThan(100);
    expect($$(el, 'tbody [part~="chats"]').length).to.be.greaterThan(50);
    expect($$(el, 'tbody [part~="context"]').length).to.be.greaterThan(50);
    expect($$(el, 'tbody [part~="row-selected"]').map((tr) => tr.getAttribute('data-id'))).to.deep.equal(['openai/gpt-4.1-1m']);
    // every cell's part names its state as its class does
    for (const state of ['free', 'not-offered', 'none']) expect($$(el, `td[part~="price-${state}"]`)).to.deep.equal($$(el, `td.price.${state}`));
    expect($$(el, 'td[part~="price-free"]').length).to.be.greaterThan(0);
  });

  it('a key pressed in the grid before the first paint builds every row at once (Ctrl+End reaches the last)', async () => {
    const [wrap, el] = firstRenderOnly();
    expect($$(el, 'tbody tr').length).to.be.lessThan(118);
    const cell = $(el, 'tbody th') as HTMLElement;
    cell.tabIndex = 0;
    cell.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', ctrlKey: true, bubbles: true, composed: true }));
    expect($$(el, 'tbody tr').length).to.equal(118);
    const last = $$(el, 'tbody tr').at(-1)!;
    expect(last.contains(el.shadowRoot!.activeElement)).to.equal(true);
    await el.updateComplete;
    wrap.remove();
  });

  it('lays out with the first render every row the viewport can show; later rows wait (content-visibility)', async () => {
    const el = await mount(gptbots);
    const inView = () => $$(el, 'tbody tr').filter((tr) => tr.getBoundingClientRect().top < innerHeight);
    expect(inView().length).to.be.greaterThan(1);
    expect(inView().filter((tr) => tr.classList.contains('lazy'))).to.deep.equal([]);
    expect($$(el, 'tbody tr.lazy').length).to.be.greaterThan(50);
    expect(getComputedStyle($(el, 'tbody tr.lazy')!).contentVisibility).to.equal('auto');
    // after a search the rows that moved up into view are laid out too
    await search(el, 'qwen');
    expect(inView().length).to.be.greaterThan(1);
    expect(inView().filter((tr) => tr.classList.contains('lazy'))).to.deep.equal([]);
  });
});

// axe-core at WCAG 2.2 AA in every state: loaded (both catalogs, en/de, light/dark), filtered
// empty, loading, error, stale, phone rows, plan cards; and the keyboard: one Tab stop for the
// price list (grid), a skip link past it.
import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { Catalog } from '../../../src/core/index.js';
import type { CreditPricingTable } from '../../../src/elements/pricing-table/index.js';
import { expectAccessible } from '../../helpers/axe.js';
import { fakeFetch } from '../../helpers/fake-fetch.js';
import { loadCatalog, loadJson } from '../../core/load.js';
import { $, $$, mount, mountLoading, rowIds, search, settle } from './setup.js';

let gptbots: Catalog;
before(async () => {
  gptbots = await loadCatalog('gptbots');
});

describe('<credit-pricing-table>: accessibility', function () {
  // axe walks ~8,000 nodes of the full table: slow on a loaded machine, so a generous timeout
  this.timeout(120_000);
  it('has no violations with the full GPTBots table (light)', async () => {
    await expectAccessible(await mount(gptbots, { theme: 'light' }));
  });

  it('has no violations with the full GPTBots table (dark)', async () => {
    await expectAccessible(await mount(gptbots, { theme: 'dark' }));
  });

  it('has no violations in German, with meinGPT (plan cards), sorted and with a selection, light and dark', async () => {
    for (const theme of ['light', 'dark']) {
      const el = await mount(await loadCatalog('meingpt'), { lang: 'de', theme });
      expect($$(el, '.package')).to.have.length(6);
      ($$(el, 'thead th button')[1] as HTMLButtonElement).click();
      ($(el, 'button.action') as HTMLButtonElement).click();
      await el.updateComplete;
      await expectAccessible(el);
    }
  });

  it('has no violations on a phone with the brand list open (dark)', async () => {
    const el = await mount(gptbots, { width: '390px', theme: 'dark' });
    ($(el, '#brand') as HTMLInputElement).focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect($(el, '#brand-list [role="option"]')).to.exist;
    await expectAccessible(el);
  });

  it('has no violations with an empty filter result', async () => {
    const el = await mount(gptbots);
    await search(el, 'zzz');
    await expectAccessible(el);
  });

  it('has no violations while loading, on error, and when stale', async () => {
    const fetch = fakeFetch([{ body: await loadJson('/catalog/gptbots.json'), hold: true }, { status: 500 }]);
    const el = await mountLoading(fetch);
    await expectAccessible(el);
    fetch.release();
    await fetch.settled();
    await settle(el);
    await el.reload();
    expect($(el, '.message.stale')).to.exist;
    await expectAccessible(el);
    const notFound = fakeFetch([{ status: 404 }]);
    const failing = await mountLoading(notFound, '/missing.json');
    await notFound.settled();
    await settle(failing);
    expect($(failing, '[role="alert"]')).to.exist;
    await expectAccessible(failing);
  });

  it('shows compact rows under 600 px that open to labelled details, and stays accessible', async () => {
    const el = await mount(gptbots, { width: '420px' });
    const row = $(el, 'tbody tr[data-id="openai/gpt-4.1-1m"]')!;
    const shownCells = () => [...row.querySelectorAll('td')].filter((td) => td.getClientRects().length).map((td) => td.getAttribute('data-cell') ?? td.className);
    // closed: name, then the first key mode's input and output, labelled briefly
    expect(shownCells()).to.deep.equal(['platform:input', 'platform:output']);
    expect(getComputedStyle(row.querySelector('td.price')!, '::before').content).to.equal('"Input"');
    const expand = row.querySelector('.expand') as HTMLButtonElement;
    expect([expand.getAttribute('aria-expanded'), expand.getAttribute('aria-label')]).to.deep.equal(['false', 'Details of GPT-4.1-1M']);
    expand.click();
    await el.updateComplete;
    expect(expand.getAttribute('aria-expanded')).to.equal('true');
    expect(shownCells()).to.deep.equal(['context', 'platform:input', 'platform:output', 'own:input', 'own:output', 'buys', 'action-cell']);
    expect(getComputedStyle(row.querySelector('td.price')!, '::before').content).to.equal('"Platform key · Input"');
    await expectAccessible(el);
    const wide = await mount(gptbots, { width: '900px' });
    expect(getComputedStyle($(wide, 'tbody tr')!).display).to.equal('grid'); // each row a grid on the header's columns
    expect(getComputedStyle($(wide, 'td.price')!, '::before').content).to.equal('none');
    expect(getComputedStyle($(wide, '.expand')!).display).to.equal('none');
  });

  it('states the grid roles explicitly, so engines that drop them for grid rows keep them', async () => {
    for (const width of ['900px', '420px']) {
      const el = await mount(gptbots, { width, 'billing-types': 'asr' });
      const table = $(el, 'table')!;
      expect(table.getAttribute('role')).to.equal('grid');
      expect(table.getAttribute('aria-labelledby')).to.equal($(el, 'caption')!.id);
      expect($$(el, 'thead, tbody').map((g) => g.getAttribute('role'))).to.deep.equal(['rowgroup', 'rowgroup']);
      const rows = $$(el, 'tr');
      expect(rows.map((r) => r.getAttribute('role'))).to.deep.equal(rows.map(() => 'row'));
      const cells = $$(el, 'th, td');
      const expected = cells.map((c) => (c.tagName === 'TD' ? 'gridcell' : c.getAttribute('scope') === 'row' ? 'rowheader' : 'columnheader'));
      expect(cells.map((c) => c.getAttribute('role'))).to.deep.equal(expected);
      expect(expected.filter((r) => r === 'rowheader')).to.have.length(5); // the five ASR services
      const roles = await executeServerCommand<string[], undefined>('ax-roles'); // Chromium's accessibility tree
      expect(roles.filter((r) => r === 'row').length, `rows in the accessibility tree at ${width}`).to.be.at.least(rows.length);
      expect(roles.filter((r) => r === 'rowheader').length, `row headers at ${width}`).to.be.at.least(5);
      el.remove();
    }
  });

  it('is one Tab stop with arrow keys between rows and cells (grid), behind a skip link', async () => {
    const el: CreditPricingTable = await mount(gptbots, { 'billing-types': 'asr,tts' });
    const active = () => el.shadowRoot!.activeElement as HTMLElement | null;
    ($(el, 'input[type="search"]') as HTMLInputElement).focus();
    await sendKeys({ type: 'whisper' });
    await el.updateComplete;
    expect(rowIds(el)).to.have.length(2);
    await sendKeys({ press: 'Tab' }); // brand
    expect(active()?.id).to.equal('brand');
    const stops: string[] = [];
    while (!active()?.closest('.groups') && stops.length < 10) {
      await sendKeys({ press: 'Tab' });
      stops.push(active()?.getAttribute('name') ?? active()?.className ?? '');
    }
    // key mode, unit and currency display are one stop each; the skip link comes before the grid
    expect(stops).to.deep.equal(['key-mode', 'unit', 'display', 'skip', 'name']);
    expect(active()!.closest('tr')!.dataset['id']).to.equal(rowIds(el)[0]);
    expect($$(el, '.groups [tabindex="0"]')).to.have.length(1);
    await sendKeys({ press: 'ArrowDown' });
    expect(active()!.closest('tr')!.dataset['id']).to.equal(rowIds(el)[1]);
    await sendKeys({ press: 'ArrowRight' });
    expect(active()!.getAttribute('data-cell')).to.equal('platform:audio');
    await sendKeys({ press: 'End' }); // the row action
    expect(active()!.classList.contains('action')).to.equal(true);
    let selected: string | undefined;
    el.addEventListener('credit-service-select', (e) => (selected = e.detail.serviceId));
    await sendKeys({ press: 'Enter' });
    expect(selected).to.equal(rowIds(el)[1]);
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' }); // the second header row: the price columns' sort buttons
    expect(active()!.classList.contains('sort')).to.equal(true);
    await sendKeys({ press: 'Home' });
    expect(active()!.dataset['column']).to.equal('platform:audio');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($$(el, '[aria-sort]')).to.have.length(1);
    expect(getComputedStyle(active()!).outlineStyle).to.equal('solid'); // visible focus ring
    expect($$(el, '.groups [tabindex="0"]')).to.deep.equal([active()]);
    await sendKeys({ press: 'Tab' }); // out of the grid in one press
    expect(active()?.closest('.groups') ?? null).to.equal(null);
    // the skip link moves past the list
    const skip = $(el, '.skip') as HTMLButtonElement;
    skip.focus();
    await sendKeys({ press: 'Enter' });
    expect(active()?.id).to.equal('after-list');
  });
});

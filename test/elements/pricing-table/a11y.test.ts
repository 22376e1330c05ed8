// axe-core at WCAG 2.2 AA in every state: loaded (both catalogs, en/de, light/dark), filtered
// empty, loading, error, stale, narrow cards; and keyboard use of search, sort and select.
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

  it('has no violations in German, with meinGPT, sorted and with a selection', async () => {
    const el = await mount(await loadCatalog('meingpt'), { lang: 'de' });
    ($$(el, 'thead th button')[1] as HTMLButtonElement).click();
    ($(el, 'button.model') as HTMLButtonElement).click();
    await el.updateComplete;
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

  it('turns into cards under 600 px and stays accessible', async () => {
    const el = await mount(gptbots, { width: '420px' });
    const row = $(el, 'tbody tr')!;
    expect(getComputedStyle(row).display).to.equal('block');
    expect(getComputedStyle($(el, 'td.price')!, '::before').content).to.equal('"Platform key · Input"');
    await expectAccessible(el);
    const wide = await mount(gptbots, { width: '900px' });
    expect(getComputedStyle($(wide, 'tbody tr')!).display).to.equal('grid'); // each row a grid on the header's columns
    expect(getComputedStyle($(wide, 'td.price')!, '::before').content).to.equal('none');
  });

  it('states the table roles explicitly, so engines that drop them for grid rows and cards keep them', async () => {
    for (const width of ['900px', '420px']) {
      const el = await mount(gptbots, { width, 'billing-types': 'asr' });
      const table = $(el, 'table')!;
      expect(table.getAttribute('role')).to.equal('table');
      expect(table.getAttribute('aria-labelledby')).to.equal($(el, 'caption')!.id);
      expect($$(el, 'thead, tbody').map((g) => g.getAttribute('role'))).to.deep.equal(['rowgroup', 'rowgroup']);
      const rows = $$(el, 'tr');
      expect(rows.map((r) => r.getAttribute('role'))).to.deep.equal(rows.map(() => 'row'));
      const cells = $$(el, 'th, td');
      const expected = cells.map((c) => (c.tagName === 'TD' ? 'cell' : c.getAttribute('scope') === 'row' ? 'rowheader' : 'columnheader'));
      expect(cells.map((c) => c.getAttribute('role'))).to.deep.equal(expected);
      expect(expected.filter((r) => r === 'rowheader')).to.have.length(5); // the five ASR services
      const roles = await executeServerCommand<string[], undefined>('ax-roles'); // Chromium's accessibility tree
      expect(roles.filter((r) => r === 'row').length, `rows in the accessibility tree at ${width}`).to.be.at.least(rows.length);
      expect(roles.filter((r) => r === 'rowheader').length, `row headers at ${width}`).to.be.at.least(5);
      el.remove();
    }
  });

  it('works from the keyboard: search, sort, select', async () => {
    const el: CreditPricingTable = await mount(gptbots, { 'billing-types': 'asr' });
    ($(el, 'input[type="search"]') as HTMLInputElement).focus();
    await sendKeys({ type: 'whisper' });
    await el.updateComplete;
    expect(rowIds(el)).to.have.length(2);
    await sendKeys({ press: 'Tab' }); // brand
    await sendKeys({ press: 'Tab' }); // billing type
    await sendKeys({ press: 'Tab' }); // key-mode switch (one tab stop)
    await sendKeys({ press: 'Tab' }); // Model sort button
    await sendKeys({ press: 'Tab' }); // Platform · Audio sort button
    expect(el.shadowRoot!.activeElement?.classList.contains('sort')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($$(el, '[aria-sort]')).to.have.length(1);
    const focused = el.shadowRoot!.activeElement as HTMLElement;
    expect(getComputedStyle(focused).outlineStyle).to.equal('solid'); // visible focus ring
    let selected: string | undefined;
    el.addEventListener('credit-service-select', (e) => (selected = e.detail.serviceId));
    await sendKeys({ press: 'Tab' }); // Own · Audio sort
    await sendKeys({ press: 'Tab' }); // first model button
    await sendKeys({ press: 'Space' });
    expect(selected).to.equal(rowIds(el)[0]);
  });
});

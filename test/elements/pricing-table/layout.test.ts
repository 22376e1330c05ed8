// Layout at the widths a visitor uses (320 and 390 px phones, a 1280 px desktop), in light and
// dark: no horizontal overflow, column headers on one line at 1280 px, and the phone height of
// the full GPTBots list (issue 15: at most 6,000 px at 390 px; 25,500 px before the compact rows).
import { expect } from '@open-wc/testing';
import type { Catalog } from '../../../src/core/index.js';
import { loadCatalog } from '../../core/load.js';
import { $, $$, mount } from './setup.js';

let gptbots: Catalog;
let meingpt: Catalog;
before(async () => {
  gptbots = await loadCatalog('gptbots');
  meingpt = await loadCatalog('meingpt');
});

/** Inside a box that scrolls sideways on its own (the phone's chip bar): not page overflow. */
function inScroller(node: Element, root: ShadowRoot): boolean {
  for (let n = node.parentElement; n; n = n.parentElement) if (getComputedStyle(n).overflowX !== 'visible') return true;
  return node.getRootNode() !== root;
}

/** Elements inside the shadow root wider than the element (what would scroll sideways). */
function overflowing(el: HTMLElement): string[] {
  const right = el.getBoundingClientRect().right + 0.5;
  return [...el.shadowRoot!.querySelectorAll('*')]
    .filter((n) => n.getClientRects().length && n.getBoundingClientRect().right > right && !n.closest('.visually-hidden') && !inScroller(n, el.shadowRoot!))
    .map((n) => `${n.tagName.toLowerCase()}.${[...n.classList].join('.')}`);
}

describe('<credit-pricing-table>: layout', () => {
  for (const width of [320, 390, 1280]) {
    for (const theme of ['light', 'dark']) {
      for (const [name, catalog] of [['GPTBots', () => gptbots], ['meinGPT', () => meingpt]] as const) {
        it(`${name} at ${width} px (${theme}): nothing wider than the element`, async () => {
          const el = await mount(catalog(), { width: `${width}px`, theme });
          expect(el.scrollWidth).to.be.at.most(el.clientWidth);
          expect(overflowing(el)).to.deep.equal([]);
        });
      }
    }
  }

  it('keeps every column header on one line at 1280 px, in English and German', async () => {
    for (const lang of ['en', 'de']) {
      for (const catalog of [gptbots, meingpt]) {
        const el = await mount(catalog, { width: '1280px', lang });
        const headers = $$(el, 'thead th');
        expect(headers.length).to.be.above(0);
        for (const th of headers) {
          const line = parseFloat(getComputedStyle(th).lineHeight);
          const label = (th.querySelector('.sort, .th-label') ?? th) as HTMLElement;
          expect(label.getBoundingClientRect().height, `${lang} "${th.textContent!.trim()}"`).to.be.below(line * 1.9);
        }
      }
    }
  });

  it('shows the whole GPTBots list at 390 px in at most 6,000 px (22,374 px before the compact rows)', async () => {
    for (const lang of ['en', 'de']) {
      const el = await mount(gptbots, { width: '390px', lang });
      const first = el.getBoundingClientRect().height;
      // every row laid out (none left to content-visibility's estimate)
      for (const tr of $$(el, 'tr.lazy')) tr.classList.remove('lazy');
      const laidOut = el.getBoundingClientRect().height;
      console.log(`GPTBots at 390 px (${lang}): ${Math.round(first)} px when first shown, ${Math.round(laidOut)} px with every row laid out`);
      expect(first).to.be.at.most(6000);
      expect(laidOut).to.be.at.most(6000);
      // the phone's compact rows still offer every service: a later group shows two rows and "show all"
      const audio = $$(el, 'section[aria-labelledby="group-llm-audio-chat"] tbody tr').filter((tr) => tr.getClientRects().length);
      expect(audio).to.have.length(2);
      const showAll = $(el, 'section[aria-labelledby="group-llm-audio-chat"] .show-all') as HTMLButtonElement;
      showAll.click();
      await el.updateComplete;
      expect($$(el, 'section[aria-labelledby="group-llm-audio-chat"] tbody tr').filter((tr) => tr.getClientRects().length)).to.have.length(6);
    }
  });
});

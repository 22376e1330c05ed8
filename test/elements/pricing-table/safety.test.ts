// Every catalog string is text: a catalog full of markup and javascript: URLs executes nothing.
import { expect, fixture, html } from '@open-wc/testing';
import type { CatalogInput } from '../../../src/core/index.js';
import { loadJson } from '../../core/load.js';
import { $$, mount, search, text } from './setup.js';

const ATTACK = `document.getElementById('xss-canary').textContent='pwned';window.__xss=(window.__xss||0)+1`;
export const XSS_CORPUS = [
  `<img src=x onerror="${ATTACK}">`,
  `<script>${ATTACK}</script>`,
  `javascript:${ATTACK}`,
  `<svg onload="${ATTACK}"></svg>`,
  `"><iframe srcdoc="<script>parent.${ATTACK}</script>"></iframe>`,
  `</td></tr></table><a href="javascript:${ATTACK}">x</a>`,
  `\${${ATTACK}}`,
  `{{constructor.constructor("${ATTACK}")()}}`,
  `<style>*{display:none}</style>`,
  `&lt;b&gt;entity&lt;/b&gt; <!-- comment -->`,
];

function hostileCatalog(base: CatalogInput): CatalogInput {
  const c = structuredClone(base) as CatalogInput;
  const at = (i: number) => XSS_CORPUS[i % XSS_CORPUS.length]!;
  c.version = at(0);
  c.name = at(1);
  c.source = { document: at(2), checked: '2026-11-23', url: at(2) };
  c.keyModes = c.keyModes.map((k, i) => ({ ...k, name: at(i + 3) }));
  c.billingTypes = [...c.billingTypes, { id: 'x-evil', name: at(4), description: at(5) }];
  c.services = c.services.slice(0, 10).map((s, i) => ({ ...s, brand: at(i), brandEn: at(i + 1), model: at(i + 2), aliases: [at(i + 3)], notes: [at(i + 4)] }));
  // Its own alias: one name names one service, or the catalog does not parse (issue 14.20).
  c.services.push({ ...structuredClone(c.services[0]!), id: 'evil/service', billingType: 'x-evil', model: at(6), aliases: [`${at(7)} evil`] });
  return c;
}

describe('<credit-pricing-table>: catalog strings are text', () => {
  it('renders an XSS corpus literally and leaves the canary untouched', async () => {
    const canary = await fixture<HTMLDivElement>(html`<div id="xss-canary">untouched</div>`);
    const catalog = hostileCatalog((await loadJson('/catalog/gptbots.json')) as CatalogInput);
    const el = await mount(catalog);
    await search(el, '<img');
    await search(el, '');
    // give any injected image, frame or handler the chance to run
    await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => requestAnimationFrame(r));
    expect(canary.textContent).to.equal('untouched');
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('img, script, svg:not(.icon), iframe, a, b, style:not([data-lit])').length).to.equal(0); // the icons are ours
    const models = $$(el, 'tbody .model').map((b) => b.textContent);
    expect(models).to.include(XSS_CORPUS[3]);
    expect(models).to.include(XSS_CORPUS[6]);
    expect(text(root.querySelector('#group-x-evil .group-name'))).to.equal(XSS_CORPUS[4]);
    expect(root.querySelector('.footer')!.textContent).to.contain(XSS_CORPUS[0]);
  });
});

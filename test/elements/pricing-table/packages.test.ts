// meinGPT's credit packages as plan cards above the price list: credits, price, price per credit,
// the discount the price gives (checked as the linter checks it, so a stated discount the price
// does not give is not shown), a recommended card, one call to action each (event or buy-url).
import { expect, oneEvent } from '@open-wc/testing';
import type { Catalog } from '../../../src/core/index.js';
import { packageOffers } from '../../../src/elements/pricing-table/packages.js';
import { loadCatalog } from '../../core/load.js';
import { $, $$, mount, text } from './setup.js';

let meingpt: Catalog;
let gptbots: Catalog;
before(async () => {
  meingpt = await loadCatalog('meingpt');
  gptbots = await loadCatalog('gptbots');
});

const cards = (el: HTMLElement) =>
  $$(el as never, '.package').map((li) => ({
    name: text(li.querySelector('.package-name')),
    price: text(li.querySelector('.package-price')),
    credits: text(li.querySelector('.package-credits')),
    meta: text(li.querySelector('.package-meta')),
    recommended: li.classList.contains('recommended'),
    action: text(li.querySelector('[part="package-action"]')),
  }));

describe('<credit-pricing-table>: credit packages', () => {
  it('computes price per credit and the discount from the price (1 credit = €0.01)', () => {
    const offers = packageOffers(meingpt);
    expect(offers.map((o) => [o.package.id, o.perCredit, o.discountPercent ?? null, o.recommended])).to.deep.equal([
      ['basic', '0.01', null, false], // €10 / 1,000; face value €10: no discount
      ['standard', '0.01', null, false], // states 5 %, but €50 for 5,000 credits is their face value: 0 % (the linter's package-discount-mismatch)
      ['professional', '0.0095', '5', true], // €95 / 10,000 = 0.0095; 1 − 95/100 = 5 %; the smallest package with a discount
      ['team', '0.009', '10', false], // €450 / 50,000; 1 − 450/500 = 10 %
      ['enterprise', '0.0085', '15', false], // €850 / 100,000; 1 − 850/1,000 = 15 %
      ['custom', undefined, null, false], // priced on request
    ]);
    expect(packageOffers(meingpt, 'team').filter((o) => o.recommended).map((o) => o.package.id)).to.deep.equal(['team']);
  });

  it('shows them as plan cards above the list, in English and German', async () => {
    const el = await mount(meingpt);
    expect(text($(el, '#packages-title'))).to.equal('Credit packages');
    expect(cards(el)).to.deep.equal([
      { name: 'Basic', price: '€10.00', credits: '1,000 credits', meta: '€0.01 per credit', recommended: false, action: 'Buy Basic' },
      { name: 'Standard', price: '€50.00', credits: '5,000 credits', meta: '€0.01 per credit', recommended: false, action: 'Buy Standard' },
      { name: 'Professional', price: '€95.00', credits: '10,000 credits', meta: '€0.0095 per credit Save 5%', recommended: true, action: 'Buy Professional' },
      { name: 'Team', price: '€450.00', credits: '50,000 credits', meta: '€0.009 per credit Save 10%', recommended: false, action: 'Buy Team' },
      { name: 'Enterprise', price: '€850.00', credits: '100,000 credits', meta: '€0.0085 per credit Save 15%', recommended: false, action: 'Buy Enterprise' },
      { name: 'Custom', price: 'Price on request', credits: 'from 500,000 credits', meta: '', recommended: false, action: 'Contact sales' },
    ]);
    expect(text($(el, '.package.recommended .flag'))).to.equal('Recommended');
    // above the toolbar and the list
    expect($(el, '.packages-section')!.compareDocumentPosition($(el, '.toolbar')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    const de = await mount(meingpt, { lang: 'de' });
    expect(cards(de)[2]).to.deep.equal({ name: 'Professional', price: '95,00 €', credits: '10.000 Credits', meta: '0,0095 € pro Credit 5 % sparen', recommended: true, action: 'Professional kaufen' });
    expect(cards(de)[5]!.action).to.equal('Vertrieb kontaktieren');
  });

  it('fires credit-package-select, or links through buy-url', async () => {
    const el = await mount(meingpt);
    const button = $$(el, '[part="package-action"]')[2] as HTMLButtonElement;
    setTimeout(() => button.click());
    const event = await oneEvent(el, 'credit-package-select');
    expect(event.detail).to.deep.equal({ packageId: 'professional', credits: '10000', price: { amount: '95', currency: 'EUR' } });
    expect(event.bubbles && event.composed).to.equal(true);
    const linked = await mount(meingpt, { 'buy-url': '/checkout?package={package}&credits={credits}' });
    expect(($$(linked, '[part="package-action"]') as HTMLAnchorElement[]).map((a) => a.getAttribute('href'))).to.deep.equal([
      '/checkout?package=basic&credits=1000',
      '/checkout?package=standard&credits=5000',
      '/checkout?package=professional&credits=10000',
      '/checkout?package=team&credits=50000',
      '/checkout?package=enterprise&credits=100000',
      '/checkout?package=custom&credits=500000',
    ]);
  });

  it('highlights the package the page recommends, and leaves them out with hide-packages or without packages', async () => {
    const el = await mount(meingpt, { 'recommended-package': 'enterprise' });
    expect(cards(el).filter((c) => c.recommended).map((c) => c.name)).to.deep.equal(['Enterprise']);
    const hidden = await mount(meingpt, { 'hide-packages': '' });
    expect($(hidden, '.packages')).to.equal(null);
    expect($$(hidden, 'tbody tr')).to.have.length(4);
    const none = await mount(gptbots);
    expect($(none, '.packages')).to.equal(null);
  });
});

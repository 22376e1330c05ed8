// The catalog's credit packages as plan cards above the price list (Stripe's pricing table is the
// model): price, credits, price per credit, the discount the price gives, one call to action each.
// Loaded only for a catalog that sells packages, so a price list without them downloads none of it.
import { html, nothing, type TemplateResult } from 'lit';
import type { Catalog } from '../../core/catalog/schema.js';
import { convertForDisplay } from '../../core/exchange-rates.js';
import { commonStrings, formatMoney, formatNumber, formatPercent, languageOf } from '../../i18n/index.js';
import type { DisplayFx } from './cell-text.js';
import { fillUrlTemplate } from '../common/url-template.js';
import { packageOffers, type PackageOffer } from './packages.js';
import { CreditPackageSelectEvent } from './pricing-table.events.js';
import type { PricingTableStrings } from './pricing-table.strings.js';

export interface CardsHost {
  strings: PricingTableStrings;
  locale: string;
  buyUrl: string | undefined;
  recommended: string | undefined;
  /** The second currency (display-currency), or undefined: "≈ $10.84" under each price. */
  fx: DisplayFx | undefined;
  dispatchEvent: (event: Event) => boolean;
}

const memo = new WeakMap<Catalog, { recommended: string | undefined; offers: PackageOffer[] }>();
function offersOf(catalog: Catalog, recommended: string | undefined): PackageOffer[] {
  let known = memo.get(catalog);
  if (!known || known.recommended !== recommended) memo.set(catalog, (known = { recommended, offers: packageOffers(catalog, recommended) }));
  return known.offers;
}

/** "≈ $10.84" (said "about $10.84") under a package's price, in the display currency; nothing without one. */
function approximately(h: CardsHost, price: { amount: string; currency: string }): TemplateResult | typeof nothing {
  const converted = h.fx && convertForDisplay(price.amount, price.currency, h.fx.currency, [h.fx.rate], 2);
  if (!converted) return nothing;
  return html`<span part="fx" class="package-fx"><span aria-hidden="true">≈ </span><span class="visually-hidden">${commonStrings(languageOf(h.locale)).approximately} </span>${formatMoney(converted.amount, converted.currency, h.locale)}</span>`;
}

/** The credit packages as plan cards, one call to action each. */
export function renderPackages(h: CardsHost, catalog: Catalog): TemplateResult {
  const s = h.strings;
  const locale = h.locale;
  const offers = offersOf(catalog, h.recommended);
  const card = (offer: PackageOffer) => {
    const p = offer.package;
    const credits = formatNumber(p.credits, locale);
    const href = fillUrlTemplate(h.buyUrl, { package: p.id, credits: p.credits });
    const label = p.custom ? s.contactSales : s.buy(p.name);
    const cls = `button ${offer.recommended ? 'primary' : ''}`;
    const select = () => h.dispatchEvent(new CreditPackageSelectEvent(p.id, p.credits, p.price));
    return html`<li part="package${offer.recommended ? ' package-recommended' : ''}" class="package ${offer.recommended ? 'recommended' : ''}" aria-labelledby="package-${p.id}">
      ${offer.recommended ? html`<span part="badge" class="badge accent flag">${s.recommended}</span>` : nothing}
      <h3 id="package-${p.id}" class="package-name">${p.name}</h3>
      <p class="package-price">
        ${p.price && !p.custom
          ? html`<span class="figure">${formatMoney(p.price.amount, p.price.currency, locale)}</span>${approximately(h, p.price)}`
          : html`<span class="figure on-request">${s.onRequest}</span>`}
      </p>
      <p class="package-credits">${p.custom ? s.customFrom(credits) : s.packageCredits(credits)}</p>
      ${offer.perCredit || offer.discountPercent
        ? html`<p class="package-meta">
            ${offer.perCredit ? html`<span>${s.perCredit(formatMoney(offer.perCredit, catalog.creditUnit.currency, locale, { maximumFractionDigits: 6 }))}</span>` : nothing}
            ${offer.discountPercent ? html`<span part="badge" class="badge positive">${s.discount(formatPercent(offer.discountPercent, locale))}</span>` : nothing}
          </p>`
        : nothing}
      ${p.description ? html`<p class="package-description">${p.description}</p>` : nothing}
      ${href
        ? html`<a part="package-action" class=${cls} href=${href} @click=${select}>${label}</a>`
        : html`<button part="package-action" type="button" class=${cls} @click=${select}>${label}</button>`}
    </li>`;
  };
  return html`<section class="packages-section" aria-labelledby="packages-title">
    <h2 id="packages-title" class="section-title">${s.packages}</h2>
    <ul part="packages" class="packages" role="list">${offers.map(card)}</ul>
  </section>`;
}



// The planning page: <credit-calculator> with a choice of price list; the scenario is kept in the
// address bar (sync-url), so reloading or sharing the page keeps it.
import '../src/elements/calculator/index.js';
import '../src/elements/pricing-table/index.js';
import { pageLanguage } from './site.js';

const calculator = document.querySelector('credit-calculator')!;
const catalog = document.querySelector<HTMLSelectElement>('#catalog')!;
const lastChange = document.querySelector<HTMLParagraphElement>('#last-change')!;

const params = new URL(location.href).searchParams;
if (params.get('catalog')) catalog.value = params.get('catalog')!;
calculator.src = catalog.value;
document.querySelector('credit-pricing-table')!.src = catalog.value;

catalog.addEventListener('change', () => {
  // A scenario names services of one catalog: start afresh with the other one.
  const url = new URL(location.href);
  url.searchParams.delete('scenario');
  url.searchParams.set('catalog', catalog.value);
  location.href = url.toString();
});
const priced = pageLanguage() === 'de' ? 'Zuletzt berechnet' : 'Last priced';
calculator.addEventListener('credit-scenario-change', (event) => {
  lastChange.textContent = `${priced}: ${event.detail.credits} credits (${event.detail.money.amount} ${event.detail.money.currency}).`;
});

// The estimate sticks below the site's sticky header, whatever height the header wraps to.
const header = document.querySelector<HTMLElement>('.site-header') ?? document.querySelector<HTMLElement>('#site-header');
if (header) {
  const place = () => calculator.style.setProperty('--credit-calculator-sticky-top', `${Math.ceil(header.getBoundingClientRect().height) + 16}px`);
  new ResizeObserver(place).observe(header);
  place();
}

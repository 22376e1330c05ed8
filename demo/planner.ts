// The planning page: <credit-calculator> with a catalog and language switch; the scenario is
// kept in the address bar (sync-url), so reloading or sharing the page keeps it.
import '../src/elements/calculator/index.js';
import '../src/elements/pricing-table/index.js';

const calculator = document.querySelector('credit-calculator')!;
const catalog = document.querySelector<HTMLSelectElement>('#catalog')!;
const language = document.querySelector<HTMLSelectElement>('#language')!;
const lastChange = document.querySelector<HTMLParagraphElement>('#last-change')!;

const params = new URL(location.href).searchParams;
if (params.get('catalog')) catalog.value = params.get('catalog')!;
if (params.get('lang')) language.value = params.get('lang')!;
calculator.src = catalog.value;
document.querySelector('credit-pricing-table')!.src = catalog.value;
document.documentElement.lang = language.value;

function remember(name: string, value: string): void {
  const url = new URL(location.href);
  url.searchParams.set(name, value);
  history.replaceState(history.state, '', url);
}

catalog.addEventListener('change', () => {
  // A scenario names services of one catalog: start afresh with the other one.
  const url = new URL(location.href);
  url.searchParams.delete('scenario');
  url.searchParams.set('catalog', catalog.value);
  location.href = url.toString();
});
language.addEventListener('change', () => {
  document.documentElement.lang = language.value;
  remember('lang', language.value);
});
calculator.addEventListener('credit-scenario-change', (event) => {
  lastChange.textContent = `Last priced: ${event.detail.credits} credits (${event.detail.money.amount} ${event.detail.money.currency}).`;
});

// Marketing demo pages: the live price list as a marketing page embeds it. The page only listens
// to the table's events: a chosen model is handed to the planner page, a price change is logged.
import '../src/elements/pricing-table/index.js';
import type { CreditPricingTable } from '../src/elements/pricing-table/index.js';
import { mergeHistory, parseCatalog } from '../src/core/index.js';
import './site.js';

const log = document.querySelector<HTMLOutputElement>('#events');
const say = (text: string) => {
  if (log) log.textContent = text;
};

document.addEventListener('credit-service-select', (event) => {
  const { serviceId, keyMode } = event.detail;
  const link = document.querySelector<HTMLAnchorElement>('#plan-link');
  if (link) {
    link.href = `./planner.html?service=${encodeURIComponent(serviceId)}&keyMode=${encodeURIComponent(keyMode)}`;
    link.hidden = false;
    link.textContent = link.dataset['label']?.replace('{id}', serviceId) ?? serviceId;
  }
  say(`credit-service-select: ${serviceId} (${keyMode})`);
});

document.addEventListener('credit-catalog-change', (event) => {
  const { diff, catalog } = event.detail;
  say(`credit-catalog-change: catalog ${catalog.version}, ${diff.repriced.length} repriced, ${diff.added.length} added, ${diff.removed.length} removed`);
});

document.addEventListener('credit-error', (event) => say(`credit-error: ${event.detail.error.message}`));

// ---- prices through time ----
// The GPTBots list with its history: the previous list until the change, the current one from it,
// as `creditkit history gptbots-previous.json gptbots.json --from 2026-11-23` writes it. `?at=` shows
// the list as it stood on a day ("see the list before the change").
const at = new URLSearchParams(location.search).get('at') ?? undefined;
for (const table of document.querySelectorAll<CreditPricingTable>('credit-pricing-table[data-from]')) {
  const { previous, current, from } = table.dataset as { previous: string; current: string; from: string };
  if (at) table.at = at;
  void Promise.all([previous, current].map((url) => fetch(url).then((r) => r.json()))).then(([older, newer]) => {
    table.catalog = mergeHistory(parseCatalog(older), parseCatalog(newer), from).catalog;
  });
}
for (const note of document.querySelectorAll<HTMLElement>('.as-of')) {
  const text = note.querySelector('.as-of-text')!;
  const link = note.querySelector<HTMLAnchorElement>('.as-of-link')!;
  const lang = document.documentElement.lang;
  text.textContent = at
    ? note.dataset['then']!.replace('{date}', new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${at}T00:00:00Z`)))
    : note.dataset['today']!;
  link.textContent = at ? link.dataset['thenLabel']! : link.dataset['todayLabel']!;
  link.href = at ? `${location.pathname}#models` : `${location.pathname}?at=2026-11-20#models`;
}

// ---- a second currency ----
// The workspace's euro prices also in dollars, for information (the rate as the ECB published it).
for (const table of document.querySelectorAll<CreditPricingTable>('credit-pricing-table[display-currency]')) {
  table.exchangeRates = [{ from: 'EUR', to: 'USD', rate: '1.0843', date: '2026-12-01', source: 'ECB' }];
}

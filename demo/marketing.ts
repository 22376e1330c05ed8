// Marketing demo pages: the live price list as a marketing page embeds it. The page only listens
// to the table's events: a chosen model is handed to the planner page, a price change is logged.
import '../src/elements/pricing-table/index.js';
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

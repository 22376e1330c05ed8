// The account page: the workspace's balance, usage and monthly statements. One provideCredit() on
// the container hands the SDK client to every element (no `.client` on each).
import '../src/elements/balance/index.js';
import '../src/elements/usage/index.js';
import '../src/elements/statement/index.js';
import { provideCredit } from '../src/elements/common/context.js';
import { formatDate } from '../src/i18n/format.js';
import type { Notification } from '../src/sdk/index.js';
import { client } from './demo-client.js';
import { el, pageLanguage } from './site.js';

provideCredit(document.querySelector<HTMLElement>('#account')!, { client });

// The notification feed (GET /notifications): what the host told the workspace lately, in the
// page's language, newest first. A platform would show the same feed in its own inbox.
const FEED = {
  en: {
    types: { threshold: 'Balance', budget: 'Budget', anomaly: 'Unusual day', recharge: 'Recharge', 'recharge-limit': 'Recharge limit', 'grant-expiring': 'Expiring', 'statement-ready': 'Statement', 'usage-report': 'Report' },
    empty: 'Nothing yet: low balances, unusual days, recharges and statements appear here.',
    error: 'The notifications could not be loaded.',
  },
  de: {
    types: { threshold: 'Guthaben', budget: 'Budget', anomaly: 'Auffälliger Tag', recharge: 'Aufladung', 'recharge-limit': 'Aufladelimit', 'grant-expiring': 'Verfall', 'statement-ready': 'Abrechnung', 'usage-report': 'Bericht' },
    empty: 'Noch nichts: Niedrige Guthaben, auffällige Tage, Aufladungen und Abrechnungen erscheinen hier.',
    error: 'Die Benachrichtigungen konnten nicht geladen werden.',
  },
} satisfies Record<'en' | 'de', { types: Record<Notification['type'], string>; empty: string; error: string }>;

async function showFeed(list: HTMLOListElement): Promise<void> {
  const lang = pageLanguage();
  const strings = FEED[lang];
  const item = (n: Notification) =>
    el('li', { className: 'feed-item' },
      el('span', { className: `eyebrow feed-type feed-${n.type}` }, strings.types[n.type]),
      el('span', { className: 'feed-message' }, n.message[lang]),
      el('time', { className: 'feed-time muted small', dateTime: n.at }, formatDate(n.at, lang === 'de' ? 'de-DE' : 'en-US', { dateStyle: 'medium', timeStyle: 'short' })));
  try {
    const { notifications } = await client.getNotifications({ limit: 5 });
    list.replaceChildren(...(notifications.length ? notifications.map(item) : [el('li', { className: 'muted small' }, strings.empty)]));
  } catch {
    list.replaceChildren(el('li', { className: 'muted small' }, strings.error));
  }
  list.removeAttribute('aria-busy');
}
void showFeed(document.querySelector<HTMLOListElement>('#feed')!);

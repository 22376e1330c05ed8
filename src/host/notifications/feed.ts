// A stored notification as the feed and webhooks show it: a stable id, its type, who it is
// about, the figures behind it, and what happened in English and German.
import { Decimal, toPlain } from '../../core/decimal.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import type { Notification, NotificationSubject, NotificationType } from '../../sdk/contract/index.js';
import type { StoredNotification } from '../store/types.js';

/** The id a notification keeps in the feed and in every delivery: receivers de-duplicate on it. */
export const eventIdOf = (seq: number): string => `evt_${seq}`;
export const seqOfEventId = (id: string): number | undefined => (/^evt_(\d{1,15})$/.test(id) ? Number(id.slice(4)) : undefined);

/** The stored kind (`low-20`, `budget-80`, `anomaly` …) as the API's type. */
export function typeOf(kind: string): NotificationType {
  if (kind.startsWith('low-') || kind === 'depleted') return 'threshold';
  if (kind.startsWith('budget-')) return 'budget';
  return (['anomaly', 'recharge', 'recharge-limit', 'grant-expiring', 'statement-ready', 'usage-report'] as const).find((t) => t === kind) ?? 'threshold';
}

const whole = (credits: unknown, locale: 'en' | 'de') => formatNumber(toPlain(new Decimal(typeof credits === 'string' && credits !== '' ? credits : '0').toDecimalPlaces(0)), locale, { maximumFractionDigits: 0 });
const monthName = (period: unknown, locale: 'en' | 'de') => formatDate(`${String(period)}-01T00:00:00Z`, locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
const dayName = (day: unknown, locale: 'en' | 'de') => formatDate(`${String(day)}T00:00:00Z`, locale, { dateStyle: 'medium', timeZone: 'UTC' });

/** What happened, in words. */
function messageOf(n: StoredNotification, data: Record<string, unknown>, subject: NotificationSubject): { en: string; de: string } {
  const type = typeOf(n.kind);
  const balance = { en: whole(n.balance, 'en'), de: whole(n.balance, 'de') };
  switch (type) {
    case 'threshold': {
      const percent = typeof data.percent === 'string' ? data.percent : n.kind === 'depleted' ? '0' : n.kind.slice(4);
      if (new Decimal(percent).isZero()) return { en: 'Credits used up: AI is paused until credits are loaded', de: 'Credits aufgebraucht: Die KI pausiert, bis Credits geladen werden' };
      return { en: `Balance at ${percent} % of the last top-up: ${balance.en} credits left`, de: `Guthaben bei ${percent} % der letzten Aufladung: noch ${balance.de} Credits` };
    }
    case 'budget':
      return {
        en: `${subject.name} has used ${String(data.percent)} % of its monthly budget (${whole(data.used, 'en')} of ${whole(data.budget, 'en')} credits)`,
        de: `${subject.name} hat ${String(data.percent)} % des Monatsbudgets verbraucht (${whole(data.used, 'de')} von ${whole(data.budget, 'de')} Credits)`,
      };
    case 'anomaly': {
      const reason = data.reason as { en?: string; de?: string } | undefined;
      return { en: `${subject.name}: ${reason?.en ?? n.detail ?? ''}`, de: `${subject.name}: ${reason?.de ?? n.detail ?? ''}` };
    }
    case 'recharge': {
      const credits = data.credits ?? /of ([\d.]+) credits/.exec(n.detail ?? '')?.[1];
      return { en: `Auto-recharge loaded ${whole(credits, 'en')} credits`, de: `Automatische Aufladung: ${whole(credits, 'de')} Credits geladen` };
    }
    case 'recharge-limit': {
      const limit = data.monthlyLimit ?? /limit of ([\d.]+) credits/.exec(n.detail ?? '')?.[1];
      return { en: `The monthly auto-recharge limit of ${whole(limit, 'en')} credits is reached`, de: `Das monatliche Limit der automatischen Aufladung von ${whole(limit, 'de')} Credits ist erreicht` };
    }
    case 'grant-expiring':
      return { en: `${whole(data.credits, 'en')} credits expire on ${dayName(data.lastDay, 'en')}`, de: `${whole(data.credits, 'de')} Credits verfallen am ${dayName(data.lastDay, 'de')}` };
    case 'statement-ready':
      return { en: `The statement for ${monthName(data.period, 'en')} is ready`, de: `Die Abrechnung für ${monthName(data.period, 'de')} liegt vor` };
    case 'usage-report':
      return {
        en: `${monthName(data.period, 'en')}: ${whole(data.credits, 'en')} credits used in ${formatNumber(String(data.events ?? 0), 'en')} usage events`,
        de: `${monthName(data.period, 'de')}: ${whole(data.credits, 'de')} Credits in ${formatNumber(String(data.events ?? 0), 'de')} Vorgängen verbraucht`,
      };
  }
}

/** A stored notification of `organisation` as the API shows it. */
export function notificationOut(n: StoredNotification, organisation: { id: string; name: string }): Notification {
  let data: Record<string, unknown> = {};
  try {
    data = n.data ? (JSON.parse(n.data) as Record<string, unknown>) : {};
  } catch {
    // an unreadable data column shows as no figures, never as a failed feed
  }
  const subject = (data.subject as NotificationSubject | undefined) ?? { kind: 'organisation' as const, id: organisation.id, name: organisation.name };
  return { id: eventIdOf(n.seq), type: typeOf(n.kind), at: n.at, balance: n.balance, message: messageOf(n, data, subject), subject, data };
}

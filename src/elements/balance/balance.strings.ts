// <credit-balance>'s own strings; the shared ones (credits, retry, offline, stale) are in src/i18n.
import { defineStrings } from '../../i18n/index.js';

export interface BalanceStrings {
  label: string;
  loading: string;
  error: string;
  refresh: string;
  refreshing: string;
  normal: string;
  low: (percent: string) => string;
  critical: (percent: string) => string;
  depleted: string;
  /** Announced when the balance is back to normal after a low state. */
  recovered: string;
  meterLabel: string;
  meterText: (percent: string) => string;
  updated: (time: string) => string;
  staleSince: (time: string) => string;
  autoRecharge: (recharge: string, threshold: string) => string;
  autoRechargeLimit: (used: string, limit: string) => string;
  autoRechargeOff: string;
  available: (credits: string) => string;
  /** The short badge of each level. */
  levels: Record<'normal' | 'low' | 'critical' | 'depleted', string>;
  /** "300 credits expire on 31 Dec". */
  expires: (credits: string, day: string) => string;
  topUp: string;
  autoRechargeOn: string;
}

export const balanceStrings = defineStrings<BalanceStrings>({
  en: {
    label: 'Credit balance',
    loading: 'Loading your balance…',
    error: 'Your balance could not be loaded.',
    refresh: 'Refresh balance',
    refreshing: 'Refreshing…',
    normal: 'Balance OK',
    low: (p) => `Low balance: below ${p} of your last top-up`,
    critical: (p) => `Very low balance: below ${p} of your last top-up`,
    depleted: 'No credits left: AI features are paused until credits are loaded.',
    recovered: 'Credits loaded: your balance is back to normal.',
    meterLabel: 'Balance left of your last top-up',
    meterText: (p) => `${p} left`,
    updated: (t) => `Updated ${t}`,
    staleSince: (t) => `May be out of date: last updated ${t}`,
    autoRecharge: (r, t) => `Auto-recharge: ${r} when the balance falls below ${t}`,
    autoRechargeLimit: (u, l) => `${u} of at most ${l} recharged this month`,
    autoRechargeOff: 'Auto-recharge is off.',
    available: (c) => `You can spend ${c} within your limits.`,
    levels: { normal: 'Balance OK', low: 'Low', critical: 'Very low', depleted: 'Paused' },
    expires: (c, d) => `${c} expire on ${d}`,
    topUp: 'Top up credits',
    autoRechargeOn: 'Auto-recharge on',
  },
  de: {
    label: 'Credit-Guthaben',
    loading: 'Ihr Guthaben wird geladen…',
    error: 'Ihr Guthaben konnte nicht geladen werden.',
    refresh: 'Guthaben aktualisieren',
    refreshing: 'Wird aktualisiert…',
    normal: 'Guthaben in Ordnung',
    low: (p) => `Niedriges Guthaben: unter ${p} Ihrer letzten Aufladung`,
    critical: (p) => `Sehr niedriges Guthaben: unter ${p} Ihrer letzten Aufladung`,
    depleted: 'Keine Credits mehr: KI-Funktionen sind pausiert, bis Credits aufgeladen werden.',
    recovered: 'Credits aufgeladen: Ihr Guthaben ist wieder im normalen Bereich.',
    meterLabel: 'Verbleibendes Guthaben Ihrer letzten Aufladung',
    meterText: (p) => `${p} übrig`,
    updated: (t) => `Aktualisiert ${t}`,
    staleSince: (t) => `Möglicherweise veraltet: zuletzt aktualisiert ${t}`,
    autoRecharge: (r, t) => `Automatische Aufladung: ${r}, wenn das Guthaben unter ${t} fällt`,
    autoRechargeLimit: (u, l) => `${u} von höchstens ${l} in diesem Monat aufgeladen`,
    autoRechargeOff: 'Automatische Aufladung ist aus.',
    available: (c) => `Im Rahmen Ihrer Limits können Sie ${c} verbrauchen.`,
    levels: { normal: 'Guthaben in Ordnung', low: 'Niedrig', critical: 'Sehr niedrig', depleted: 'Pausiert' },
    expires: (c, d) => `${c} verfallen am ${d}`,
    topUp: 'Credits aufladen',
    autoRechargeOn: 'Automatische Aufladung an',
  },
});

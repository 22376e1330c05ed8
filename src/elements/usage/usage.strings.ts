// <credit-usage>'s own strings; the shared ones (credits, retry, offline, stale, billing types) are in src/i18n.
import { defineStrings } from '../../i18n/index.js';
import type { GroupBy } from '../../sdk/contract/usage.js';

export type Period = 'this-month' | 'last-30-days' | 'custom';
export type Breakdown = Exclude<GroupBy, 'day'>;

export interface UsageStrings {
  label: string;
  period: string;
  periods: Record<Period, string>;
  from: string;
  to: string;
  badRange: string;
  loading: string;
  error: string;
  empty: string;
  total: (credits: string, events: string) => string;
  chartTitle: string;
  /** Summary read by screen readers for the chart. */
  chartSummary: (from: string, to: string, total: string, peak: string, peakDay: string) => string;
  chartEmpty: (from: string, to: string) => string;
  showTable: string;
  day: string;
  creditsColumn: string;
  share: string;
  breakdownBy: string;
  breakdowns: Record<Breakdown, string>;
  limits: string;
  dailyLimit: string;
  monthlyLimit: string;
  departmentBudget: (name: string) => string;
  meterText: (used: string, limit: string) => string;
  resets: (when: string) => string;
  forecastTitle: string;
  forecast: (credits: string, monthEnd: string) => string;
  runsOut: (day: string) => string;
  noForecast: string;
  staleNote: string;
  exportCsv: string;
  legendUsed: string;
  legendLimit: (limit: string) => string;
  /** Name of the focusable chart: how to read it day by day. */
  chartKeys: string;
  tooltip: (day: string, credits: string) => string;
  /** The legend's key for a day marked as unusual. */
  legendAnomaly: string;
  /** A marked day's accessible name: its date and the host's reason. */
  anomaly: (day: string, reason: string) => string;
  recentChats: string;
  chatsEmpty: string;
  chatsError: string;
  /** A chat's row: who and how many events ("Anna · 3 events"). */
  chatMeta: (user: string, events: string) => string;
}

export const usageStrings = defineStrings<UsageStrings>({
  en: {
    label: 'Credit usage',
    period: 'Period',
    periods: { 'this-month': 'This month', 'last-30-days': 'Last 30 days', custom: 'Custom' },
    from: 'From',
    to: 'To',
    badRange: 'Choose a start day on or before the end day.',
    loading: 'Loading usage…',
    error: 'Usage could not be loaded.',
    empty: 'No usage in this period.',
    total: (c, e) => `${c} used in this period (${e})`,
    chartTitle: 'Credits by day',
    chartSummary: (f, t, total, peak, day) => `Credits used each day from ${f} to ${t}: ${total} in total, most on ${day} (${peak}).`,
    chartEmpty: (f, t) => `No credits used from ${f} to ${t}.`,
    showTable: 'Show the days as a table',
    day: 'Day',
    creditsColumn: 'Credits',
    share: 'Share',
    breakdownBy: 'Break down by',
    breakdowns: { service: 'Service', billingType: 'Billing type', user: 'User', department: 'Department' },
    limits: 'Limits and budgets',
    dailyLimit: 'Your daily limit',
    monthlyLimit: 'Your monthly limit',
    departmentBudget: (n) => `Budget of ${n}`,
    meterText: (u, l) => `${u} of ${l} used`,
    resets: (w) => `resets ${w}`,
    forecastTitle: 'Forecast',
    forecast: (c, d) => `At this rate, ${c} by ${d}`,
    runsOut: (d) => `your balance runs out on ${d}`,
    noForecast: 'Not enough history for a forecast yet.',
    staleNote: 'These figures may be out of date: the last refresh failed.',
    exportCsv: 'Export CSV',
    legendUsed: 'Credits used',
    legendLimit: (l) => `Daily limit (${l})`,
    chartKeys: 'Credits by day: use the arrow keys to read each day',
    tooltip: (d, c) => `${d}: ${c}`,
    legendAnomaly: 'Unusual day',
    anomaly: (d, r) => `Unusual spend on ${d}: ${r}`,
    recentChats: 'Recent chats',
    chatsEmpty: 'No chats yet.',
    chatsError: 'Recent chats could not be loaded.',
    chatMeta: (u, e) => `${u} · ${e}`,
  },
  de: {
    label: 'Credit-Verbrauch',
    period: 'Zeitraum',
    periods: { 'this-month': 'Dieser Monat', 'last-30-days': 'Letzte 30 Tage', custom: 'Benutzerdefiniert' },
    from: 'Von',
    to: 'Bis',
    badRange: 'Wählen Sie einen Starttag am oder vor dem Endtag.',
    loading: 'Verbrauch wird geladen…',
    error: 'Der Verbrauch konnte nicht geladen werden.',
    empty: 'Kein Verbrauch in diesem Zeitraum.',
    total: (c, e) => `${c} in diesem Zeitraum verbraucht (${e})`,
    chartTitle: 'Credits pro Tag',
    chartSummary: (f, t, total, peak, day) => `Täglich verbrauchte Credits vom ${f} bis ${t}: insgesamt ${total}, am meisten am ${day} (${peak}).`,
    chartEmpty: (f, t) => `Vom ${f} bis ${t} wurden keine Credits verbraucht.`,
    showTable: 'Tage als Tabelle anzeigen',
    day: 'Tag',
    creditsColumn: 'Credits',
    share: 'Anteil',
    breakdownBy: 'Aufschlüsseln nach',
    breakdowns: { service: 'Dienst', billingType: 'Abrechnungsart', user: 'Nutzer', department: 'Abteilung' },
    limits: 'Limits und Budgets',
    dailyLimit: 'Ihr Tageslimit',
    monthlyLimit: 'Ihr Monatslimit',
    departmentBudget: (n) => `Budget von ${n}`,
    meterText: (u, l) => `${u} von ${l} verbraucht`,
    resets: (w) => `wird zurückgesetzt am ${w}`,
    forecastTitle: 'Prognose',
    forecast: (c, d) => `Bei diesem Verbrauch ${c} bis zum ${d}`,
    runsOut: (d) => `Ihr Guthaben ist am ${d} aufgebraucht`,
    noForecast: 'Noch zu wenig Verlauf für eine Prognose.',
    staleNote: 'Diese Zahlen sind möglicherweise veraltet: die letzte Aktualisierung ist fehlgeschlagen.',
    exportCsv: 'CSV exportieren',
    legendUsed: 'Verbrauchte Credits',
    legendLimit: (l) => `Tageslimit (${l})`,
    chartKeys: 'Credits pro Tag: mit den Pfeiltasten jeden Tag lesen',
    tooltip: (d, c) => `${d}: ${c}`,
    legendAnomaly: 'Ungewöhnlicher Tag',
    anomaly: (d, r) => `Ungewöhnlicher Verbrauch am ${d}: ${r}`,
    recentChats: 'Letzte Chats',
    chatsEmpty: 'Noch keine Chats.',
    chatsError: 'Die letzten Chats konnten nicht geladen werden.',
    chatMeta: (u, e) => `${u} · ${e}`,
  },
});

/** "12 events" / "1 event" / "12 Ereignisse". */
export function eventsText(count: string, one: boolean, language: 'en' | 'de'): string {
  if (language === 'de') return `${count} ${one ? 'Ereignis' : 'Ereignisse'}`;
  return `${count} ${one ? 'event' : 'events'}`;
}

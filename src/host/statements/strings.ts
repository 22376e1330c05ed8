// The words of a statement in the CSV and the PDF, in English and German.
import { lastCoveredDay } from '../../core/instant.js';
import type { GrantKind } from '../store/types.js';

export type StatementLanguage = 'en' | 'de';

export interface StatementStrings {
  title: string;
  number: string;
  organisation: string;
  period: string;
  statusLabel: string;
  status: { open: string; closed: string };
  opening: string;
  granted: string;
  used: string;
  expired: string;
  closing: string;
  grants: string;
  byDepartment: string;
  byService: string;
  byUser: string;
  expiredCredits: string;
  transfers: string;
  pool: string;
  noDepartment: string;
  none: string;
  kind: Record<GrantKind, string>;
  expires: string;
  credits: string;
  events: string;
  /** CSV header: section, date, item, detail, credits. */
  columns: [string, string, string, string, string];
  section: { statement: string; total: string; grant: string; department: string; service: string; user: string; expiry: string; transfer: string };
  footer: (first: number, last: number) => string;
  noEntries: string;
  page: (n: number, of: number) => string;
  /** A service's price period on its line, by the days it covers: "prices from 2026-11-23", "prices until 2026-11-22". */
  prices: (first: string | undefined, last: string | undefined) => string;
}

export const STATEMENT_STRINGS: Record<StatementLanguage, StatementStrings> = {
  en: {
    title: 'Credit statement',
    number: 'Statement no.',
    organisation: 'Organisation',
    period: 'Period',
    statusLabel: 'Status',
    status: { open: 'open (figures so far)', closed: 'closed' },
    opening: 'Opening balance',
    granted: 'Top-ups and grants',
    used: 'Usage',
    expired: 'Expired credits',
    closing: 'Closing balance',
    grants: 'Top-ups and grants',
    byDepartment: 'Usage by department',
    byService: 'Usage by service',
    byUser: 'Usage by user',
    expiredCredits: 'Expired credits',
    transfers: 'Transfers between departments',
    pool: 'Organisation (unallocated)',
    noDepartment: 'No department',
    none: 'None',
    kind: { paid: 'Top-up', promotional: 'Promotional credits', recharge: 'Auto-recharge', transfer: 'Transfer' },
    expires: 'expires',
    credits: 'Credits',
    events: 'Events',
    columns: ['section', 'date', 'item', 'detail', 'credits'],
    section: { statement: 'statement', total: 'total', grant: 'grant', department: 'department', service: 'service', user: 'user', expiry: 'expiry', transfer: 'transfer' },
    footer: (first, last) => `Made from ledger entries ${first} to ${last}. All amounts in credits, exact.`,
    noEntries: 'No ledger entries in this period.',
    page: (n, of) => `Page ${n} of ${of}`,
    prices: (first, last) => (first && last ? `prices ${first} to ${last}` : first ? `prices from ${first}` : `prices until ${last}`),
  },
  de: {
    title: 'Credit-Abrechnung',
    number: 'Abrechnung Nr.',
    organisation: 'Organisation',
    period: 'Zeitraum',
    statusLabel: 'Status',
    status: { open: 'offen (bisheriger Stand)', closed: 'abgeschlossen' },
    opening: 'Anfangsbestand',
    granted: 'Aufladungen und Gutschriften',
    used: 'Verbrauch',
    expired: 'Verfallene Credits',
    closing: 'Endbestand',
    grants: 'Aufladungen und Gutschriften',
    byDepartment: 'Verbrauch nach Abteilung',
    byService: 'Verbrauch nach Dienst',
    byUser: 'Verbrauch nach Nutzer',
    expiredCredits: 'Verfallene Credits',
    transfers: 'Umbuchungen zwischen Abteilungen',
    pool: 'Organisation (nicht zugeteilt)',
    noDepartment: 'Keine Abteilung',
    none: 'Keine',
    kind: { paid: 'Aufladung', promotional: 'Aktionsguthaben', recharge: 'Automatische Aufladung', transfer: 'Umbuchung' },
    expires: 'verfällt',
    credits: 'Credits',
    events: 'Ereignisse',
    columns: ['Abschnitt', 'Datum', 'Posten', 'Detail', 'Credits'],
    section: { statement: 'Abrechnung', total: 'Summe', grant: 'Gutschrift', department: 'Abteilung', service: 'Dienst', user: 'Nutzer', expiry: 'Verfall', transfer: 'Umbuchung' },
    footer: (first, last) => `Erstellt aus den Buchungen ${first} bis ${last}. Alle Beträge in Credits, exakt.`,
    noEntries: 'Keine Buchungen in diesem Zeitraum.',
    page: (n, of) => `Seite ${n} von ${of}`,
    prices: (first, last) => (first && last ? `Preise ${first} bis ${last}` : first ? `Preise ab ${first}` : `Preise bis ${last}`),
  },
};

/**
 * A statement line's price period in words, by the days it covers (an `until` at midnight ends
 * the day before); undefined for a line without one.
 */
export function pricesText(line: { prices?: { from?: string; until?: string } }, language: StatementLanguage): string | undefined {
  if (!line.prices) return undefined;
  const { from, until } = line.prices;
  const first = from && (from.endsWith('T00:00:00Z') ? from.slice(0, 10) : from);
  const last = until && lastCoveredDay(until).slice(0, until.endsWith('T00:00:00Z') ? 10 : undefined);
  return STATEMENT_STRINGS[language].prices(first, last);
}

/** A statement line's label as the CSV writes it: with its price period, where it has one. */
export function lineLabel(line: { label: string; prices?: { from?: string; until?: string } }, language: StatementLanguage): string {
  const prices = pricesText(line, language);
  return prices ? `${line.label} (${prices})` : line.label;
}

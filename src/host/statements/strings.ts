// The words of a statement in the CSV and the PDF, in English and German: the ones the
// <credit-statement> element shows too come from src/i18n/statement-words.ts.
import { lastCoveredDay } from '../../core/instant.js';
import { statementWords, type StatementWords } from '../../i18n/statement-words.js';
import type { Language } from '../../i18n/locale.js';

export type StatementLanguage = Language;

export interface StatementStrings extends StatementWords {
  title: string;
  organisation: string;
  period: string;
  status: { open: string; closed: string };
  transfers: string;
  pool: string;
  none: string;
  expires: string;
  /** CSV header: section, date, item, detail, credits. */
  columns: [string, string, string, string, string];
  section: { statement: string; total: string; grant: string; department: string; service: string; user: string; expiry: string; transfer: string };
  footer: (first: number, last: number) => string;
  noEntries: string;
  page: (n: number, of: number) => string;
}

export const STATEMENT_STRINGS: Record<StatementLanguage, StatementStrings> = {
  en: {
    ...statementWords.en,
    title: 'Credit statement',
    organisation: 'Organisation',
    period: 'Period',
    status: { open: 'open (figures so far)', closed: 'closed' },
    transfers: 'Transfers between departments',
    pool: 'Organisation (unallocated)',
    none: 'None',
    expires: 'expires',
    columns: ['section', 'date', 'item', 'detail', 'credits'],
    section: { statement: 'statement', total: 'total', grant: 'grant', department: 'department', service: 'service', user: 'user', expiry: 'expiry', transfer: 'transfer' },
    footer: (first, last) => `Made from ledger entries ${first} to ${last}. All amounts in credits, exact.`,
    noEntries: 'No ledger entries in this period.',
    page: (n, of) => `Page ${n} of ${of}`,
  },
  de: {
    ...statementWords.de,
    title: 'Credit-Abrechnung',
    organisation: 'Organisation',
    period: 'Zeitraum',
    status: { open: 'offen (bisheriger Stand)', closed: 'abgeschlossen' },
    transfers: 'Umbuchungen zwischen Abteilungen',
    pool: 'Organisation (nicht zugeteilt)',
    none: 'Keine',
    expires: 'verfällt',
    columns: ['Abschnitt', 'Datum', 'Posten', 'Detail', 'Credits'],
    section: { statement: 'Abrechnung', total: 'Summe', grant: 'Gutschrift', department: 'Abteilung', service: 'Dienst', user: 'Nutzer', expiry: 'Verfall', transfer: 'Umbuchung' },
    footer: (first, last) => `Erstellt aus den Buchungen ${first} bis ${last}. Alle Beträge in Credits, exakt.`,
    noEntries: 'Keine Buchungen in diesem Zeitraum.',
    page: (n, of) => `Seite ${n} von ${of}`,
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

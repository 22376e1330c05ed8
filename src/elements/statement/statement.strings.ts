// <credit-statement>'s own strings, around the statement words it shares with the host's CSV and
// PDF (src/i18n/statement-words.ts); the ones every element shares (retry, offline) are in src/i18n.
import { defineStrings } from '../../i18n/index.js';
import { statementWords, type StatementWords } from '../../i18n/statement-words.js';

export interface StatementStrings extends StatementWords {
  label: string;
  period: string;
  periodLabel: string;
  /** An option of the period picker: "November 2026 · no. 2", "December 2026 · open". */
  periodOption: (month: string, number: number, open: boolean) => string;
  loadingList: string;
  loading: string;
  listError: string;
  error: string;
  empty: string;
  organisation: string;
  status: { open: string; closed: string };
  totals: string;
  name: string;
  date: string;
  expires: (day: string) => string;
  noUsage: string;
  downloads: string;
  csv: string;
  csvDe: string;
  pdf: string;
  pdfDe: string;
  downloading: string;
  downloaded: (file: string) => string;
  downloadError: string;
}

export const statementStrings = defineStrings<StatementStrings>({
  en: {
    ...statementWords.en,
    label: 'Credit statement',
    period: 'Statement',
    periodLabel: 'Period',
    periodOption: (month, number, open) => `${month} · ${open ? 'open' : `no. ${number}`}`,
    loadingList: 'Loading your statements…',
    loading: 'Loading the statement…',
    listError: 'Your statements could not be loaded.',
    error: 'This statement could not be loaded.',
    empty: 'No statements yet: the first one starts with the first credits.',
    organisation: 'Billed to',
    status: { open: 'Open: the figures so far', closed: 'Closed' },
    totals: 'Balance for the period',
    name: 'Name',
    date: 'Date',
    expires: (day) => `expires ${day}`,
    noUsage: 'No usage in this period.',
    downloads: 'Download',
    csv: 'CSV (English)',
    csvDe: 'CSV (Excel, German)',
    pdf: 'PDF (English)',
    pdfDe: 'PDF (German)',
    downloading: 'Preparing…',
    downloaded: (file) => `Downloaded ${file}`,
    downloadError: 'The download failed. Try again.',
  },
  de: {
    ...statementWords.de,
    label: 'Credit-Abrechnung',
    period: 'Abrechnung',
    periodLabel: 'Zeitraum',
    periodOption: (month, number, open) => `${month} · ${open ? 'offen' : `Nr. ${number}`}`,
    loadingList: 'Ihre Abrechnungen werden geladen…',
    loading: 'Die Abrechnung wird geladen…',
    listError: 'Ihre Abrechnungen konnten nicht geladen werden.',
    error: 'Diese Abrechnung konnte nicht geladen werden.',
    empty: 'Noch keine Abrechnungen: Die erste beginnt mit den ersten Credits.',
    organisation: 'Rechnungsempfänger',
    status: { open: 'Offen: bisheriger Stand', closed: 'Abgeschlossen' },
    totals: 'Bestand im Zeitraum',
    name: 'Name',
    date: 'Datum',
    expires: (day) => `verfällt am ${day}`,
    noUsage: 'Kein Verbrauch in diesem Zeitraum.',
    downloads: 'Herunterladen',
    csv: 'CSV (Englisch)',
    csvDe: 'CSV (Excel, deutsch)',
    pdf: 'PDF (Englisch)',
    pdfDe: 'PDF (deutsch)',
    downloading: 'Wird erstellt…',
    downloaded: (file) => `${file} heruntergeladen`,
    downloadError: 'Der Download ist fehlgeschlagen. Bitte erneut versuchen.',
  },
});

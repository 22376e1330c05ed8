// <credit-statement>'s own strings (the words of the host's CSV and PDF, so the three read alike);
// the shared ones (retry, offline, credits) are in src/i18n.
import { defineStrings } from '../../i18n/index.js';
import type { GRANT_KINDS } from '../../sdk/contract/grants.js';

type GrantKind = (typeof GRANT_KINDS)[number];

export interface StatementStrings {
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
  number: string;
  organisation: string;
  statusLabel: string;
  status: { open: string; closed: string };
  opening: string;
  granted: string;
  used: string;
  expired: string;
  closing: string;
  totals: string;
  grants: string;
  byDepartment: string;
  byService: string;
  byUser: string;
  expiredCredits: string;
  name: string;
  events: string;
  credits: string;
  date: string;
  kind: Record<GrantKind, string>;
  expires: (day: string) => string;
  /** A service line's price period, by its first and last day: the prices changed during the statement's month. */
  prices: (first: string | undefined, last: string | undefined) => string;
  noDepartment: string;
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
    label: 'Credit statement',
    period: 'Statement',
    periodLabel: 'Period',
    periodOption: (month, number, open) => `${month} · ${open ? 'open' : `no. ${number}`}`,
    loadingList: 'Loading your statements…',
    loading: 'Loading the statement…',
    listError: 'Your statements could not be loaded.',
    error: 'This statement could not be loaded.',
    empty: 'No statements yet: the first one starts with the first credits.',
    number: 'Statement no.',
    organisation: 'Billed to',
    statusLabel: 'Status',
    status: { open: 'Open: the figures so far', closed: 'Closed' },
    opening: 'Opening balance',
    granted: 'Top-ups and grants',
    used: 'Usage',
    expired: 'Expired credits',
    closing: 'Closing balance',
    totals: 'Balance for the period',
    grants: 'Top-ups and grants',
    byDepartment: 'Usage by department',
    byService: 'Usage by service',
    byUser: 'Usage by user',
    expiredCredits: 'Expired credits',
    name: 'Name',
    events: 'Events',
    credits: 'Credits',
    date: 'Date',
    kind: { paid: 'Top-up', promotional: 'Promotional credits', recharge: 'Auto-recharge', transfer: 'Transfer' },
    expires: (day) => `expires ${day}`,
    prices: (first, last) => (first && last ? `prices from ${first} to ${last}` : first ? `prices from ${first}` : `prices until ${last}`),
    noDepartment: 'No department',
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
    label: 'Credit-Abrechnung',
    period: 'Abrechnung',
    periodLabel: 'Zeitraum',
    periodOption: (month, number, open) => `${month} · ${open ? 'offen' : `Nr. ${number}`}`,
    loadingList: 'Ihre Abrechnungen werden geladen…',
    loading: 'Die Abrechnung wird geladen…',
    listError: 'Ihre Abrechnungen konnten nicht geladen werden.',
    error: 'Diese Abrechnung konnte nicht geladen werden.',
    empty: 'Noch keine Abrechnungen: Die erste beginnt mit den ersten Credits.',
    number: 'Abrechnung Nr.',
    organisation: 'Rechnungsempfänger',
    statusLabel: 'Status',
    status: { open: 'Offen: bisheriger Stand', closed: 'Abgeschlossen' },
    opening: 'Anfangsbestand',
    granted: 'Aufladungen und Gutschriften',
    used: 'Verbrauch',
    expired: 'Verfallene Credits',
    closing: 'Endbestand',
    totals: 'Bestand im Zeitraum',
    grants: 'Aufladungen und Gutschriften',
    byDepartment: 'Verbrauch nach Abteilung',
    byService: 'Verbrauch nach Dienst',
    byUser: 'Verbrauch nach Nutzer',
    expiredCredits: 'Verfallene Credits',
    name: 'Name',
    events: 'Ereignisse',
    credits: 'Credits',
    date: 'Datum',
    kind: { paid: 'Aufladung', promotional: 'Aktionsguthaben', recharge: 'Automatische Aufladung', transfer: 'Umbuchung' },
    expires: (day) => `verfällt am ${day}`,
    prices: (first, last) => (first && last ? `Preise vom ${first} bis ${last}` : first ? `Preise ab ${first}` : `Preise bis ${last}`),
    noDepartment: 'Keine Abteilung',
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

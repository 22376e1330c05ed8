// The words a credit statement uses wherever it is shown: in <credit-statement> and in the host's
// CSV and PDF, so that the three read alike. Each adds its own words around these.
import type { Language } from './locale.js';

/** How a grant came about (the host's grant kinds; the element and the host check theirs against it). */
export type StatementGrantKind = 'paid' | 'promotional' | 'recharge' | 'transfer';

export interface StatementWords {
  number: string;
  statusLabel: string;
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
  noDepartment: string;
  credits: string;
  events: string;
  kind: Record<StatementGrantKind, string>;
  /**
   * A service line's price period, by the first and last day it covers (the prices changed during
   * the statement's month): "prices from Nov 23, 2026", "prices until 2026-11-22".
   */
  prices: (first: string | undefined, last: string | undefined) => string;
}

export const statementWords: Record<Language, StatementWords> = {
  en: {
    number: 'Statement no.',
    statusLabel: 'Status',
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
    noDepartment: 'No department',
    credits: 'Credits',
    events: 'Events',
    kind: { paid: 'Top-up', promotional: 'Promotional credits', recharge: 'Auto-recharge', transfer: 'Transfer' },
    prices: (first, last) => (first && last ? `prices from ${first} to ${last}` : first ? `prices from ${first}` : `prices until ${last}`),
  },
  de: {
    number: 'Abrechnung Nr.',
    statusLabel: 'Status',
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
    noDepartment: 'Keine Abteilung',
    credits: 'Credits',
    events: 'Ereignisse',
    kind: { paid: 'Aufladung', promotional: 'Aktionsguthaben', recharge: 'Automatische Aufladung', transfer: 'Umbuchung' },
    prices: (first, last) => (first && last ? `Preise vom ${first} bis ${last}` : first ? `Preise ab ${first}` : `Preise bis ${last}`),
  },
};

// The words around an amount in a second currency: the note that names the rate, its source and
// date, and the currency that is actually charged. One place for the price list and the balance.
import { formatDate, formatNumber } from './format.js';
import { languageOf } from './locale.js';
import { commonStrings } from './strings.js';

/** The rate as a note states it (structurally core's ExchangeRate: i18n depends on nothing). */
export interface RateForNote {
  from: string;
  to: string;
  rate: string;
  date: string;
  source?: string;
}

/** "≈ amounts at 1 EUR = 1.0843 USD (ECB, Dec 1, 2026), for information only: charges are in EUR." */
export function exchangeNote(rate: RateForNote, billed: string, locale: string): string {
  const s = commonStrings(languageOf(locale));
  const quoted = `1 ${rate.from} = ${formatNumber(rate.rate, locale, { maximumFractionDigits: 12 })} ${rate.to}`;
  const day = formatDate(rate.date, locale);
  return s.exchangeNote(quoted, rate.source ? `${rate.source}, ${day}` : day, billed);
}

// creditkit i18n: locale resolution, cached Intl formatters and the shared en/de strings. Depends on nothing.
export { resolveLocale, closestLang, canonicalLocale, languageOf, type Language } from './locale.js';
export {
  numberFormat,
  formatNumber,
  formatCreditAmount,
  formatCredits,
  formatMoney,
  formatPercent,
  formatRoundedCredits,
  formatContextWindow,
  formatDate,
  plural,
  roundsToZero,
  roundHalfUp,
  roundingFootnote,
  type CreditFormat,
  type DecimalsOptions,
} from './format.js';
export { commonStrings, unitLabel, billingTypeName, defineStrings, type CommonStrings, type UnitId } from './strings.js';
export { exchangeNote, type RateForNote } from './exchange-note.js';

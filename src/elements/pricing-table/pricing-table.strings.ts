// <credit-pricing-table>'s own strings (the shared ones are in src/i18n).
import { defineStrings } from '../../i18n/index.js';

export interface PricingTableStrings {
  search: string;
  searchPlaceholder: string;
  brand: string;
  allBrands: string;
  billingType: string;
  allBillingTypes: string;
  model: string;
  /** Legend of the key-mode switch, and its third option. */
  keyModeSwitch: string;
  bothKeyModes: string;
  keys: { input: string; output: string; cachedInput: string; audio: string; characters: string; request: string; storage: string };
  /** Column: what 1,000 credits buy ({amount} is the formatted 1,000); with the key mode when the table shows several. */
  buys: (amount: string, keyMode?: string) => string;
  quantity: { inputTokens: string; cachedInputTokens: string; outputTokens: string; audioSeconds: string; characters: string; requests: string; tokenDays: string; imageTokens: string };
  unlimited: string;
  notApplicable: string;
  cheapest: string;
  published: string;
  priceChanged: string;
  newService: string;
  sortBy: (column: string) => string;
  shown: (shown: string, total: string) => string;
  empty: string;
  clearFilters: string;
  loadFailed: string;
  refreshFailed: (date: string) => string;
  updated: (repriced: number, added: number, removed: number) => string;
  catalogVersion: (version: string) => string;
  source: string;
  asOf: (date: string) => string;
  checkedAt: (time: string) => string;
}

export const pricingTableStrings = defineStrings<PricingTableStrings>({
  en: {
    search: 'Search models',
    searchPlaceholder: 'Model, brand or alias',
    brand: 'Brand',
    allBrands: 'All brands',
    billingType: 'Billing type',
    allBillingTypes: 'All billing types',
    model: 'Model',
    keyModeSwitch: 'Prices with',
    bothKeyModes: 'Both',
    keys: { input: 'Input', output: 'Output', cachedInput: 'Cached input', audio: 'Audio', characters: 'Characters', request: 'Request', storage: 'Storage' },
    buys: (amount, keyMode) => `${amount} credits buy${keyMode ? ` (${keyMode})` : ''}`,
    quantity: {
      inputTokens: 'input tokens',
      cachedInputTokens: 'cached tokens',
      outputTokens: 'output tokens',
      audioSeconds: 's of audio',
      characters: 'characters',
      requests: 'requests',
      tokenDays: 'token-days',
      imageTokens: 'image tokens',
    },
    unlimited: 'unlimited',
    notApplicable: 'not applicable',
    cheapest: 'cheapest',
    published: 'published',
    priceChanged: 'price changed',
    newService: 'new',
    sortBy: (column) => `Sort by ${column}`,
    shown: (shown, total) => `${shown} of ${total} services`,
    empty: 'No service matches the search and filters.',
    clearFilters: 'Clear search and filters',
    loadFailed: 'The price list could not be loaded.',
    refreshFailed: (date) => `The price list could not be refreshed. Showing the prices checked on ${date}.`,
    updated: (repriced, added, removed) =>
      `Price list updated: ${repriced} service${repriced === 1 ? '' : 's'} repriced, ${added} added, ${removed} removed.`,
    catalogVersion: (version) => `Catalog ${version}`,
    source: 'Source',
    asOf: (date) => `prices as of ${date}`,
    checkedAt: (time) => `checked ${time}`,
  },
  de: {
    search: 'Modelle suchen',
    searchPlaceholder: 'Modell, Marke oder Alias',
    brand: 'Marke',
    allBrands: 'Alle Marken',
    billingType: 'Abrechnungsart',
    allBillingTypes: 'Alle Abrechnungsarten',
    model: 'Modell',
    keyModeSwitch: 'Preise mit',
    bothKeyModes: 'Beide',
    keys: { input: 'Eingabe', output: 'Ausgabe', cachedInput: 'Gecachte Eingabe', audio: 'Audio', characters: 'Zeichen', request: 'Anfrage', storage: 'Speicher' },
    buys: (amount, keyMode) => `${amount} Credits reichen für${keyMode ? ` (${keyMode})` : ''}`,
    quantity: {
      inputTokens: 'Eingabe-Tokens',
      cachedInputTokens: 'gecachte Tokens',
      outputTokens: 'Ausgabe-Tokens',
      audioSeconds: 's Audio',
      characters: 'Zeichen',
      requests: 'Anfragen',
      tokenDays: 'Token-Tage',
      imageTokens: 'Bild-Tokens',
    },
    unlimited: 'unbegrenzt',
    notApplicable: 'entfällt',
    cheapest: 'günstigster',
    published: 'veröffentlicht',
    priceChanged: 'Preis geändert',
    newService: 'neu',
    sortBy: (column) => `Nach ${column} sortieren`,
    shown: (shown, total) => `${shown} von ${total} Diensten`,
    empty: 'Kein Dienst passt zu Suche und Filtern.',
    clearFilters: 'Suche und Filter zurücksetzen',
    loadFailed: 'Die Preisliste konnte nicht geladen werden.',
    refreshFailed: (date) => `Die Preisliste konnte nicht aktualisiert werden. Angezeigt werden die Preise vom ${date}.`,
    updated: (repriced, added, removed) =>
      `Preisliste aktualisiert: ${repriced} ${repriced === 1 ? 'Dienst' : 'Dienste'} mit neuem Preis, ${added} neu, ${removed} entfernt.`,
    catalogVersion: (version) => `Katalog ${version}`,
    source: 'Quelle',
    asOf: (date) => `Preise vom ${date}`,
    checkedAt: (time) => `geprüft ${time}`,
  },
});

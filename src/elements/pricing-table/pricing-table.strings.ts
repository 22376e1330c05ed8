// <credit-pricing-table>'s own strings (the shared ones are in src/i18n).
import { defineStrings } from '../../i18n/index.js';
import type { PriceKey, QuantityKind } from '../../core/index.js';

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
  keys: Record<PriceKey, string>;
  /** Column: what 1,000 credits buy ({amount} is the formatted 1,000), with the key mode picked in the toolbar. */
  buys: (amount: string) => string;
  quantity: Record<QuantityKind, string>;
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
  /** Toolbar: the billing-type chips ("All"), token unit and currency display. */
  allTypes: string;
  unitSwitch: string;
  perThousand: string;
  perMillion: string;
  displaySwitch: string;
  credits: string;
  bothDisplays: string;
  jumpTo: string;
  skipList: string;
  context: string;
  /** The row action, and its name for screen readers with the model. */
  estimate: string;
  estimateModel: (model: string) => string;
  details: (model: string) => string;
  showAll: (count: string, group: string) => string;
  /** "≈ 944 chats", and the footnote that says what a chat is. */
  chats: (count: string) => string;
  chatAssumption: (input: string, output: string) => string;
  /** Credit packages (plan cards). */
  packages: string;
  packageCredits: (credits: string) => string;
  perCredit: (price: string) => string;
  recommended: string;
  buy: (name: string) => string;
  contactSales: string;
  onRequest: string;
  customFrom: (credits: string) => string;
  discount: (percent: string) => string;
  /** The service-tier switch's legend (the tiers' names are common strings). */
  serviceTierSwitch: string;
  /** An announced change: "from 1 Jan: 0.33". */
  priceFrom: (date: string, price: string) => string;
  /** A recent change: "was 0.11" (struck through) "until 23 Nov"; the words carry it, not the strike. */
  priceWas: string;
  priceUntil: (date: string) => string;
  /** The footer when `at` asks for another instant than now: "showing the prices in force on Nov 20, 2026". */
  pricesAt: (date: string) => string;
  /** A long-context tier: "above 200K tokens: 2.50". */
  priceAbove: (tokens: string, price: string) => string;
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
    keys: { input: 'Input', output: 'Output', cachedInput: 'Cached input', cacheWrite: 'Cache write', cacheWrite1h: 'Cache write (1 h)', reasoning: 'Reasoning', webSearch: 'Web search / call', inputAudio: 'Audio input', outputAudio: 'Audio output', audio: 'Audio', audioOutput: 'Audio output', characters: 'Characters', request: 'Request', storage: 'Storage' },
    buys: (amount) => `${amount} credits buy`,
    quantity: {
      inputTokens: 'input tokens',
      cachedInputTokens: 'cached tokens',
      cacheWriteTokens: 'cache-write tokens',
      cacheWrite1hTokens: 'cache-write tokens (1 h)',
      outputTokens: 'output tokens',
      reasoningTokens: 'reasoning tokens',
      webSearches: 'web searches',
      audioSeconds: 's of audio',
      audioOutputSeconds: 's of audio output',
      audioInputTokens: 'audio input tokens',
      audioOutputTokens: 'audio output tokens',
      generatedImages: 'images',
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
    allTypes: 'All',
    unitSwitch: 'Token prices per',
    perThousand: '1K',
    perMillion: '1M',
    displaySwitch: 'Show prices in',
    credits: 'Credits',
    bothDisplays: 'Both',
    jumpTo: 'Jump to',
    skipList: 'Skip the price list',
    context: 'Context',
    estimate: 'Estimate a month',
    estimateModel: (model) => `Estimate a month with ${model}`,
    details: (model) => `Details of ${model}`,
    showAll: (count, group) => `Show all ${count} ${group}`,
    chats: (count) => `≈ ${count} chats`,
    chatAssumption: (input, output) => `≈ chats: a typical chat of ${input} input and ${output} output tokens. Yours may be longer or shorter.`,
    packages: 'Credit packages',
    packageCredits: (credits) => `${credits} credits`,
    perCredit: (price) => `${price} per credit`,
    recommended: 'Recommended',
    buy: (name) => `Buy ${name}`,
    contactSales: 'Contact sales',
    onRequest: 'Price on request',
    customFrom: (credits) => `from ${credits} credits`,
    discount: (percent) => `Save ${percent}`,
    serviceTierSwitch: 'Service tier',
    priceFrom: (date, price) => `from ${date}: ${price}`,
    priceWas: 'was',
    priceUntil: (date) => `until ${date}`,
    priceAbove: (tokens, price) => `above ${tokens} tokens: ${price}`,
    pricesAt: (date) => `showing the prices in force on ${date}`,
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
    keys: { input: 'Eingabe', output: 'Ausgabe', cachedInput: 'Gecachte Eingabe', cacheWrite: 'Cache-Schreiben', cacheWrite1h: 'Cache-Schreiben (1 h)', reasoning: 'Reasoning', webSearch: 'Websuche / Aufruf', inputAudio: 'Audio-Eingabe', outputAudio: 'Audio-Ausgabe', audio: 'Audio', audioOutput: 'Audio-Ausgabe', characters: 'Zeichen', request: 'Anfrage', storage: 'Speicher' },
    buys: (amount) => `${amount} Credits reichen für`,
    quantity: {
      inputTokens: 'Eingabe-Tokens',
      cachedInputTokens: 'gecachte Tokens',
      cacheWriteTokens: 'Cache-Schreib-Tokens',
      cacheWrite1hTokens: 'Cache-Schreib-Tokens (1 h)',
      outputTokens: 'Ausgabe-Tokens',
      reasoningTokens: 'Reasoning-Tokens',
      webSearches: 'Websuchen',
      audioSeconds: 's Audio',
      audioOutputSeconds: 's Audio-Ausgabe',
      audioInputTokens: 'Audio-Eingabe-Tokens',
      audioOutputTokens: 'Audio-Ausgabe-Tokens',
      generatedImages: 'Bilder',
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
    allTypes: 'Alle',
    unitSwitch: 'Token-Preise pro',
    perThousand: '1K',
    perMillion: '1M',
    displaySwitch: 'Preise in',
    credits: 'Credits',
    bothDisplays: 'Beides',
    jumpTo: 'Springen zu',
    skipList: 'Preisliste überspringen',
    context: 'Kontext',
    estimate: 'Monat schätzen',
    estimateModel: (model) => `Monat schätzen mit ${model}`,
    details: (model) => `Details zu ${model}`,
    showAll: (count, group) => `Alle ${count} anzeigen: ${group}`,
    chats: (count) => `≈ ${count} Chats`,
    chatAssumption: (input, output) => `≈ Chats: ein typischer Chat mit ${input} Eingabe- und ${output} Ausgabe-Tokens. Ihre können länger oder kürzer sein.`,
    packages: 'Credit-Pakete',
    packageCredits: (credits) => `${credits} Credits`,
    perCredit: (price) => `${price} pro Credit`,
    recommended: 'Empfohlen',
    buy: (name) => `${name} kaufen`,
    contactSales: 'Vertrieb kontaktieren',
    onRequest: 'Preis auf Anfrage',
    customFrom: (credits) => `ab ${credits} Credits`,
    discount: (percent) => `${percent} sparen`,
    serviceTierSwitch: 'Servicestufe',
    priceFrom: (date, price) => `ab ${date}: ${price}`,
    priceWas: 'bisher',
    priceUntil: (date) => `bis ${date}`,
    priceAbove: (tokens, price) => `über ${tokens} Tokens: ${price}`,
    pricesAt: (date) => `angezeigt: die Preise vom ${date}`,
  },
});

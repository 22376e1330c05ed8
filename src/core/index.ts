// creditkit core: DOM-free, synchronous, isomorphic (browser, Web Worker, Node).
export { parseCatalog } from './catalog/parse.js';
export { lintCatalog, unitLabel, type LintWarning, type LintRule } from './catalog/lint.js';
export { defaultKeyMode } from './catalog/key-modes.js';
export { findService, tryFindService, nearestIds, normalizeName, MAX_SERVICE_NAME_LENGTH } from './catalog/find.js';
export { searchTextOf, searchTerms, matchesSearch } from './catalog/search.js';
export { effectivePrice, priceKeysOf, type EffectivePrice } from './catalog/prices.js';
export {
  catalogSchema,
  UNITS,
  PRICE_KEYS,
  SERVICE_TIERS,
  PRICE_FALLBACK,
  type ServiceTier,
  type Catalog,
  type CatalogInput,
  type CatalogLike,
  type Service,
  type EarlierPrices,
  type PriceSet,
  type PriceKey,
  type Price,
  type Unit,
  type Cap,
  type CreditPackage,
  type RoundingPolicy,
  type BillingTypeInfo,
  type KeyModeInfo,
} from './catalog/schema.js';
export { rate, rateMany, type RateOptions } from './rating/rate.js';
export { catalogAt, pricePeriods, periodAt, hasHistory, describePeriod, type PricePeriod } from './catalog/periods.js';
export { instantMs, formatInstant, lastCoveredDay, INSTANT_PATTERN } from './instant.js';
export type { Charge, ChargeLine, Money } from './rating/charge.js';
export { chatTurnUsage, rateChatTurn, CHAT_TURN_PARTS, type ChatTurn, type ChatTurnPart, type ChatTurnLine, type ChatTurnCharge } from './rating/turn.js';
export {
  QUANTITY_KINDS,
  PRICE_KEY_OF,
  USAGE_FIELDS,
  HOST_RECORD_FIELDS,
  usageShapeIssues,
  type Usage,
  type HostUsage,
  type UsageField,
  type UsageFieldSpec,
  type UsageFieldType,
  type ImageInput,
  type QuantityKind,
} from './rating/usage.js';
export { budgetToQuantity, unitsForCredits, type Budget, type BudgetQuantity } from './budget.js';
export { allocateDisplay, type DisplayAllocation } from './allocate.js';
export { creditsToMoney, moneyToCredits, sumDecimals, compareDecimals } from './money.js';
export { imageTokens, type ImageTokenRule } from './images.js';
export { isPlainDecimal } from './decimal-text.js';
export { toCsv, csvCell, type CsvCell } from './csv.js';
export {
  CreditError,
  CatalogError,
  UsageError,
  NotOfferedError,
  UnknownServiceError,
  AmbiguousServiceError,
  type Issue,
} from './errors.js';
export { diffCatalogs, isEmptyDiff, priceChanges, type CatalogDiff, type PriceChange, type RepricedService } from './catalog/diff.js';
export { likelyRenames, type LikelyRename } from './catalog/renames.js';
export { mergeHistory, type HistoryResult } from './catalog/history.js';
export { importTable, importLiteLLM, importGenaiPrices, isGenaiPrices, ImportError, DEFAULT_BRANDS, formatIssue, type ImportResult, type ImportIssue, type TableImportOptions, type LiteLLMImportOptions, type GenaiPricesImportOptions, type BrandMap, type SectionKey } from './catalog/import/index.js';
export * from './simulate/index.js';

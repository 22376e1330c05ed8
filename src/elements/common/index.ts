// Shared building blocks of the creditkit elements (no element registration here).
export { theme, REFERENCE_COLORS, SYSTEM_COLORS } from './theme.styles.js';
export { CreditElement } from './credit-element.js';
export { CreditEvent, CreditErrorEvent } from './events.js';
export { LocaleController } from './locale-controller.js';
export {
  fetchCatalog,
  loadParser,
  validCatalog,
  isParsedCatalog,
  CatalogLoadError,
  loadErrorText,
  CATALOG_TIMEOUT_SECONDS,
  CATALOG_MAX_BYTES,
  type CatalogLoadReason,
  type FetchLike,
  type CatalogFetchResult,
  type CatalogFetchOptions,
} from './catalog-fetch.js';
export { CatalogController, type CatalogControllerOptions, type CatalogSource, type CatalogStatus } from './catalog-controller.js';
export { provideCredit, clientContext, catalogContext, type CreditContextValues, type CreditContextHandle } from './context.js';
export { Announcer } from './announcer.js';

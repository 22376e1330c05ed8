// Shared building blocks of the creditkit elements (no element registration here).
export { theme, COLOR_TOKENS } from './theme.styles.js';
export { CreditEvent, CreditErrorEvent } from './events.js';
export { LocaleController } from './locale-controller.js';
export { fetchCatalog, loadParser, validCatalog, isParsedCatalog, CatalogLoadError, type FetchLike, type CatalogFetchResult } from './catalog-fetch.js';
export { CatalogController, type CatalogControllerOptions, type CatalogStatus } from './catalog-controller.js';
export { Announcer } from './announcer.js';

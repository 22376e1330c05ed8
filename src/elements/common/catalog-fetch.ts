// One catalog request: conditional on the ETag we hold, validated with parseCatalog. A 304 means
// "what you have is current"; anything else that is not a valid catalog is an error.
// The validator (zod/mini + Decimal, ~20 KB gz) loads in parallel with the request, so it is not
// in an element's first-paint bundle.
import { CreditError } from '../../core/errors.js';
import type { Catalog, CatalogLike } from '../../core/catalog/schema.js';

let parser: Promise<typeof import('../../core/catalog/parse.js')> | undefined;
/** core's parseCatalog, loaded once on first use. */
export function loadParser(): Promise<typeof import('../../core/catalog/parse.js')> {
  parser ??= import('../../core/catalog/parse.js');
  return parser;
}

/** True for a catalog made by parseCatalog (it freezes what it returns): nothing left to validate. */
export function isParsedCatalog(value: CatalogLike): value is Catalog {
  return Object.isFrozen(value);
}

/** A catalog given from script (a property), validated unless parseCatalog made it. Rejects with core's CatalogError. */
export async function validCatalog(value: CatalogLike): Promise<Catalog> {
  return isParsedCatalog(value) ? value : (await loadParser()).parseCatalog(value);
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** The catalog could not be fetched (network, HTTP status). A bad catalog is core's CatalogError. */
export class CatalogLoadError extends CreditError {
  constructor(
    readonly url: string,
    readonly status: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'CatalogLoadError';
  }
}

export type CatalogFetchResult = { notModified: true } | { notModified: false; catalog: Catalog; etag: string | undefined };

export async function fetchCatalog(
  url: string,
  options: { fetch?: FetchLike; etag?: string | undefined; signal?: AbortSignal } = {},
): Promise<CatalogFetchResult> {
  const parsing = loadParser();
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.etag) headers['if-none-match'] = options.etag;
  let response: Response;
  try {
    response = await doFetch(url, { headers, ...(options.signal && { signal: options.signal }) });
  } catch (error) {
    if ((error as Error)?.name === 'AbortError') throw error;
    throw new CatalogLoadError(url, undefined, `could not load ${url}: ${(error as Error)?.message ?? String(error)}`);
  }
  if (response.status === 304) return { notModified: true };
  if (!response.ok) throw new CatalogLoadError(url, response.status, `could not load ${url}: HTTP ${response.status}`);
  const text = await response.text();
  const catalog = (await parsing).parseCatalog(text);
  return { notModified: false, catalog, etag: response.headers.get('etag') ?? undefined };
}

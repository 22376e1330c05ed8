// One catalog request: conditional on the ETag we hold, bounded in time and size, validated with
// parseCatalog. A 304 means "what you have is current"; anything else that is not a valid catalog
// is an error. The validator (core's parseCatalog, ~7 KB gz with what shows prices) loads in parallel with the request,
// so it is not in an element's first-paint bundle.
import { CreditError } from '../../core/errors.js';
import type { Catalog, CatalogLike } from '../../core/catalog/schema.js';
import { commonStrings, formatNumber, type Language } from '../../i18n/index.js';

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

/** How long a catalog request may take, body included, before it is given up. @unit s */
export const CATALOG_TIMEOUT_SECONDS = 15;
/** The largest catalog body read (GPTBots' 118 services are ~60 KB). @unit bytes */
export const CATALOG_MAX_BYTES = 5 * 1024 * 1024;

export type CatalogLoadReason = 'network' | 'status' | 'timeout' | 'too-large';

/** The catalog could not be fetched (network, HTTP status, time or size limit). A bad catalog is core's CatalogError. */
export class CatalogLoadError extends CreditError {
  override name = 'CatalogLoadError';
  constructor(
    readonly url: string,
    readonly status: number | undefined,
    message: string,
    readonly reason: CatalogLoadReason = status === undefined ? 'network' : 'status',
    /** The limit that was hit: seconds for `timeout`, bytes for `too-large`. */
    readonly limit?: number,
  ) {
    super(message);
  }
}

/** What to tell a visitor about a failed load: the limit in their language, else the error's own message. */
export function loadErrorText(error: Error, language: Language, locale: string): string {
  const strings = commonStrings(language);
  if (error instanceof CatalogLoadError && error.limit !== undefined) {
    if (error.reason === 'timeout') return strings.loadTimeout(formatNumber(error.limit, locale));
    if (error.reason === 'too-large') return strings.loadTooLarge(`${formatNumber(error.limit / 1024 / 1024, locale, { maximumFractionDigits: 1 })} MB`);
  }
  return error.message;
}

export type CatalogFetchResult = { notModified: true } | { notModified: false; catalog: Catalog; etag: string | undefined };

export interface CatalogFetchOptions {
  fetch?: FetchLike | undefined;
  etag?: string | undefined;
  signal?: AbortSignal | undefined;
  /** @default CATALOG_TIMEOUT_SECONDS @unit s */
  timeout?: number | undefined;
  /** @default CATALOG_MAX_BYTES */
  maxBytes?: number | undefined;
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** The body as text, stopping (and cancelling the download) once it exceeds `maxBytes`. */
async function readBounded(response: Response, url: string, maxBytes: number): Promise<string> {
  const tooLarge = (size: string) => new CatalogLoadError(url, response.status, `${url} is ${size}, more than the ${megabytes(maxBytes)} a catalog may be`, 'too-large', maxBytes);
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    void response.body?.cancel();
    throw tooLarge(megabytes(declared));
  }
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > maxBytes) {
      void reader.cancel();
      throw tooLarge(`over ${megabytes(maxBytes)}`);
    }
    text += decoder.decode(value, { stream: true });
  }
}

export async function fetchCatalog(url: string, options: CatalogFetchOptions = {}): Promise<CatalogFetchResult> {
  const parsing = loadParser();
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.etag) headers['if-none-match'] = options.etag;
  const seconds = options.timeout !== undefined && options.timeout > 0 ? options.timeout : CATALOG_TIMEOUT_SECONDS;
  // One signal for the caller's abort and the time limit, which covers the body too.
  const request = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    request.abort();
  }, seconds * 1000);
  const outer = options.signal;
  const forward = () => request.abort(outer?.reason);
  if (outer?.aborted) forward();
  outer?.addEventListener('abort', forward);
  try {
    const response = await doFetch(url, { headers, signal: request.signal });
    if (response.status === 304) return { notModified: true };
    if (!response.ok) throw new CatalogLoadError(url, response.status, `could not load ${url}: HTTP ${response.status}`);
    const text = await readBounded(response, url, options.maxBytes ?? CATALOG_MAX_BYTES);
    if (request.signal.aborted) throw new DOMException('aborted', 'AbortError');
    const catalog = (await parsing).parseCatalog(text);
    return { notModified: false, catalog, etag: response.headers.get('etag') ?? undefined };
  } catch (error) {
    if (timedOut) throw new CatalogLoadError(url, undefined, `${url} did not answer within ${seconds} s`, 'timeout', seconds);
    if ((error as Error)?.name === 'AbortError' || error instanceof CreditError) throw error;
    throw new CatalogLoadError(url, undefined, `could not load ${url}: ${(error as Error)?.message ?? String(error)}`);
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', forward);
  }
}

// Loads a catalog for an element and keeps it current: fetch + parseCatalog, then ETag
// revalidation every `refresh` seconds, when the tab becomes visible and when the browser comes
// back online. On an error the last good catalog stays; a newer request aborts an older one.
// (@lit/task does not fit: this is a long-lived resource with conditional refreshes, not one task.)
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Catalog, CatalogLike } from '../../core/catalog/schema.js';
import { fetchCatalog, isParsedCatalog, validCatalog, type FetchLike } from './catalog-fetch.js';

export interface CatalogControllerOptions {
  /** Called when a new catalog replaces one (not on the first load): compare and mark changes. */
  onChange?: (next: Catalog, previous: Catalog) => void;
  /** Called for every failed load or refresh; the last good catalog is kept. */
  onError?: (error: Error) => void;
}

export type CatalogStatus = 'idle' | 'loading' | 'ready' | 'error';

export class CatalogController implements ReactiveController {
  catalog: Catalog | undefined;
  error: Error | undefined;
  /** When the catalog was last confirmed current (200 or 304). */
  checkedAt: Date | undefined;
  /** Inject a fetch (tests, auth headers, a service worker shim). */
  fetch: FetchLike | undefined;

  #src: string | undefined;
  #refreshSeconds = 0;
  #etag: string | undefined;
  #inflight: AbortController | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  #connected = false;
  /** The last value given to set(), so that a slower validation of an earlier one is dropped. */
  #given: CatalogLike | undefined;
  readonly #onVisible = () => {
    if (document.visibilityState === 'visible') void this.revalidate();
  };
  readonly #onOnline = () => void this.revalidate();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: CatalogControllerOptions = {},
  ) {
    host.addController(this);
  }

  get status(): CatalogStatus {
    if (this.catalog) return this.error ? 'error' : 'ready';
    if (this.error) return 'error';
    return this.#src && this.#inflight ? 'loading' : 'idle';
  }

  /** Call from the host's willUpdate with its current `src` and `refresh` (seconds, 0 = never). */
  sync(src: string | undefined, refreshSeconds = 0): void {
    const srcChanged = src !== this.#src;
    const refreshChanged = refreshSeconds !== this.#refreshSeconds;
    this.#src = src || undefined;
    this.#refreshSeconds = Number.isFinite(refreshSeconds) && refreshSeconds > 0 ? refreshSeconds : 0;
    if (srcChanged) {
      this.#etag = undefined;
      this.error = undefined;
      if (this.#connected) void this.revalidate();
    }
    if (refreshChanged && this.#connected) this.#startTimer();
  }

  /** A catalog given directly (the `catalog` property): no fetching; validated first unless parseCatalog made it. */
  set(value: CatalogLike | undefined): void {
    this.#inflight?.abort();
    this.#inflight = undefined;
    this.#given = value;
    if (value === undefined || isParsedCatalog(value)) return this.#use(value);
    validCatalog(value).then(
      (catalog) => {
        if (this.#given === value) this.#use(catalog);
      },
      (error: unknown) => {
        if (this.#given !== value) return;
        this.error = error instanceof Error ? error : new Error(String(error));
        this.options.onError?.(this.error);
        this.host.requestUpdate();
      },
    );
  }

  #use(catalog: Catalog | undefined): void {
    const previous = this.catalog;
    this.catalog = catalog;
    this.error = undefined;
    this.checkedAt = catalog ? new Date() : undefined;
    if (catalog && previous && previous !== catalog) this.options.onChange?.(catalog, previous);
    this.host.requestUpdate();
  }

  /** Fetches the catalog (conditionally when one is held). Resolves when done; never rejects. */
  async revalidate(): Promise<void> {
    const src = this.#src;
    if (!src) return;
    this.#inflight?.abort();
    const request = new AbortController();
    this.#inflight = request;
    this.host.requestUpdate();
    try {
      const result = await fetchCatalog(src, { fetch: this.fetch, etag: this.catalog ? this.#etag : undefined, signal: request.signal });
      if (request.signal.aborted) return;
      this.error = undefined;
      this.checkedAt = new Date();
      if (!result.notModified) {
        const previous = this.catalog;
        this.catalog = result.catalog;
        this.#etag = result.etag;
        if (previous) this.options.onChange?.(result.catalog, previous);
      }
    } catch (error) {
      if (request.signal.aborted) return;
      this.error = error instanceof Error ? error : new Error(String(error));
      this.options.onError?.(this.error);
    } finally {
      if (this.#inflight === request) this.#inflight = undefined;
      this.host.requestUpdate();
    }
  }

  hostConnected(): void {
    this.#connected = true;
    document.addEventListener('visibilitychange', this.#onVisible);
    window.addEventListener('online', this.#onOnline);
    this.#startTimer();
    if (this.#src && !this.catalog && !this.#inflight) void this.revalidate();
  }

  hostDisconnected(): void {
    this.#connected = false;
    document.removeEventListener('visibilitychange', this.#onVisible);
    window.removeEventListener('online', this.#onOnline);
    this.#stopTimer();
    this.#inflight?.abort();
    this.#inflight = undefined;
  }

  #startTimer(): void {
    this.#stopTimer();
    if (this.#refreshSeconds > 0) this.#timer = setInterval(() => void this.revalidate(), this.#refreshSeconds * 1000);
  }

  #stopTimer(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }
}

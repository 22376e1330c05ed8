// The one way an element gets its catalog, from whichever source it has, in this order: a catalog
// object (its own `catalog` property, or one a container provides), a `src` URL, or the SDK
// client's catalog. A URL is fetched with a time and size limit and kept current by ETag
// revalidation every `refresh` seconds, when the tab becomes visible and when the browser comes
// back online. On an error the last good catalog stays; a newer request aborts an older one, and
// leaving the page aborts what is in flight.
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

/** What an element knows about where its catalog comes from; `sync` it on every update. */
export interface CatalogSource {
  /** A catalog object: used as is when parsed (frozen), validated otherwise. Wins over the rest. */
  catalog?: CatalogLike | undefined;
  /** URL of the catalog JSON. */
  src?: string | undefined;
  /** The SDK client, whose `getCatalog()` is the last resort. */
  client?: { getCatalog(options?: { signal?: AbortSignal }): Promise<Catalog> } | undefined;
  /** Revalidate `src` every this many seconds (0 = only when the tab becomes visible). */
  refresh?: number | undefined;
  /** Seconds a request may take. @default 15 */
  timeout?: number | undefined;
  /** Inject a fetch (tests, auth headers, a service worker shim). */
  fetch?: FetchLike | undefined;
}

export type CatalogStatus = 'idle' | 'loading' | 'ready' | 'error';

type Active = { kind: 'object'; value: object } | { kind: 'src'; value: string } | { kind: 'client'; value: object } | undefined;

const sameSource = (a: Active, b: Active) => a?.kind === b?.kind && a?.value === b?.value;

export class CatalogController implements ReactiveController {
  catalog: Catalog | undefined;
  error: Error | undefined;
  /** When the catalog was last confirmed current (200 or 304). */
  checkedAt: Date | undefined;

  #source: CatalogSource = {};
  #active: Active;
  #refreshSeconds = 0;
  #etag: string | undefined;
  #inflight: AbortController | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  #connected = false;
  #pending: Promise<void> = Promise.resolve();
  // Only a URL is revalidated on its own: an object is what it is, a client caches for itself.
  readonly #onVisible = () => {
    if (document.visibilityState === 'visible') this.#refreshUrl();
  };
  readonly #onOnline = () => this.#refreshUrl();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: CatalogControllerOptions = {},
  ) {
    host.addController(this);
  }

  get status(): CatalogStatus {
    if (this.error) return 'error';
    if (this.catalog) return 'ready';
    return this.#inflight ? 'loading' : 'idle';
  }

  /** Call from the host's willUpdate with where its catalog comes from; loads when that changed. */
  sync(source: CatalogSource): void {
    this.#source = source;
    const active: Active = source.catalog
      ? { kind: 'object', value: source.catalog }
      : source.src
        ? { kind: 'src', value: source.src }
        : source.client
          ? { kind: 'client', value: source.client }
          : undefined;
    const refresh = active?.kind === 'src' && Number.isFinite(source.refresh) && source.refresh! > 0 ? source.refresh! : 0;
    const refreshChanged = refresh !== this.#refreshSeconds;
    this.#refreshSeconds = refresh;
    if (!sameSource(active, this.#active)) {
      this.#active = active;
      this.#etag = undefined;
      this.error = undefined;
      if (this.#connected) void this.revalidate();
    }
    if (refreshChanged && this.#connected) this.#startTimer();
  }

  /** Resolves when the load in flight (if any) is done and applied. */
  settled(): Promise<void> {
    return this.#pending;
  }

  /** Loads from the active source (conditionally when a URL's catalog is held). Resolves when done; never rejects. */
  revalidate(): Promise<void> {
    this.#pending = this.#load();
    return this.#pending;
  }

  async #load(): Promise<void> {
    const active = this.#active;
    if (!active) return;
    this.#inflight?.abort();
    if (active.kind === 'object' && isParsedCatalog(active.value as CatalogLike)) {
      // A parsed catalog: shown in this very update, no request and no microtask.
      this.#inflight = undefined;
      this.#apply(active.value as Catalog);
      this.host.requestUpdate();
      return;
    }
    const request = new AbortController();
    this.#inflight = request;
    this.host.requestUpdate();
    try {
      let next: Catalog | undefined;
      if (active.kind === 'object') next = await validCatalog(active.value as CatalogLike);
      else if (active.kind === 'client') next = await this.#source.client!.getCatalog({ signal: request.signal });
      else {
        const result = await fetchCatalog(active.value, {
          fetch: this.#source.fetch,
          etag: this.catalog ? this.#etag : undefined,
          signal: request.signal,
          timeout: this.#source.timeout,
        });
        if (!result.notModified) {
          next = result.catalog;
          this.#etag = result.etag;
        }
      }
      if (request.signal.aborted) return;
      this.#apply(next);
    } catch (error) {
      if (request.signal.aborted) return;
      this.error = error instanceof Error ? error : new Error(String(error));
      this.options.onError?.(this.error);
    } finally {
      if (this.#inflight === request) this.#inflight = undefined;
      this.host.requestUpdate();
    }
  }

  /** A load succeeded: `next` is the new catalog, or undefined when the one held is current. */
  #apply(next: Catalog | undefined): void {
    this.error = undefined;
    this.checkedAt = new Date();
    if (next && next !== this.catalog) {
      const previous = this.catalog;
      this.catalog = next;
      if (previous) this.options.onChange?.(next, previous);
    }
  }

  #refreshUrl(): void {
    if (this.#active?.kind === 'src') void this.revalidate();
  }


  hostConnected(): void {
    this.#connected = true;
    document.addEventListener('visibilitychange', this.#onVisible);
    window.addEventListener('online', this.#onOnline);
    this.#startTimer();
    if (this.#active && !this.#inflight && (!this.catalog || this.error)) void this.revalidate();
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
    if (this.#refreshSeconds > 0) this.#timer = setInterval(() => this.#refreshUrl(), this.#refreshSeconds * 1000);
  }

  #stopTimer(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }
}

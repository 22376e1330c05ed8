// createClient's options, each with its default and unit, and the events the client reports.

/** Where online/offline news comes from: `window` in a browser. */
export interface Connectivity {
  /** False while the device is offline (`navigator.onLine`). */
  readonly onLine: boolean;
  addEventListener(type: 'online' | 'offline', listener: () => void): void;
  removeEventListener(type: 'online' | 'offline', listener: () => void): void;
}

export interface TokenRequest {
  /** True after the host answered 401: return a new token, not a cached one. */
  forceRefresh: boolean;
  signal: AbortSignal;
}

export interface ClientOptions {
  /**
   * The host API's base URL, such as `/api` or `https://app.example.com/api/credits`. A relative
   * URL resolves against the page. It must not hold credentials.
   */
  baseUrl: string;
  /**
   * Returns a short-lived token from the host's backend (sent as `Authorization: Bearer`). Never a
   * secret API key: a token that looks like one (`sk_…`, `sk-…`, `rk_…`) is refused.
   */
  getToken: (request: TokenRequest) => string | Promise<string>;
  /**
   * The fetch to use (tests, proxies, a fetch with extra headers).
   * @default globalThis.fetch
   */
  fetch?: typeof fetch;
  /**
   * How long one attempt may take, headers and body together.
   * @default 10000
   * @unit milliseconds
   */
  timeout?: number;
  /**
   * Extra attempts after a connection error, a timeout, 408, 409, 429 or 5xx.
   * @default 2
   */
  maxRetries?: number;
  /**
   * Ceiling of the first backoff; it doubles on each retry (the wait is random up to the ceiling).
   * @default 500
   * @unit milliseconds
   */
  retryBaseDelay?: number;
  /**
   * Highest backoff ceiling.
   * @default 8000
   * @unit milliseconds
   */
  retryMaxDelay?: number;
  /**
   * Longest `Retry-After` honoured; when the host asks for longer, the call fails at once with a
   * RateLimitError whose `retryAfterMs` says how long.
   * @default 60000
   * @unit milliseconds
   */
  maxRetryAfter?: number;
  /**
   * How long a response is fresh: within it, a call returns the cached value without a request.
   * @default 30000
   * @unit milliseconds
   */
  cacheTtl?: number;
  /**
   * How long after `cacheTtl` a cached response is still returned at once while a background
   * request revalidates it (stale-while-revalidate). Later, a call waits for the network.
   * @default 300000
   * @unit milliseconds
   */
  staleTtl?: number;
  /**
   * Largest response body accepted; a larger one is a ContractError ("too-large").
   * @default 2097152
   * @unit bytes
   */
  maxResponseBytes?: number;
  /** Told what the client does (requests, retries, cache hits, revalidations, offline/online); never a token. */
  onEvent?: (event: ClientEvent) => void;
  /**
   * Source of online/offline events. While offline, calls answer from the cache or fail at once
   * with a ConnectionError (`offline: true`); on `online`, cached responses count as stale.
   * @default globalThis when it has `navigator.onLine` (a browser), else always online
   */
  connectivity?: Connectivity;
  /**
   * Waits between retries (tests inject one that does not wait).
   * @default a setTimeout that an AbortSignal cancels
   */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * The clock, for cache ages and HTTP-date Retry-After.
   * @default Date.now
   * @unit milliseconds since the epoch
   */
  now?: () => number;
  /**
   * Randomness for backoff jitter, in [0, 1).
   * @default Math.random
   */
  random?: () => number;
}

/** What the client reports through `onEvent`. Paths include the query string; tokens never appear. */
export type ClientEvent =
  | { type: 'request'; method: string; path: string; requestId: string; attempt: number }
  | { type: 'response'; method: string; path: string; requestId: string; status: number; attempt: number }
  | { type: 'retry'; method: string; path: string; requestId: string; attempt: number; delayMs: number; reason: string }
  | { type: 'cache'; path: string; state: 'fresh' | 'stale' | 'offline' }
  | { type: 'revalidated'; path: string }
  | { type: 'revalidate-failed'; path: string; error: Error }
  | { type: 'online' }
  | { type: 'offline' };

export interface CallOptions {
  /** Cancels this call (other callers sharing the same request are not affected). */
  signal?: AbortSignal;
  /** `no-cache` skips a fresh or stale cached value and waits for the network. @default 'default' */
  cache?: 'default' | 'no-cache';
}

export const DEFAULTS = {
  timeout: 10_000,
  maxRetries: 2,
  retryBaseDelay: 500,
  retryMaxDelay: 8_000,
  maxRetryAfter: 60_000,
  cacheTtl: 30_000,
  staleTtl: 300_000,
  maxResponseBytes: 2 * 1024 * 1024,
} as const;

// When to retry, and how long to wait: exponential backoff with full jitter, or what the host
// asked for in Retry-After / retry-after-ms.

/** Statuses worth another attempt: timeouts, conflicts, rate limits and server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * The wait the host asked for, in milliseconds: `retry-after-ms`, then `Retry-After` as seconds
 * or an HTTP date. Undefined when it said nothing usable.
 */
export function retryAfterMs(headers: Headers, now: number): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && /^\d+(?:\.\d+)?$/.test(ms.trim())) return Number(ms);
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Full jitter: a random wait between 0 and min(maxDelay, baseDelay × 2^retry). */
export function backoffMs(retry: number, baseDelay: number, maxDelay: number, random: () => number): number {
  return Math.floor(random() * Math.min(maxDelay, baseDelay * 2 ** retry));
}

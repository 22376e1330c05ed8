// Responses cached with their time (fresh, then stale-while-revalidate), and one shared
// request for concurrent identical GETs. A caller that aborts leaves the shared request; the
// request itself is aborted only when nobody waits for it any more.
import { raceAbort } from './abort.js';

export interface Entry<T> {
  value: T;
  storedAt: number;
  etag?: string;
}

interface Flight {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
}

export class ResponseCache {
  private readonly entries = new Map<string, Entry<unknown>>();
  private readonly flights = new Map<string, Flight>();

  get<T>(key: string): Entry<T> | undefined {
    return this.entries.get(key) as Entry<T> | undefined;
  }

  set<T>(key: string, entry: Entry<T>): void {
    this.entries.set(key, entry);
  }

  /** Drops entries whose key starts with one of the prefixes (all when none given). */
  invalidate(prefixes?: readonly string[]): void {
    for (const key of [...this.entries.keys()]) {
      if (!prefixes || prefixes.some((p) => key.startsWith(p))) this.entries.delete(key);
    }
  }

  /** Makes every entry stale, so the next read revalidates it (used when the device comes back online). */
  markStale(staleAt: number): void {
    for (const entry of this.entries.values()) entry.storedAt = Math.min(entry.storedAt, staleAt);
  }

  /** Joins the request in flight for `key`, or starts it with `load`. */
  shared<T>(key: string, load: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    let flight = this.flights.get(key);
    if (!flight) {
      const controller = new AbortController();
      const promise = load(controller.signal);
      const started: Flight = { promise, controller, waiters: 0 };
      flight = started;
      this.flights.set(key, started);
      const done = () => {
        if (this.flights.get(key) === started) this.flights.delete(key);
      };
      promise.then(done, done);
    }
    const joined = flight;
    joined.waiters++;
    const leave = () => {
      joined.waiters--;
      if (joined.waiters === 0 && this.flights.get(key) === joined) {
        this.flights.delete(key);
        joined.controller.abort();
      }
    };
    const result = raceAbort(joined.promise as Promise<T>, signal);
    result.then(leave, leave);
    return result;
  }
}

// An injected fetch that answers from a script of handlers, and records every call.
import type { Balance } from '../../src/sdk/index.js';

export type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;

export interface FakeFetch {
  fetch: typeof fetch;
  calls: { url: string; init: RequestInit; headers: Headers }[];
}

/** Answers call n with handlers[n] (the last handler repeats). */
export function fakeFetch(...handlers: Handler[]): FakeFetch {
  const calls: FakeFetch['calls'] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    calls.push({ url, init, headers: new Headers(init.headers) });
    const handler = handlers[Math.min(calls.length - 1, handlers.length - 1)]!;
    return handler(url, init);
  }) as typeof fetch;
  return { fetch: fetchImpl, calls };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type, ...headers } });
}

export function problem(status: number, title: string, headers: Record<string, string> = {}): Response {
  return json({ type: `https://creditkit.dev/problems/${status}`, title, status, requestId: 'host-req-1' }, status, { 'x-request-id': 'host-req-1', ...headers });
}

export const BALANCE: Balance = {
  credits: '7342.5',
  money: { amount: '73.425', currency: 'EUR' },
  creditUnit: { currency: 'EUR', value: '0.01' },
  asOf: '2026-11-23T12:00:00.000Z',
  paused: false,
  lowBalance: {
    referenceCredits: '10000',
    thresholds: [
      { percent: '20', credits: '2000', reached: false },
      { percent: '10', credits: '1000', reached: false },
      { percent: '0', credits: '0', reached: false },
    ],
  },
  autoRecharge: { enabled: true, thresholdCredits: '500', rechargeCredits: '5000', monthlyLimitCredits: '10000', rechargedThisMonthCredits: '0' },
  limits: {
    daily: { limit: '500', used: '12.5', remaining: '487.5', resetsAt: '2026-11-24T00:00:00.000Z' },
    monthly: null,
    department: null,
  },
  remainingAllowance: '487.5',
};

/** A fetch that never answers (and ignores its abort signal). */
export const never: Handler = () => new Promise<Response>(() => {});

/** A sleep that records the wait and returns at once. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

/** A connectivity source the test switches by hand. */
export class FakeNetwork extends EventTarget {
  onLine = true;
  set(online: boolean): void {
    this.onLine = online;
    this.dispatchEvent(new Event(online ? 'online' : 'offline'));
  }
}

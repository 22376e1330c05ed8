// The browser must never hold a secret key: refuse anything that looks like one.
import { TokenError } from './errors.js';

// OpenAI / Anthropic (sk-…, sk-proj-…, sk-ant-…), Stripe (sk_live_…, rk_live_…).
const SECRET_PREFIX = /^(?:sk|rk)[-_]/i;

/** Throws a TokenError (that never quotes the token) unless `token` is a usable bearer token. */
export function checkToken(token: unknown): string {
  if (typeof token !== 'string' || token.trim() === '') {
    throw new TokenError('getToken() returned no token');
  }
  if (SECRET_PREFIX.test(token)) {
    throw new TokenError(
      'getToken() returned what looks like a secret API key (sk_…/sk-…); return a short-lived token issued by your backend instead',
    );
  }
  if (/[\s\u0000-\u001f\u007f]/.test(token)) throw new TokenError('getToken() returned a token with whitespace or control characters');
  return token;
}

/** A token as a platform's backend hands it out: the token and when it expires. */
export interface IssuedToken {
  token: string;
  /** An ISO instant (as `POST /tokens` answers) or milliseconds since the epoch. */
  expiresAt: string | number;
}

export interface RefreshingTokenOptions {
  /** Renew this many milliseconds before the token expires. @default 60000 */
  earlyMs?: number;
  /** The clock. @default Date.now */
  now?: () => number;
}

/** One request for a token, shared by every caller waiting for it. */
interface SharedRequest {
  promise: Promise<string>;
  /** Aborts the request: only once every caller waiting for it has given up. */
  controller: AbortController;
  waiting: number;
}

/**
 * A `getToken` for createClient that asks `fetchToken` (your backend, which issues a scoped token
 * through the host's POST /tokens) once and keeps the token until shortly before it expires, or
 * until the host answered 401; calls at the same time share one request, and a failed one is not kept.
 * A caller that aborts stops waiting at once; the shared request is aborted only when no caller is
 * left waiting for it (one element leaving the page must not fail the others' requests).
 */
export function refreshingToken(fetchToken: (signal: AbortSignal) => Promise<IssuedToken>, options: RefreshingTokenOptions = {}): (request: { forceRefresh: boolean; signal: AbortSignal }) => Promise<string> {
  const { earlyMs = 60_000, now = Date.now } = options;
  let kept: { token: string; expiresAt: number } | undefined;
  let pending: SharedRequest | undefined;
  const request = (): SharedRequest => {
    const controller = new AbortController();
    const shared: SharedRequest = {
      controller,
      waiting: 0,
      promise: fetchToken(controller.signal)
        .then(({ token, expiresAt }) => {
          const at = typeof expiresAt === 'number' ? expiresAt : Date.parse(expiresAt);
          if (!Number.isFinite(at)) throw new TokenError('the token source gave no valid expiresAt');
          kept = { token: checkToken(token), expiresAt: at };
          return kept.token;
        })
        .finally(() => {
          if (pending === shared) pending = undefined;
        }),
    };
    return shared;
  };
  return ({ forceRefresh, signal }) => {
    if (forceRefresh) kept = undefined;
    if (kept && kept.expiresAt - now() > earlyMs) return Promise.resolve(kept.token);
    if (signal.aborted) return Promise.reject(signal.reason);
    pending ??= request();
    return waitFor(pending, signal);
  };
}

/** The shared request's token for one caller, who may stop waiting by aborting its own signal. */
function waitFor(shared: SharedRequest, signal: AbortSignal): Promise<string> {
  shared.waiting++;
  return new Promise<string>((resolve, reject) => {
    let waiting = true;
    const stopWaiting = (): void => {
      if (!waiting) return;
      waiting = false;
      signal.removeEventListener('abort', onAbort);
      shared.waiting--;
    };
    const onAbort = (): void => {
      stopWaiting();
      if (shared.waiting === 0) shared.controller.abort(signal.reason);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    shared.promise.then(
      (token) => (stopWaiting(), resolve(token)),
      (error: unknown) => (stopWaiting(), reject(error)),
    );
  });
}

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

/**
 * A `getToken` for createClient that asks `fetchToken` (your backend, which issues a scoped token
 * through the host's POST /tokens) once and keeps the token until shortly before it expires, or
 * until the host answered 401; calls at the same time share one request, and a failed one is not kept.
 */
export function refreshingToken(fetchToken: (signal: AbortSignal) => Promise<IssuedToken>, options: RefreshingTokenOptions = {}): (request: { forceRefresh: boolean; signal: AbortSignal }) => Promise<string> {
  const { earlyMs = 60_000, now = Date.now } = options;
  let kept: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;
  return ({ forceRefresh, signal }) => {
    if (forceRefresh) kept = undefined;
    if (kept && kept.expiresAt - now() > earlyMs) return Promise.resolve(kept.token);
    pending ??= fetchToken(signal)
      .then(({ token, expiresAt }) => {
        const at = typeof expiresAt === 'number' ? expiresAt : Date.parse(expiresAt);
        if (!Number.isFinite(at)) throw new TokenError('the token source gave no valid expiresAt');
        kept = { token: checkToken(token), expiresAt: at };
        return kept.token;
      })
      .finally(() => (pending = undefined));
    return pending;
  };
}

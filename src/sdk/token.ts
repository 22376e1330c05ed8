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

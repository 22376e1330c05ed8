// Demo tokens: short-lived, `ckd.<payload>.<signature>` (base64url, HMAC-SHA256); the payload names
// the user and the expiry. Every host process on one database signs with the same key (from the
// configuration, or created once in the database), so a token from one is accepted by all.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Store } from './store/types.js';

export interface TokenClaims {
  /** User id. */
  sub: string;
  org: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

/** Demo tokens live 15 minutes. */
export const TOKEN_LIFETIME_S = 15 * 60;

/** A signing key given as text: at least 32 bytes of it, as base64 or hex, or plain text. */
export function keyFromText(text: string): Buffer {
  const key = /^[0-9a-f]+$/i.test(text) && text.length % 2 === 0 ? Buffer.from(text, 'hex') : /^[A-Za-z0-9+/_-]+=*$/.test(text) ? Buffer.from(text, 'base64') : Buffer.from(text);
  if (key.length < 32) throw new Error('creditkit host: the token signing key must be at least 32 bytes (e.g. `openssl rand -base64 32`)');
  return key;
}

/** The key from the configuration, else the one stored in the database (created by whichever process asks first). */
export async function signingKey(store: Store, configured: string | undefined): Promise<Buffer> {
  if (configured !== undefined) return keyFromText(configured);
  return Buffer.from(await store.setting('token-key', () => randomBytes(32).toString('base64')), 'base64');
}

export class TokenIssuer {
  constructor(private readonly secret: Buffer) {}

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }

  issue(claims: TokenClaims): string {
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `ckd.${payload}.${this.sign(payload)}`;
  }

  /** Tokens whose signature checked out, so a busy client is not re-verified on every request. */
  private readonly verified = new Map<string, TokenClaims>();

  /** The claims of a valid, unexpired token; undefined otherwise. */
  verify(token: string, nowMs: number): TokenClaims | undefined {
    const known = this.verified.get(token);
    if (known) return known.exp * 1000 > nowMs ? known : undefined;
    const claims = this.check(token, nowMs);
    if (claims) {
      if (this.verified.size >= 10_000) this.verified.clear();
      this.verified.set(token, claims);
    }
    return claims;
  }

  private check(token: string, nowMs: number): TokenClaims | undefined {
    const [prefix, payload, signature] = token.split('.');
    if (prefix !== 'ckd' || !payload || !signature) return undefined;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as TokenClaims;
      return typeof claims.sub === 'string' && typeof claims.org === 'string' && claims.exp * 1000 > nowMs ? claims : undefined;
    } catch {
      return undefined;
    }
  }
}

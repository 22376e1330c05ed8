// Demo tokens: short-lived, signed with a secret kept in the database, so a restart keeps them
// valid. `ckd.<payload>.<signature>` (base64url); the payload names the user and the expiry.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from './db.js';

export interface TokenClaims {
  /** User id. */
  sub: string;
  org: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

/** Demo tokens live 15 minutes. */
export const TOKEN_LIFETIME_S = 15 * 60;

export class TokenIssuer {
  private readonly secret: Buffer;

  constructor(db: Db) {
    const row = db.prepare("SELECT value FROM meta WHERE key = 'token-secret'").pluck().get() as string | undefined;
    if (row) this.secret = Buffer.from(row, 'base64');
    else {
      this.secret = randomBytes(32);
      db.prepare("INSERT INTO meta (key, value) VALUES ('token-secret', ?)").run(this.secret.toString('base64'));
    }
  }

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

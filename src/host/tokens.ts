// Tokens: short-lived, `ckd.<payload>.<signature>` (base64url, HMAC-SHA256); the payload names the
// user, the expiry, and what the token may do: read or write (`scope`), as the user alone, as a
// department or as the organisation's administrator (`level`, `dept`). A token only narrows what
// its user may do, never widens it. Every host process on one database signs with the same key
// (from the configuration, or created once in the database), so a token from one is accepted by all.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { TOKEN_LEVELS, TOKEN_SCOPES, type TokenRequest, type TokenResponse } from '../sdk/contract/tokens.js';
import type { Ledger } from './ledger.js';
import { HostError } from './problems.js';
import type { Principal } from './rules.js';
import type { Store, UserRow } from './store/types.js';

export type TokenScope = (typeof TOKEN_SCOPES)[number];
/** What a token sees: the user's own usage, one department's, or the organisation's (an administrator). */
export type TokenLevel = (typeof TOKEN_LEVELS)[number];

export interface TokenClaims {
  /** User id: who acts (usage posted with the token is the user's). */
  sub: string;
  org: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
  /** `read` may only GET. A token without a scope (the demo's) writes. */
  scope?: TokenScope;
  /** A token without a level acts with its user's role. */
  level?: TokenLevel;
  /** The department of a `department` token. */
  dept?: string;
}

/** Demo tokens live 15 minutes. */
export const TOKEN_LIFETIME_S = 15 * 60;

/**
 * Who a valid token's request acts as: the user, narrowed by the token. An administrator's token
 * may be scoped down to a department or the user alone; a member's token never becomes an
 * administrator's (a 401: the token no longer matches its user).
 */
export function principalOf(claims: TokenClaims, user: UserRow): Principal {
  const scope = claims.scope ?? 'write';
  switch (claims.level) {
    case undefined:
      return { userId: user.id, orgId: user.orgId, role: user.role, scope };
    case 'admin':
      if (user.role !== 'admin') throw new HostError(401, 'unauthorized', 'The token is invalid or expired', 'an administrator token for a user who is no administrator', undefined, { 'www-authenticate': 'Bearer' });
      return { userId: user.id, orgId: user.orgId, role: 'admin', scope };
    case 'department':
      return { userId: user.id, orgId: user.orgId, role: 'member', scope, departmentId: claims.dept! };
    case 'user':
      return { userId: user.id, orgId: user.orgId, role: 'member', scope };
  }
}

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

/** Who may ask POST /tokens: the platform's server (the host's secret API key) or an administrator's write token. */
export type TokenRequester = { kind: 'platform' } | { kind: 'admin'; who: Principal };

/** True when `given` is the configured API key (compared in constant time, by digest). */
export function apiKeyMatches(given: string, configured: string | undefined): boolean {
  if (configured === undefined || configured === '') return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(configured));
}

const invalidToken = (title: string, path: string) => new HostError(422, 'invalid-token-request', title, undefined, [{ path, message: title }]);

/**
 * A scoped token for `request.userId`. The platform may ask for any user; an administrator only
 * for users of their own organisation. Never more than the user may do: an `admin` token only for
 * an administrator, a `department` token for the user's own department unless an administrator asks.
 */
export async function issueScoped(ledger: Ledger, tokens: TokenIssuer, requester: TokenRequester, request: TokenRequest): Promise<TokenResponse> {
  const userId = request.userId ?? (requester.kind === 'admin' ? requester.who.userId : undefined);
  if (userId === undefined) throw invalidToken('Name the user the token is for', 'userId');
  const user = await ledger.user(userId);
  if (!user || (requester.kind === 'admin' && user.orgId !== requester.who.orgId)) throw new HostError(404, 'unknown-user', 'No such user', userId.slice(0, 200));
  const level = request.level ?? 'user';
  const scope = request.scope ?? 'read';
  if (level === 'admin' && user.role !== 'admin') throw invalidToken('An admin token is only for an administrator', 'level');
  let dept: string | undefined;
  if (level === 'department') {
    dept = request.departmentId ?? user.departmentId ?? undefined;
    if (dept === undefined) throw invalidToken('The user belongs to no department: name one', 'departmentId');
    const department = await ledger.department(dept);
    if (!department || department.orgId !== user.orgId) throw invalidToken('No such department in the user\'s organisation', 'departmentId');
    if (dept !== user.departmentId && user.role !== 'admin') throw invalidToken('A member\'s department token is for their own department', 'departmentId');
  } else if (request.departmentId !== undefined) throw invalidToken('departmentId is for a department token', 'departmentId');
  const exp = Math.floor(ledger.now() / 1000) + (request.expiresIn ?? TOKEN_LIFETIME_S);
  const token = tokens.issue({ sub: user.id, org: user.orgId, exp, scope, level, ...(dept !== undefined && { dept }) });
  return { token, expiresAt: new Date(exp * 1000).toISOString(), userId: user.id, organisation: user.orgId, level, scope, departmentId: dept ?? null };
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
      return wellFormed(claims) && claims.exp * 1000 > nowMs ? claims : undefined;
    } catch {
      return undefined;
    }
  }
}

function wellFormed(claims: TokenClaims): boolean {
  if (typeof claims !== 'object' || claims === null || typeof claims.sub !== 'string' || typeof claims.org !== 'string' || typeof claims.exp !== 'number') return false;
  if (claims.scope !== undefined && !TOKEN_SCOPES.includes(claims.scope)) return false;
  if (claims.level !== undefined && !TOKEN_LEVELS.includes(claims.level)) return false;
  return (claims.level === 'department') === (typeof claims.dept === 'string');
}

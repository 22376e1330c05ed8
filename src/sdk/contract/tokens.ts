// POST /tokens: a short-lived token for one end user, scoped to read or write and to what it sees
// (the user's own usage, one department's, or the organisation's as its administrator). The
// platform's server asks with the host's secret API key, or an administrator's write token asks
// for a user of its own organisation; the browser then holds only the scoped token.
import * as z from 'zod/mini';
import { instant } from './common.js';

export const TOKEN_SCOPES = ['read', 'write'] as const;
export const TOKEN_LEVELS = ['user', 'department', 'admin'] as const;

export const tokenRequest = z.object({
  /** The user the token acts as (usage posted with it is theirs). @default the caller, when an administrator's token asks */
  userId: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  /** `user`: the user's own usage; `department`: one department's; `admin`: the organisation's (an administrator only). @default 'user' */
  level: z.optional(z.enum(TOKEN_LEVELS)),
  /** `read` may only GET; `write` may also post usage (and, for an admin, grants and transfers). @default 'read' */
  scope: z.optional(z.enum(TOKEN_SCOPES)),
  /** The department of a `department` token. @default the user's department */
  departmentId: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  /** Seconds the token lives, 60 to 3600. @default 900 */
  expiresIn: z.optional(z.int().check(z.minimum(60), z.maximum(3600))),
});
export type TokenRequest = z.infer<typeof tokenRequest>;

export const tokenResponse = z.object({
  token: z.string(),
  expiresAt: instant,
  userId: z.string(),
  organisation: z.string(),
  level: z.enum(TOKEN_LEVELS),
  scope: z.enum(TOKEN_SCOPES),
  departmentId: z.nullable(z.string()),
});
export type TokenResponse = z.infer<typeof tokenResponse>;

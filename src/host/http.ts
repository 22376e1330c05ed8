// The host's HTTP pieces on Hono: JSON and problem+json replies, bounded JSON bodies, request
// parameters checked by the contract's zod schemas, and the answer for every error.
import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { toIssues } from '../core/validation.js';
import { HostError } from './problems.js';
import { DatabaseUnavailableError } from './store/errors.js';

export const MAX_BODY_BYTES = 64 * 1024;

/** Seconds a client waits before retrying while the database is unavailable. */
export const DATABASE_RETRY_AFTER_S = 2;

export type HostEnv = { Variables: { requestId: string } };

/** `body` as JSON (a string is sent as it is: it already is JSON text), never cached. */
export function json(c: Context<HostEnv>, status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return new Response(text, {
    status,
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', 'cache-control': 'no-store', 'x-request-id': c.get('requestId'), ...headers },
  });
}

/** The caller's request id when it is a sane one, else a new one. */
export function requestIdOf(given: string | undefined, fresh: () => string): string {
  return typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : fresh();
}

/** `value` checked by a contract schema; a problem naming each wrong field otherwise. */
export function parse<T>(schema: z.ZodMiniType<T>, value: unknown, status: number, slug: string, title: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new HostError(status, slug, title, undefined, toIssues(parsed.error.issues));
}

/** The request body parsed as JSON; a problem for a body too large, not JSON, or unparseable. `optional`: an empty body is undefined, any content type. */
export async function readJson(c: Context<HostEnv>, { optional = false } = {}): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!optional && !/^application\/json\b/i.test(type)) throw new HostError(415, 'unsupported-media-type', 'Send the body as application/json');
  const tooLarge = () => new HostError(413, 'body-too-large', `The body exceeds ${MAX_BODY_BYTES} bytes`, undefined, undefined, { connection: 'close' });
  if (Number(c.req.header('content-length') ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  // A body without Content-Length (chunked) is counted as it arrives, never read whole first.
  const reader = c.req.raw.body?.getReader();
  for (let read = await reader?.read(); read && !read.done; read = await reader!.read()) {
    size += read.value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader!.cancel();
      throw tooLarge();
    }
    chunks.push(read.value);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (optional && text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HostError(400, 'malformed-json', 'The body is not valid JSON', error instanceof Error ? error.message : undefined);
  }
}

/** A percent-decoded path segment; a 400 problem for a malformed escape such as %E0%A4%A. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HostError(400, 'malformed-path', 'The path has a malformed percent-escape', segment.slice(0, 200));
  }
}

/**
 * Every error as a problem document: a refusal as itself, an unavailable database as 503 with
 * Retry-After (the client retries; the host reconnects), anything else as a 500 that is logged
 * with its request id and shows no stack.
 */
export function problemFor(error: unknown, c: Context<HostEnv>): Response {
  let problem: HostError;
  if (error instanceof HostError) problem = error;
  else if (error instanceof DatabaseUnavailableError) {
    console.warn(`creditkit host: ${c.req.method} ${c.req.path} [${c.get('requestId')}]: ${error.message}`);
    problem = new HostError(503, 'database-unavailable', 'The database is unavailable; retry shortly', undefined, undefined, { 'retry-after': String(DATABASE_RETRY_AFTER_S) });
  } else {
    console.error(`creditkit host: ${c.req.method} ${c.req.path} [${c.get('requestId')}]`, error);
    problem = new HostError(500, 'internal', 'The host failed');
  }
  return json(c, problem.status, problem.toProblem(c.get('requestId')), problem.headers);
}

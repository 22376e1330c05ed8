// Small HTTP helpers for the reference host: JSON and problem+json replies, bounded bodies.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HostError } from './problems.js';

export const MAX_BODY_BYTES = 64 * 1024;

/** Sends `body` as JSON (a string is sent as it is: it already is JSON text). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': status >= 400 ? 'application/problem+json' : 'application/json',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

export function sendProblem(res: ServerResponse, error: HostError, requestId: string): void {
  sendJson(res, error.status, error.toProblem(requestId), error.headers);
}

/** The request body parsed as JSON; a HostError for too large, not JSON, or unparseable. `optional`: an empty body is undefined, any content type. */
export async function readJson(req: IncomingMessage, { optional = false } = {}): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!optional && !/^application\/json\b/i.test(type)) throw new HostError(415, 'unsupported-media-type', 'Send the body as application/json');
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new HostError(413, 'body-too-large', `The body exceeds ${MAX_BODY_BYTES} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HostError(413, 'body-too-large', `The body exceeds ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (optional && text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HostError(400, 'malformed-json', 'The body is not valid JSON', error instanceof Error ? error.message : undefined);
  }
}

/** The caller's request id when it is a sane one, else a new one. */
export function requestIdOf(req: IncomingMessage, fresh: () => string): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : fresh();
}

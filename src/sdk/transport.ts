// One logical request: attempts with a timeout covering headers and body, a size cap,
// retries with backoff or Retry-After, and one token refresh after a 401.
import { abortReason, raceAbort } from './abort.js';
import { ApiError, ConnectionError, ContractError, RateLimitError, TimeoutError, apiErrorFor } from './errors.js';
import { problem as problemSchema, type Problem } from './contract/common.js';
import { backoffMs, isRetryableStatus, retryAfterMs } from './retry.js';
import { checkToken } from './token.js';
import type { ClientEvent, ClientOptions, Connectivity } from './options.js';
import { DEFAULTS } from './options.js';

export interface Request {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path and query under the base URL, such as `/usage?from=…`. */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** A file rather than JSON (a CSV or PDF statement): the Accept type, and a success's bytes in `Reply.bytes`. */
  download?: string;
}

export interface Reply {
  status: number;
  headers: Headers;
  /** Parsed JSON body (undefined for 304 and for a download). */
  json: unknown;
  /** A download's bytes. */
  bytes?: Uint8Array<ArrayBuffer>;
  requestId: string;
}

type Settings = Required<Omit<ClientOptions, 'onEvent' | 'connectivity' | 'baseUrl' | 'getToken'>> &
  Pick<ClientOptions, 'onEvent' | 'getToken'> & { connectivity: Connectivity | undefined; base: string };

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

function newRequestId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `req-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Reads the body in chunks: stops at the size cap, and lets the caller's signal (the timeout) cut it off. */
async function readBody(response: Response, maxBytes: number, signal: AbortSignal, fail: (reason: 'too-large' | 'truncated', detail: string) => Error): Promise<Uint8Array<ArrayBuffer>> {
  const declared = response.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) {
    response.body?.cancel().catch(() => {});
    throw fail('too-large', `content-length ${declared} exceeds the ${maxBytes}-byte cap`);
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await raceAbort(reader.read(), signal);
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw fail('too-large', `the body exceeds the ${maxBytes}-byte cap`);
      chunks.push(value);
    }
  } catch (error) {
    reader.cancel().catch(() => {});
    throw error;
  }
  if (declared !== null && /^\d+$/.test(declared) && size !== Number(declared)) {
    throw fail('truncated', `received ${size} of ${declared} bytes`);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export class Transport {
  private online: boolean;
  constructor(private readonly s: Settings) {
    this.online = s.connectivity?.onLine ?? true;
  }

  setOnline(online: boolean): void {
    this.online = online;
  }
  get isOnline(): boolean {
    return this.online;
  }

  private emit(event: ClientEvent): void {
    try {
      this.s.onEvent?.(event);
    } catch {
      // a listener's bug must not break a request
    }
  }

  private async token(forceRefresh: boolean, signal: AbortSignal): Promise<string> {
    return checkToken(await raceAbort(Promise.resolve(this.s.getToken({ forceRefresh, signal })), signal));
  }

  /** Sends a request, retrying as the options say; resolves with a 2xx or 304 reply or rejects with a typed error. */
  async send(request: Request): Promise<Reply> {
    const signal = request.signal ?? new AbortController().signal;
    const requestId = newRequestId();
    const info = { requestId, method: request.method, path: request.path };
    let token = await this.token(false, signal);
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      if (signal.aborted) throw abortReason(signal);
      if (!this.online) {
        this.emit({ type: 'offline' });
        throw new ConnectionError('the device is offline', info, true);
      }
      let error: Error;
      let retryAfter: number | undefined;
      try {
        this.emit({ type: 'request', ...info, attempt });
        const reply = await this.attempt(request, token, info, signal);
        this.emit({ type: 'response', ...info, status: reply.status, attempt });
        if (reply.status === 401 && !refreshed) {
          refreshed = true;
          token = await this.token(true, signal);
          attempt--; // a refresh is not a retry
          continue;
        }
        if ((reply.status >= 200 && reply.status < 300) || reply.status === 304) return reply;
        error = apiErrorFor(reply.status, reply.json as Problem | undefined, { ...info, requestId: reply.requestId });
        if (!isRetryableStatus(reply.status)) throw error;
        retryAfter = retryAfterMs(reply.headers, this.s.now());
        if (error instanceof RateLimitError) error.retryAfterMs = retryAfter;
        if (retryAfter !== undefined && retryAfter > this.s.maxRetryAfter) throw error;
      } catch (caught) {
        if (signal.aborted) throw abortReason(signal);
        if (!(caught instanceof ConnectionError || caught instanceof TimeoutError) || (caught instanceof ConnectionError && caught.offline)) throw caught;
        error = caught;
      }
      if (attempt >= this.s.maxRetries) throw error;
      const delayMs = retryAfter ?? backoffMs(attempt, this.s.retryBaseDelay, this.s.retryMaxDelay, this.s.random);
      this.emit({ type: 'retry', ...info, attempt: attempt + 1, delayMs, reason: error instanceof ApiError ? String(error.status) : error.name });
      await this.s.sleep(delayMs, signal);
    }
  }

  /** One attempt: the timeout runs until the whole body is read. */
  private async attempt(request: Request, token: string, info: { requestId: string; method: string; path: string }, callerSignal: AbortSignal): Promise<Reply> {
    const controller = new AbortController();
    const forward = () => controller.abort(abortReason(callerSignal));
    callerSignal.addEventListener('abort', forward, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new TimeoutError(this.s.timeout, info));
    }, this.s.timeout);
    const headers: Record<string, string> = {
      accept: request.download ? `${request.download}, application/problem+json` : 'application/json, application/problem+json',
      authorization: `Bearer ${token}`,
      'x-request-id': info.requestId,
      ...request.headers,
    };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    try {
      let response: Response;
      try {
        response = await raceAbort(
          this.s.fetch(this.s.base + request.path, {
            method: request.method,
            headers,
            body: request.body === undefined ? undefined : JSON.stringify(request.body),
            signal: controller.signal,
            credentials: 'same-origin',
          }),
          controller.signal,
        );
      } catch (error) {
        if (timedOut) throw new TimeoutError(this.s.timeout, info);
        if (callerSignal.aborted) throw abortReason(callerSignal);
        throw new ConnectionError(`the request failed: ${error instanceof Error ? error.message : String(error)}`, info, false, { cause: error });
      }
      const replyInfo = { ...info, requestId: response.headers.get('x-request-id') || info.requestId };
      let bytes: Uint8Array<ArrayBuffer>;
      try {
        bytes = await readBody(response, this.s.maxResponseBytes, controller.signal, (reason, detail) => new ContractError(reason, detail, replyInfo));
      } catch (error) {
        if (error instanceof ContractError) throw error;
        if (timedOut) throw new TimeoutError(this.s.timeout, info);
        if (callerSignal.aborted) throw abortReason(callerSignal);
        throw new ConnectionError(`the response body broke off: ${error instanceof Error ? error.message : String(error)}`, replyInfo, false, { cause: error });
      }
      if (request.download && response.ok) return { status: response.status, headers: response.headers, json: undefined, bytes, requestId: replyInfo.requestId };
      return { status: response.status, headers: response.headers, json: this.parse(response, new TextDecoder().decode(bytes), replyInfo), requestId: replyInfo.requestId };
    } finally {
      clearTimeout(timer);
      callerSignal.removeEventListener('abort', forward);
    }
  }

  /** JSON for a success; the problem document (or nothing) for an error. */
  private parse(response: Response, text: string, info: { requestId: string; method: string; path: string }): unknown {
    const ok = response.ok;
    if (response.status === 304 || response.status === 204) return undefined;
    const type = response.headers.get('content-type') ?? '';
    if (!JSON_TYPE.test(type)) {
      if (!ok) return undefined;
      throw new ContractError('not-json', `expected JSON, got ${type ? `"${type.split(';')[0]}"` : 'no content type'}${/^\s*</.test(text) ? ' (an HTML page)' : ''}`, info);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      if (!ok) return undefined;
      throw new ContractError('invalid-json', error instanceof Error ? error.message : 'unparseable', info);
    }
    if (ok) return json;
    const parsed = problemSchema.safeParse(json);
    return parsed.success ? parsed.data : undefined;
  }
}

export type { Settings as TransportSettings };
export { DEFAULTS };

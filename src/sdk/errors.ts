// The SDK's errors, under core's CreditError. Every network error carries the request id the
// host can find in its logs; none carries the token.
import { CreditError } from '../core/errors.js';
import type { Problem } from './contract/common.js';

interface RequestInfo {
  /** The id sent as `X-Request-Id`, or the one the host answered with. */
  requestId: string;
  method: string;
  /** The path under the base URL (never the token: tokens only travel in the Authorization header). */
  path: string;
}

/** The host answered with an error status; `problem` is its problem document when it sent one. */
export class ApiError extends CreditError {
  override name = 'ApiError';
  readonly requestId: string;
  readonly method: string;
  readonly path: string;
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
    info: RequestInfo,
  ) {
    super(`${info.method} ${info.path} failed with ${status}${problem ? `: ${problem.title}${problem.detail ? ` (${problem.detail})` : ''}` : ''} [request ${info.requestId}]`);
    this.requestId = info.requestId;
    this.method = info.method;
    this.path = info.path;
  }
  /** The problem type URI, when the host sent one. */
  get type(): string | undefined {
    return this.problem?.type;
  }
}
export class BadRequestError extends ApiError {
  override name = 'BadRequestError';
}
export class UnauthorizedError extends ApiError {
  override name = 'UnauthorizedError';
}
/** 402: the organisation has no credits left; AI is paused until credits are loaded. */
export class PaymentRequiredError extends ApiError {
  override name = 'PaymentRequiredError';
}
/** 403: not allowed, or a limit or department budget is used up. */
export class ForbiddenError extends ApiError {
  override name = 'ForbiddenError';
}
export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
}
export class ConflictError extends ApiError {
  override name = 'ConflictError';
}
export class UnprocessableEntityError extends ApiError {
  override name = 'UnprocessableEntityError';
}
/** 429; `retryAfterMs` is what the host asked for, when it said. */
export class RateLimitError extends ApiError {
  override name = 'RateLimitError';
  retryAfterMs: number | undefined;
}
export class InternalServerError extends ApiError {
  override name = 'InternalServerError';
}

const BY_STATUS: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: UnauthorizedError,
  402: PaymentRequiredError,
  403: ForbiddenError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The ApiError subclass for a status. */
export function apiErrorFor(status: number, problem: Problem | undefined, info: RequestInfo): ApiError {
  const Class = BY_STATUS[status] ?? (status >= 500 ? InternalServerError : ApiError);
  return new Class(status, problem, info);
}

/** The request never got an answer: network down, DNS, connection reset, or the browser is offline. */
export class ConnectionError extends CreditError {
  override name = 'ConnectionError';
  readonly requestId: string;
  constructor(message: string, info: RequestInfo, readonly offline = false, options?: { cause?: unknown }) {
    super(`${message} (${info.method} ${info.path}) [request ${info.requestId}]`, options);
    this.requestId = info.requestId;
  }
}

/** No complete answer (headers and body) within the timeout. */
export class TimeoutError extends CreditError {
  override name = 'TimeoutError';
  readonly requestId: string;
  constructor(readonly timeoutMs: number, info: RequestInfo) {
    super(`${info.method} ${info.path} timed out after ${timeoutMs} ms [request ${info.requestId}]`);
    this.requestId = info.requestId;
  }
}

export type ContractViolation = 'not-json' | 'invalid-json' | 'truncated' | 'too-large' | 'schema';

/** The host answered, but not as the contract says: HTML, broken or truncated JSON, too large, or the wrong shape. */
export class ContractError extends CreditError {
  override name = 'ContractError';
  readonly requestId: string;
  constructor(
    readonly reason: ContractViolation,
    detail: string,
    info: RequestInfo,
    readonly issues: readonly { path: string; message: string }[] = [],
  ) {
    super(`${info.method} ${info.path}: the response breaks the host API contract (${reason}): ${detail} [request ${info.requestId}]`);
    this.requestId = info.requestId;
  }
}

/** The token from getToken is unusable: it looks like a secret API key, or it is empty. */
export class TokenError extends CreditError {
  override name = 'TokenError';
}

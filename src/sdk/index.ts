// creditkit/sdk: the host API client, its errors, and the contract (zod schemas) it checks.
export { createClient, type CreditClient, type StatementDownload, type UsageParams, type RecordOptions, type RecentChatsParams, type PageParams } from './client.js';
export { refreshingToken, type IssuedToken, type RefreshingTokenOptions } from './token.js';
export { DEFAULTS as CLIENT_DEFAULTS, type ClientOptions, type ClientEvent, type CallOptions, type Connectivity, type TokenRequest } from './options.js';
export {
  ApiError,
  BadRequestError,
  UnauthorizedError,
  PaymentRequiredError,
  ForbiddenError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  ConnectionError,
  TimeoutError,
  ContractError,
  TokenError,
  type ContractViolation,
} from './errors.js';
/** The host API contract's zod schemas (`contract.balanceResponse`, `contract.ENDPOINTS`, …). */
export * as contract from './contract/index.js';
export type { Balance, Grant, Grants, Expiring, Statement, Statements, StatementLine, Departments, Transfer, Transfers, UsageReport, ChatUsage, ChatSummary, RecentChats, UsageEventRequest, UsageEventReceipt, GroupBy, Problem, Notification, Notifications, NotificationSubject, Anomaly, Anomalies, Webhook, WebhookCreated, WebhookRequest, Webhooks, Deliveries } from './contract/index.js';

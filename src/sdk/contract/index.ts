// The host API contract: zod schemas for every request and response (published as OpenAPI 3.1).
export { credits, signedCredits, money, instant, day, creditUnit, problem, PROBLEM_BASE, type Problem } from './common.js';
export { balanceResponse, allowance, type Balance } from './balance.js';
export { usageRecord, chargeLine, charge } from './charge.js';
export {
  GROUP_BY,
  usageQuery,
  usageGroup,
  usageResponse,
  usageEventRequest,
  usageEventResponse,
  EVENT_TIME_WINDOW,
  eventTimeProblem,
  type GroupBy,
  type UsageQuery,
  type UsageReport,
  type UsageEventRequest,
  type UsageEventReceipt,
} from './usage.js';
export {
  chatRecord,
  chatResponse,
  chatSummary,
  recentChatsQuery,
  recentChatsResponse,
  MAX_RECENT_CHATS,
  type ChatUsage,
  type ChatSummary,
  type RecentChats,
  type RecentChatsQuery,
} from './chat.js';
export { GRANT_KINDS, grantRequest, grant, grantsResponse, expiring, positiveCredits, type Grant, type GrantRequest, type Grants, type Expiring } from './grants.js';
export { period, statementLine, statementResponse, statementsResponse, type Statement, type StatementLine, type Statements } from './statements.js';
export { department, departmentsResponse, transferRequest, transfer, transfersResponse, type Departments, type TransferRequest, type Transfer, type Transfers } from './departments.js';
export {
  NOTIFICATION_TYPES,
  notification,
  notificationSubject,
  notificationsQuery,
  notificationsResponse,
  anomaly,
  anomaliesQuery,
  anomaliesResponse,
  webhookRequest,
  webhook,
  webhookCreated,
  webhooksResponse,
  deliveryAttempt,
  deliveriesQuery,
  deliveriesResponse,
  type NotificationType,
  type NotificationSubject,
  type Notification,
  type Notifications,
  type NotificationsQuery,
  type Anomaly,
  type Anomalies,
  type AnomaliesQuery,
  type WebhookRequest,
  type Webhook,
  type WebhookCreated,
  type Webhooks,
  type Deliveries,
} from './notifications.js';
export { TOKEN_SCOPES, TOKEN_LEVELS, tokenRequest, tokenResponse, type TokenRequest as ScopedTokenRequest, type TokenResponse as ScopedTokenResponse } from './tokens.js';
export { ENDPOINTS, type Endpoint, type EndpointName } from './endpoints.js';

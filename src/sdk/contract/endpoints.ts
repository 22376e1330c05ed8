// The endpoints of the host API, relative to a host-chosen base URL. One table drives the SDK,
// the OpenAPI document, the reference host's tests and `creditkit check-host`.
import type * as z from 'zod/mini';
import { balanceResponse } from './balance.js';
import { chatResponse, recentChatsQuery, recentChatsResponse } from './chat.js';
import { departmentsResponse, transfer, transferRequest, transfersResponse } from './departments.js';
import { grant, grantRequest, grantsResponse } from './grants.js';
import { anomaliesQuery, anomaliesResponse, deliveriesQuery, deliveriesResponse, notificationsQuery, notificationsResponse, webhookCreated, webhookRequest, webhooksResponse } from './notifications.js';
import { statementResponse, statementsResponse } from './statements.js';
import { tokenRequest, tokenResponse } from './tokens.js';
import { usageEventRequest, usageEventResponse, usageQuery, usageResponse } from './usage.js';

export interface Endpoint {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path template under the base URL; `{chatId}` is a path parameter. */
  path: string;
  summary: string;
  query?: z.ZodMiniType;
  body?: z.ZodMiniType;
  /** Success body; undefined for the catalog, which is checked by `parseCatalog`, and for a 204. */
  response?: z.ZodMiniType;
  /** Success status. */
  status: number;
  /** Error statuses the endpoint documents (problem+json). */
  errors: number[];
  /** Read-only, safe to call from `check-host`. */
  readOnly: boolean;
  /** Takes an Idempotency-Key header (a retry is applied once): required (true) or `optional`. */
  idempotent?: boolean | 'optional';
  /** Other representations of the success body, chosen by Accept (such as text/csv). */
  alternatives?: readonly string[];
  /** Administrators only. */
  admin?: boolean;
}

export const ENDPOINTS = {
  balance: {
    method: 'GET',
    path: '/balance',
    summary: "The organisation's credits, low-balance and auto-recharge settings, and the caller's limits",
    response: balanceResponse,
    status: 200,
    errors: [401, 403],
    readOnly: true,
  },
  usage: {
    method: 'GET',
    path: '/usage',
    summary: 'Usage over whole UTC days, grouped by day, service, billing type, user or department',
    query: usageQuery,
    response: usageResponse,
    status: 200,
    errors: [400, 401, 403],
    readOnly: true,
  },
  recentChats: {
    method: 'GET',
    path: '/chats',
    summary: "The most recent chats (an admin: the organisation's; a member: their own) with what each cost, latest first",
    query: recentChatsQuery,
    response: recentChatsResponse,
    status: 200,
    errors: [400, 401, 403],
    readOnly: true,
  },
  chat: {
    method: 'GET',
    path: '/chats/{chatId}',
    summary: "One chat's usage records and their charge (a chat with no usage yet is empty: no records, 0 credits)",
    response: chatResponse,
    status: 200,
    errors: [400, 401, 403],
    readOnly: true,
  },
  catalog: {
    method: 'GET',
    path: '/catalog',
    summary: "The organisation's price catalog, with an ETag (send If-None-Match for a 304)",
    status: 200,
    errors: [401],
    readOnly: true,
  },
  recordUsage: {
    method: 'POST',
    path: '/usage-events',
    summary: 'Record and charge usage (send an Idempotency-Key: a retried post is charged once)',
    body: usageEventRequest,
    response: usageEventResponse,
    status: 201,
    errors: [400, 401, 402, 403, 409, 422],
    readOnly: false,
    idempotent: true,
  },
  grants: {
    method: 'GET',
    path: '/grants',
    summary: "The organisation's credit grants with credits left, in the order the caller's charges spend them (expiring first, promotional before paid, then oldest)",
    response: grantsResponse,
    status: 200,
    errors: [401, 403],
    readOnly: true,
  },
  addGrant: {
    method: 'POST',
    path: '/grants',
    summary: 'Add credits as a grant: paid or promotional, with an optional expiry and priority (administrators)',
    body: grantRequest,
    response: grant,
    status: 201,
    errors: [400, 401, 403, 415, 422],
    readOnly: false,
    idempotent: 'optional',
  },
  departments: {
    method: 'GET',
    path: '/departments',
    summary: "The organisation's departments with the credits allocated to each and their month's use, and the unallocated pool (administrators)",
    response: departmentsResponse,
    status: 200,
    errors: [401, 403],
    readOnly: true,
    admin: true,
  },
  transfers: {
    method: 'GET',
    path: '/transfers',
    summary: 'Every transfer of credits between the pool and departments, newest first: who, why, the two ledger entries (administrators)',
    response: transfersResponse,
    status: 200,
    errors: [401, 403],
    readOnly: true,
    admin: true,
  },
  addTransfer: {
    method: 'POST',
    path: '/transfers',
    summary: 'Move credits between the pool (null) and a department or between departments, in one ledger transaction (administrators)',
    body: transferRequest,
    response: transfer,
    status: 201,
    errors: [400, 401, 403, 415, 422],
    readOnly: false,
    admin: true,
    idempotent: 'optional',
  },
  issueToken: {
    method: 'POST',
    path: '/tokens',
    summary: "A short-lived token for one user, scoped to read or write and to the user's own usage, a department's or the organisation's (an administrator); asked by the platform's server with the host's API key, or by an administrator's token for their organisation",
    body: tokenRequest,
    response: tokenResponse,
    status: 201,
    errors: [400, 401, 403, 404, 415, 422],
    readOnly: false,
    admin: true,
  },
  statements: {
    method: 'GET',
    path: '/statements',
    summary: "The organisation's monthly statements, newest first, numbered from its first month (administrators)",
    response: statementsResponse,
    status: 200,
    errors: [401, 403],
    readOnly: true,
    admin: true,
  },
  statement: {
    method: 'GET',
    path: '/statements/{period}',
    summary: 'The statement of a month (YYYY-MM): opening, top-ups and grants, usage by department, service and user, expired credits, closing; as JSON, CSV (Accept: text/csv; German with Accept-Language: de or ?lang=de) or PDF (Accept: application/pdf) (administrators)',
    response: statementResponse,
    status: 200,
    errors: [400, 401, 403, 404, 406],
    readOnly: true,
    alternatives: ['text/csv', 'application/pdf'],
    admin: true,
  },
  notifications: {
    method: 'GET',
    path: '/notifications',
    summary: 'The notification feed, newest first: low-balance thresholds (20 / 10 / 0 %), department budgets (80 / 100 %), anomalies, recharges, grants expiring within 7 days, statements ready, monthly usage reports; each with a stable id (administrators)',
    query: notificationsQuery,
    response: notificationsResponse,
    status: 200,
    errors: [400, 401, 403],
    readOnly: true,
    admin: true,
  },
  anomalies: {
    method: 'GET',
    path: '/anomalies',
    summary: "Days whose spend stands out from the subject's own trailing 28 days (the organisation, each department and user; a member: their own), with the reason in words",
    query: anomaliesQuery,
    response: anomaliesResponse,
    status: 200,
    errors: [400, 401, 403],
    readOnly: true,
  },
  webhooks: {
    method: 'GET',
    path: '/webhooks',
    summary: "The organisation's webhooks with their deliveries by state (administrators)",
    response: webhooksResponse,
    status: 200,
    errors: [401, 403],
    readOnly: true,
    admin: true,
  },
  addWebhook: {
    method: 'POST',
    path: '/webhooks',
    summary: 'Register an http(s) URL to receive the notification feed, signed (Creditkit-Signature: t=…,v1=HMAC-SHA256 of "t.body"), retried with backoff for a day; the answer shows the signing secret, and a retry with the same Idempotency-Key gets the same webhook (administrators)',
    body: webhookRequest,
    response: webhookCreated,
    status: 201,
    errors: [400, 401, 403, 415, 422],
    readOnly: false,
    admin: true,
    idempotent: 'optional',
  },
  deleteWebhook: {
    method: 'DELETE',
    path: '/webhooks/{webhookId}',
    summary: 'Remove a webhook; its pending deliveries are cancelled, its log is kept (administrators)',
    status: 204,
    errors: [401, 403, 404],
    readOnly: false,
    admin: true,
  },
  webhookDeliveries: {
    method: 'GET',
    path: '/webhooks/{webhookId}/deliveries',
    summary: "A webhook's delivery attempts, newest first: the event, the receiver's status, how long it took, delivered / retry / failed (administrators)",
    query: deliveriesQuery,
    response: deliveriesResponse,
    status: 200,
    errors: [400, 401, 403, 404],
    readOnly: true,
    admin: true,
  },
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof ENDPOINTS;

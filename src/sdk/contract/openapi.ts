// The host API contract as an OpenAPI 3.1 document, generated from the zod schemas (the
// single source) and the endpoint table. `scripts/write-openapi.ts` writes it to dist/openapi.json.
import * as z from 'zod/mini';
import { catalogJsonSchema } from '../../core/catalog/json-schema.js';
import { allowance, balanceResponse } from './balance.js';
import { charge, chargeLine, usageRecord } from './charge.js';
import { chatRecord, chatResponse, chatSummary, recentChatsResponse } from './chat.js';
import { money, problem } from './common.js';
import { ENDPOINTS, type Endpoint } from './endpoints.js';
import { department, departmentsResponse, transfer, transferRequest, transfersResponse } from './departments.js';
import { expiring, grant, grantRequest, grantsResponse } from './grants.js';
import { statementLine, statementResponse, statementsResponse } from './statements.js';
import { anomaliesResponse, anomaly, deliveriesResponse, deliveryAttempt, notification, notificationsResponse, notificationSubject, webhook, webhookCreated, webhookRequest, webhooksResponse } from './notifications.js';
import { tokenRequest, tokenResponse } from './tokens.js';
import { usageEventRequest, usageEventResponse, usageGroup, usageResponse } from './usage.js';

/** Component name of each schema that gets its own entry under components.schemas. */
export const COMPONENTS = {
  Balance: balanceResponse,
  Allowance: allowance,
  Money: money,
  UsageReport: usageResponse,
  UsageGroup: usageGroup,
  UsageEventRequest: usageEventRequest,
  UsageEventReceipt: usageEventResponse,
  UsageRecord: usageRecord,
  Charge: charge,
  ChargeLine: chargeLine,
  ChatUsage: chatResponse,
  ChatRecord: chatRecord,
  RecentChats: recentChatsResponse,
  ChatSummary: chatSummary,
  Grant: grant,
  GrantRequest: grantRequest,
  Grants: grantsResponse,
  Expiring: expiring,
  Department: department,
  Departments: departmentsResponse,
  TransferRequest: transferRequest,
  Transfer: transfer,
  Transfers: transfersResponse,
  Statement: statementResponse,
  StatementLine: statementLine,
  Statements: statementsResponse,
  Notification: notification,
  NotificationSubject: notificationSubject,
  Notifications: notificationsResponse,
  Anomaly: anomaly,
  Anomalies: anomaliesResponse,
  WebhookRequest: webhookRequest,
  Webhook: webhook,
  WebhookCreated: webhookCreated,
  Webhooks: webhooksResponse,
  DeliveryAttempt: deliveryAttempt,
  Deliveries: deliveriesResponse,
  TokenRequest: tokenRequest,
  Token: tokenResponse,
  Problem: problem,
} as const;

const REF = '#/components/schemas/';

/** The JSON Schemas of the components, nested components referenced by $ref. */
export function componentSchemas(): Record<string, Record<string, unknown>> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { io: 'input', unrepresentable: 'any', uri: (id) => REF + id }) as { schemas: Record<string, Record<string, unknown>> };
  for (const schema of Object.values(schemas)) {
    delete schema.$schema;
    delete schema.$id;
  }
  return schemas;
}

function componentOf(schema: z.ZodMiniType | undefined): string | undefined {
  return Object.entries(COMPONENTS).find(([, s]) => s === schema)?.[0];
}

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: `${REF}Problem` } } },
});

const ERROR_TEXT: Record<number, string> = {
  400: 'The request is malformed (a bad query or path, no Idempotency-Key)',
  401: 'No valid token: get a new one from getToken and retry once',
  402: 'No credits left (AI is paused) or not enough for this usage',
  403: 'Not allowed, or a daily / monthly limit or a department budget is used up',
  409: 'A request with the same Idempotency-Key is still in progress',
  415: 'The body is not application/json',
  422: 'The body is invalid (naming each field), the usage cannot be rated, or the Idempotency-Key was used for another body',
  404: 'No such resource (a statement for a month that has not begun, or before the first; a webhook of another organisation or none)',
  406: 'None of the Accept types is served',
};

function operation(name: string, endpoint: Endpoint): Record<string, unknown> {
  const parameters: Record<string, unknown>[] = [
    { name: 'X-Request-Id', in: 'header', required: false, description: 'Echoed in the response and in problem documents.', schema: { type: 'string' } },
  ];
  for (const [, name] of endpoint.path.matchAll(/\{(\w+)\}/g)) {
    parameters.push({ name, in: 'path', required: true, schema: name === 'period' ? { type: 'string', pattern: '^\\d{4}-(?:0[1-9]|1[0-2])$' } : { type: 'string' } });
  }
  if (endpoint.alternatives) {
    parameters.push(
      { name: 'format', in: 'query', required: false, description: 'json, csv or pdf: wins over Accept (for plain links)', schema: { type: 'string', enum: ['json', 'csv', 'pdf'] } },
      { name: 'lang', in: 'query', required: false, description: 'en or de: wins over Accept-Language', schema: { type: 'string', enum: ['en', 'de'] } },
    );
  }
  if (endpoint.query) {
    const query = z.toJSONSchema(endpoint.query, { io: 'input' }) as { properties: Record<string, unknown>; required?: string[] };
    for (const [param, schema] of Object.entries(query.properties)) parameters.push({ name: param, in: 'query', required: query.required?.includes(param) ?? false, schema });
  }
  if (endpoint.idempotent) {
    const description = endpoint.idempotent === 'optional'
      ? 'Optional: a retried request with the same key and body is applied once and answered with the first answer (Idempotent-Replayed: true); the same key with another body is a 422.'
      : 'A retried request with the same key and body is charged once and answered with the first receipt.';
    parameters.push({ name: 'Idempotency-Key', in: 'header', required: endpoint.idempotent === true, description, schema: { type: 'string', minLength: 1, maxLength: 255 } });
  }
  const success = componentOf(endpoint.response);
  const responses: Record<string, unknown> = {
    [endpoint.status]: endpoint.status === 204
      ? { description: 'Done (no content)' }
      : success
      ? {
          description: 'OK',
          content: {
            'application/json': { schema: { $ref: REF + success } },
            ...Object.fromEntries((endpoint.alternatives ?? []).map((type) => [type, { schema: type === 'application/pdf' ? { type: 'string', contentMediaType: 'application/pdf' } : { type: 'string' } }])),
          },
        }
      : {
          description: 'The catalog (creditkit catalog format)',
          headers: { ETag: { schema: { type: 'string' }, required: true } },
          content: { 'application/json': { schema: { $ref: `${REF}Catalog` } } },
        },
  };
  if (!success && endpoint.status !== 204) responses['304'] = { description: 'Not modified (If-None-Match matched the ETag)' };
  for (const status of endpoint.errors) responses[status] = problemResponse(ERROR_TEXT[status] ?? 'Error');
  responses['429'] = problemResponse('Too many requests; Retry-After or retry-after-ms says when to retry');
  responses['5XX'] = problemResponse('Host error; the SDK retries with backoff');
  return {
    operationId: name,
    summary: endpoint.summary,
    parameters,
    ...(endpoint.body && { requestBody: { required: true, content: { 'application/json': { schema: { $ref: REF + componentOf(endpoint.body)! } } } } }),
    responses,
  };
}

export function openApiDocument(version = '0.1.0'): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, endpoint] of Object.entries(ENDPOINTS)) {
    (paths[endpoint.path] ??= {})[endpoint.method.toLowerCase()] = operation(name, endpoint);
  }
  const { $schema: _schema, ...catalog } = catalogJsonSchema();
  return {
    openapi: '3.1.0',
    info: {
      title: 'creditkit host API',
      version,
      description:
        'What a platform implements so that the creditkit SDK and elements can show a signed-in user their credits. Amounts are decimal strings; errors are application/problem+json (RFC 9457). Paths are relative to a base URL the host chooses.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/api', description: 'The reference host (creditkit host)' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A short-lived token from the host backend; never a secret API key.' } },
      schemas: { ...componentSchemas(), Catalog: catalog },
    },
  };
}

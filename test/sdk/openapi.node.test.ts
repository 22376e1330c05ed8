// dist/openapi.json: a well-formed OpenAPI 3.1 document whose schemas are the contract's zod
// schemas (each component, with its $refs resolved, equals the zod schema's own JSON Schema).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as z from 'zod/mini';
import { catalogJsonSchema } from '../../src/core/catalog/json-schema.js';
import { ENDPOINTS } from '../../src/sdk/contract/index.js';
import { COMPONENTS, openApiDocument } from '../../src/sdk/contract/openapi.js';

type Json = Record<string, unknown>;
const doc = openApiDocument('1.2.3') as Json & { paths: Record<string, Record<string, Json>>; components: { schemas: Record<string, Json>; securitySchemes: Json } };
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function refs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refs(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

function resolve(ref: string): unknown {
  assert.match(ref, /^#\//, `only local references: ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, part) => (node as Json | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
}

/** The schema with every #/components/schemas reference replaced by its target. */
function inline(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(inline);
  if (value && typeof value === 'object') {
    const ref = (value as Json).$ref;
    if (typeof ref === 'string') return inline(resolve(ref));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inline(v)]));
  }
  return value;
}

describe('OpenAPI 3.1 document', () => {
  it('has the OpenAPI 3.1 top level: version, info, paths, components, a bearer scheme', () => {
    assert.equal(doc.openapi, '3.1.0');
    assert.deepEqual(Object.keys(doc.info as Json).sort(), ['description', 'title', 'version']);
    assert.equal((doc.info as Json).version, '1.2.3');
    assert.equal(doc.jsonSchemaDialect, 'https://json-schema.org/draft/2020-12/schema');
    assert.deepEqual(doc.components.securitySchemes, { bearer: { type: 'http', scheme: 'bearer', description: (doc.components.securitySchemes.bearer as Json).description } });
    for (const key of Object.keys(doc)) assert.ok(['openapi', 'info', 'jsonSchemaDialect', 'servers', 'paths', 'components', 'security', 'tags', 'externalDocs', 'webhooks'].includes(key), `unknown top-level field ${key}`);
  });

  it('lists every endpoint of the contract with its method, parameters and responses', () => {
    const operationIds = new Set<string>();
    for (const [name, endpoint] of Object.entries(ENDPOINTS)) {
      const op = doc.paths[endpoint.path]?.[endpoint.method.toLowerCase()] as Json & { responses: Record<string, Json>; parameters: Json[] };
      assert.ok(op, `${endpoint.method} ${endpoint.path}`);
      assert.equal(op.operationId, name);
      operationIds.add(op.operationId as string);
      assert.ok(op.responses[String(endpoint.status)], `${name}: success response`);
      for (const status of endpoint.errors) {
        assert.ok((op.responses[String(status)]!.content as Json)['application/problem+json'], `${name}: ${status} is problem+json`);
      }
      for (const match of endpoint.path.matchAll(/\{(\w+)\}/g)) {
        assert.ok(op.parameters.some((p) => p.in === 'path' && p.name === match[1] && p.required === true), `${name}: path parameter ${match[1]}`);
      }
      for (const p of op.parameters) assert.ok(['query', 'header', 'path', 'cookie'].includes(p.in as string));
    }
    assert.equal(operationIds.size, Object.keys(ENDPOINTS).length);
    for (const [path, item] of Object.entries(doc.paths)) {
      assert.match(path, /^\//);
      for (const method of Object.keys(item)) assert.ok(METHODS.includes(method), `${path}: ${method}`);
    }
  });

  it('resolves every $ref', () => {
    const all = refs(doc.paths).concat(refs(doc.components.schemas));
    assert.ok(all.length > 20);
    for (const ref of all) assert.ok(resolve(ref) !== undefined, `unresolved ${ref}`);
  });

  it('the usage query parameters and the Idempotency-Key header are declared', () => {
    const usage = doc.paths['/usage']!.get as { parameters: Json[] };
    assert.deepEqual(usage.parameters.filter((p) => p.in === 'query').map((p) => p.name), ['from', 'to', 'groupBy']);
    const post = doc.paths['/usage-events']!.post as { parameters: Json[] };
    assert.ok(post.parameters.some((p) => p.name === 'Idempotency-Key' && p.in === 'header' && p.required === true));
  });

  for (const [name, schema] of Object.entries(COMPONENTS)) {
    it(`components.schemas.${name} is the zod schema's JSON Schema`, () => {
      const { $schema: _ignored, ...expected } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
      assert.deepEqual(inline(doc.components.schemas[name]), expected);
    });
  }

  it("components.schemas.Catalog is core's catalog JSON Schema", () => {
    const { $schema: _ignored, ...expected } = catalogJsonSchema();
    assert.deepEqual(doc.components.schemas.Catalog, expected);
  });

  it('scripts/write-openapi.ts writes the same document', () => {
    const dir = mkdtempSync(join(tmpdir(), 'creditkit-openapi-'));
    try {
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/write-openapi.ts', join(dir, 'openapi.json')]);
      const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
      assert.deepEqual(JSON.parse(readFileSync(join(dir, 'openapi.json'), 'utf8')), JSON.parse(JSON.stringify(openApiDocument(version))));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

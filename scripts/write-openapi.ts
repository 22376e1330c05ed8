// Writes the host API contract as OpenAPI 3.1 (dist/openapi.json) from the zod schemas.
// `npm run build` runs it; test/sdk/openapi.node.test.ts checks the document.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { openApiDocument } from '../src/sdk/contract/openapi.js';

const target = process.argv[2] ?? 'dist/openapi.json';
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, JSON.stringify(openApiDocument(version), null, 2) + '\n');
console.log(`wrote ${target}`);

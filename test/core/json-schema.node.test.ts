// catalog/schema.json is generated from the zod schema: the committed file must be current.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { catalogJsonSchema } from '../../src/core/catalog/json-schema.js';

it('catalog/schema.json matches the zod schema (run `npm run build` to refresh it)', () => {
  assert.deepEqual(JSON.parse(readFileSync('catalog/schema.json', 'utf8')), JSON.parse(JSON.stringify(catalogJsonSchema())));
});

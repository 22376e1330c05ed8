// The catalog format as JSON Schema (draft 2020-12), generated from the zod schema. Decimal
// strings are transforms in zod, so they are described here by their pattern.
import * as z from 'zod/mini';
import { INSTANT_PATTERN } from '../instant.js';
import { catalogSchema, decimalString, instant, price } from './schema.js';

const DECIMAL = { type: 'string', pattern: '^(?:0|[1-9]\\d*)(?:\\.\\d+)?$', description: 'A non-negative decimal, as published ("0.2200").' };

export function catalogJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(catalogSchema, {
    io: 'input',
    unrepresentable: 'any',
    override(ctx) {
      if (ctx.zodSchema === instant) {
        Object.assign(ctx.jsonSchema, { type: 'string', pattern: INSTANT_PATTERN.source, description: 'An instant, ISO 8601: a day (from its midnight, UTC) or a day and a time ("2026-11-23", "2026-11-23T09:00:00Z").' });
      }
      if (ctx.zodSchema === decimalString) Object.assign(ctx.jsonSchema, DECIMAL);
      if (ctx.zodSchema === price) {
        Object.assign(ctx.jsonSchema, {
          anyOf: [DECIMAL, { type: 'null', description: 'Not offered in this key mode (never the same as "0", which is free).' }],
        });
      }
    },
  }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://creditkit.dev/schema/catalog-v1.json',
    title: 'creditkit price catalog',
    description: 'A platform\'s price list in credits: credit unit, key modes, billing types, caps, packages and services.',
  };
}

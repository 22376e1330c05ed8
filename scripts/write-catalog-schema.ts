// Writes catalog/schema.json, the JSON Schema of the catalog format, from the zod schema
// (the single source). `npm run build` runs it; a test checks the committed file is current.
import { writeFileSync } from 'node:fs';
import { catalogJsonSchema } from '../src/core/catalog/json-schema.js';

const target = process.argv[2] ?? 'catalog/schema.json';
writeFileSync(target, JSON.stringify(catalogJsonSchema(), null, 2) + '\n');
console.log(`wrote ${target}`);

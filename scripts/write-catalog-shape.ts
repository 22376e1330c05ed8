// Writes src/core/catalog/catalog-shape.ts, the catalog's zod schema as the plain nodes the
// browser's validator walks (src/core/catalog/shape.ts). `npm run build` runs it; a test checks
// the committed file is current.
import { writeFileSync } from 'node:fs';
import { catalogShapeModule } from '../src/core/catalog/zod-shape.js';

const target = process.argv[2] ?? 'src/core/catalog/catalog-shape.ts';
writeFileSync(target, catalogShapeModule());
console.log(`wrote ${target}`);

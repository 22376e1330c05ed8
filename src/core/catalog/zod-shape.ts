// The catalog's zod schema compiled into the plain nodes that shape.ts walks: the schema stays the
// one source of the catalog's rules, and the browser checks a catalog without zod.
// scripts/write-catalog-shape.ts writes the result to catalog-shape.ts; a test checks that file
// is current and that both validators find the same problems.
import type * as z from 'zod/mini';
import { catalogSchema, decimalString, instant, price } from './schema.js';
import type { ScalarName } from './scalars.js';
import type { Shape, ShapeCheck, ShapeNode } from './shape.js';

/** The zod schemas that are core's scalar readers as transforms (schema.ts). */
const SCALAR_SCHEMAS = new Map<unknown, ScalarName>([
  [decimalString, 'decimal'],
  [price, 'price'],
  [instant, 'instant'],
]);

// zod's internals as far as they are read here (zod/v4/core's $ZodTypeDef and checks).
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  check?: string;
  format?: string;
  shape?: Record<string, Schema>;
  catchall?: Schema;
  innerType?: Schema;
  element?: Schema;
  keyType?: Schema;
  valueType?: Schema;
  options?: Schema[];
  values?: unknown[];
  entries?: Record<string, unknown>;
}
interface CheckDef {
  check: string;
  error?: () => unknown;
  minimum?: number;
  format?: string;
  pattern?: RegExp;
  value?: number;
  inclusive?: boolean;
}
type Schema = { _zod: { def: Def } };

function check(def: CheckDef): ShapeCheck {
  const message = def.error?.();
  if (message !== undefined && typeof message !== 'string') throw new Error(`a check's message must be a string (${def.check})`);
  const tail = message === undefined ? ([] as const) : ([message] as const);
  if (def.check === 'min_length') return ['min', def.minimum!, ...tail];
  if (def.check === 'string_format' && def.format === 'regex') {
    if (def.pattern!.flags) throw new Error(`regex /${def.pattern!.source}/${def.pattern!.flags}: flags are not supported`);
    return ['re', def.pattern!.source, ...tail];
  }
  if (def.check === 'greater_than') return [def.inclusive ? '>=' : '>', def.value!, ...tail];
  if (def.check === 'less_than') return [def.inclusive ? '<=' : '<', def.value!, ...tail];
  throw new Error(`unsupported check ${def.check}`);
}

/** Each node's children as `visit` maps them. */
function mapChildren(node: ShapeNode, visit: (ref: number) => number): ShapeNode {
  switch (node[0]) {
    case 'object':
      return ['object', node[1].map(([key, ref]) => [key, visit(ref)] as const)];
    case 'optional':
      return ['optional', visit(node[1])];
    case 'array':
      return ['array', visit(node[1]), node[2]];
    case 'record':
      return ['record', visit(node[1]), visit(node[2])];
    case 'union':
      return ['union', node[1].map(visit)];
    default:
      return node;
  }
}

/** Alike nodes (z.string() written twice) as one: each distinct node once, children before their parents, the root last. */
function compact(nodes: readonly ShapeNode[]): Shape {
  const out: ShapeNode[] = [];
  const byText = new Map<string, number>();
  const moved = new Map<number, number>();
  const visit = (ref: number): number => {
    let at = moved.get(ref);
    if (at !== undefined) return at;
    const node = mapChildren(nodes[ref]!, visit);
    const text = JSON.stringify(node);
    at = byText.get(text) ?? out.push(node) - 1;
    byText.set(text, at);
    moved.set(ref, at);
    return at;
  };
  visit(0);
  return out;
}

/** The shape of a zod/mini schema: each distinct node once, the root last. */
export function compileShape(root: z.ZodMiniType): Shape {
  const nodes: ShapeNode[] = [];
  const index = new Map<unknown, number>();
  const ref = (schema: Schema): number => {
    const known = index.get(schema);
    if (known !== undefined) return known;
    const at = nodes.push(['boolean']) - 1; // a placeholder, so the schema's children come after it
    index.set(schema, at);
    nodes[at] = node(schema);
    return at;
  };
  const node = (schema: Schema): ShapeNode => {
    const scalar = SCALAR_SCHEMAS.get(schema);
    if (scalar) return ['scalar', scalar];
    const def = schema._zod.def;
    const checks = (def.checks ?? []).map((c) => check(c._zod.def));
    switch (def.type) {
      case 'object':
        if (def.catchall?._zod.def.type !== 'never') throw new Error('only strict objects are supported');
        return ['object', Object.entries(def.shape!).map(([key, child]) => [key, ref(child)] as const)];
      case 'optional':
        return ['optional', ref(def.innerType!)];
      case 'string':
        return ['string', checks];
      case 'number':
        // z.int() is a number that is itself a safe-integer check, run before its other checks.
        if (def.check === 'number_format' && def.format === 'safeint') return ['number', [['int'], ...checks]];
        if (def.check !== undefined) throw new Error(`unsupported number format ${def.format}`);
        return ['number', checks];
      case 'boolean':
        return ['boolean'];
      case 'literal':
        return ['value', def.values as never];
      case 'enum':
        return ['value', Object.values(def.entries!) as never];
      case 'array':
        return ['array', ref(def.element!), checks];
      case 'record':
        return ['record', ref(def.keyType!), ref(def.valueType!)];
      case 'union':
        return ['union', def.options!.map(ref)];
      default:
        throw new Error(`unsupported schema type ${def.type} (a pipe must be one of the scalars in scalars.ts)`);
    }
  };
  ref(root as unknown as Schema);
  return compact(nodes);
}

/** The text of catalog-shape.ts. */
export function catalogShapeModule(): string {
  const nodes = compileShape(catalogSchema).map((n, i) => `  /* ${i} */ ${JSON.stringify(n)},`);
  return `// Generated by scripts/write-catalog-shape.ts from the zod schema in schema.ts: do not edit.
// The catalog's structure as plain nodes for shape.ts (the browser's validator, without zod).
import type { Shape } from './shape.js';

export const CATALOG_SHAPE: Shape = [
${nodes.join('\n')}
];
`;
}

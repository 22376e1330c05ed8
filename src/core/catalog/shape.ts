// A catalog's structure checked without zod: the zod schema (schema.ts), compiled at build time
// into a table of plain nodes (catalog-shape.ts, written by scripts/write-catalog-shape.ts), is
// walked here the way zod walks it, with zod's rules for which problems are reported (a type
// problem stops the checks of that value, a union reports the one option that nearly fits) and
// core's messages (validation.ts). The browser's price list validates a catalog in ~1 KB instead
// of zod's ~10; a property test holds the two to the same issues and the same output.
import { describeValue, formatPath } from '../describe.js';
import type { Issue } from '../errors.js';
import { SCALARS, type ScalarName } from './scalars.js';

/** A check after a value's type is right: its length, a pattern, a safe integer, a bound. The message is the schema's, else zod's default. */
export type ShapeCheck =
  | readonly ['min', number, string?]
  | readonly ['re', string, string?]
  | readonly ['int']
  | readonly ['>=' | '>' | '<=' | '<', number, string?];

/** One schema node; other nodes are named by their index in the shape (children before parents, the root last). Objects are strict. */
export type ShapeNode =
  | readonly ['object', readonly (readonly [key: string, node: number])[]]
  | readonly ['optional', number]
  | readonly ['string' | 'number', readonly ShapeCheck[]]
  | readonly ['boolean']
  | readonly ['value', readonly (string | number | boolean | null)[]]
  | readonly ['array', number, readonly ShapeCheck[]]
  | readonly ['record', key: number, value: number]
  | readonly ['union', readonly number[]]
  | readonly ['scalar', ScalarName];

export type Shape = readonly ShapeNode[];

/**
 * A problem found, as zod records it: `go` is zod's `continue` (true: a check failed, the value's
 * other checks still run; false: nothing more is checked; unset: a type problem, which stops the
 * value's own checks but not its length check). `raw` is a check's message before ", got …".
 */
interface Found {
  path: PropertyKey[];
  message: string;
  go?: boolean;
  raw?: string;
}
interface Result {
  value: unknown;
  found: Found[];
}

const DEFAULT_MESSAGE = 'Invalid input';
const aborted = (found: readonly Found[]) => found.some((f) => f.go !== true);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function typeProblem(expected: string, input: unknown, go?: boolean): Found {
  const message = input === undefined ? `is required (expected ${expected})` : `expected ${expected}, got ${describeValue(input)}`;
  return go === undefined ? { path: [], message } : { path: [], message, go };
}

function checkProblem(message: string | undefined, input: unknown): Found {
  const raw = message ?? DEFAULT_MESSAGE;
  return { path: [], message: /, got /.test(raw) ? raw : `${raw}, got ${describeValue(input)}`, go: true, raw };
}

function nest(into: Found[], found: readonly Found[], key: PropertyKey): void {
  for (const f of found) into.push({ ...f, path: [key, ...f.path] });
}

function runChecks(checks: readonly ShapeCheck[], value: unknown, found: Found[]): void {
  for (const check of checks) {
    const [kind, bound, message] = check;
    if (kind === 'min') {
      // zod runs a length check unless a problem said stop, on anything with a length.
      const length = (value as { length?: unknown } | null | undefined)?.length;
      if (found.some((f) => f.go === false) || typeof length !== 'number') continue;
      if (length < bound) found.push(checkProblem(message, value));
      continue;
    }
    if (aborted(found)) continue;
    const n = value as number;
    if (kind === 're') {
      if (!new RegExp(bound).test(value as string)) found.push(checkProblem(message, value));
    } else if (kind === 'int') {
      if (!Number.isInteger(n)) found.push(typeProblem('int', n, false));
      else if (!Number.isSafeInteger(n)) found.push(checkProblem(undefined, n));
    } else if (kind === '>=' ? n < bound : kind === '>' ? n <= bound : kind === '<=' ? n > bound : n >= bound) {
      found.push(checkProblem(message, n));
    }
  }
}

function run(shape: Shape, ref: number, input: unknown): Result {
  const node = shape[ref]!;
  const found: Found[] = [];
  let value = input;
  switch (node[0]) {
    case 'optional':
      return input === undefined ? { value, found } : run(shape, node[1], input);
    case 'string':
    case 'number':
      if (node[0] === 'string' ? typeof input !== 'string' : typeof input !== 'number' || !Number.isFinite(input)) found.push(typeProblem(node[0], input));
      runChecks(node[1], input, found);
      break;
    case 'boolean':
      if (typeof input !== 'boolean') found.push(typeProblem('boolean', input));
      break;
    case 'value':
      if (!node[1].includes(input as never)) found.push({ path: [], message: `expected ${node[1].map((v) => JSON.stringify(v)).join(' or ')}, got ${describeValue(input)}` });
      break;
    case 'scalar': {
      const read = SCALARS[node[1]](input);
      if ('value' in read) value = read.value;
      else found.push({ path: [], message: read.error });
      break;
    }
    case 'array':
      if (!Array.isArray(input)) found.push(typeProblem('array', input));
      else
        value = Array.from(input, (item, i) => {
          const r = run(shape, node[1], item);
          nest(found, r.found, i);
          return r.value;
        });
      runChecks(node[2], value, found);
      break;
    case 'record': {
      const proto = isObject(input) ? Object.getPrototypeOf(input) : undefined;
      if (proto !== Object.prototype && proto !== null) {
        found.push(typeProblem('record', input));
        break;
      }
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(input as object)) {
        if (key === '__proto__') continue;
        const k = run(shape, node[1], key);
        if (k.found.length) {
          found.push({ path: [key], message: k.found.map((f) => f.raw ?? f.message).join('; ') });
          continue;
        }
        const r = run(shape, node[2], (input as Record<string, unknown>)[key]);
        nest(found, r.found, key);
        out[key] = r.value;
      }
      value = out;
      break;
    }
    case 'object': {
      if (!isObject(input)) {
        found.push(typeProblem('object', input));
        break;
      }
      const out: Record<string, unknown> = {};
      const known = new Set<string>();
      for (const [key, child] of node[1]) {
        known.add(key);
        const present = key in input;
        if (!present && shape[child]![0] === 'optional') continue;
        const r = run(shape, child, input[key]);
        nest(found, r.found, key);
        if (present || r.value !== undefined) out[key] = r.value;
      }
      for (const key in input) if (!known.has(key)) found.push({ path: [key], message: 'unknown field', go: true });
      value = out;
      break;
    }
    case 'union': {
      const results = node[1].map((option) => run(shape, option, input));
      const fits = results.find((r) => !r.found.length);
      if (fits) return fits;
      // Exactly one option failing only its checks (not its types): its problems are the answer.
      const near = results.filter((r) => !aborted(r.found));
      if (near.length === 1) return near[0]!;
      found.push({ path: [], message: `does not match any allowed form, got ${describeValue(input)}` });
      break;
    }
  }
  return { value, found };
}

/** Checks `input` against a shape: the value as the schema outputs it (decimal numbers as strings), and every problem with its path. */
export function checkShape(shape: Shape, input: unknown): { value: unknown; issues: Issue[] } {
  const { value, found } = run(shape, shape.length - 1, input);
  return { value, issues: found.map((f) => ({ path: formatPath(f.path), message: f.message })) };
}

// parseCatalog: JSON in, a typed, frozen catalog out, or a CatalogError naming every problem by path.
import { CatalogError, type Issue } from '../errors.js';
import { formatPath } from '../describe.js';
import { instantMs } from '../instant.js';
import { compareDecimalStrings } from '../decimal-text.js';
import { normalizeName } from './find.js';
import { CATALOG_SHAPE } from './catalog-shape.js';
import type { Catalog } from './schema.js';
import { checkShape } from './shape.js';
import { UNITS, type PriceKey, type PriceName, type Unit } from './vocabulary.js';

/** Which price keys make sense for a unit: token prices for token units, one price for the others. */
export const PRICE_KEYS_BY_UNIT_KIND: Record<(typeof UNITS)[Unit]['kind'], readonly PriceName[]> = {
  tokens: ['input', 'output', 'cachedInput', 'cacheWrite', 'cacheWrite1h', 'reasoning', 'inputAudio', 'outputAudio', 'webSearch', 'generatedImages'],
  seconds: ['audio', 'audioOutput'],
  characters: ['characters'],
  requests: ['request'],
  images: ['request', 'generatedImages'],
  'token-days': ['storage'],
};

function semanticIssues(catalog: Catalog): Issue[] {
  const issues: Issue[] = [];
  const keyModes = new Set(catalog.keyModes.map((k) => k.id));
  const billingTypes = new Set(catalog.billingTypes.map((b) => b.id));
  if (catalog.defaultKeyMode && !keyModes.has(catalog.defaultKeyMode)) {
    issues.push({ path: 'defaultKeyMode', message: `"${catalog.defaultKeyMode}" is not one of the catalog's keyModes` });
  }
  catalog.caps?.forEach((cap, i) => {
    if (!keyModes.has(cap.keyMode)) issues.push({ path: `caps[${i}].keyMode`, message: `"${cap.keyMode}" is not one of the catalog's keyModes` });
    cap.billingTypes.forEach((b, j) => {
      if (!billingTypes.has(b)) issues.push({ path: `caps[${i}].billingTypes[${j}]`, message: `"${b}" is not one of the catalog's billingTypes` });
    });
  });
  catalog.services.forEach((service, i) => {
    const at = `services[${i}]`;
    if (!billingTypes.has(service.billingType)) {
      issues.push({ path: `${at}.billingType`, message: `"${service.billingType}" is not one of the catalog's billingTypes` });
    }
    const allowed = PRICE_KEYS_BY_UNIT_KIND[UNITS[service.unit].kind];
    const checkPrices = (prices: Record<string, Record<string, unknown>>, path: string) => {
      for (const [mode, set] of Object.entries(prices)) {
        if (!keyModes.has(mode)) issues.push({ path: `${path}.${mode}`, message: `"${mode}" is not one of the catalog's keyModes` });
        for (const key of Object.keys(set)) {
          if (set[key] !== undefined && !allowed.includes(key as PriceName)) {
            issues.push({ path: `${path}.${mode}.${key}`, message: `a "${key}" price does not apply to unit "${service.unit}" (allowed: ${allowed.join(', ')})` });
          }
        }
      }
    };
    checkPrices(service.prices, `${at}.prices`);
    service.tiers?.forEach((t, j) => checkPrices(t.prices, `${at}.tiers[${j}].prices`));
    // Every set of prices of the service: now and earlier, standard and per service tier.
    const pricings = [{ path: at, p: service }, ...(service.earlier ?? []).map((e, j) => ({ path: `${at}.earlier[${j}]`, p: e }))];
    for (const { path, p } of pricings) {
      if (path !== at) checkPrices(p.prices, `${path}.prices`);
      if (path !== at) p.tiers?.forEach((t, k) => checkPrices(t.prices, `${path}.tiers[${k}].prices`));
      issues.push(...tierBelowBaseIssues(p.prices, p.tiers, path));
      for (const [name, st] of Object.entries(p.serviceTiers ?? {})) {
        if (!st) continue;
        checkPrices(st.prices, `${path}.serviceTiers.${name}.prices`);
        st.tiers?.forEach((t, k) => checkPrices(t.prices, `${path}.serviceTiers.${name}.tiers[${k}].prices`));
        issues.push(...tierBelowBaseIssues(st.prices, st.tiers, `${path}.serviceTiers.${name}`));
      }
    }
    issues.push(...periodOrderIssues(service, at));
  });
  return issues;
}

/** A long-context tier priced below its base: a tier applies to long requests, which cost more, never less. */
function tierBelowBaseIssues(prices: Catalog['services'][number]['prices'], tiers: Catalog['services'][number]['tiers'], at: string): Issue[] {
  const issues: Issue[] = [];
  tiers?.forEach((t, j) => {
    for (const [mode, set] of Object.entries(t.prices)) {
      for (const [key, value] of Object.entries(set)) {
        const base = prices[mode]?.[key as PriceKey];
        if (typeof value === 'string' && typeof base === 'string' && compareDecimalStrings(value, base) < 0) {
          issues.push({ path: `${at}.tiers[${j}].prices.${mode}.${key}`, message: `${value} is below the base price ${base}: a tier above ${t.above} tokens cannot cost less than the base` });
        }
      }
    }
  });
  return issues;
}

/** The instants of a service's history, in the order they must rise: since, each earlier until, until. */
function periodOrderIssues(service: Catalog['services'][number], at: string): Issue[] {
  const marks: { path: string; text: string }[] = [];
  if (service.since !== undefined) marks.push({ path: `${at}.since`, text: service.since });
  service.earlier?.forEach((e, j) => marks.push({ path: `${at}.earlier[${j}].until`, text: e.until }));
  if (service.until !== undefined) marks.push({ path: `${at}.until`, text: service.until });
  const issues: Issue[] = [];
  for (let i = 1; i < marks.length; i++) {
    const previous = marks[i - 1]!;
    const mark = marks[i]!;
    if (instantMs(mark.text)! <= instantMs(previous.text)!) {
      issues.push({ path: mark.path, message: `${mark.text} is not after ${previous.path.slice(at.length + 1)} (${previous.text}): price periods must follow each other without overlapping` });
    }
  }
  return issues;
}

/** Object keys that mean something to JavaScript objects, not to a catalog: as a key mode or any
 *  other key they could reach or shadow Object.prototype in code that indexes by them. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Every reserved key anywhere in the raw JSON, with its path. Iterative: a hostile nesting depth
 *  cannot overflow the stack. */
function reservedKeyIssues(json: unknown): Issue[] {
  const issues: Issue[] = [];
  const stack: [unknown, PropertyKey[]][] = [[json, []]];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], [...path, i]]);
      continue;
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      if (RESERVED_KEYS.has(key)) issues.push({ path: formatPath([...path, key]), message: `"${key}" is not allowed as a key` });
      else stack.push([(value as Record<string, unknown>)[key], [...path, key]]);
    }
  }
  return issues;
}

/** Two services with one id, or a name (id or alias) that would name two services. */
function nameIssues(catalog: Catalog): Issue[] {
  const issues: Issue[] = [];
  const ids = new Map<string, number>();
  catalog.services.forEach((service, i) => {
    const first = ids.get(service.id);
    if (first !== undefined) issues.push({ path: `services[${i}].id`, message: `"${service.id}" is also the id of services[${first}]` });
    else ids.set(service.id, i);
  });
  // Every name by which findService can reach a service: its id and its aliases, normalized.
  const owners = new Map<string, { index: number; what: string }>();
  catalog.services.forEach((service, i) => owners.has(normalizeName(service.id)) || owners.set(normalizeName(service.id), { index: i, what: 'id' }));
  catalog.services.forEach((service, i) => {
    service.aliases?.forEach((alias, j) => {
      const key = normalizeName(alias);
      const owner = owners.get(key);
      if (owner === undefined) owners.set(key, { index: i, what: 'alias' });
      else if (owner.index !== i) {
        const other = catalog.services[owner.index]!;
        issues.push({ path: `services[${i}].aliases[${j}]`, message: `"${alias}" is also the ${owner.what} of services[${owner.index}] (${other.id}): one name must name one service` });
      }
    });
  });
  return issues;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Validates a catalog (a JSON string or an already parsed value) and returns it typed and frozen.
 * @throws CatalogError listing each problem with its JSON path.
 */
export function parseCatalog(input: unknown): Catalog {
  let json = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch (error) {
      throw new CatalogError([{ path: '', message: `not valid JSON (${(error as Error).message})` }]);
    }
  }
  const reserved = reservedKeyIssues(json);
  if (reserved.length) throw new CatalogError(reserved);
  // The zod schema's rules, compiled into CATALOG_SHAPE (zod-shape.ts): no zod in a browser's bundle.
  const result = checkShape(CATALOG_SHAPE, json);
  if (result.issues.length) throw new CatalogError(result.issues);
  const catalog = result.value as Catalog;
  const issues = [...nameIssues(catalog), ...semanticIssues(catalog)];
  if (issues.length) throw new CatalogError(issues);
  return deepFreeze(catalog);
}

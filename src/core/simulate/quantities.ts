// Monthly quantities of one workload, computed exactly with Decimal from the per-request figures,
// then rounded half-up to whole units at ONE declared point: each monthly total per (workload,
// quantity kind); the share routed to another service is rounded the same way and taken out of
// that total (so both parts add up to it). Tokens, characters, requests and token-days become
// whole numbers there; audio seconds stay exact (the engine prorates them per 60 seconds).
// Money is never rounded here: the rating engine prices these quantities exactly.
import { findService } from '../catalog/find.js';
import { defaultKeyMode } from '../catalog/key-modes.js';
import { effectivePrice, priceKeysOf } from '../catalog/prices.js';
import { UNITS, type Catalog, type Service } from '../catalog/schema.js';
import { Decimal } from '../decimal.js';
import type { Issue } from '../errors.js';
import { CreditError } from '../errors.js';
import { imageTokens } from '../images.js';
import { PRICE_KEY_OF, type QuantityKind } from '../rating/usage.js';
import type { RangeField, Scenario, Workload } from './scenario.js';

export type Variant = 'low' | 'expected' | 'high';

/** What a part of a workload is: its own service, the share routed elsewhere, its tool calls. */
export type PartRole = 'primary' | 'routed' | 'tools';

export interface Part {
  workload: number;
  role: PartRole;
  service: Service;
  keyMode: string;
  /** Monthly quantities: whole numbers, except audio seconds (exact decimal). */
  quantities: Partial<Record<QuantityKind, Decimal>>;
  /** Input tokens of one request (text after compression + images), for long-context tiers and context windows. */
  requestInput: Decimal;
  /** The service tier the part is priced in; absent for standard. */
  serviceTier?: 'batch';
}

/** How a service is priced: which per-request fields of a workload apply to it. */
export type Shape = 'chat' | 'tokens' | 'seconds' | 'characters' | 'requests' | 'token-days';

const shapes = new WeakMap<Service, Shape>();

export function shapeOf(service: Service): Shape {
  let shape = shapes.get(service);
  if (!shape) {
    const kind = UNITS[service.unit].kind;
    shape = kind === 'tokens' ? (priceKeysOf(service).has('output') ? 'chat' : 'tokens') : kind === 'images' ? 'requests' : kind;
    shapes.set(service, shape);
  }
  return shape;
}

/** Workload fields that carry a quantity, and the shapes of service they apply to. */
const FIELD_SHAPES: Partial<Record<RangeField, readonly Shape[]>> = {
  inputTokens: ['chat', 'tokens'],
  outputTokens: ['chat'],
  imagesPerRequest: ['chat'],
  audioSeconds: ['seconds'],
  characters: ['characters'],
  knowledgeBaseTokens: ['token-days'],
};

export const ZERO = new Decimal(0);
const ONE = new Decimal(1);
const decimalCache = new Map<number, Decimal>();
/** A JSON number as the Decimal it prints as (0.1 → exactly 0.1). */
export function dec(n: number): Decimal {
  let d = decimalCache.get(n);
  if (!d) {
    d = new Decimal(String(n));
    if (decimalCache.size < 10_000) decimalCache.set(n, d);
  }
  return d;
}

export function keyModeOf(catalog: Catalog, scenario: Scenario, w: Workload): string {
  return w.keyMode ?? scenario.keyMode ?? defaultKeyMode(catalog);
}

/** The value of a quantity field in one variant of the band. */
export function valueOf(scenario: Scenario, w: Workload, field: RangeField, variant: Variant): number {
  const expected = field === 'users' ? (w.users ?? scenario.users) : ((w[field] as number | undefined) ?? 0);
  if (variant === 'expected') return expected;
  const range = w.ranges?.[field] ?? (field === 'users' && w.users === undefined ? scenario.ranges?.users : undefined);
  return range ? range[variant === 'low' ? 'low' : 'high'] : expected;
}

export function hasRanges(scenario: Scenario): boolean {
  return !!scenario.ranges?.users || scenario.workloads.some((w) => w.ranges && Object.values(w.ranges).some(Boolean));
}

/** Calendar days that stored knowledge is billed for. */
export function storageDays(scenario: Scenario): number {
  return scenario.period.calendarDays ?? (scenario.period.basis === 'calendar' ? scenario.period.days : 30);
}

export interface ResolvedWorkload {
  service: Service;
  keyMode: string;
  routeTo?: Service;
  toolService?: Service;
}

function toolServiceOf(catalog: Catalog, w: Workload): Service | undefined {
  if (w.toolService) return findService(catalog, w.toolService);
  const tools = catalog.services.filter((s) => s.billingType === 'tool-invocation');
  return tools.length === 1 ? tools[0] : undefined;
}

/** Kinds a part of this shape is billed in, given which fields are used. */
function kindsFor(shape: Shape, used: (f: RangeField) => boolean): QuantityKind[] {
  switch (shape) {
    case 'chat':
      return ['inputTokens', ...(used('imagesPerRequest') ? (['imageTokens'] as const) : []), 'outputTokens'];
    case 'tokens':
      return ['inputTokens'];
    case 'seconds':
      return ['audioSeconds'];
    case 'characters':
      return ['characters'];
    case 'requests':
      return ['requests'];
    case 'token-days':
      return ['tokenDays'];
  }
}

function offeredIssue(catalog: Catalog, service: Service, keyMode: string, kinds: readonly QuantityKind[], path: string): Issue | undefined {
  if (!catalog.keyModes.some((k) => k.id === keyMode)) {
    return { path, message: `the catalog has no key mode "${keyMode}"; it has ${catalog.keyModes.map((k) => k.id).join(', ')}` };
  }
  if (!service.prices[keyMode]) return { path, message: `${service.id} is not offered with key mode "${keyMode}"` };
  for (const kind of kinds) {
    const price = effectivePrice(catalog, service, keyMode, PRICE_KEY_OF[kind]);
    if (!price || price.charged === null) return { path, message: `${service.id} has no ${PRICE_KEY_OF[kind]} price with key mode "${keyMode}" (not offered)` };
  }
  return undefined;
}

/**
 * Resolves every workload's services against the catalog and checks that each quantity applies
 * to its service and is offered in its key mode. Issues carry the workload's path. Workloads
 * alike in service, key mode and fields used are resolved once.
 */
export function resolveWorkloads(catalog: Catalog, scenario: Scenario): { resolved: (ResolvedWorkload | undefined)[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const offeredMemo = new Map<string, Issue | undefined>();
  const offered = (service: Service, keyMode: string, kinds: readonly QuantityKind[], path: string): Issue | undefined => {
    const key = `${service.id}\u0000${keyMode}\u0000${kinds.join()}`;
    if (!offeredMemo.has(key)) offeredMemo.set(key, offeredIssue(catalog, service, keyMode, kinds, ''));
    const issue = offeredMemo.get(key);
    return issue && { path, message: issue.message };
  };
  const memo = new Map<string, { resolved: ResolvedWorkload | undefined; issues: Issue[] }>();
  const resolved = scenario.workloads.map((w, i) => {
    const keyMode = keyModeOf(catalog, scenario, w);
    let usedMask = 0;
    USED_FIELDS.forEach((f, bit) => {
      if (valueOf(scenario, w, f, 'high') > 0) usedMask |= 1 << bit;
    });
    const levers = `${(w.batchShare ?? 0) > 0 ? 'b' : ''}${CACHE_SHARES.map(([f]) => ((w[f] ?? 0) > 0 ? 1 : 0)).join('')}`;
    const key = [w.service, keyMode, (w.routeShare ?? 0) > 0 ? (w.routeTo ?? '') : '', w.toolService ?? '', usedMask, levers].join('\u0000');
    let entry = memo.get(key);
    if (!entry) {
      const local: Issue[] = [];
      const used = (f: RangeField) => (usedMask & (1 << USED_FIELDS.indexOf(f))) !== 0;
      entry = { resolved: resolveOne(catalog, w, keyMode, used, local, offered), issues: local };
      memo.set(key, entry);
    }
    for (const issue of entry.issues) issues.push({ path: `workloads[${i}]${issue.path}`, message: issue.message });
    return entry.resolved;
  });
  return { resolved, issues };
}

/** The service's batch prices in a key mode, or undefined where it offers no batch tier there. */
export function batchPrices(service: Service, keyMode: string): object | undefined {
  return service.serviceTiers?.batch?.prices[keyMode];
}

/** The long-context tiers in force for a part: its service tier's own, else the service's. */
export function tiersOf(service: Service, serviceTier: Part['serviceTier']): Service['tiers'] {
  return serviceTier ? (service.serviceTiers?.[serviceTier]?.tiers ?? service.tiers) : service.tiers;
}

const CACHE_SHARES = [
  ['cacheReadShare', 'cachedInputTokens'],
  ['cacheWriteShare', 'cacheWriteTokens'],
  ['cacheWrite1hShare', 'cacheWrite1hTokens'],
] as const;

/** A batch share where the service offers no batch tier, or prompt-cache shares on a service without chat input: never priced silently at another price. */
function leverIssue(catalog: Catalog, service: Service, keyMode: string, w: Workload): Issue | undefined {
  if ((w.batchShare ?? 0) > 0 && !batchPrices(service, keyMode)) {
    return { path: '.batchShare', message: `${service.id} offers no batch tier with key mode "${keyMode}"` };
  }
  for (const [field, kind] of CACHE_SHARES) {
    if (!w[field]) continue;
    if (shapeOf(service) !== 'chat') return { path: `.${field}`, message: `does not apply to ${service.id} (${service.billingType}, priced per ${service.unit})` };
    const price = effectivePrice(catalog, service, keyMode, PRICE_KEY_OF[kind]);
    if (!price || price.charged === null) return { path: `.${field}`, message: `${service.id} has no ${PRICE_KEY_OF[kind]} price with key mode "${keyMode}" (not offered)` };
  }
  return undefined;
}

const USED_FIELDS: readonly RangeField[] = [...(Object.keys(FIELD_SHAPES) as RangeField[]), 'toolCalls'];

type OfferedCheck = (service: Service, keyMode: string, kinds: readonly QuantityKind[], path: string) => Issue | undefined;

/** One workload's services and checks; issue paths are relative to the workload (".service"). */
function resolveOne(catalog: Catalog, w: Workload, keyMode: string, used: (f: RangeField) => boolean, issues: Issue[], offered: OfferedCheck): ResolvedWorkload | undefined {
  const find = (name: string, field: string): Service | undefined => {
    try {
      return findService(catalog, name);
    } catch (error) {
      if (!(error instanceof CreditError)) throw error;
      issues.push({ path: `.${field}`, message: error.message });
      return undefined;
    }
  };
  const service = find(w.service, 'service');
  if (!service) return undefined;
  const shape = shapeOf(service);
  let ok = true;
  for (const [field, shapes] of Object.entries(FIELD_SHAPES) as [RangeField, readonly Shape[]][]) {
    if (used(field) && !shapes.includes(shape)) {
      issues.push({ path: `.${field}`, message: `does not apply to ${service.id} (${service.billingType}, priced per ${service.unit})` });
      ok = false;
    }
  }
  const kinds = kindsFor(shape, used);
  const offeredProblem = offered(service, keyMode, kinds, `.service`);
  if (offeredProblem) {
    issues.push(offeredProblem);
    ok = false;
  }
  if (ok) {
    const lever = leverIssue(catalog, service, keyMode, w);
    if (lever) {
      issues.push(lever);
      ok = false;
    }
  }
  const result: ResolvedWorkload = { service, keyMode };
  if ((w.routeShare ?? 0) > 0 && w.routeTo) {
    const routeTo = find(w.routeTo, 'routeTo');
    if (!routeTo) ok = false;
    else if (shapeOf(routeTo) !== shape) {
      issues.push({ path: `.routeTo`, message: `${routeTo.id} is priced per ${routeTo.unit}, not like ${service.id} (per ${service.unit})` });
      ok = false;
    } else {
      const issue = offered(routeTo, keyMode, kinds, `.routeTo`);
      if (issue) {
        issues.push(issue);
        ok = false;
      } else result.routeTo = routeTo;
    }
  }
  if (used('toolCalls')) {
    const tool = w.toolService ? find(w.toolService, 'toolService') : toolServiceOf(catalog, w);
    if (!tool) {
      if (!w.toolService) issues.push({ path: `.toolCalls`, message: `the catalog prices no tool calls on their own; name a toolService or set toolCalls to 0` });
      ok = false;
    } else if (shapeOf(tool) !== 'requests') {
      issues.push({ path: `.toolService`, message: `${tool.id} is not priced per request` });
      ok = false;
    } else {
      const issue = offered(tool, keyMode, ['requests'], `.toolService`);
      if (issue) {
        issues.push(issue);
        ok = false;
      } else result.toolService = tool;
    }
  }
  return ok ? result : undefined;
}

const round = (d: Decimal) => d.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);

/** The parts of one workload (its own service, the routed share, its tool calls) with their monthly quantities. */
export function partsOf(scenario: Scenario, index: number, r: ResolvedWorkload, variant: Variant): Part[] {
  const w = scenario.workloads[index]!;
  const v = (f: RangeField) => dec(valueOf(scenario, w, f, variant));
  const shape = shapeOf(r.service);
  const parts: Part[] = [];

  if (shape === 'token-days') {
    const tokenDays = round(v('knowledgeBaseTokens').times(storageDays(scenario)));
    parts.push({ workload: index, role: 'primary', service: r.service, keyMode: r.keyMode, quantities: { tokenDays }, requestInput: ZERO });
    return parts;
  }

  const fast = fastParts(scenario, index, r, variant);
  if (fast) return fast;
  const requests = v('users').times(v('requestsPerUserPerDay')).times(scenario.period.days);
  // A cached answer costs nothing: only the misses are billed, on every part.
  const billed = w.cacheHitRate ? requests.times(ONE.minus(dec(w.cacheHitRate))) : requests;
  const routed = r.routeTo && w.routeShare ? billed.times(dec(w.routeShare)) : ZERO;
  const input = w.compression ? v('inputTokens').times(ONE.minus(dec(w.compression))) : v('inputTokens');
  const output = w.outputCap !== undefined ? Decimal.min(v('outputTokens'), dec(w.outputCap)) : v('outputTokens');
  const images = v('imagesPerRequest');
  const tokensPerImage = images.gt(0) && w.imageWidth && w.imageHeight ? imageTokens(w.imageWidth, w.imageHeight) : 0;
  const requestInput = input.plus(images.times(tokensPerImage));

  const quantitiesFor = (n: Decimal): Part['quantities'] => {
    switch (shape) {
      case 'chat': {
        const q: Part['quantities'] = { inputTokens: round(n.times(input)), outputTokens: round(n.times(output)) };
        if (tokensPerImage) q.imageTokens = round(n.times(images)).times(tokensPerImage);
        return q;
      }
      case 'tokens':
        return { inputTokens: round(n.times(input)) };
      case 'seconds':
        return { audioSeconds: n.times(v('audioSeconds')) };
      case 'characters':
        return { characters: round(n.times(v('characters'))) };
      default:
        return { requests: round(n) };
    }
  };
  // The workload's total is rounded once and the routed share taken out of it, so that routing
  // never adds a token by rounding two halves up.
  const all = quantitiesFor(billed);
  const own = (quantities: Part['quantities']) => withBatch({ workload: index, role: 'primary', service: r.service, keyMode: r.keyMode, quantities: withCache(quantities, w), requestInput }, w.batchShare);
  if (r.routeTo && routed.gt(0)) {
    const moved = quantitiesFor(routed);
    const stay: Part['quantities'] = {};
    for (const [kind, q] of Object.entries(all) as [QuantityKind, Decimal][]) stay[kind] = q.minus(moved[kind] ?? ZERO);
    parts.push(...own(stay));
    parts.push({ workload: index, role: 'routed', service: r.routeTo, keyMode: r.keyMode, quantities: withCache(moved, w), requestInput });
  } else {
    parts.push(...own(all));
  }
  if (r.toolService) {
    const calls = round(billed.times(v('toolCalls')));
    parts.push({ workload: index, role: 'tools', service: r.toolService, keyMode: r.keyMode, quantities: { requests: calls }, requestInput: ZERO });
  }
  return parts;
}

/**
 * A part's input tokens split into cache reads and writes by the workload's shares: a partition
 * of the monthly input (each share of it rounded half-up, never more than is left), so that the
 * lines add up to the input tokens planned.
 */
function withCache(quantities: Part['quantities'], w: Workload): Part['quantities'] {
  const total = quantities.inputTokens;
  if (!total || !(w.cacheReadShare || w.cacheWriteShare || w.cacheWrite1hShare)) return quantities;
  const out: Part['quantities'] = { ...quantities };
  let left = total;
  for (const [field, kind] of CACHE_SHARES) {
    const share = w[field];
    if (!share) continue;
    const q = Decimal.min(round(total.times(dec(share))), left);
    out[kind] = q;
    left = left.minus(q);
  }
  out.inputTokens = left;
  return out;
}

/** The part, and the share of it sent through the batch tier as a part of its own (each quantity split, the two adding up to it). */
function withBatch(part: Part, share: number | undefined): Part[] {
  if (!share) return [part];
  const stay: Part['quantities'] = {};
  const moved: Part['quantities'] = {};
  for (const [kind, q] of Object.entries(part.quantities) as [QuantityKind, Decimal][]) {
    // Audio seconds stay exact (the engine prorates them); whole units are rounded half-up.
    const m = kind === 'audioSeconds' ? q.times(dec(share)) : round(q.times(dec(share)));
    moved[kind] = m;
    stay[kind] = q.minus(m);
  }
  return [
    { ...part, quantities: stay },
    { ...part, quantities: moved, serviceTier: 'batch' },
  ];
}

const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * The common case in whole numbers: integer figures, no levers, no images. Every product stays
 * below 2^53, so plain numbers are exact and the result equals the Decimal path's.
 */
function fastParts(scenario: Scenario, index: number, r: ResolvedWorkload, variant: Variant): Part[] | undefined {
  const w = scenario.workloads[index]!;
  if (w.cacheHitRate || (w.routeShare && r.routeTo) || w.compression || w.imagesPerRequest || r.toolService || w.outputCap !== undefined) return undefined;
  if (w.batchShare || w.cacheReadShare || w.cacheWriteShare || w.cacheWrite1hShare) return undefined;
  const shape = shapeOf(r.service);
  if (shape === 'token-days') return undefined;
  const perDay = valueOf(scenario, w, 'requestsPerUserPerDay', variant);
  // Whole factors only: a float product that happens to be whole is not proof that the decimal one is.
  if (!Number.isInteger(perDay)) return undefined;
  const requests = valueOf(scenario, w, 'users', variant) * perDay * scenario.period.days;
  if (!Number.isSafeInteger(requests)) return undefined;
  const times = (field: RangeField): Decimal | undefined => {
    const x = valueOf(scenario, w, field, variant);
    const q = x * requests;
    return Number.isSafeInteger(x) && Number.isSafeInteger(q) ? new Decimal(q) : undefined;
  };
  let quantities: Part['quantities'];
  switch (shape) {
    case 'chat': {
      const i = times('inputTokens');
      const o = times('outputTokens');
      if (!i || !o) return undefined;
      quantities = { inputTokens: i, outputTokens: o };
      break;
    }
    case 'tokens': {
      const i = times('inputTokens');
      if (!i) return undefined;
      quantities = { inputTokens: i };
      break;
    }
    case 'seconds': {
      const a = times('audioSeconds');
      if (!a) return undefined;
      quantities = { audioSeconds: a };
      break;
    }
    case 'characters': {
      const c = times('characters');
      if (!c) return undefined;
      quantities = { characters: c };
      break;
    }
    default:
      quantities = { requests: new Decimal(requests) };
  }
  return [{ workload: index, role: 'primary', service: r.service, keyMode: r.keyMode, quantities, requestInput: dec(valueOf(scenario, w, 'inputTokens', variant)) }];
}

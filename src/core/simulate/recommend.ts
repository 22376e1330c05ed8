// Recommendations for a simulated month: which key mode, which cheaper services, how long a
// balance lasts. Each is priced by the same engine (rateMany) as the month itself.
import { effectivePrice } from '../catalog/prices.js';
import type { Catalog, Service } from '../catalog/schema.js';
import { Decimal, toPlain } from '../decimal.js';
import { CreditError } from '../errors.js';
import { rateMany } from '../rating/rate.js';
import { PRICE_KEY_OF, type QuantityKind } from '../rating/usage.js';
import { serviceName } from '../catalog/names.js';
import { batchPrices, partsOf, resolveWorkloads, shapeOf, type ResolvedWorkload } from './quantities.js';
import { recordsOf } from './records.js';
import { cheapestPackages, type PackagePlan } from './packages.js';
import type { Scenario } from './scenario.js';
import { simulateMonth, type SimulationResult } from './simulate.js';

export interface KeyModeOption {
  keyMode: string;
  name: string;
  /** The month's credits with every workload in this key mode; null when a workload is not offered in it. */
  credits: string | null;
  /** Workloads (by index) whose service is not offered in this key mode. */
  notOffered: number[];
  /** Own-key credits are a service fee: the provider bills its own usage on top. */
  note?: string;
}

/** The same scenario in every key mode of the catalog. */
export function compareKeyModes(catalog: Catalog, scenario: Scenario): KeyModeOption[] {
  return catalog.keyModes.map((mode) => {
    const variant: Scenario = { ...scenario, keyMode: mode.id, workloads: scenario.workloads.map(({ keyMode: _, ...w }) => w) };
    const { issues } = resolveWorkloads(catalog, variant);
    const notOffered = [...new Set(issues.map((i) => Number(/^workloads\[(\d+)\]/.exec(i.path)?.[1] ?? -1)).filter((n) => n >= 0))];
    const option: KeyModeOption = { keyMode: mode.id, name: mode.name, credits: null, notOffered };
    if (mode.id !== 'platform' && mode.description) option.note = mode.description;
    if (notOffered.length === 0) option.credits = simulateMonth(catalog, variant).credits;
    return option;
  });
}

/** A cheaper service for a workload, with what makes it a candidate. */
export interface Alternative {
  service: string;
  name: string;
  /** The workload's credits with this service in place of its own. */
  credits: string;
  /** What the month saves against the current service (always more than 0). */
  saves: string;
  /** The saving as a percentage of the workload's credits (0–100, to 2 decimals, rounded down: never overstated). */
  savesPercent: string;
  /** The service prices this workload at nothing (a free model). */
  free: boolean;
  /** The service's context window; null when the catalog does not say (then only for services not priced per chat turn). */
  contextWindow: number | null;
  /** Tokens one request needs in the context window (input after compression + images + capped output, at the high end of any range); null for services not priced by tokens. */
  requestTokens: number | null;
}

/** Tokens one request needs in the context window (input after compression + images + capped output), at the high end of any range. */
function requestTokens(scenario: Scenario, index: number, r: ResolvedWorkload): Decimal {
  const [primary] = partsOf(scenario, index, r, 'high');
  const w = scenario.workloads[index]!;
  const output = Math.min(w.ranges?.outputTokens?.high ?? w.outputTokens ?? 0, w.outputCap ?? Infinity);
  return primary!.requestInput.plus(output).ceil();
}

/**
 * The `count` cheapest other services of the same billing type (and unit) for one workload that
 * cost less than its own, offered in its key mode, and whose context window is known to hold one
 * request (a chat service that does not publish its window is left out; a service priced per
 * token of input alone, such as embeddings, is checked where it publishes one). All candidates
 * are rated in one rateMany call (one line group per service).
 */
export function alternatives(catalog: Catalog, scenario: Scenario, result: SimulationResult, count = 3): Alternative[][] {
  const { resolved } = resolveWorkloads(catalog, scenario);
  return resolved.map((r, i) => (r ? alternativesOf(catalog, scenario, i, r, result, count) : []));
}

function alternativesOf(catalog: Catalog, scenario: Scenario, index: number, r: ResolvedWorkload, result: SimulationResult, count: number): Alternative[] {
  // The workload's own service's parts: standard, and its batch share where it has one.
  const own = partsOf(scenario, index, r, 'expected').filter((p) => p.role === 'primary');
  const primary = own[0];
  if (!primary) return [];
  const kinds = [...new Set(own.flatMap((p) => Object.keys(p.quantities) as QuantityKind[]))];
  const batch = own.some((p) => p.serviceTier === 'batch');
  const shape = shapeOf(r.service);
  const byTokens = shape === 'chat' || shape === 'tokens';
  const needs = requestTokens(scenario, index, r);
  const fits = (s: Service) => !byTokens || (s.contextWindow === undefined ? shape !== 'chat' : needs.lte(s.contextWindow));
  const candidates = catalog.services.filter(
    (s: Service) =>
      s !== r.service &&
      s.billingType === r.service.billingType &&
      s.unit === r.service.unit &&
      shapeOf(s) === shape &&
      fits(s) &&
      (!batch || batchPrices(s, r.keyMode) !== undefined) &&
      kinds.every((k) => {
        const p = effectivePrice(catalog, s, r.keyMode, PRICE_KEY_OF[k]);
        return p !== undefined && p.charged !== null;
      }),
  );
  if (candidates.length === 0) return [];
  const records = candidates.flatMap((s) => own.flatMap((p) => recordsOf({ ...p, service: s })));
  let charge;
  try {
    charge = rateMany(catalog, records);
  } catch (error) {
    if (error instanceof CreditError) return [];
    throw error;
  }
  const byService = new Map<string, Decimal>();
  for (const l of charge.lines) byService.set(l.service, (byService.get(l.service) ?? new Decimal(0)).plus(l.credits));
  // The routed share and tool calls stay as they are; only the workload's own service changes.
  const current = new Decimal(result.byWorkload[index]!.credits);
  const ownCredits = result.lines.filter((l) => l.workload === index && l.role === 'primary').reduce((a, l) => a.plus(l.credits), new Decimal(0));
  const rest = current.minus(ownCredits);
  return candidates
    .map((s) => ({ s, own: byService.get(s.id) ?? new Decimal(0), credits: rest.plus(byService.get(s.id) ?? 0) }))
    .filter(({ credits }) => credits.lt(current))
    .sort((a, b) => a.credits.cmp(b.credits) || a.s.id.localeCompare(b.s.id))
    .slice(0, count)
    .map(({ s, own, credits }) => ({
      service: s.id,
      name: serviceName(s),
      credits: toPlain(credits),
      saves: toPlain(current.minus(credits)),
      savesPercent: toPlain(current.minus(credits).times(100).div(current).toDecimalPlaces(2, Decimal.ROUND_DOWN)),
      free: own.isZero(),
      contextWindow: s.contextWindow ?? null,
      requestTokens: byTokens ? needs.toNumber() : null,
    }));
}

export interface Runway {
  /** Days of use the balance covers in full. */
  days: number;
  /** The last day of use the balance covers in full (YYYY-MM-DD); null when it does not cover one. */
  lastDay: string | null;
  /** The day of use during which it runs out; null when the month costs nothing. */
  runsOutOn: string | null;
  /** True when the month costs nothing: the balance lasts for ever. */
  forever: boolean;
}

const DAY = 86_400_000;
const isoDate = (t: number) => new Date(t).toISOString().slice(0, 10);
const isWeekend = (t: number) => {
  const d = new Date(t).getUTCDay();
  return d === 0 || d === 6;
};

/** The n-th day of use (1-based) from `start`, counting every day or Monday to Friday only. */
function nthUseDay(start: number, n: number, working: boolean): number {
  if (!working) return start + (n - 1) * DAY;
  let t = start;
  while (isWeekend(t)) t += DAY;
  const weeks = Math.floor((n - 1) / 5);
  t += weeks * 7 * DAY;
  for (let left = (n - 1) % 5; left > 0; ) {
    t += DAY;
    if (!isWeekend(t)) left--;
  }
  return t;
}

/**
 * "At this rate a balance of N credits lasts until <date>": the month's credits spread evenly
 * over its days of use (every day, or Monday–Friday for a working-day period), from `start`.
 */
export function balanceRunway(result: Pick<SimulationResult, 'credits' | 'scenario'>, balance: string, start: string): Runway {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || Number.isNaN(Date.parse(`${start}T00:00:00Z`))) {
    throw new CreditError(`start must be a date as YYYY-MM-DD, got ${JSON.stringify(start)}`);
  }
  if (!/^\d+(\.\d+)?$/.test(balance)) throw new CreditError(`balance must be a non-negative decimal string, got ${JSON.stringify(balance)}`);
  const perDay = new Decimal(result.credits).div(result.scenario.period.days);
  if (perDay.isZero()) return { days: 0, lastDay: null, runsOutOn: null, forever: true };
  // Capped at 100 years of days so that the date stays a date.
  const days = Decimal.min(new Decimal(balance).div(perDay).floor(), 36_500).toNumber();
  const working = result.scenario.period.basis === 'working';
  const t0 = Date.parse(`${start}T00:00:00Z`);
  return {
    days,
    lastDay: days > 0 ? isoDate(nthUseDay(t0, days, working)) : null,
    runsOutOn: isoDate(nthUseDay(t0, days + 1, working)),
    forever: false,
  };
}

export interface Recommendations {
  /** The cheapest packages covering the month; null when the catalog sells none. */
  packages: PackagePlan | null;
  keyModes: KeyModeOption[];
  /** Per workload (by index), its cheapest alternatives (at most `options.alternatives`, 3 by default). */
  alternatives: Alternative[][];
  /** Per workload, every cheaper service that holds its requests, cheapest first: where a share can be routed. */
  cheaper: Alternative[][];
  /** Present when a balance was given. */
  runway?: Runway;
}

/** Every recommendation for a simulated month. `balance` (credits) and `start` (YYYY-MM-DD) give the runway. */
export function recommend(
  catalog: Catalog,
  result: SimulationResult,
  options: { balance?: string; start?: string; alternatives?: number } = {},
): Recommendations {
  const { scenario } = result;
  const cheaper = alternatives(catalog, scenario, result, Infinity);
  const out: Recommendations = {
    packages: cheapestPackages(catalog, result.credits),
    keyModes: compareKeyModes(catalog, scenario),
    alternatives: cheaper.map((list) => list.slice(0, options.alternatives ?? 3)),
    cheaper,
  };
  if (options.balance !== undefined && options.start !== undefined) out.runway = balanceRunway(result, options.balance, options.start);
  return out;
}

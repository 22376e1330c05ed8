// simulateMonth: a scenario's month priced by the rating engine. The workloads become a handful
// of synthetic records (monthly totals, never one record per request), rated by ONE rateMany
// call per band variant; the breakdown by workload re-prices each part's quantities at the unit
// prices that call charged, so breakdowns and total come from the same prices.
import { PER_CALL_KEYS, UNITS, type Catalog } from '../catalog/schema.js';
import { Decimal } from '../decimal.js';
import { UsageError } from '../errors.js';
import { creditsToMoney, sumDecimals } from '../money.js';
import type { Charge, ChargeLine, Money } from '../rating/charge.js';
import { rateMany } from '../rating/rate.js';
import { add, divide, EXACT_ZERO, times, toDecimalString, type Exact } from '../rating/exact.js';
import { PRICE_KEY_OF, QUANTITY_KINDS, type QuantityKind } from '../rating/usage.js';
import { serviceName } from '../catalog/names.js';
import { dec, hasRanges, partsOf, resolveWorkloads, tiersOf, type PartRole, type ResolvedWorkload, type Variant } from './quantities.js';
import { recordsOf, tierOf } from './records.js';
import { validateScenario, type Scenario } from './scenario.js';

/** One part of one workload in one quantity kind, priced at the charge's unit price (exact credits). imageTokens are billed at the input price. */
export type BreakdownLine = Pick<ChargeLine, 'service' | 'keyMode' | 'billingType' | 'kind' | 'quantity' | 'unit' | 'unitPrice' | 'credits' | 'serviceTier' | 'pricedAs'> & {
  /** Index of the workload in the scenario. */
  workload: number;
  role: PartRole;
  /** The threshold of the long-context tier that priced this line (input tokens per request), when one did. */
  tierAbove?: number;
};

export interface Band {
  low: string;
  expected: string;
  high: string;
}

export interface WorkloadCost {
  index: number;
  name: string;
  service: string;
  keyMode: string;
  billingType: string;
  /** Exact credits of the month. */
  credits: string;
  band: Band;
  /** Monthly requests before the cache (users × requests per user per day × days). */
  requests: string;
}

export interface GroupCost {
  id: string;
  name: string;
  credits: string;
  band: Band;
}

export interface SimulationResult {
  scenario: Scenario;
  /** The month's charge from rateMany (the catalog's rounding policy applies to it). */
  charge: Charge;
  /** Billed credits of the month (= charge.credits). */
  credits: string;
  money: Money;
  /** Low–expected–high credits of the month; all three equal when the scenario has no ranges. */
  band: Band;
  bandMoney: { low: Money; expected: Money; high: Money };
  ranged: boolean;
  byWorkload: WorkloadCost[];
  byService: (GroupCost & { keyMode: string; billingType: string })[];
  byBillingType: GroupCost[];
  /** Credits per user of the scenario (null for zero users) and per day of use. */
  perUser: string | null;
  perDay: string;
  lines: BreakdownLine[];
  currency: string;
  catalogVersion: string;
}

interface VariantResult {
  charge: Charge;
  lines: BreakdownLine[];
  byWorkload: Exact[];
}

function lineKey(service: string, keyMode: string, serviceTier: string | undefined, tier: number, kind: string): string {
  return `${service}\u0000${keyMode}\u0000${serviceTier ?? 'standard'}\u0000${tier}\u0000${kind}`;
}

function runVariant(catalog: Catalog, scenario: Scenario, resolved: readonly ResolvedWorkload[], variant: Variant): VariantResult {
  const parts = resolved.flatMap((r, i) => partsOf(scenario, i, r, variant));
  const records = parts.flatMap(recordsOf);
  let charge: Charge;
  try {
    charge = rateMany(catalog, records);
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(error.issues, 'scenario cannot be priced');
    throw error;
  }
  // Credits per unit of quantity (unit price / units per price), exact, once per charge line.
  const prices = new Map<string, { rate: Exact; text: string; pricedAs: ChargeLine['pricedAs'] }>();
  for (const l of charge.lines) {
    // Web searches are quoted per call whatever the unit.
    const per = PER_CALL_KEYS.has(PRICE_KEY_OF[l.kind]) ? 1 : UNITS[l.unit].per;
    prices.set(lineKey(l.service, l.keyMode, l.serviceTier, l.tier ?? -1, l.kind), { rate: divide(new Decimal(l.unitPrice), per), text: l.unitPrice, pricedAs: l.pricedAs });
  }

  const byWorkload = resolved.map(() => EXACT_ZERO);
  const lines: BreakdownLine[] = [];
  for (const part of parts) {
    const { service, keyMode, serviceTier } = part;
    const tiers = tiersOf(service, serviceTier);
    const tier = tiers?.length ? tierOf(tiers, part.requestInput).index : -1;
    const prefix = lineKey(service.id, keyMode, serviceTier, tier, '');
    // Lines in the charge's order of kinds (input, cache reads, cache writes, images, output …).
    for (const kind of QUANTITY_KINDS) {
      const quantity = part.quantities[kind];
      if (!quantity || quantity.isZero()) continue;
      const price = prices.get(prefix + (kind === 'imageTokens' ? 'inputTokens' : kind))!;
      const credits = times(price.rate, quantity);
      byWorkload[part.workload] = add(byWorkload[part.workload]!, credits);
      lines.push({
        workload: part.workload,
        role: part.role,
        service: service.id,
        keyMode,
        billingType: service.billingType,
        kind: kind as QuantityKind,
        quantity: quantity.toFixed(),
        unit: service.unit,
        unitPrice: price.text,
        credits: toDecimalString(credits),
        ...(serviceTier && { serviceTier }),
        ...(tier >= 0 && { tierAbove: tiers![tier]!.above }),
        ...(price.pricedAs && { pricedAs: price.pricedAs }),
      });
    }
  }
  return { charge, lines, byWorkload };
}

function groupBy<K extends string>(lines: readonly { credits: string }[], keyOf: (i: number) => K): Map<K, string[]> {
  const groups = new Map<K, string[]>();
  lines.forEach((l, i) => {
    const k = keyOf(i);
    const list = groups.get(k);
    if (list) list.push(l.credits);
    else groups.set(k, [l.credits]);
  });
  return groups;
}

function quotient(credits: string, by: number): string {
  return toDecimalString(divide(new Decimal(credits), by));
}

/**
 * Prices a month of the scenario.
 * @throws UsageError listing every problem with its path (`workloads[2].routeTo: …`): an invalid
 *   scenario, an unknown service, a quantity that does not apply to its service, a price not offered.
 */
export function simulateMonth(catalog: Catalog, input: Scenario): SimulationResult {
  const { scenario, issues } = validateScenario(input);
  if (!scenario) throw new UsageError(issues, 'invalid scenario');
  const { resolved, issues: catalogIssues } = resolveWorkloads(catalog, scenario);
  if (catalogIssues.length) throw new UsageError(catalogIssues, 'scenario cannot be priced');
  const ok = resolved as ResolvedWorkload[];

  const expected = runVariant(catalog, scenario, ok, 'expected');
  const ranged = hasRanges(scenario);
  const low = ranged ? runVariant(catalog, scenario, ok, 'low') : expected;
  const high = ranged ? runVariant(catalog, scenario, ok, 'high') : expected;
  const band = (v: VariantResult) => v.charge.credits;
  const bandOf = (pick: (v: VariantResult) => string): Band => ({ low: pick(low), expected: pick(expected), high: pick(high) });

  const byWorkload: WorkloadCost[] = scenario.workloads.map((w, i) => {
    const r = ok[i]!;
    const credits = (v: VariantResult) => toDecimalString(v.byWorkload[i]!);
    const expectedCredits = credits(expected);
    const perMonth = (w.users ?? scenario.users) * (w.requestsPerUserPerDay ?? 0) * scenario.period.days;
    const requests = Number.isInteger(w.requestsPerUserPerDay ?? 0) && Number.isSafeInteger(perMonth) ? String(perMonth) : dec(w.users ?? scenario.users).times(dec(w.requestsPerUserPerDay ?? 0)).times(scenario.period.days).toFixed();
    return {
      index: i,
      name: w.name ?? serviceName(r.service),
      service: r.service.id,
      keyMode: r.keyMode,
      billingType: r.service.billingType,
      credits: expectedCredits,
      band: ranged ? bandOf(credits) : { low: expectedCredits, expected: expectedCredits, high: expectedCredits },
      requests,
    };
  });

  // By service and billing type: the charge's own lines (the catalog's rounding applies there).
  const sumBy = <K extends string>(v: VariantResult, keyOf: (l: Charge['lines'][number]) => K) => {
    const groups = groupBy(v.charge.lines, (i) => keyOf(v.charge.lines[i]!));
    return new Map([...groups].map(([k, values]) => [k, sumDecimals(values)]));
  };
  const serviceKey = (l: Charge['lines'][number]) => `${l.service}\u0000${l.keyMode}`;
  const services = [sumBy(low, serviceKey), sumBy(expected, serviceKey), sumBy(high, serviceKey)] as const;
  const typeKey = (l: Charge['lines'][number]) => l.billingType;
  const types = [sumBy(low, typeKey), sumBy(expected, typeKey), sumBy(high, typeKey)] as const;
  const byServiceEntries = [...services[1]].map(([key, credits]) => {
    const [id, keyMode] = key.split('\u0000') as [string, string];
    const service = catalog.services.find((s) => s.id === id)!;
    return {
      id,
      name: serviceName(service),
      keyMode,
      billingType: service.billingType,
      credits,
      band: { low: services[0].get(key) ?? '0', expected: credits, high: services[2].get(key) ?? '0' },
    };
  });
  const byBillingType = [...types[1]].map(([id, credits]) => ({
    id,
    name: catalog.billingTypes.find((b) => b.id === id)?.name ?? id,
    credits,
    band: { low: types[0].get(id) ?? '0', expected: credits, high: types[2].get(id) ?? '0' },
  }));

  const total = expected.charge.credits;
  return {
    scenario,
    charge: expected.charge,
    credits: total,
    money: expected.charge.money,
    band: bandOf(band),
    bandMoney: { low: creditsToMoney(catalog, low.charge.credits), expected: expected.charge.money, high: creditsToMoney(catalog, high.charge.credits) },
    ranged,
    byWorkload,
    byService: byServiceEntries,
    byBillingType,
    perUser: scenario.users > 0 ? quotient(total, scenario.users) : null,
    perDay: quotient(total, scenario.period.days),
    lines: expected.lines,
    currency: catalog.creditUnit.currency,
    catalogVersion: catalog.version,
  };
}

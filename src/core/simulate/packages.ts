// The cheapest credit package, or combination of packages, that covers a month's credits.
// An exact unbounded "cover at least N" knapsack in whole integers: the best-value package
// takes the bulk (an exchange argument bounds how many of any other package an optimum
// uses), a small dynamic programme settles the rest.
import type { Catalog, CreditPackage } from '../catalog/schema.js';
import { Decimal, toPlain } from '../decimal.js';
import type { Money } from '../rating/charge.js';

export interface PackagePlan {
  items: { package: CreditPackage; count: number }[];
  /** Credits bought, and how many are left over after the month. */
  credits: string;
  surplusCredits: string;
  price: Money;
  /** What the bought credits are worth at the credit unit (1 credit = 0.01 EUR). */
  faceValue: Money;
  /** (face value − price) / face value, in percent, to 2 places half-up. */
  discountPercent: string;
  /** A package sold from this many credits up at an individual price, when the month reaches it. */
  custom?: CreditPackage;
}

const MAX_UNITS = 200_000;

function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * The cheapest way to buy at least `credits` (a decimal string) from the catalog's priced
 * packages, or null when the catalog sells none (or nothing is needed).
 */
export function cheapestPackages(catalog: Catalog, credits: string): PackagePlan | null {
  const needed = BigInt(new Decimal(credits).ceil().toFixed());
  const currency = catalog.creditUnit.currency;
  const offers = (catalog.packages ?? []).filter(
    (p) => !p.custom && p.price && p.price.currency === currency && /^\d+$/.test(p.credits) && BigInt(p.credits) > 0n,
  );
  if (needed <= 0n || offers.length === 0) return null;
  // Prices as whole numbers of the smallest decimal place any of them uses.
  const places = Math.max(...offers.map((p) => new Decimal(p.price!.amount).decimalPlaces()));
  const scale = new Decimal(10).pow(places);
  const pkgs = offers.map((p) => ({ p, c: BigInt(p.credits), v: BigInt(new Decimal(p.price!.amount).times(scale).toFixed()) }));

  // The best value per credit (ties: the larger package).
  const best = pkgs.reduce((a, b) => (b.v * a.c < a.v * b.c || (b.v * a.c === a.v * b.c && b.c > a.c) ? b : a));
  // Some optimum uses fewer than best.c / gcd(c, best.c) of any other package.
  let otherCredits = 0n;
  for (const k of pkgs) if (k !== best) otherCredits += (best.c / gcd(k.c, best.c) - 1n) * k.c;
  const bulk = needed > otherCredits ? (needed - otherCredits) / best.c : 0n;
  const rest = needed - bulk * best.c;

  const g = pkgs.reduce((a, k) => gcd(a, k.c), 0n);
  const units = Number((rest + g - 1n) / g);
  const counts = new Map<(typeof pkgs)[number], bigint>([[best, bulk]]);
  if (units > 0 && units <= MAX_UNITS) {
    const cost = new Array<bigint>(units + 1);
    const pick = new Array<number>(units + 1);
    cost[0] = 0n;
    for (let t = 1; t <= units; t++) {
      let bestCost = -1n;
      let bestPick = 0;
      pkgs.forEach((k, i) => {
        const u = Number(k.c / g);
        const c = k.v + cost[Math.max(0, t - u)]!;
        if (bestCost < 0n || c < bestCost) {
          bestCost = c;
          bestPick = i;
        }
      });
      cost[t] = bestCost;
      pick[t] = bestPick;
    }
    for (let t = units; t > 0; ) {
      const k = pkgs[pick[t]!]!;
      counts.set(k, (counts.get(k) ?? 0n) + 1n);
      t = Math.max(0, t - Number(k.c / g));
    }
  } else if (units > 0) {
    // Beyond the exact range: the best-value package for the rest too.
    counts.set(best, bulk + (rest + best.c - 1n) / best.c);
  }

  const items = pkgs.filter((k) => (counts.get(k) ?? 0n) > 0n).map((k) => ({ package: k.p, count: Number(counts.get(k)!) }));
  const bought = items.reduce((a, i) => a.plus(new Decimal(i.package.credits).times(i.count)), new Decimal(0));
  const price = items.reduce((a, i) => a.plus(new Decimal(i.package.price!.amount).times(i.count)), new Decimal(0));
  const face = bought.times(catalog.creditUnit.value);
  const custom = (catalog.packages ?? []).find((p) => p.custom && new Decimal(credits).gte(p.credits));
  return {
    items,
    credits: toPlain(bought),
    surplusCredits: toPlain(bought.minus(credits)),
    price: { amount: toPlain(price), currency },
    faceValue: { amount: toPlain(face), currency },
    discountPercent: face.isZero() ? '0' : face.minus(price).div(face).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(),
    ...(custom && { custom }),
  };
}

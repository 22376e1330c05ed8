// The catalog's credit packages as plan cards show them: credits, price, price per credit and the
// discount against the credits' face value, computed from the price (the linter's rule), so a
// stated discount the price does not give is never shown. Exact in integers (no Decimal at first
// paint); DOM-free.
import type { Catalog, CreditPackage } from '../../core/catalog/schema.js';
import { scaledInteger, shiftDecimal } from '../../core/decimal-text.js';

export interface PackageOffer {
  package: CreditPackage;
  /** Price per credit, rounded half-up to 6 places; undefined without a price. */
  perCredit?: string;
  /** (face value − price) / face value × 100, to 2 places half-up; undefined when not positive or without a price. */
  discountPercent?: string;
  recommended: boolean;
}

/** a / b rounded half-up to `places` decimals, for non-negative integers (b > 0). */
function divide(a: bigint, b: bigint, places: number): string {
  const scaled = (a * 10n ** BigInt(places) * 2n + b) / (2n * b);
  return shiftDecimal(scaled.toString(), -places);
}

/** Integer numerator and denominator of a decimal string over a common scale with others. */
function atScale(value: string, scale: number): bigint {
  const [n, s] = scaledInteger(value);
  return n * 10n ** BigInt(scale - s);
}

function offerOf(catalog: Catalog, pkg: CreditPackage): Omit<PackageOffer, 'recommended'> {
  const price = pkg.price;
  if (pkg.custom || !price || price.currency !== catalog.creditUnit.currency) return { package: pkg };
  const [credits, cs] = scaledInteger(pkg.credits);
  if (credits === 0n) return { package: pkg };
  const scale = Math.max(scaledInteger(price.amount)[1], scaledInteger(catalog.creditUnit.value)[1] + cs);
  const priceAt = atScale(price.amount, scale);
  // face value = credits × credit value, at the same scale as the price
  const [unit, us] = scaledInteger(catalog.creditUnit.value);
  const face = credits * unit * 10n ** BigInt(scale - us - cs);
  const perCredit = divide(priceAt * 10n ** BigInt(cs), credits * 10n ** BigInt(scale), 6);
  const discount = face > priceAt ? divide((face - priceAt) * 100n, face, 2) : undefined;
  return { package: pkg, perCredit, ...(discount !== undefined && { discountPercent: discount }) };
}

/**
 * The plan cards of a catalog, in catalog order. The recommended one is `recommendedId` when the
 * catalog has it, else the smallest priced package that carries a discount.
 */
export function packageOffers(catalog: Catalog, recommendedId?: string): PackageOffer[] {
  const offers = (catalog.packages ?? []).map((p) => offerOf(catalog, p));
  const chosen = offers.some((o) => o.package.id === recommendedId) ? recommendedId : offers.find((o) => o.discountPercent !== undefined)?.package.id;
  return offers.map((o) => ({ ...o, recommended: o.package.id === chosen }));
}

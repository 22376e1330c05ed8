// The shapes of the pricing table's model (built by pricing-model.ts, read by view.ts and the
// element). Types and one key helper only, so importing them costs no bytes of core.
import type { BudgetQuantity } from '../../core/budget.js';
import type { Catalog, PriceKey, Service, ServiceTier, Unit } from '../../core/catalog/schema.js';
import type { QuantityKind } from '../../core/rating/usage.js';

export type TokenUnitPreference = '1k' | '1m' | undefined;

export interface PriceCell {
  keyMode: string;
  key: PriceKey;
  /** price: a positive price; free: "0"; not-offered: null; none: the service has no such price. */
  state: 'price' | 'free' | 'not-offered' | 'none';
  /** What is charged, in the group's display unit (the cap applied). */
  charged?: string;
  /** The published price where a cap makes it differ from the charged one. */
  listed?: string;
  money?: string;
  listedMoney?: string;
  /** A change that takes effect after the instant shown: from when, and the price then. */
  next?: PriceStep;
  /** A change that took effect shortly before the instant shown: since when, and the price before it. */
  was?: PriceStep;
  /** Long-context tiers: the price once one request's input passes `above` tokens. */
  tiers?: TierPrice[];
}

/** A price at another time: null = not offered then. In the group's display unit. */
export interface PriceStep {
  /** The instant (ms) the change takes (or took) effect. */
  at: number;
  charged: string | null;
  money?: string;
}

export interface TierPrice {
  above: number;
  charged: string | null;
  money?: string;
}

export interface Row {
  service: Service;
  /** The service's search text (core searchTextOf). */
  haystack: string;
  cells: Map<string, PriceCell>;
  /** What 1,000 credits buy, per key mode, computed on first use (buysOf); undefined when not offered there. */
  buys: Map<string, BudgetQuantity | undefined>;
}

export interface Group {
  billingType: string;
  catalogName: string;
  /** The unit prices are shown in (token prices converted when the `unit` attribute asks). */
  unit: Unit;
  keys: PriceKey[];
  quantityKind: QuantityKind;
  rows: Row[];
}

export interface TableModel {
  catalog: Catalog;
  /** The instant whose prices are shown (ms), and the service tier they are priced in. */
  at: number;
  serviceTier: ServiceTier;
  /** The service tiers besides standard that some service offers (the variant switch). */
  serviceTiers: ServiceTier[];
  groups: Group[];
  brands: { brand: string; brandEn?: string }[];
}

export const cellKey = (keyMode: string, key: PriceKey): string => `${keyMode}:${key}`;

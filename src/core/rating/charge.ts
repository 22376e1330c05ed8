// The Charge: usage priced. Every amount crosses the boundary as an exact decimal string.
import type { PriceKey, ServiceTier, Unit } from '../catalog/schema.js';
import type { QuantityKind } from './usage.js';

export interface ChargeLine {
  /** Service id. */
  service: string;
  keyMode: string;
  billingType: string;
  kind: QuantityKind;
  /** How many units of `kind` (tokens, seconds, characters, requests, images, token-days). */
  quantity: string;
  unit: Unit;
  /** Credits per `unit` actually charged (after any cap). */
  unitPrice: string;
  /** The published price where it differs from unitPrice (a cap applied). */
  listedUnitPrice?: string;
  /** Generated images: the size and quality this line prices ("3 images 1024×1024 high"). */
  image?: { size: string; quality?: string };
  /** Index of the long-context tier that priced this line, when one did. */
  tier?: number;
  /** The service tier that priced this line (batch, flex, priority); absent for standard. */
  serviceTier?: ServiceTier;
  /** Where the service lists no price for this kind, the price key charged instead ("input" for a cache write). */
  pricedAs?: PriceKey;
  /** The price period that priced this line, where the service's prices changed over time (instants, UTC). */
  period?: { from?: string; until?: string };
  /** Credits of this line: exact, or rounded as the catalog's rounding policy says. */
  credits: string;
  /** The exact credits, where the catalog's rounding policy changed them. */
  exactCredits?: string;
}

export interface Money {
  amount: string;
  currency: string;
}

export interface Charge {
  lines: ChargeLine[];
  /** Total credits (what is billed). */
  credits: string;
  /** The money equivalent of `credits` in the catalog's credit unit currency. */
  money: Money;
  catalogVersion: string;
  /** False when an amount repeats forever (e.g. a third of a credit) and is shown to 20 decimal places. */
  exact: boolean;
  /** The minimum charge of the rounding policy raised the total. */
  minimumChargeApplied?: boolean;
}

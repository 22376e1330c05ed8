// What a chat cost, ready to show: a Charge's lines rounded for display by core's
// allocateDisplay so that the shown lines add up to the shown total. DOM-free.
import { allocateDisplay, instantMs, periodAt, sumDecimals, tryFindService, type Catalog, type Charge, type ChargeLine, type ChatTurnCharge, type ChatTurnPart, type Money } from '../../core/index.js';
import { Decimal, toPlain } from '../../core/decimal.js';

export interface BreakdownLine {
  /** Stable key for rendering: service and quantity kind, or "adjustment". */
  key: string;
  service: string;
  billingType: string;
  /** A quantity kind of the charge, a part of a chat turn, or the rounding adjustment. */
  kind: ChargeLine['kind'] | ChatTurnPart | 'adjustment';
  /** Quantity of `kind` (tokens, requests, seconds…), a decimal string; "" for the adjustment. */
  quantity: string;
  /** Exact credits of the line. */
  credits: string;
  /** Credits as shown, to `decimals` places; the shown lines add up to `total`. */
  display: string;
  /** Index of the long-context tier that priced the line, when one did. */
  tier?: number;
  /** Its threshold (input tokens per request), where the catalog is at hand. */
  tierAbove?: number;
  /** The service tier that priced the line (batch, flex, priority); absent for standard. */
  serviceTier?: ChargeLine['serviceTier'];
  /** The price charged where the catalog lists none for this kind ("input" for a cache write). */
  pricedAs?: ChargeLine['pricedAs'];
}

export interface Breakdown {
  lines: BreakdownLine[];
  /** The billed credits, exact. */
  credits: string;
  /** The billed credits shown to `decimals` places (half-up). */
  total: string;
  /** The money of the billed credits, exact (the formatter rounds it to the currency). */
  money: Money;
  decimals: number;
}

/**
 * @param charge usage priced by core's `rate` (or a host's charge of the same shape).
 * @param billedCredits what was actually billed, when it differs from `charge.credits`
 *   (a host that rounds per event); the difference is shown as an adjustment line.
 */
export function breakdownOf(charge: Charge, decimals = 2, billedCredits?: string, catalog?: Catalog): Breakdown {
  const credits = billedCredits ?? charge.credits;
  const lines = charge.lines.map((l) => {
    const above = catalog && l.tier !== undefined ? tierAboveOf(catalog, l) : undefined;
    return {
      key: [l.service, l.keyMode, l.kind, l.tier ?? '', l.serviceTier ?? '', l.period?.from ?? ''].join(' '),
      service: l.service,
      billingType: l.billingType,
      kind: l.kind as BreakdownLine['kind'],
      quantity: l.quantity,
      credits: l.credits,
      ...(l.tier !== undefined && { tier: l.tier }),
      ...(above !== undefined && { tierAbove: above }),
      ...(l.serviceTier && { serviceTier: l.serviceTier }),
      ...(l.pricedAs && { pricedAs: l.pricedAs }),
    };
  });
  // A rounding policy per total (or billing per event) makes the lines' exact sum differ from the
  // billed total: show the difference as its own line so that the lines still add up.
  const difference = new Decimal(credits).minus(sumDecimals(lines.map((l) => l.credits)));
  if (!difference.isZero()) {
    lines.push({ key: 'adjustment', service: '', billingType: '', kind: 'adjustment', quantity: '', credits: toPlain(difference) });
  }
  const shown = allocateDisplay(lines, decimals);
  return { lines: shown.lines, credits, total: shown.total, money: moneyOf(charge, credits), decimals };
}

/**
 * The threshold of the long-context tier a charge line names by index: among the tiers of the
 * service as priced then (its price period, its service tier's own tiers, else its own).
 */
export function tierAboveOf(catalog: Catalog, line: Pick<ChargeLine, 'service' | 'tier' | 'serviceTier' | 'period'>): number | undefined {
  const found = tryFindService(catalog, line.service);
  if (!found || line.tier === undefined) return undefined;
  const from = line.period?.from === undefined ? undefined : instantMs(line.period.from);
  const service = from === undefined ? found : (periodAt(found, from)?.service ?? found);
  const st = line.serviceTier && line.serviceTier !== 'standard' ? service.serviceTiers?.[line.serviceTier] : undefined;
  return (st?.tiers ?? service.tiers)?.[line.tier]?.above;
}

/** A chat turn's charge by part (system prompt, conversation so far, message, reply, tool calls). */
export function breakdownOfTurn(turn: ChatTurnCharge, decimals = 2): Breakdown {
  const service = turn.usage[0]!.service;
  const lines = turn.lines.map((l) => ({
    key: l.part,
    service: l.part === 'toolCalls' ? turn.usage[1]!.service : l.part === 'adjustment' ? '' : service,
    billingType: '',
    kind: l.part,
    quantity: l.quantity,
    credits: l.credits,
  }));
  const shown = allocateDisplay(lines, decimals);
  return { lines: shown.lines, credits: turn.charge.credits, total: shown.total, money: turn.charge.money, decimals };
}

/** The money of `credits` at the charge's own rate (money per credit). */
function moneyOf(charge: Charge, credits: string): Money {
  if (credits === charge.credits) return charge.money;
  if (new Decimal(charge.credits).isZero()) {
    throw new RangeError(`billed ${credits} credits for a charge of 0 credits: its money cannot be derived`);
  }
  const perCredit = new Decimal(charge.money.amount).div(charge.credits);
  return { amount: toPlain(perCredit.times(credits)), currency: charge.money.currency };
}

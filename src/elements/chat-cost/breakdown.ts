// What a chat cost, ready to show: a Charge's lines rounded for display by core's
// allocateDisplay so that the shown lines add up to the shown total. DOM-free.
import { allocateDisplay, sumDecimals, type Charge, type ChargeLine, type ChatTurnCharge, type ChatTurnPart, type Money } from '../../core/index.js';
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
export function breakdownOf(charge: Charge, decimals = 2, billedCredits?: string): Breakdown {
  const credits = billedCredits ?? charge.credits;
  const lines = charge.lines.map((l) => ({
    key: `${l.service} ${l.keyMode} ${l.kind}${l.tier === undefined ? '' : ` ${l.tier}`}`,
    service: l.service,
    billingType: l.billingType,
    kind: l.kind as BreakdownLine['kind'],
    quantity: l.quantity,
    credits: l.credits,
  }));
  // A rounding policy per total (or billing per event) makes the lines' exact sum differ from the
  // billed total: show the difference as its own line so that the lines still add up.
  const difference = new Decimal(credits).minus(sumDecimals(lines.map((l) => l.credits)));
  if (!difference.isZero()) {
    lines.push({ key: 'adjustment', service: '', billingType: '', kind: 'adjustment', quantity: '', credits: toPlain(difference) });
  }
  const shown = allocateDisplay(lines, decimals);
  return { lines: shown.lines, credits, total: shown.total, money: moneyOf(charge, credits), decimals };
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

// Month-end forecast from a daily usage history: DOM-free and exact (core's Decimal, no floats
// for credits), so it can be tested on a known history and run anywhere.
//
// The rule, in words:
// - The daily rate is the average of the complete days (before `today`) in the last
//   `windowDays` days, counted from the first day the history covers. Today is partial, so it
//   does not set the rate.
// - This month ends at: what was spent before today + max(today so far, the rate) for today +
//   the rate for each day left after today. Today is never projected below what it already used.
// - The balance runs out on: the balance first covers the rest of today (the rate minus today so
//   far, if positive), then one rate a day; the day on which it can no longer cover a full day's
//   rate is the run-out day. No rate, no run-out day.
import { Decimal } from '../../core/decimal.js';
import { isPlainDecimal, toPlain } from '../../core/decimal.js';

export interface DayCredits {
  /** A calendar day, `YYYY-MM-DD`. */
  date: string;
  /** Credits used that day: a non-negative decimal string. */
  credits: string;
}

export interface ForecastInput {
  /** Daily totals; days missing between `historyStart` and `today` count as zero. Several entries for one day add up. */
  days: readonly DayCredits[];
  /** The first day the history covers (`YYYY-MM-DD`): days before it are unknown, not zero. */
  historyStart: string;
  /** The day the forecast is made (`YYYY-MM-DD`), in the time zone the days were grouped in. */
  today: string;
  /** The current balance in credits (decimal string), for the run-out day. */
  balance?: string;
  /** @default 30 */
  windowDays?: number;
  /** Run-out days further away than this are not reported. @default 366 */
  horizonDays?: number;
}

export interface Forecast {
  /** Average credits a day over `rateDays` complete days (exact, may have many decimals). */
  dailyRate: string;
  rateDays: number;
  /** Credits used this month before today, and today so far. */
  spentBeforeToday: string;
  spentToday: string;
  /** Projected credits for the whole month. */
  monthTotal: string;
  /** The last day of the month, `YYYY-MM-DD`. */
  monthEnd: string;
  /** The day the balance runs out at this rate, or null (no balance given, no usage, or beyond the horizon). */
  runsOutOn: string | null;
}

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whole days since 1970-01-01 for a `YYYY-MM-DD` day (calendar arithmetic only, no time zone). */
export function dayNumber(date: string): number {
  const m = ISO_DAY.exec(date);
  if (!m) throw new RangeError(`expected a day as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  const n = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
  if (dayString(n) !== date) throw new RangeError(`no such day: ${date}`);
  return n;
}

export function dayString(dayNum: number): string {
  return new Date(dayNum * DAY_MS).toISOString().slice(0, 10);
}

/** The last day of the month of `date`. */
export function monthEndOf(date: string): string {
  const d = new Date(dayNumber(date) * DAY_MS);
  return dayString(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0) / DAY_MS);
}

function credits(value: string, what: string): Decimal {
  if (typeof value !== 'string' || !isPlainDecimal(value)) {
    throw new RangeError(`${what} must be a non-negative decimal string, got ${JSON.stringify(value)}`);
  }
  return new Decimal(value);
}

/** The month-end forecast, or null when there is no complete day to take a rate from. */
export function forecastMonth(input: ForecastInput): Forecast | null {
  const windowDays = input.windowDays ?? 30;
  const horizon = input.horizonDays ?? 366;
  if (!Number.isInteger(windowDays) || windowDays < 1) throw new RangeError(`windowDays must be a positive whole number, got ${windowDays}`);
  const today = dayNumber(input.today);
  const start = dayNumber(input.historyStart);
  const monthEnd = monthEndOf(input.today);
  const monthStart = dayNumber(input.today.slice(0, 8) + '01');
  const windowStart = Math.max(start, today - windowDays);
  const rateDays = today - windowStart;
  if (rateDays < 1) return null;

  let inWindow = new Decimal(0);
  let beforeToday = new Decimal(0);
  let todaySoFar = new Decimal(0);
  input.days.forEach((day, i) => {
    const n = dayNumber(day.date);
    const c = credits(day.credits, `days[${i}].credits`);
    if (n >= windowStart && n < today) inWindow = inWindow.plus(c);
    if (n >= monthStart && n < today) beforeToday = beforeToday.plus(c);
    if (n === today) todaySoFar = todaySoFar.plus(c);
  });

  const rate = inWindow.div(rateDays);
  const daysAfterToday = dayNumber(monthEnd) - today;
  const monthTotal = beforeToday.plus(Decimal.max(todaySoFar, rate)).plus(rate.times(daysAfterToday));

  let runsOutOn: string | null = null;
  if (input.balance !== undefined && rate.gt(0)) {
    const afterToday = credits(input.balance, 'balance').minus(Decimal.max(rate.minus(todaySoFar), 0));
    const days = afterToday.lte(0) ? 0 : afterToday.div(rate).ceil().toNumber();
    if (days <= horizon) runsOutOn = dayString(today + days);
  }
  return {
    dailyRate: toPlain(rate),
    rateDays,
    spentBeforeToday: toPlain(beforeToday),
    spentToday: toPlain(todaySoFar),
    monthTotal: toPlain(monthTotal),
    monthEnd,
    runsOutOn,
  };
}

// Periods and daily series for <credit-usage>: DOM-free.
import { dayNumber, dayString, type DayCredits } from './forecast.js';
import type { Period } from './usage.strings.js';

export interface Range {
  from: string;
  to: string;
}

/** The days a period covers, both ends included; undefined for a custom range that is missing or reversed. */
export function periodRange(period: Period, today: string, custom: Partial<Range> = {}): Range | undefined {
  const t = dayNumber(today);
  if (period === 'this-month') return { from: `${today.slice(0, 8)}01`, to: today };
  if (period === 'last-30-days') return { from: dayString(t - 29), to: today };
  const { from, to } = custom;
  if (!from || !to) return undefined;
  try {
    return dayNumber(from) <= dayNumber(to) ? { from, to } : undefined;
  } catch {
    return undefined;
  }
}

/** The history the forecast needs: the month so far and the `windowDays` before today. */
export function forecastRange(today: string, windowDays = 30): Range {
  const monthStart = `${today.slice(0, 8)}01`;
  const windowStart = dayString(dayNumber(today) - windowDays);
  return { from: windowStart < monthStart ? windowStart : monthStart, to: today };
}

/** One entry per day of the range, in order: the host's day groups, zero where it had none. */
export function fillDays(range: Range, groups: readonly { key: string; credits: string }[]): DayCredits[] {
  const byDay = new Map(groups.map((g) => [g.key, g.credits]));
  const days: DayCredits[] = [];
  for (let n = dayNumber(range.from), end = dayNumber(range.to); n <= end; n++) {
    const date = dayString(n);
    days.push({ date, credits: byDay.get(date) ?? '0' });
  }
  return days;
}

/** Today as a UTC day (the host groups usage by UTC days). */
export function utcToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

// Days of use in a calendar month: every day ("calendar"), or Monday to Friday ("working").
// The calculator derives a period's days from these when its basis changes, so that "working
// days" means the weekdays of a real month, not the 30 calendar days it had before. Public
// holidays differ by country and are not taken off.
import { CreditError } from '../errors.js';
import type { Period } from './scenario.js';

/** The most Monday-to-Friday days any month has (31 days starting on a Monday, Tuesday or Wednesday). */
export const MAX_WORKING_DAYS = 23;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The calendar month ("YYYY-MM") of a date ("YYYY-MM-DD", or a Date, read in UTC). */
export function monthOf(date: string | Date): string {
  const iso = typeof date === 'string' ? date : date.toISOString();
  const month = iso.slice(0, 7);
  if (!MONTH.test(month)) throw new CreditError(`expected a date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return month;
}

/**
 * Days of use in `month` ("YYYY-MM"): its calendar days, or its Monday-to-Friday days.
 * @throws CreditError for a month that is not "YYYY-MM".
 */
export function daysOfUse(month: string, basis: Period['basis']): number {
  const m = MONTH.exec(month);
  if (!m) throw new CreditError(`month must be YYYY-MM, got ${JSON.stringify(month)}`);
  const year = Number(m[1]);
  const index = Number(m[2]) - 1;
  const length = new Date(Date.UTC(year, index + 1, 0)).getUTCDate();
  if (basis === 'calendar') return length;
  // Four whole weeks hold 20 weekdays; the 0–3 days left over are the first weekdays of the month again.
  const first = new Date(Date.UTC(year, index, 1)).getUTCDay();
  let working = 20;
  for (let d = 0; d < length - 28; d++) {
    const weekday = (first + d) % 7;
    if (weekday !== 0 && weekday !== 6) working++;
  }
  return working;
}

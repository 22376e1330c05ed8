// Instants as ISO 8601 text → milliseconds since the epoch, exactly and strictly: a day that does
// not exist (2026-02-31) or a stray character is refused rather than rolled over as Date.parse
// does. The common form "2026-11-22T12:00:00Z" / "…:00.000Z" is read digit by digit, because
// rateMany reads one per record.

/** The forms accepted: a day (midnight UTC), or a day and time with seconds, fraction and an offset optional. */
export const INSTANT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** What an instant looks like, for error messages. */
export const INSTANT_EXAMPLE = '2026-11-23 or 2026-11-23T12:00:00Z';

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Days before each month in a common year. */
const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const isLeap = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/** Days from 1970-01-01 to a valid civil date: the years' days, the leap days before the year (477 up to 1969), the months', the day's. */
function daysFromCivil(y: number, m: number, d: number): number {
  const before = y - 1;
  const leapDays = Math.floor(before / 4) - Math.floor(before / 100) + Math.floor(before / 400) - 477;
  return 365 * (y - 1970) + leapDays + DAYS_BEFORE_MONTH[m - 1]! + (m > 2 && isLeap(y) ? 1 : 0) + d - 1;
}

/** Whether a day of a month exists (month 1–12). */
function isDay(y: number, mo: number, d: number): boolean {
  return mo >= 1 && mo <= 12 && d >= 1 && d <= (mo === 2 ? (isLeap(y) ? 29 : 28) : MONTH_DAYS[mo - 1]!);
}

function toMs(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offsetMinutes: number): number | undefined {
  if (!isDay(y, mo, d) || h > 23 || mi > 59 || s > 59) return undefined;
  return ((daysFromCivil(y, mo, d) * 24 + h) * 60 + mi - offsetMinutes) * 60_000 + s * 1000 + ms;
}

// The common form "YYYY-MM-DDTHH:MM:SS(.mmm)Z" is read in one function without calls (a loop
// reading one per record runs it before V8 has optimized anything, where every call costs) into
// small integers, the day and the milliseconds into it, so that no number is boxed on the way.
export const MS_PER_DAY = 86_400_000;
/** Days recently read, by day of the month (a direct-mapped cache: the records of a batch mostly share a few days). */
const cachedDate = new Int32Array(32).fill(-1);
const cachedDays = new Int32Array(32);

/** The day and milliseconds into it that readFast read last. */
let fastDay = 0;
let fastTime = 0;

/** "YYYY-MM-DDTHH:MM:SSZ" or "YYYY-MM-DDTHH:MM:SS.mmmZ" without a regular expression, into fastDay and fastTime; false for any other form. */
function readFast(text: string): boolean {
  const n = text.length;
  if ((n !== 20 && n !== 24) || text.charCodeAt(n - 1) !== 90 /* Z */) return false;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return false;
  // Digits less 48; within the length checked above, so never NaN.
  const y0 = text.charCodeAt(0) - 48, y1 = text.charCodeAt(1) - 48, y2 = text.charCodeAt(2) - 48, y3 = text.charCodeAt(3) - 48;
  const mo0 = text.charCodeAt(5) - 48, mo1 = text.charCodeAt(6) - 48, d0 = text.charCodeAt(8) - 48, d1 = text.charCodeAt(9) - 48;
  const h0 = text.charCodeAt(11) - 48, h1 = text.charCodeAt(12) - 48, mi0 = text.charCodeAt(14) - 48, mi1 = text.charCodeAt(15) - 48;
  const s0 = text.charCodeAt(17) - 48, s1 = text.charCodeAt(18) - 48;
  let f0 = 0, f1 = 0, f2 = 0;
  if (n === 24) {
    if (text.charCodeAt(19) !== 46 /* . */) return false;
    f0 = text.charCodeAt(20) - 48;
    f1 = text.charCodeAt(21) - 48;
    f2 = text.charCodeAt(22) - 48;
  }
  // Each is a digit when it and 9 less it are both non-negative: one sign test for all of them.
  const below = y0 | y1 | y2 | y3 | mo0 | mo1 | d0 | d1 | h0 | h1 | mi0 | mi1 | s0 | s1 | f0 | f1 | f2;
  const above = (9 - y0) | (9 - y1) | (9 - y2) | (9 - y3) | (9 - mo0) | (9 - mo1) | (9 - d0) | (9 - d1) | (9 - h0) | (9 - h1) | (9 - mi0) | (9 - mi1) | (9 - s0) | (9 - s1) | (9 - f0) | (9 - f1) | (9 - f2);
  if ((below | above) < 0) return false;
  const hour = h0 * 10 + h1;
  const minute = mi0 * 10 + mi1;
  const second = s0 * 10 + s1;
  if (hour > 23 || minute > 59 || second > 59) return false;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = mo0 * 10 + mo1;
  const day = d0 * 10 + d1;
  const date = (year * 100 + month) * 100 + day;
  const slot = day & 31;
  if (cachedDate[slot] !== date) {
    if (!isDay(year, month, day)) return false;
    cachedDate[slot] = date;
    cachedDays[slot] = daysFromCivil(year, month, day);
  }
  fastDay = cachedDays[slot]!;
  fastTime = ((hour * 60 + minute) * 60 + second) * 1000 + f0 * 100 + f1 * 10 + f2;
  return true;
}

/** Milliseconds since the epoch of an ISO 8601 instant, or NaN when the text is not one. */
function instantMsOrNaN(text: unknown): number {
  if (typeof text !== 'string') return NaN;
  return readFast(text) ? fastDay * MS_PER_DAY + fastTime : slowMs(text);
}

/**
 * Reads instants into two small integers, the day (since 1970-01-01) and the milliseconds into
 * it: a loop reading one per record (rateMany) then handles no boxed number, and can decide per
 * day rather than per instant.
 */
export class InstantReader {
  day = 0;
  time = 0;

  /** Reads the text; false (and the fields unchanged) when it is not an instant. */
  read(text: unknown): boolean {
    if (typeof text === 'string' && readFast(text)) {
      this.day = fastDay;
      this.time = fastTime;
      return true;
    }
    const ms = instantMsOrNaN(text);
    if (ms !== ms) return false;
    this.set(ms);
    return true;
  }

  /** Sets the instant from milliseconds since the epoch. */
  set(ms: number) {
    this.day = Math.floor(ms / MS_PER_DAY);
    this.time = ms - this.day * MS_PER_DAY;
  }
}

/** The general form, by the pattern. */
function slowMs(text: string): number {
  const m = INSTANT_PATTERN.exec(text);
  if (!m) return NaN;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone = 'Z'] = m;
  const offset = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  if (zone !== 'Z' && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(4, 6)) > 59)) return NaN;
  // Sub-millisecond digits are dropped (truncated): prices change on whole seconds.
  return toMs(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), Number(fraction.slice(0, 3).padEnd(3, '0')), offset) ?? NaN;
}

/** Milliseconds since the epoch of an ISO 8601 instant, or undefined when the text is not one. */
export function instantMs(text: unknown): number | undefined {
  const ms = instantMsOrNaN(text);
  return ms === ms ? ms : undefined;
}

/** The instant as "2026-11-23T00:00:00Z" (milliseconds shown only when there are any). */
export function formatInstant(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, 19)}Z` : iso;
}

/**
 * The last day a period ending at `until` (exclusive) covers, as an instant of that day: a period
 * until midnight ends the day before ("until 2026-11-23T00:00:00Z" covers 22 Nov last).
 */
export function lastCoveredDay(until: string): string {
  return until.endsWith('T00:00:00Z') ? new Date(Date.parse(until) - 86_400_000).toISOString() : until;
}

// Instants as ISO 8601 text → milliseconds since the epoch, exactly and strictly: a day that does
// not exist (2026-02-31) or a stray character is refused rather than rolled over as Date.parse
// does. The common form "2026-11-22T12:00:00Z" / "…:00.000Z" is read digit by digit, because
// rateMany reads one per record.

/** The forms accepted: a day (midnight UTC), or a day and time with seconds, fraction and an offset optional. */
export const INSTANT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** What an instant looks like, for error messages. */
export const INSTANT_EXAMPLE = '2026-11-23 or 2026-11-23T12:00:00Z';

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** Days from 1970-01-01 to a civil date (Howard Hinnant's algorithm), exact for every year 0000–9999. */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function toMs(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offsetMinutes: number): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return undefined;
  return ((daysFromCivil(y, mo, d) * 24 + h) * 60 + mi - offsetMinutes) * 60_000 + s * 1000 + ms;
}

/** The digit at i, or a large negative number (so any sum it enters is negative) when it is none. */
function digit(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -100_000;
}
const two = (text: string, i: number) => digit(text, i) * 10 + digit(text, i + 1);

/** "YYYY-MM-DDTHH:MM:SSZ" or "YYYY-MM-DDTHH:MM:SS.mmmZ" without a regular expression; undefined for any other form. */
function fastMs(text: string): number | undefined {
  const n = text.length;
  if ((n !== 20 && n !== 24) || text.charCodeAt(n - 1) !== 90 /* Z */) return undefined;
  // - - T : : (and . before milliseconds)
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return undefined;
  const year = two(text, 0) * 100 + two(text, 2);
  const month = two(text, 5);
  const day = two(text, 8);
  const hour = two(text, 11);
  const minute = two(text, 14);
  const second = two(text, 17);
  let ms = 0;
  if (n === 24) {
    if (text.charCodeAt(19) !== 46) return undefined;
    ms = digit(text, 20) * 100 + two(text, 21);
  }
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || ms < 0) return undefined;
  return toMs(year, month, day, hour, minute, second, ms, 0);
}

/** Milliseconds since the epoch of an ISO 8601 instant, or undefined when the text is not one. */
export function instantMs(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const fast = fastMs(text);
  if (fast !== undefined) return fast;
  const m = INSTANT_PATTERN.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone = 'Z'] = m;
  const offset = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  if (zone !== 'Z' && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(4, 6)) > 59)) return undefined;
  // Sub-millisecond digits are dropped (truncated): prices change on whole seconds.
  return toMs(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), Number(fraction.slice(0, 3).padEnd(3, '0')), offset);
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

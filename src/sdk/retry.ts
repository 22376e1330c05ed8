// When to retry, and how long to wait: exponential backoff with full jitter, or what the host
// asked for in Retry-After / retry-after-ms.

/** Statuses worth another attempt: timeouts, conflicts, rate limits and server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
const MONTH = `(${MONTHS.join('|')})`;
// RFC 9110 §5.6.7: IMF-fixdate, and the obsolete RFC 850 and asctime forms a recipient must accept.
const IMF_FIXDATE = new RegExp(`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
const RFC_850 = new RegExp(`^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
const ASCTIME = new RegExp(`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})$`);

interface DateFields {
  day: string;
  month: string;
  year: number;
  time: [string, string, string];
}

function dateFields(text: string, now: number): DateFields | undefined {
  let m = IMF_FIXDATE.exec(text);
  if (m) return { day: m[1]!, month: m[2]!, year: Number(m[3]), time: [m[4]!, m[5]!, m[6]!] };
  if ((m = RFC_850.exec(text))) {
    // A two-digit year more than 50 years ahead is the most recent past year ending in those digits.
    const nowYear = new Date(now).getUTCFullYear();
    let year = Math.floor(nowYear / 100) * 100 + Number(m[3]);
    if (year > nowYear + 50) year -= 100;
    return { day: m[1]!, month: m[2]!, year, time: [m[4]!, m[5]!, m[6]!] };
  }
  if ((m = ASCTIME.exec(text))) return { day: m[2]!.trim(), month: m[1]!, year: Number(m[6]), time: [m[3]!, m[4]!, m[5]!] };
  return undefined;
}

/**
 * An HTTP-date (RFC 9110 §5.6.7) as epoch milliseconds, or undefined for anything else. Not
 * Date.parse: it reads "1.5" and "-5" as dates long past (so a retry would go out at once) and
 * asctime in the local time zone.
 */
export function parseHttpDate(text: string, now: number): number | undefined {
  const f = dateFields(text, now);
  if (!f) return undefined;
  const [day, month, hours, minutes, seconds] = [Number(f.day), MONTHS.indexOf(f.month), ...f.time.map(Number)] as [number, number, number, number, number];
  const at = Date.UTC(f.year, month, day, hours, minutes, seconds);
  const back = new Date(at);
  // An impossible date (31 Feb, 25:00:00) is no date, not one Date.UTC rolls over into the next.
  if (back.getUTCDate() !== day || back.getUTCMonth() !== month || back.getUTCHours() !== hours || minutes > 59 || seconds > 60) return undefined;
  return at;
}

/**
 * The wait the host asked for, in milliseconds: `retry-after-ms`, then `Retry-After` as
 * delay-seconds (a whole number) or an HTTP-date (RFC 9110 §10.2.3). Undefined when it said
 * nothing usable ("1.5", "-5", "soon"): the caller then backs off as usual.
 */
export function retryAfterMs(headers: Headers, now: number): number | undefined {
  const ms = headers.get('retry-after-ms')?.trim();
  if (ms && /^\d+(?:\.\d+)?$/.test(ms)) return Number(ms);
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = parseHttpDate(value, now);
  return date === undefined ? undefined : Math.max(0, date - now);
}

/** Full jitter: a random wait between 0 and min(maxDelay, baseDelay × 2^retry). */
export function backoffMs(retry: number, baseDelay: number, maxDelay: number, random: () => number): number {
  return Math.floor(random() * Math.min(maxDelay, baseDelay * 2 ** retry));
}

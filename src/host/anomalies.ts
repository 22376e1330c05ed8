// Anomaly detection: a day's spend of the organisation, a department or a user compared with
// that subject's own trailing 28 days. Pure: daily totals in, anomalies out, exact decimals.
//
//   baseline  the median of the same weekday in the last four weeks (spend has a weekly rhythm:
//             a Monday is compared with Mondays); the median of all 28 days when that is 0
//   spread    1.4826 × the median absolute deviation of the 28 days (the MAD scaled to a standard
//             deviation for normal data), at least a quarter of the baseline, so that a flat
//             history does not make any small rise infinitely unusual
//   score     (spend − baseline) ÷ spread
//
// A day is an anomaly when the score is at least 3.5 (Iglewicz and Hoaglin's cut-off for the
// modified z-score), the spend at least 3× the baseline, the spend at least the subject's
// minimum volume (a quiet account is not flagged for one chat), and the subject has a whole
// window of history (its first spend 28 days or more before) with spend on at least 7 of the days.
import { Decimal, toPlain } from '../core/decimal.js';
import { formatNumber } from '../i18n/format.js';
import type { Anomaly, NotificationSubject } from '../sdk/contract/index.js';
import { addDays } from './periods.js';

export const WINDOW_DAYS = 28;
export const MIN_ACTIVE_DAYS = 7;
export const MIN_SCORE = new Decimal('3.5');
export const MIN_RATIO = new Decimal(3);
/**
 * The least a day must spend to be judged, in credits, by subject. One person's days are
 * heavy-tailed (a day of images is 5× a day of chat without anything being wrong), so a user
 * needs as much volume as a department before a day counts as unusual.
 */
export const MIN_VOLUME: Record<NotificationSubject['kind'], Decimal> = { organisation: new Decimal(300), department: new Decimal(200), user: new Decimal(200) };
const MAD_TO_SIGMA = new Decimal('1.4826');
const MIN_SPREAD_OF_BASELINE = new Decimal('0.25');

const WEEKDAYS = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  de: ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'],
} as const;

export function median(values: readonly Decimal[]): Decimal {
  if (!values.length) return new Decimal(0);
  const sorted = [...values].sort((a, b) => a.cmp(b));
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : sorted[mid - 1]!.plus(sorted[mid]!).div(2);
}

/** What the detector concluded about one day of one subject. */
export interface Judgement {
  credits: Decimal;
  baseline: Decimal;
  basis: 'weekday' | 'days';
  score: Decimal;
  ratio: Decimal;
  anomalous: boolean;
}

/** Judges `day` of a subject whose spend by day is `byDay` (days without spend missing). */
export function judgeDay(byDay: ReadonlyMap<string, Decimal>, day: string, kind: NotificationSubject['kind']): Judgement | undefined {
  const credits = byDay.get(day) ?? new Decimal(0);
  // A whole window of history, or no judgement: days before the subject's first spend are not "usually nothing".
  const first = [...byDay.keys()].reduce((a, d) => (d < a ? d : a), day);
  if (first > addDays(day, -WINDOW_DAYS)) return undefined;
  const history = Array.from({ length: WINDOW_DAYS }, (_, i) => byDay.get(addDays(day, -(i + 1))) ?? new Decimal(0));
  if (history.filter((c) => c.gt(0)).length < MIN_ACTIVE_DAYS) return undefined;
  const sameWeekday = median([7, 14, 21, 28].map((n) => history[n - 1]!));
  const overall = median(history);
  const basis = sameWeekday.gt(0) ? 'weekday' : 'days';
  const baseline = basis === 'weekday' ? sameWeekday : overall;
  if (baseline.lte(0)) return undefined;
  const mad = median(history.map((c) => c.minus(overall).abs()));
  const spread = Decimal.max(mad.times(MAD_TO_SIGMA), baseline.times(MIN_SPREAD_OF_BASELINE));
  const score = credits.minus(baseline).div(spread);
  const ratio = credits.div(baseline);
  const anomalous = credits.gte(MIN_VOLUME[kind]) && score.gte(MIN_SCORE) && ratio.gte(MIN_RATIO);
  return { credits, baseline, basis, score, ratio, anomalous };
}

/** The reason in words, English and German: "spend 6.2× the usual for a Tuesday (620 credits; usually 100)". */
export function reasonOf(day: string, j: Pick<Judgement, 'credits' | 'baseline' | 'basis' | 'ratio'>): { en: string; de: string } {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  const ratio = toPlain(j.ratio.toDecimalPlaces(1));
  const n = (d: Decimal, locale: string) => formatNumber(toPlain(d.toDecimalPlaces(0)), locale, { maximumFractionDigits: 0 });
  const usual = { en: j.basis === 'weekday' ? `the usual for a ${WEEKDAYS.en[weekday]}` : 'the usual daily spend', de: j.basis === 'weekday' ? `an einem üblichen ${WEEKDAYS.de[weekday]}` : 'an einem üblichen Tag' };
  return {
    en: `spend ${formatNumber(ratio, 'en', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}× ${usual.en} (${n(j.credits, 'en')} credits; usually ${n(j.baseline, 'en')})`,
    de: `Verbrauch ${formatNumber(ratio, 'de', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}-mal so hoch wie ${usual.de} (${n(j.credits, 'de')} Credits; sonst ${n(j.baseline, 'de')})`,
  };
}

/** One day's spend of an event, with who spent it. */
export interface DaySpend {
  day: string;
  userId: string;
  departmentId: string | null;
  credits: string;
}

/** Daily totals of the organisation, each department and each user. */
export function dailyTotals(events: readonly DaySpend[], orgId: string): Map<string, { kind: NotificationSubject['kind']; id: string; byDay: Map<string, Decimal> }> {
  const subjects = new Map<string, { kind: NotificationSubject['kind']; id: string; byDay: Map<string, Decimal> }>();
  const add = (kind: NotificationSubject['kind'], id: string, day: string, credits: string) => {
    const key = `${kind}:${id}`;
    let s = subjects.get(key);
    if (!s) subjects.set(key, (s = { kind, id, byDay: new Map() }));
    s.byDay.set(day, (s.byDay.get(day) ?? new Decimal(0)).plus(credits));
  };
  for (const e of events) {
    add('organisation', orgId, e.day, e.credits);
    if (e.departmentId) add('department', e.departmentId, e.day, e.credits);
    add('user', e.userId, e.day, e.credits);
  }
  return subjects;
}

const KIND_ORDER: Record<NotificationSubject['kind'], number> = { organisation: 0, department: 1, user: 2 };

/**
 * The anomalies of the days `from` … `to` among `events` (which must reach back 28 days before
 * `from`), for the subjects `include` accepts; `name` gives each subject's name.
 */
export function detectAnomalies(
  events: readonly DaySpend[],
  orgId: string,
  from: string,
  to: string,
  name: (kind: NotificationSubject['kind'], id: string) => string,
  include: (kind: NotificationSubject['kind'], id: string) => boolean = () => true,
): Anomaly[] {
  const out: Anomaly[] = [];
  const subjects = [...dailyTotals(events, orgId).values()].filter((s) => include(s.kind, s.id)).sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let day = from; day <= to; day = addDays(day, 1)) {
    for (const s of subjects) {
      const j = judgeDay(s.byDay, day, s.kind);
      if (!j?.anomalous) continue;
      out.push({
        day,
        subject: { kind: s.kind, id: s.id, name: name(s.kind, s.id) },
        credits: toPlain(j.credits),
        baseline: toPlain(j.baseline),
        ratio: toPlain(j.ratio.toDecimalPlaces(1)),
        basis: j.basis,
        score: toPlain(j.score.toDecimalPlaces(1)),
        reason: reasonOf(day, j),
      });
    }
  }
  return out;
}

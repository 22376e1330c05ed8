// Anomaly detection: hand-worked cases of the detector (src/host/anomalies.ts), and on each
// engine the seeded demo's one anomaly through GET /anomalies, the usage chart's marks and the
// feed (raised once per subject and day however often the books are looked at).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Decimal } from '../../src/core/decimal.js';
import { judgeDay, median, reasonOf } from '../../src/host/anomalies.js';
import { addDays } from '../../src/host/periods.js';
import { anomalyDayOf } from '../../src/host/seed.js';
import { ENGINES, startTestHost, type TestHost } from './harness.js';

const TUESDAY = '2026-11-24';
/** Spend by day: `history(k)` credits k days before `day` for k = 1 … 28 (and before), `today` on the day. */
function days(day: string, today: string, history: (k: number) => string | undefined, reach = 40): Map<string, Decimal> {
  const out = new Map<string, Decimal>([[day, new Decimal(today)]]);
  for (let k = 1; k <= reach; k++) {
    const credits = history(k);
    if (credits !== undefined) out.set(addDays(day, -k), new Decimal(credits));
  }
  return out;
}

describe('anomaly detector (hand-worked)', () => {
  it('median of an even count is the mean of the middle two', () => {
    assert.equal(median(['80', '120', '120', '80'].map((v) => new Decimal(v))).toString(), '100');
    assert.equal(median(['3', '1', '2'].map((v) => new Decimal(v))).toString(), '2');
  });

  it('flags a spike over a flat history: 620 credits after 28 days of 100 is 6.2× the usual for a Tuesday', () => {
    // Tuesdays before: 100 each, so the baseline is 100; every deviation is 0 (MAD 0), so the
    // spread is its floor, 100 × 0.25 = 25; score (620 − 100) ÷ 25 = 20.8, ratio 620 ÷ 100 = 6.2.
    const j = judgeDay(days(TUESDAY, '620', () => '100'), TUESDAY, 'organisation')!;
    assert.deepEqual([j.anomalous, j.basis, j.baseline.toString(), j.score.toString(), j.ratio.toString()], [true, 'weekday', '100', '20.8', '6.2']);
    assert.deepEqual(reasonOf(TUESDAY, j), {
      en: 'spend 6.2× the usual for a Tuesday (620 credits; usually 100)',
      de: 'Verbrauch 6,2-mal so hoch wie an einem üblichen Dienstag (620 Credits; sonst 100)',
    });
  });

  it('needs the minimum volume: an organisation at 290 credits is not flagged, at 300 it is (after 28 days of 60)', () => {
    // Baseline 60, spread 15 (the floor): 290 scores 15.3 at 4.8×, but is under the 300 credits an organisation must spend.
    assert.equal(judgeDay(days(TUESDAY, '290', () => '60'), TUESDAY, 'organisation')!.anomalous, false);
    assert.equal(judgeDay(days(TUESDAY, '300', () => '60'), TUESDAY, 'organisation')!.anomalous, true);
  });

  it('does not flag a quiet account for one chat: a user who spends 3 credits now and then and 40 today', () => {
    // Spend on 8 days of the 28 (every 3.5 days or so, the first 28 days back): 40 is 13× the usual, but under a user's 200.
    const j = judgeDay(days(TUESDAY, '40', (k) => ([1, 4, 7, 11, 14, 18, 21, 28].includes(k) ? '3' : undefined)), TUESDAY, 'user')!;
    assert.equal(j.anomalous, false);
    assert.ok(j.ratio.gte(3), 'the ratio alone would have flagged it');
  });

  it('does not judge without a whole window of history, or with fewer than 7 days of spend in it', () => {
    // First spend 10 days ago: no judgement, however big the day.
    assert.equal(judgeDay(days(TUESDAY, '5000', (k) => (k <= 10 ? '100' : undefined)), TUESDAY, 'organisation'), undefined);
    // 28 days back but only 6 days with spend.
    assert.equal(judgeDay(days(TUESDAY, '5000', (k) => ([1, 2, 3, 4, 5, 28].includes(k) ? '100' : undefined)), TUESDAY, 'organisation'), undefined);
  });

  it('compares a weekday with the same weekday: busy Tuesdays are usual, the same spend on a Wednesday is not', () => {
    // Tuesdays 400, every other day 100. A Tuesday of 450: baseline 400, 1.1× — usual.
    const tuesdays = (day: string) => (k: number) => (new Date(`${addDays(day, -k)}T00:00:00Z`).getUTCDay() === 2 ? '400' : '100');
    assert.equal(judgeDay(days(TUESDAY, '450', tuesdays(TUESDAY)), TUESDAY, 'organisation')!.anomalous, false);
    // A Wednesday of 450: Wednesdays were 100 (baseline 100); the 28 days are 24 × 100 and 4 × 400, median 100,
    // deviations 24 × 0 and 4 × 300, MAD 0, spread 25: score (450 − 100) ÷ 25 = 14, ratio 4.5.
    const wednesday = addDays(TUESDAY, 1);
    const j = judgeDay(days(wednesday, '450', tuesdays(wednesday)), wednesday, 'organisation')!;
    assert.deepEqual([j.anomalous, j.baseline.toString(), j.score.toString(), j.ratio.toString()], [true, '100', '14', '4.5']);
    assert.equal(reasonOf(wednesday, j).en, 'spend 4.5× the usual for a Wednesday (450 credits; usually 100)');
  });

  it('scales the spread by the MAD when the history varies: 80 and 120 on alternate days', () => {
    // Days k back: 120 when k is odd, 80 when even. Tuesdays (k = 7, 14, 21, 28): 120, 80, 120, 80 → baseline 100.
    // The 28 days: 14 × 80 and 14 × 120, median 100, every deviation 20, MAD 20, spread 1.4826 × 20 = 29.652
    // (above the floor of 25). 400: score 300 ÷ 29.652 = 10.117…, ratio 4. 190: 1.9× — not unusual enough.
    const alternate = (k: number) => (k % 2 ? '120' : '80');
    const j = judgeDay(days(TUESDAY, '400', alternate), TUESDAY, 'organisation')!;
    assert.deepEqual([j.anomalous, j.baseline.toString(), j.ratio.toString(), j.score.toDecimalPlaces(3).toString()], [true, '100', '4', '10.117']);
    assert.equal(judgeDay(days(TUESDAY, '190', alternate), TUESDAY, 'organisation')!.anomalous, false);
  });

  it('falls back to the 28 days when the same weekday was always quiet, and says so', () => {
    // Sundays nothing, other days 100: a Sunday of 500 is compared with the daily median 100.
    const sunday = '2026-11-22';
    const j = judgeDay(days(sunday, '500', (k) => (k % 7 === 0 ? undefined : '100')), sunday, 'organisation')!;
    assert.deepEqual([j.anomalous, j.basis, j.baseline.toString()], [true, 'days', '100']);
    assert.deepEqual(reasonOf(sunday, j), { en: 'spend 5.0× the usual daily spend (500 credits; usually 100)', de: 'Verbrauch 5,0-mal so hoch wie an einem üblichen Tag (500 Credits; sonst 100)' });
  });
});

for (const engine of ENGINES) {
  describe(`anomalies on the host [${engine}]`, () => {
    let host: TestHost;
    // 60 seeded days up to 2026-11-23 (a Monday): the seed's campaign is on the Tuesday at least 3 days before, 2026-11-17.
    const spike = anomalyDayOf('2026-11-23');
    before(async () => {
      host = await startTestHost({ engine, seed: { until: '2026-11-23', days: 60 } });
    });
    after(() => host.close());

    it('finds the seeded demo month\'s one anomaly: the organisation, Engineering and Anna on the campaign Tuesday', async () => {
      assert.equal(spike, '2026-11-17');
      const { anomalies } = await host.client('u-anna').getAnomalies({ from: '2026-11-01', to: '2026-11-23' });
      assert.deepEqual(anomalies.map((a) => [a.day, a.subject.kind, a.subject.name]), [
        [spike, 'organisation', 'Nordlicht GmbH'],
        [spike, 'department', 'Engineering'],
        [spike, 'user', 'Anna Schmidt'],
      ]);
      // The organisation's figure is the day's spend as stored, in exact decimals.
      const events = await host.server.store.eventsInRange('org-nordlicht', spike, spike, null);
      const total = events.reduce((a, e) => a.plus(e.credits), new Decimal(0));
      assert.equal(anomalies[0]!.credits, total.toString());
      assert.equal(anomalies[0]!.ratio, total.div(anomalies[0]!.baseline).toDecimalPlaces(1).toString());
      for (const a of anomalies) {
        assert.match(a.reason.en, /^spend \d+\.\d× the usual for a Tuesday \([\d,]+ credits; usually [\d,]+\)$/);
        assert.match(a.reason.de, /^Verbrauch \d+,\d-mal so hoch wie an einem üblichen Dienstag \([\d.]+ Credits; sonst [\d.]+\)$/);
      }
      console.log(`# seeded demo [${engine}]: ${anomalies.map((a) => `${a.subject.name}: ${a.reason.en}`).join('; ')}`);
    });

    it('marks the day in the usage report (the organisation for an admin, the member\'s own for a member)', async () => {
      const admin = await host.client('u-anna').getUsage({ from: '2026-11-01', to: '2026-11-23', groupBy: 'day' });
      assert.deepEqual(admin.anomalies?.map((a) => [a.day, a.subject.kind]), [[spike, 'organisation']]);
      const member = await host.client('u-ben').getUsage({ from: '2026-11-01', to: '2026-11-23', groupBy: 'day' });
      assert.deepEqual(member.anomalies, []);
      assert.deepEqual((await host.client('u-ben').getAnomalies({ from: '2026-11-01', to: '2026-11-23' })).anomalies, [], 'a member sees only their own');
      const byService = await host.client('u-anna').getUsage({ from: '2026-11-01', to: '2026-11-23', groupBy: 'service' });
      assert.equal(byService.anomalies, undefined);
    });

    it('raises each anomaly once per subject and day in the feed, however often the books are looked at', async () => {
      for (let i = 0; i < 3; i++) await host.server.notifier.sweep('org-nordlicht');
      await host.server.deliverer.tick();
      const feed = await host.client('u-anna').getNotifications({ limit: 100 });
      const anomalies = feed.notifications.filter((n) => n.type === 'anomaly');
      assert.deepEqual(anomalies.map((n) => [n.data.day, n.subject?.kind]).sort(), [[spike, 'department'], [spike, 'organisation'], [spike, 'user']]);
      const org = anomalies.find((n) => n.subject?.kind === 'organisation')!;
      assert.match(org.message.en, /^Nordlicht GmbH: spend \d+\.\d× the usual for a Tuesday/);
      assert.match(org.message.de, /^Nordlicht GmbH: Verbrauch \d+,\d-mal so hoch wie an einem üblichen Dienstag/);
    });

    it('refuses a period that is reversed, malformed or over 366 days (400)', async () => {
      const anna = host.client('u-anna');
      for (const [from, to] of [['2026-11-23', '2026-11-01'], ['2025-01-01', '2026-11-23']]) {
        const response = await fetch(`${host.server.url}/anomalies?from=${from}&to=${to}`, { headers: { authorization: `Bearer ${await host.server.tokenFor('u-anna')}` } });
        assert.equal(response.status, 400, `${from} … ${to}`);
      }
      const malformed = await fetch(`${host.server.url}/anomalies?from=2026-02-31&to=2026-03-01`, { headers: { authorization: `Bearer ${await host.server.tokenFor('u-anna')}` } });
      assert.equal(malformed.status, 400);
      assert.throws(() => anna.getAnomalies({ from: '2026-11-23', to: '2026-11-01' }), /getAnomalies: from \(2026-11-23\) is after to \(2026-11-01\)/, 'the SDK refuses it before sending');
    });
  });
}

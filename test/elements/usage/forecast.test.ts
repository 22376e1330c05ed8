// The month-end forecast on known histories, worked by hand.
import { expect } from '@open-wc/testing';
import { dayNumber, forecastMonth, monthEndOf, type DayCredits } from '../../../src/elements/usage/forecast.js';

/** Days from `from` to `to` inclusive, each with the credits `at(date)` returns. */
function history(from: string, to: string, at: (date: string) => string): DayCredits[] {
  const days: DayCredits[] = [];
  for (let n = dayNumber(from); n <= dayNumber(to); n++) {
    const date = new Date(n * 86_400_000).toISOString().slice(0, 10);
    days.push({ date, credits: at(date) });
  }
  return days;
}

describe('forecastMonth', () => {
  // 24–31 Oct at 235 a day (1,880), 1–22 Nov: twenty days at 242 and two at 240 (5,320), 100 so far
  // on 23 Nov. The 30 complete days before today add up to 7,200: 240 a day.
  const known = [
    ...history('2026-10-24', '2026-10-31', () => '235'),
    ...history('2026-11-01', '2026-11-22', (d) => (d <= '2026-11-20' ? '242' : '240')),
    { date: '2026-11-23', credits: '100' },
  ];

  it('at this rate, 7,240 credits by 30 November; the balance runs out on 24 November', () => {
    const f = forecastMonth({ days: known, historyStart: '2026-10-24', today: '2026-11-23', balance: '300' })!;
    expect(f.dailyRate).to.equal('240');
    expect(f.rateDays).to.equal(30);
    expect(f.spentBeforeToday).to.equal('5320');
    expect(f.spentToday).to.equal('100');
    // 5,320 + max(100, 240) + 7 × 240 = 7,240
    expect(f.monthTotal).to.equal('7240');
    expect(f.monthEnd).to.equal('2026-11-30');
    // 300 covers the rest of today (140), leaving 160: less than one day at 240, gone on the 24th.
    expect(f.runsOutOn).to.equal('2026-11-24');
  });

  it('never projects today below what it already used', () => {
    const busy = known.map((d) => (d.date === '2026-11-23' ? { ...d, credits: '1000.5' } : d));
    const f = forecastMonth({ days: busy, historyStart: '2026-10-24', today: '2026-11-23' })!;
    expect(f.monthTotal).to.equal('8000.5'); // 5,320 + 1,000.5 + 1,680
    expect(f.runsOutOn).to.equal(null); // no balance given
  });

  it('counts the run-out days exactly at the boundaries', () => {
    const at = (balance: string) =>
      forecastMonth({ days: known, historyStart: '2026-10-24', today: '2026-11-23', balance })!.runsOutOn;
    expect(at('0')).to.equal('2026-11-23');
    expect(at('140')).to.equal('2026-11-23'); // exactly the rest of today
    expect(at('380')).to.equal('2026-11-24'); // 140 + one full day
    expect(at('380.01')).to.equal('2026-11-25');
    expect(at('10000000')).to.equal(null); // beyond a year
  });

  it('takes the rate from the days the history covers when it is shorter than the window', () => {
    // Three complete days (20–22 Nov) of 100 credits in total: 33.333… a day.
    const f = forecastMonth({
      days: [{ date: '2026-11-20', credits: '100' }],
      historyStart: '2026-11-20',
      today: '2026-11-23',
      balance: '50',
    })!;
    expect(f.rateDays).to.equal(3);
    expect(f.dailyRate.startsWith('33.3333333333')).to.equal(true);
    // 100 + 100/3 + 7 × 100/3 = 100 + 800/3 = 366.666…
    expect(f.monthTotal.startsWith('366.66666666')).to.equal(true);
    // 50 − 33.33 = 16.67 left after today → runs out tomorrow
    expect(f.runsOutOn).to.equal('2026-11-24');
  });

  it('has no forecast on the first day of the history, and no run-out day without usage', () => {
    expect(forecastMonth({ days: [], historyStart: '2026-11-23', today: '2026-11-23' })).to.equal(null);
    const idle = forecastMonth({ days: [], historyStart: '2026-11-01', today: '2026-11-23', balance: '10' })!;
    expect(idle.monthTotal).to.equal('0');
    expect(idle.runsOutOn).to.equal(null);
  });

  it('rejects a bad day or amount with a clear message', () => {
    expect(() => forecastMonth({ days: [{ date: '2026-11-31', credits: '1' }], historyStart: '2026-11-01', today: '2026-11-23' })).to.throw(/no such day: 2026-11-31/);
    expect(() => forecastMonth({ days: [{ date: '2026-11-02', credits: 'NaN' }], historyStart: '2026-11-01', today: '2026-11-23' })).to.throw(/days\[0\]\.credits/);
  });

  it('knows month ends, leap years included', () => {
    expect(monthEndOf('2028-02-10')).to.equal('2028-02-29');
    expect(monthEndOf('2026-12-31')).to.equal('2026-12-31');
  });
});

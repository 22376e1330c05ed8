// Days of use of a calendar month, counted by hand on a calendar (weekdays checked against
// Monday 23 November 2026, the day the calculator tests start from).
import { expect } from '@open-wc/testing';
import { CreditError, daysOfUse, loadScenario, MAX_WORKING_DAYS, monthOf, simulateMonth, UsageError, type Catalog } from '../../../src/core/index.js';
import { loadCatalog } from '../load.js';

describe('daysOfUse', () => {
  it('counts calendar and Monday-to-Friday days of months worked by hand', () => {
    // November 2026: Sun 1 … Mon 30; weekdays 2–6, 9–13, 16–20, 23–27 and Mon 30.
    expect([daysOfUse('2026-11', 'calendar'), daysOfUse('2026-11', 'working')]).to.deep.equal([30, 21]);
    // December 2026: Tue 1 … Thu 31; 1–4, 7–11, 14–18, 21–25, 28–31: 4 + 5 + 5 + 5 + 4.
    expect([daysOfUse('2026-12', 'calendar'), daysOfUse('2026-12', 'working')]).to.deep.equal([31, 23]);
    // February 2026: Sun 1 … Sat 28, four whole weeks.
    expect([daysOfUse('2026-02', 'calendar'), daysOfUse('2026-02', 'working')]).to.deep.equal([28, 20]);
    // February 2028 (leap year): Tue 1 … Tue 29.
    expect([daysOfUse('2028-02', 'calendar'), daysOfUse('2028-02', 'working')]).to.deep.equal([29, 21]);
    // August 2026: Sat 1 … Mon 31; the three days past four weeks are Sat 29, Sun 30, Mon 31.
    expect([daysOfUse('2026-08', 'calendar'), daysOfUse('2026-08', 'working')]).to.deep.equal([31, 21]);
  });

  it('no month of 2000–2099 has more working days than MAX_WORKING_DAYS, and some have that many', () => {
    const counts: number[] = [];
    for (let y = 2000; y < 2100; y++) for (let m = 1; m <= 12; m++) counts.push(daysOfUse(`${y}-${String(m).padStart(2, '0')}`, 'working'));
    expect(Math.max(...counts)).to.equal(MAX_WORKING_DAYS);
    expect(Math.min(...counts)).to.equal(20);
  });

  it('reads the month of a date and refuses what is not a month', () => {
    expect(monthOf('2026-11-23')).to.equal('2026-11');
    expect(monthOf(new Date(Date.UTC(2026, 11, 31, 23, 59)))).to.equal('2026-12');
    expect(() => daysOfUse('2026-13', 'working')).to.throw(CreditError, /YYYY-MM/);
    expect(() => daysOfUse('2026-1', 'calendar')).to.throw(CreditError, /YYYY-MM/);
    expect(() => monthOf('soon')).to.throw(CreditError, /YYYY-MM-DD/);
  });
});

describe('a working-day period', () => {
  let meingpt: Catalog;
  before(async () => {
    meingpt = await loadCatalog('meingpt');
  });
  const wizards = (basis: 'calendar' | 'working', days: number) =>
    simulateMonth(meingpt, { version: 1, period: { basis, days }, users: 1, workloads: [{ service: 'meingpt/workflow-wizard', requestsPerUserPerDay: 2 }] });

  it('prices the days of the month it counts: November 2026, 2 workflow wizards a day at 10 credits', () => {
    // seed 003: a workflow wizard costs 10 credits. 2 × 10 × 30 = 600 every day; 2 × 10 × 21 = 420 on weekdays.
    expect(wizards('calendar', daysOfUse('2026-11', 'calendar')).credits).to.equal('600');
    expect(wizards('working', daysOfUse('2026-11', 'working')).credits).to.equal('420');
  });

  it('more working days than a month has is an error at period.days, not a silent calendar month', () => {
    expect(() => wizards('working', 30)).to.throw(UsageError, /period\.days: a month has at most 23 working days/);
    expect(wizards('working', 23).credits).to.equal('460');
    expect(wizards('calendar', 30).credits).to.equal('600');
    // A shared link with such a period loads with the default period, and says so.
    const loaded = loadScenario({ version: 1, period: { basis: 'working', days: 30 }, users: 1, workloads: [] });
    expect(loaded.scenario.period).to.deep.equal({ basis: 'working', days: 21 });
    expect(loaded.dropped.map((d) => d.path)).to.deep.equal(['period.days']);
  });
});

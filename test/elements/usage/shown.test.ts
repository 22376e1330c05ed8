// What <credit-usage> shows and exports, worked by hand: the breakdown's rounded credits and
// shares (largest remainder), the chart's value axis, and the CSV of a period.
import { expect } from '@open-wc/testing';
import { csvCell, toCsv } from '../../../src/core/index.js';
import { valueAxis } from '../../../src/elements/usage/axis.js';
import { usageCsv, usageCsvName } from '../../../src/elements/usage/export.js';
import { shownBreakdown } from '../../../src/elements/usage/shares.js';
import type { UsageReport } from '../../../src/sdk/contract/usage.js';

const report = (groupBy: UsageReport['groupBy'], groups: UsageReport['groups']): UsageReport => {
  const cents = groups.reduce((sum, g) => sum + Math.round(Number(g.credits) * 10_000), 0); // 4-place test data only
  return { from: '2026-11-01', to: '2026-11-03', groupBy, scope: 'organisation', groups, total: { credits: String(cents / 10_000), events: groups.reduce((s, g) => s + g.events, 0) } };
};

// Three services of 1.005, 1.005 and 0.999 credits: 3.009 in all.
const SERVICES = report('service', [
  { key: 'a/one', label: 'One', credits: '1.005', events: 2 },
  { key: 'b/two', label: 'Two', credits: '0.999', events: 1 },
  { key: 'c/three', label: '=Three, "quoted"', credits: '1.005', events: 4 },
]);

describe('the usage breakdown as shown', () => {
  it('rounds credits so that they add up to the total shown, shares so that they add up to 100 %', () => {
    const shown = shownBreakdown(SERVICES);
    // Most credits first (ties by key). Floors 1.00 + 1.00 + 0.99 = 2.99; the total 3.009 → 3.01
    // leaves two steps of 0.01: to the largest remainders, 0.009 (Two) then 0.005 (One).
    expect(shown.groups.map((g) => [g.key, g.display])).to.deep.equal([
      ['a/one', '1.01'],
      ['c/three', '1.00'],
      ['b/two', '1.00'],
    ]);
    expect(shown.total).to.equal('3.01');
    // Shares: 1.005 / 3.009 = 33.3998…%, twice, and 0.999 / 3.009 = 33.2004…%: floors 33.3 + 33.3 +
    // 33.2 = 99.8, two steps to the largest remainders (0.0998… twice): 33.4 + 33.4 + 33.2 = 100.0.
    expect(shown.groups.map((g) => g.share)).to.deep.equal(['33.4', '33.4', '33.2']);
  });

  it('gives an empty period zero shares, not a division by zero', () => {
    const shown = shownBreakdown(report('service', [{ key: 'a', label: 'A', credits: '0', events: 1 }]));
    expect(shown.groups.map((g) => [g.display, g.share])).to.deep.equal([['0.00', '0.0']]);
  });
});

describe('the chart axis', () => {
  it('steps of 1, 2, 2.5 or 5 × 10ⁿ from 0 to just above the largest day', () => {
    expect(valueAxis(268.62)).to.deep.equal({ top: 300, ticks: ['0', '100', '200', '300'], decimals: 0 });
    expect(valueAxis(400)).to.deep.equal({ top: 400, ticks: ['0', '100', '200', '300', '400'], decimals: 0 });
    expect(valueAxis(9)).to.deep.equal({ top: 10, ticks: ['0', '2.5', '5', '7.5', '10'], decimals: 1 });
    expect(valueAxis(0.05)).to.deep.equal({ top: 0.06, ticks: ['0', '0.02', '0.04', '0.06'], decimals: 2 });
    expect(valueAxis(0.3)).to.deep.equal({ top: 0.3, ticks: ['0', '0.1', '0.2', '0.3'], decimals: 1 });
    expect(valueAxis(1000)).to.deep.equal({ top: 1000, ticks: ['0', '250', '500', '750', '1000'], decimals: 0 });
    expect(valueAxis(0)).to.deep.equal({ top: 1, ticks: ['0', '1'], decimals: 0 });
  });
});

describe('Export CSV', () => {
  it('every day shown (zero days too), the groups as listed, the total: exact decimals, RFC 4180', () => {
    const days = report('day', [
      { key: '2026-11-01', label: '2026-11-01', credits: '2.0045', events: 5 },
      { key: '2026-11-03', label: '2026-11-03', credits: '1.0045', events: 2 },
    ]);
    const csv = usageCsv(days, SERVICES);
    expect(csv.split('\r\n')).to.deep.equal([
      'group_by,key,label,credits,events',
      'day,2026-11-01,2026-11-01,2.0045,5',
      'day,2026-11-02,2026-11-02,0,0',
      'day,2026-11-03,2026-11-03,1.0045,2',
      'service,a/one,One,1.005,2',
      `service,c/three,"'=Three, ""quoted""",1.005,4`,
      'service,b/two,Two,0.999,1',
      'total,,,3.009,7',
      '',
    ]);
    expect(usageCsvName(days, 'service')).to.equal('usage-2026-11-01-to-2026-11-03-service.csv');
  });

  it('leaves out a breakdown of another period (still loading)', () => {
    const days = report('day', [{ key: '2026-11-01', label: '2026-11-01', credits: '1', events: 1 }]);
    const other = { ...SERVICES, from: '2026-10-01' };
    expect(usageCsv(days, other).split('\r\n').filter((r) => r.startsWith('service'))).to.deep.equal([]);
  });

  it('keeps a negative exact number a number, and defuses text that a spreadsheet would run', () => {
    expect([csvCell('-0.0009'), csvCell('-cmd'), csvCell('+1'), csvCell('@SUM(A1)'), csvCell('a\r\nb')]).to.deep.equal(['-0.0009', "'-cmd", "'+1", "'@SUM(A1)", '"a\r\nb"']);
    expect(toCsv([['a', 1], ['b,c', '2']])).to.equal('a,1\r\n"b,c",2\r\n');
  });
});

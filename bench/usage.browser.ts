// <credit-usage> rendering 90 days × 20 services of usage in Chromium: the first render (target
// < 16 ms) and a period switch (< 8 ms), median of 20, each up to a forced layout, beside a
// baseline that builds the same chart and tables with innerHTML (no lit, no Intl, no tasks).
// The data comes from an in-memory client (resolved promises), so the network is not measured.
import '../src/elements/usage/index.js';
import type { CreditUsage } from '../src/elements/usage/index.js';
import type { CreditClient, UsageParams } from '../src/sdk/client.js';
import type { Balance } from '../src/sdk/contract/balance.js';
import type { UsageReport } from '../src/sdk/contract/usage.js';
import { dayNumber, dayString } from '../src/elements/usage/forecast.js';

const TODAY = '2026-11-23';
const DAYS = 90;
const SERVICES = 20;
const RUNS = 20;

// Deterministic usage: credits of (day, service) as a decimal string with two places.
const first = dayNumber(TODAY) - (DAYS - 1);
const cents = (d: number, s: number) => ((d * 7919 + s * 104729) % 5000) + 1;
const services = Array.from({ length: SERVICES }, (_, s) => ({ key: `brand-${s}/model-${s}`, label: `Brand ${s} Model ${s}` }));

function report(params: UsageParams): UsageReport {
  const from = String(params.from);
  const to = String(params.to);
  const lo = dayNumber(from) - first;
  const hi = dayNumber(to) - first;
  const perDay = new Map<number, number>();
  const perService = new Map<number, number>();
  let total = 0;
  for (let d = Math.max(lo, 0); d <= Math.min(hi, DAYS - 1); d++) {
    for (let s = 0; s < SERVICES; s++) {
      const c = cents(d, s);
      perDay.set(d, (perDay.get(d) ?? 0) + c);
      perService.set(s, (perService.get(s) ?? 0) + c);
      total += c;
    }
  }
  const asCredits = (c: number) => (c / 100).toFixed(2); // integer cents → exact two-place string
  const groups =
    params.groupBy === 'day'
      ? [...perDay].map(([d, c]) => ({ key: dayString(first + d), label: dayString(first + d), credits: asCredits(c), events: SERVICES }))
      : [...perService].map(([s, c]) => ({ ...services[s]!, credits: asCredits(c), events: hi - lo + 1 }));
  return { from, to, groupBy: params.groupBy, scope: 'organisation', groups, total: { credits: asCredits(total), events: (hi - lo + 1) * SERVICES } };
}

const balance: Balance = {
  credits: '5000',
  money: { amount: '50', currency: 'EUR' },
  creditUnit: { currency: 'EUR', value: '0.01' },
  asOf: `${TODAY}T12:00:00.000Z`,
  paused: false,
  lowBalance: { referenceCredits: '10000', thresholds: [{ percent: '20', credits: '2000', reached: false }, { percent: '10', credits: '1000', reached: false }] },
  autoRecharge: { enabled: false, thresholdCredits: '0', rechargeCredits: '0', monthlyLimitCredits: null, rechargedThisMonthCredits: '0' },
  limits: {
    daily: { limit: '500', used: '120', remaining: '380', resetsAt: '2026-11-24T00:00:00.000Z' },
    monthly: { limit: '9000', used: '5200', remaining: '3800', resetsAt: '2026-12-01T00:00:00.000Z' },
    department: null,
  },
  remainingAllowance: '380',
};

// Reports are computed once per query, as a warm SDK cache would hand them over.
const memo = new Map<string, Promise<UsageReport>>();
const client = {
  getUsage(params: UsageParams) {
    const key = `${params.from} ${params.to} ${params.groupBy}`;
    let r = memo.get(key);
    if (!r) memo.set(key, (r = Promise.resolve(report(params))));
    return r;
  },
  getBalance: () => Promise.resolve(balance),
  invalidate() {},
} as unknown as CreditClient;

const FROM_90 = dayString(first);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const host = document.createElement('div');
host.lang = 'en';
document.body.append(host);

async function mountUsage(): Promise<CreditUsage> {
  const el = document.createElement('credit-usage');
  el.today = TODAY;
  el.period = 'custom';
  el.from = FROM_90;
  el.to = TODAY;
  el.client = client;
  host.append(el);
  await el.loaded();
  el.shadowRoot!.querySelector('svg')!.getBoundingClientRect();
  return el;
}

/** The same chart and tables as plain markup through innerHTML. */
function baselineRender(target: ShadowRoot, days: UsageReport, byService: UsageReport): void {
  const max = Math.max(...days.groups.map((g) => Number(g.credits)));
  const bars = days.groups.map((g, i) => `<rect x="${i * 10 + 1}" width="8" y="${100 - (Number(g.credits) / max) * 100}" height="${(Number(g.credits) / max) * 100}"><title>${g.key}: ${g.credits}</title></rect>`).join('');
  const dayRows = days.groups.map((g) => `<tr><th scope="row">${g.key}</th><td>${g.credits}</td></tr>`).join('');
  const serviceRows = byService.groups.map((g) => `<tr><th scope="row">${g.label}</th><td>${g.credits}</td></tr>`).join('');
  target.innerHTML = `<fieldset><legend>Period</legend><label><input type="radio" name="p">This month</label><label><input type="radio" name="p">Last 30 days</label><label><input type="radio" name="p" checked>Custom</label></fieldset>
    <p>${days.total.credits} credits</p><svg viewBox="0 0 ${days.groups.length * 10} 100" preserveAspectRatio="none" style="width:100%;height:10rem">${bars}</svg>
    <details><summary>Table</summary><table>${dayRows}</table></details><table>${serviceRows}</table>`;
  target.querySelector('svg')!.getBoundingClientRect();
}

// Warm up: module code, Intl formatters, the reports.
for (let i = 0; i < 3; i++) (await mountUsage()).remove();

const days90 = report({ from: FROM_90, to: TODAY, groupBy: 'day' });
const services90 = report({ from: FROM_90, to: TODAY, groupBy: 'service' });
const days30 = report({ from: dayString(dayNumber(TODAY) - 29), to: TODAY, groupBy: 'day' });
const services30 = report({ from: dayString(dayNumber(TODAY) - 29), to: TODAY, groupBy: 'service' });

// Element and baseline runs alternate, so that both see the same load on a shared machine.
const first90: number[] = [];
const baseFirst: number[] = [];
for (let i = 0; i < RUNS; i++) {
  let t0 = performance.now();
  const el = await mountUsage();
  first90.push(performance.now() - t0);
  el.remove();
  const div = document.createElement('div');
  host.append(div);
  t0 = performance.now();
  baselineRender(div.attachShadow({ mode: 'open' }), days90, services90);
  baseFirst.push(performance.now() - t0);
  div.remove();
}

const switches: number[] = [];
const baseSwitch: number[] = [];
const el = await mountUsage();
const div = document.createElement('div');
host.append(div);
const baseRoot = div.attachShadow({ mode: 'open' });
baselineRender(baseRoot, days90, services90);
for (let i = 0; i < RUNS + 2; i++) {
  let t0 = performance.now();
  el.period = el.period === 'custom' ? 'last-30-days' : 'custom';
  await el.loaded();
  el.shadowRoot!.querySelector('svg')!.getBoundingClientRect();
  if (i >= 2) switches.push(performance.now() - t0);
  t0 = performance.now();
  if (i % 2) baselineRender(baseRoot, days90, services90);
  else baselineRender(baseRoot, days30, services30);
  if (i >= 2) baseSwitch.push(performance.now() - t0);
}
const bars = el.shadowRoot!.querySelectorAll('rect').length;
el.remove();
div.remove();

const min = (xs: number[]) => Math.min(...xs);
const ms = (x: number) => `${x.toFixed(2).padStart(8)} ms`;
const row = (name: string, ours: number[], base: number[], target: number) =>
  `${name.padEnd(30)} ${ms(median(ours))} ${ms(median(base))} ${(median(ours) / median(base)).toFixed(1).padStart(6)}× ${ms(min(ours))} ${ms(min(base))} ${String(target).padStart(6)} ms  ${median(ours) < target ? 'ok' : 'OVER'}`;
console.log(`<credit-usage>, ${DAYS} days × ${SERVICES} services (${bars} bars after the last switch), ${RUNS} runs each, up to a forced layout; element and baseline alternate`);
console.log(`${'case'.padEnd(30)} ${'median el.'.padStart(11)} ${'innerHTML'.padStart(11)} ${'ratio'.padStart(7)} ${'min el.'.padStart(11)} ${'innerHTML'.padStart(11)} ${'target'.padStart(9)}`);
console.log(row('first render (90 days)', first90, baseFirst, 16));
console.log(row('period switch (90 ↔ 30 days)', switches, baseSwitch, 8));
(globalThis as { __benchDone?: boolean }).__benchDone = true;

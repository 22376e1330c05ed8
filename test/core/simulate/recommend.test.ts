// Recommendations: packages (meinGPT's price list in 004), key modes, alternatives, runway.
import { expect } from '@open-wc/testing';
import { alternatives, balanceRunway, cheapestPackages, compareKeyModes, recommend, simulateMonth, type Catalog, type Scenario } from '../../../src/core/index.js';
import { loadCatalog } from '../load.js';

let gptbots: Catalog;
let meingpt: Catalog;
before(async () => {
  gptbots = await loadCatalog('gptbots');
  meingpt = await loadCatalog('meingpt');
});

const plan = (credits: string) => {
  const p = cheapestPackages(meingpt, credits)!;
  return { items: p.items.map((i) => `${i.count}×${i.package.id}`), price: p.price.amount, discount: p.discountPercent, surplus: p.surplusCredits };
};

describe('cheapest credit packages (meinGPT: 1,000 / 10 €, 5,000 / 50 €, 10,000 / 95 €, 50,000 / 450 €, 100,000 / 850 €)', () => {
  it('3,570 credits (the workday × 21): four Basic packages, 40 €, no discount', () => {
    expect(plan('3570')).to.deep.equal({ items: ['4×basic'], price: '40', discount: '0', surplus: '430' });
  });
  it('9,000 credits: nine Basic (90 €) beat one Professional (95 €)', () => {
    expect(plan('9000')).to.deep.equal({ items: ['9×basic'], price: '90', discount: '0', surplus: '0' });
  });
  it('9,600 credits: one Professional, 95 € for 100 € of credits, 5% off', () => {
    expect(plan('9600')).to.deep.equal({ items: ['1×professional'], price: '95', discount: '5', surplus: '400' });
  });
  it('95,000 credits: one Enterprise at 850 € (15% off) beats 1 Team + 4 Professional + 5 Basic (880 €)', () => {
    expect(plan('95000')).to.deep.equal({ items: ['1×enterprise'], price: '850', discount: '15', surplus: '5000' });
  });
  it('a fractional month rounds up to whole credits; 1,000,001 credits mixes packages optimally', () => {
    expect(plan('999.5').items).to.deep.equal(['1×basic']);
    // 10 × Enterprise (8,500 €) + 1 Basic (10 €) = 8,510 € for 10,010 € of credits: 1,500 / 10,010 = 14.985% → 14.99.
    expect(plan('1000001')).to.deep.equal({ items: ['1×basic', '10×enterprise'], price: '8510', discount: '14.99', surplus: '999' });
  });
  it('points to the custom package from 500,000 credits', () => {
    expect(cheapestPackages(meingpt, '600000')!.custom?.id).to.equal('custom');
    expect(cheapestPackages(meingpt, '400000')!.custom).to.equal(undefined);
  });
  it('is null for a catalog that sells no packages (GPTBots) or a month that costs nothing', () => {
    expect(cheapestPackages(gptbots, '100')).to.equal(null);
    expect(cheapestPackages(meingpt, '0')).to.equal(null);
  });
});

const chat = (over: Partial<Scenario> = {}): Scenario => ({
  version: 1,
  period: { basis: 'working', days: 22 },
  users: 10,
  workloads: [{ service: 'openai/gpt-4.1-1m', requestsPerUserPerDay: 20, inputTokens: 1500, outputTokens: 400 }],
  ...over,
});

describe('platform key vs own key', () => {
  it('prices the same scenario in each key mode', () => {
    const modes = compareKeyModes(gptbots, chat());
    expect(modes.map((m) => [m.keyMode, m.credits])).to.deep.equal([
      ['platform', '3000.8'],
      ['own', '206.8'],
    ]);
    expect(modes[1]!.note).to.match(/service fee/);
  });
  it('says which workloads a key mode does not offer', () => {
    const s = chat({ workloads: [{ service: 'google/gemma-3-27b', keyMode: 'own', requestsPerUserPerDay: 1, inputTokens: 10, outputTokens: 10 }] });
    const modes = compareKeyModes(gptbots, s);
    expect(modes[0]).to.include({ keyMode: 'platform', credits: null });
    expect(modes[0]!.notOffered).to.deep.equal([0]);
    expect(modes[1]).to.include({ keyMode: 'own', credits: '0' });
  });
});

describe('alternative services', () => {
  it('the three cheapest chat services that hold the request, cheapest first, with the saving', () => {
    const s = chat();
    const [alts] = alternatives(gptbots, s, simulateMonth(gptbots, s));
    expect(alts!.length).to.equal(3);
    // ERNIE-Speed-128K and hunyuan-lite-4k are free (0 / 0); next is Qwen-Turbo-1M:
    // 6,600,000 × 0.0047 / 1K + 1,760,000 × 0.0094 / 1K = 31.02 + 16.544 = 47.564.
    expect(alts!.map((a) => [a.service, a.credits, a.saves])).to.deep.equal([
      ['baidu/ernie-speed-128k', '0', '3000.8'],
      ['tencent/hunyuan-lite-4k', '0', '3000.8'],
      ['alibaba/qwen-turbo-1m', '47.564', '2953.236'],
    ]);
  });
  it('says why each is suggested: the saving in credits and percent, free or not, the request against the context window', () => {
    const s = chat();
    const [alts] = alternatives(gptbots, s, simulateMonth(gptbots, s));
    // One request: 1,500 input + 400 output tokens = 1,900; 2,953.236 / 3,000.8 = 98.4149…% → 98.41 (rounded down).
    expect(alts!.map((a) => [a.free, a.savesPercent, a.requestTokens, a.contextWindow])).to.deep.equal([
      [true, '100', 1900, 128_000],
      [true, '100', 1900, 4000],
      [false, '98.41', 1900, 1_000_000],
    ]);
  });
  it('only cheaper services, and no chat service whose context window is not published', () => {
    const s = chat();
    const result = simulateMonth(gptbots, s);
    const [all] = recommend(gptbots, result).cheaper;
    // Gemini 2.5 Flash-Lite (0.011 / 0.044 per 1K) costs less than GPT-4.1 but publishes no window.
    expect(all!.map((a) => a.service)).not.to.include('google/gemini-2.5-flash-lite');
    expect(all!.length).to.be.greaterThan(3);
    for (const a of all!) {
      expect(Number(a.saves), a.service).to.be.greaterThan(0);
      expect(a.contextWindow, a.service).to.be.at.least(1900);
    }
    // A month on a free model has nothing cheaper to suggest; on Qwen-Turbo only the two free ones are cheaper.
    const free = chat({ workloads: [{ service: 'baidu/ernie-speed-128k', requestsPerUserPerDay: 20, inputTokens: 1500, outputTokens: 400 }] });
    expect(alternatives(gptbots, free, simulateMonth(gptbots, free), Infinity)).to.deep.equal([[]]);
    const turbo = chat({ workloads: [{ service: 'alibaba/qwen-turbo-1m', requestsPerUserPerDay: 20, inputTokens: 1500, outputTokens: 400 }] });
    expect(alternatives(gptbots, turbo, simulateMonth(gptbots, turbo), Infinity)[0]!.map((a) => a.service)).to.deep.equal(['baidu/ernie-speed-128k', 'tencent/hunyuan-lite-4k']);
  });
  it('leaves out a service whose context window is too small for one request', () => {
    const s = chat({ workloads: [{ service: 'openai/gpt-4.1-1m', requestsPerUserPerDay: 1, inputTokens: 150_000, outputTokens: 1000 }] });
    const [alts] = alternatives(gptbots, s, simulateMonth(gptbots, s));
    expect(alts!.map((a) => a.service)).not.to.include('tencent/hunyuan-lite-4k');
    expect(alts!.map((a) => a.service)).not.to.include('baidu/ernie-speed-128k');
    for (const a of alts!) expect(a.contextWindow).to.be.at.least(151_000);
  });
});

describe('balance runway', () => {
  it('working days: 2,100 credits a month of 21 days is 100 a day; 1,000 credits last 10 working days', () => {
    const r = simulateMonth(meingpt, { version: 1, period: { basis: 'working', days: 21 }, users: 1, workloads: [{ service: 'meingpt/workflow-wizard', requestsPerUserPerDay: 10 }] });
    expect(r.credits).to.equal('2100');
    // From Monday 2026-11-23: Mon 23 … Fri 27, Mon 30 … Fri 4 December.
    expect(balanceRunway(r, '1000', '2026-11-23')).to.deep.equal({ days: 10, lastDay: '2026-12-04', runsOutOn: '2026-12-07', forever: false });
    // Starting on a Saturday, the first day of use is the Monday.
    expect(balanceRunway(r, '150', '2026-11-21')).to.deep.equal({ days: 1, lastDay: '2026-11-23', runsOutOn: '2026-11-24', forever: false });
  });
  it('calendar days, a balance below one day, and a month that costs nothing', () => {
    const r = simulateMonth(meingpt, { version: 1, period: { basis: 'calendar', days: 30 }, users: 1, workloads: [{ service: 'meingpt/workflow-wizard', requestsPerUserPerDay: 10 }] });
    expect(balanceRunway(r, '250', '2026-11-23')).to.deep.equal({ days: 2, lastDay: '2026-11-24', runsOutOn: '2026-11-25', forever: false });
    expect(balanceRunway(r, '50', '2026-11-23')).to.deep.equal({ days: 0, lastDay: null, runsOutOn: '2026-11-23', forever: false });
    const free = simulateMonth(gptbots, chat({ workloads: [{ service: 'baidu/ernie-speed-128k', requestsPerUserPerDay: 1, inputTokens: 1, outputTokens: 1 }] }));
    expect(balanceRunway(free, '10', '2026-11-23').forever).to.equal(true);
    expect(() => balanceRunway(r, '-1', '2026-11-23')).to.throw(/balance/);
    expect(() => balanceRunway(r, '1', '23.11.2026')).to.throw(/YYYY-MM-DD/);
  });
});

describe('recommend', () => {
  it('bundles packages, key modes, alternatives and the runway', () => {
    const r = simulateMonth(meingpt, { version: 1, period: { basis: 'working', days: 21 }, users: 1, workloads: [{ service: 'GPT Image 1', requestsPerUserPerDay: 5 }, { service: 'meingpt/workflow-wizard', requestsPerUserPerDay: 2 }] });
    const rec = recommend(meingpt, r, { balance: '10000', start: '2026-11-23' });
    expect(rec.packages!.items.map((i) => i.package.id)).to.deep.equal(['basic']);
    expect(rec.keyModes.map((k) => k.credits)).to.deep.equal(['3570']);
    expect(rec.alternatives).to.deep.equal([[], []]);
    // 170 credits a working day: 10,000 last 58 days.
    expect(rec.runway!.days).to.equal(58);
  });
});

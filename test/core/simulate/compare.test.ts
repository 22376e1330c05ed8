// A/B comparison of two months, worked by hand from the price lists (GPTBots 001, meinGPT 003).
import { expect } from '@open-wc/testing';
import { compareResults, simulateMonth, type Catalog, type Scenario } from '../../../src/core/index.js';
import { loadCatalog } from '../load.js';

let gptbots: Catalog;
let meingpt: Catalog;
before(async () => {
  gptbots = await loadCatalog('gptbots');
  meingpt = await loadCatalog('meingpt');
});

describe('compareResults', () => {
  it('today vs routing half to a cheaper model: the difference per line, in total and in percent', () => {
    const a: Scenario = {
      version: 1,
      period: { basis: 'working', days: 22 },
      users: 10,
      workloads: [{ name: 'Answers', service: 'openai/gpt-4.1-1m', requestsPerUserPerDay: 20, inputTokens: 1500, outputTokens: 400 }],
    };
    const b: Scenario = { ...a, workloads: [{ ...a.workloads[0]!, routeShare: 0.5, routeTo: 'alibaba/qwen-turbo-1m' }] };
    const c = compareResults(simulateMonth(gptbots, a), simulateMonth(gptbots, b));
    // A: 4,400 requests × (1,500 × 0.22 + 400 × 0.88) / 1K = 3,000.8.
    // B: 2,200 stay (726 + 774.4 = 1,500.4) and 2,200 go to Qwen-Turbo (15.51 + 8.272 = 23.782): 1,524.182.
    expect(c.total).to.deep.equal({ a: '3000.8', b: '1524.182', difference: '-1476.618', percent: '-49.2' });
    expect(c.byWorkload).to.deep.equal([{ label: 'Answers', a: '3000.8', b: '1524.182', difference: '-1476.618' }]);
    expect(c.byBillingType).to.deep.equal([{ id: 'llm-text-chat', label: 'LLM Text Chat', a: '3000.8', b: '1524.182', difference: '-1476.618' }]);
  });

  it('a workload or billing type on one side only counts as 0 on the other', () => {
    const a: Scenario = { version: 1, period: { basis: 'working', days: 21 }, users: 1, workloads: [{ service: 'meingpt/workflow-wizard', requestsPerUserPerDay: 2 }] };
    const b: Scenario = { ...a, workloads: [...a.workloads, { service: 'openai/gpt-image-1', requestsPerUserPerDay: 5 }] };
    const c = compareResults(simulateMonth(meingpt, a), simulateMonth(meingpt, b));
    // 2 × 10 × 21 = 420 in both; B adds 5 images × 30 × 21 = 3,150.
    expect(c.byWorkload.map((l) => [l.a, l.b, l.difference])).to.deep.equal([
      ['420', '420', '0'],
      [null, '3150', '3150'],
    ]);
    expect(c.byBillingType.map((l) => [l.id, l.a, l.b])).to.deep.equal([
      ['workflow', '420', '420'],
      ['image-generation', null, '3150'],
    ]);
    expect(c.total).to.deep.equal({ a: '420', b: '3570', difference: '3150', percent: '750' });
    // And the other way round, down to a month that costs nothing.
    expect(compareResults(simulateMonth(meingpt, b), simulateMonth(meingpt, a)).total.percent).to.equal('-88.23');
    const none = simulateMonth(meingpt, { ...a, workloads: [] });
    expect(compareResults(none, simulateMonth(meingpt, a)).total).to.deep.equal({ a: '0', b: '420', difference: '420', percent: null });
  });
});

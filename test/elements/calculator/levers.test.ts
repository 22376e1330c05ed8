// <credit-calculator> and every way the providers bill (issue 16 item 5): the prices in force now
// (`now`), a batch share where the service offers batch (and why not where it does not), the
// prompt-cache levers, and a long prompt at its long-context tier, named in the breakdown.
// Providers' published prices (USD per 1M tokens) in a catalog where 1 credit = $0.01.
import { expect, fixture, html, aTimeout } from '@open-wc/testing';
import '../../../src/elements/calculator/index.js';
import type { CreditCalculator } from '../../../src/elements/calculator/index.js';
import { parseCatalog, sumDecimals, type Scenario, type Workload } from '../../../src/core/index.js';
import { expectAccessible } from '../../helpers/axe.js';
import { llmCatalogJson } from '../../core/load.js';

const llm = { billingType: 'llm', unit: 'tokens-1m', contextWindow: 1_000_000 } as const;
const catalog = parseCatalog(
  llmCatalogJson([
    // GPT-4.1: $2 / $8 standard, $1 / $4 batch, from 2026-12-01; $3 / $12 (no batch) before (a made-up earlier price).
    {
      ...llm,
      id: 'openai/gpt-4.1',
      brand: 'OpenAI',
      model: 'GPT-4.1',
      prices: { platform: { input: '200', output: '800' } },
      serviceTiers: { batch: { prices: { platform: { input: '100', output: '400' } } } },
      earlier: [{ until: '2026-12-01T00:00:00Z', prices: { platform: { input: '300', output: '1200' } } }],
    },
    // Claude Sonnet 4.5: $3 / $15, cache writes $3.75 (5 min) / $6 (1 h).
    { ...llm, id: 'anthropic/claude-sonnet-4.5', brand: 'Anthropic', model: 'Claude Sonnet 4.5', prices: { platform: { input: '300', output: '1500', cacheWrite: '375', cacheWrite1h: '600' } } },
    // Gemini 2.5 Pro: $1.25 / $10, $2.50 / $15 above 200K input tokens; no batch tier here.
    { ...llm, id: 'google/gemini-2.5-pro', brand: 'Google', model: 'Gemini 2.5 Pro', prices: { platform: { input: '125', output: '1000' } }, tiers: [{ above: 200_000, prices: { platform: { input: '250', output: '1500' } } }] },
  ]),
);

/** One user, one day, one request: the month is one request of each workload. */
const once = (...workloads: Workload[]): Scenario => ({ version: 1, period: { basis: 'calendar', days: 1 }, users: 1, workloads: workloads.map((w) => ({ requestsPerUserPerDay: 1, ...w })) });
const gpt: Workload = { name: 'Answers', service: 'openai/gpt-4.1', inputTokens: 1_000_000, outputTokens: 100_000 };

async function until(predicate: () => boolean, what: string, ms = 5000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await aTimeout(20);
  }
}

async function planner(scenario: Scenario, lang = 'en', now: string | undefined = '2026-12-07T12:00:00Z'): Promise<CreditCalculator> {
  const el = await fixture<CreditCalculator>(html`<credit-calculator lang=${lang} url-param="" announce-delay="0" .catalog=${catalog} .now=${now} .scenario=${scenario}></credit-calculator>`);
  await until(() => el.result !== undefined, 'the first result');
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: CreditCalculator, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const text = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();

async function openLevers(el: CreditCalculator, index = 0): Promise<number> {
  const w = el.draft!.workloads[index]!;
  if (!w.leversOpen) {
    $<HTMLButtonElement>(el, `[aria-controls="w${w.key}-levers"]`).click();
    await el.updateComplete;
  }
  return w.key;
}

async function slide(el: CreditCalculator, id: string, value: number): Promise<void> {
  const input = $<HTMLInputElement>(el, `#${id}`);
  input.value = String(value);
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** The breakdown table's row of a workload: its name with how it was priced, credits, share. */
const workloadRows = (el: CreditCalculator) => [...el.shadowRoot!.querySelectorAll('.results table[part~=table] tbody tr[part=row]')].map((tr) => text(tr.querySelector('th')!));

describe('<credit-calculator>: prices through time and every way the providers bill', function () {
  this.timeout(60_000);

  it('plans at the prices in force now: 420 credits before the change on 1 Dec, 280 after', async () => {
    // before: 1M × 300 / 1M = 300 + 100,000 × 1,200 / 1M = 120 → 420; after: 200 + 80 = 280
    const el = await planner(once(gpt), 'en', '2026-11-30T12:00:00Z');
    expect(el.result!.credits).to.equal('420');
    el.now = '2026-12-02T00:00:00Z';
    await el.updateComplete;
    expect(el.result!.credits).to.equal('280');
  });

  it('a batch share: 50 % of GPT-4.1 via batch = 210 credits (280 standard, 140 batch), named in the breakdown', async () => {
    const el = await planner(once(gpt));
    expect(el.result!.credits).to.equal('280');
    const key = await openLevers(el);
    await slide(el, `w${key}-batch`, 50);
    // (280 + 140) / 2 = 210
    expect(el.result!.credits).to.equal('210');
    expect(el.currentScenario!.workloads[0]!.batchShare).to.equal(0.5);
    expect(workloadRows(el)[0]).to.equal('Answers, Batch 50%');
    await slide(el, `w${key}-batch`, 100);
    expect(el.result!.credits).to.equal('140');
  });

  it('where the service offers no batch, the lever is off and says why; the standard price is never passed off as batch', async () => {
    const el = await planner(once({ name: 'Long reads', service: 'google/gemini-2.5-pro', inputTokens: 250_000, outputTokens: 1000, batchShare: 0.4 }));
    const key = await openLevers(el);
    const batch = $<HTMLInputElement>(el, `#w${key}-batch`);
    expect(batch.disabled).to.equal(true);
    expect(batch.value).to.equal('0');
    expect(text($(el, `#${batch.getAttribute('aria-describedby')}`))).to.equal('Google Gemini 2.5 Pro offers no batch tier in this key mode, so every request is priced at its standard price.');
    // Not sent as a batch share: 250,000 × 250 / 1M = 62.5 + 1,000 × 1,500 / 1M = 1.5 → 64 at the tier.
    expect(el.currentScenario!.workloads[0]!.batchShare).to.equal(undefined);
    expect(el.result!.credits).to.equal('64');
    expect(workloadRows(el)[0]).to.equal('Long reads, priced above 200K tokens');
  });

  it('cache-write levers: Claude, 4,000 input of which 50 % written for 5 min and 25 % for 1 h, + 500 output = 2.4 credits', async () => {
    const el = await planner(once({ name: 'Cached', service: 'anthropic/claude-sonnet-4.5', inputTokens: 4000, outputTokens: 500 }));
    const key = await openLevers(el);
    await slide(el, `w${key}-cache-write`, 50);
    await slide(el, `w${key}-cache-write-1h`, 25);
    // 1,000 × 300 / 1M = 0.3; 2,000 × 375 / 1M = 0.75; 1,000 × 600 / 1M = 0.6; 500 × 1,500 / 1M = 0.75 → 2.4
    expect(el.result!.credits).to.equal('2.4');
    expect(sumDecimals(el.result!.lines.map((l) => l.credits))).to.equal('2.4');
    // Shares of one input: together at most 100 %, said at the lever.
    await slide(el, `w${key}-cache-read`, 50);
    const write = $<HTMLInputElement>(el, `#w${key}-cache-write`);
    expect(write.getAttribute('aria-invalid')).to.equal('true');
    expect(text($(el, `#${write.getAttribute('aria-describedby')}`))).to.match(/together at most 1, got 1\.25/);
    expect(el.result!.credits, 'the last valid result stays').to.equal('2.4');
  });

  it('the breakdown lines add up exactly to the total, in the table as shown', async () => {
    const el = await planner(once({ ...gpt, batchShare: 0.4 }, { name: 'Long reads', service: 'google/gemini-2.5-pro', inputTokens: 250_000, outputTokens: 1000 }));
    // GPT-4.1: 60 % of 280 + 40 % of 140 = 168 + 56 = 224; Gemini 64 → 288
    expect(el.result!.credits).to.equal('288');
    expect(sumDecimals(el.result!.lines.map((l) => l.credits))).to.equal('288');
    expect(el.result!.byWorkload.map((w) => w.credits)).to.deep.equal(['224', '64']);
  });

  it('names the preset workloads in German on a German page', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="de"></div>`);
    wrapper.innerHTML = `<credit-calculator src="/catalog/gptbots.json" url-param="" announce-delay="0"></credit-calculator>`;
    const el = wrapper.querySelector('credit-calculator')!;
    await until(() => el.result !== undefined, 'the first result');
    expect(el.currentScenario!.workloads.map((w) => w.name)).to.deep.equal(['Antworten', 'Moderation']);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`is axe-clean in ${theme} with the levers open, one off with its reason`, async () => {
      const el = await planner(once(gpt, { name: 'Long reads', service: 'google/gemini-2.5-pro', inputTokens: 250_000, outputTokens: 1000 }), 'de');
      el.setAttribute('theme', theme);
      await openLevers(el, 0);
      await openLevers(el, 1);
      await expectAccessible(el);
    });
  }
});

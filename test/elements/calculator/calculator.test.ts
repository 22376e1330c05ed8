// <credit-calculator> in Chromium: typing, presets, sharing, German, bad input, the price-list
// hand-over, the prompt box and axe.
import { expect, fixture, html, aTimeout } from '@open-wc/testing';
import '../../../src/elements/calculator/index.js';
import type { CreditCalculator } from '../../../src/elements/calculator/index.js';
import { encodeScenario, type Scenario } from '../../../src/core/index.js';
import { CreditServiceSelectEvent } from '../../../src/elements/pricing-table/pricing-table.events.js';
import { expectAccessible } from '../../helpers/axe.js';

async function until(predicate: () => boolean, what: string, ms = 5000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await aTimeout(20);
  }
}

async function calculator(catalog: 'gptbots' | 'meingpt', lang = 'en', extra = ''): Promise<CreditCalculator> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}></div>`);
  wrapper.innerHTML = `<credit-calculator src="/catalog/${catalog}.json" start="2026-11-23" announce-delay="0" ${extra}></credit-calculator>`;
  const el = wrapper.querySelector('credit-calculator')!;
  await until(() => el.result !== undefined, 'the first result');
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: CreditCalculator, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const text = (el: CreditCalculator, selector: string) => $(el, selector).textContent!.replace(/\s+/g, ' ').trim();

async function type(el: CreditCalculator, selector: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, selector);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

const workday = (): Scenario => ({
  version: 1,
  period: { basis: 'working', days: 1 },
  users: 1,
  workloads: [
    { service: 'GPT Image 1', requestsPerUserPerDay: 5 },
    { service: 'meingpt/workflow-wizard', requestsPerUserPerDay: 2 },
  ],
});

// axe over the whole element takes seconds on a machine shared with other test runs.
describe('<credit-calculator>', function () {
  this.timeout(60_000);
  afterEach(() => history.replaceState(null, '', location.pathname));

  it('loads the catalog, starts from a preset and shows the monthly total', async () => {
    const el = await calculator('gptbots');
    expect(el.currentScenario!.workloads.length).to.be.greaterThan(0);
    expect(text(el, '[part="total"]')).to.match(/credits$/);
    expect(el.shadowRoot!.textContent).not.to.match(/NaN|Infinity|undefined/);
  });

  it('updates the result as the user types', async () => {
    const el = await calculator('meingpt');
    el.load(workday());
    await el.updateComplete;
    expect(el.result!.credits).to.equal('170');
    const key = el.draft!.workloads[0]!.key;
    await type(el, `#w${key}-requestsPerUserPerDay`, '6');
    expect(el.result!.credits).to.equal('200');
    expect(text(el, '[part="total"]')).to.equal('200 credits');
    expect(text(el, '[part="money"]')).to.match(/^€2\.00 per month$/);
  });

  it('bad input: a message at the field, the last valid result kept, never NaN', async () => {
    const el = await calculator('meingpt');
    el.load(workday());
    await el.updateComplete;
    const key = el.draft!.workloads[0]!.key;
    const field = `#w${key}-requestsPerUserPerDay`;
    const cases: [string, RegExp][] = [
      ['-5', /Must not be negative/],
      ['', /Enter a number/],
      ['1000000000000000', /Must be at most 100,000/],
      ['abc', /Enter a number, such as 1,500/],
      ['1e15', /Enter a number/],
      ['12..5', /Enter a number/],
    ];
    for (const [value, message] of cases) {
      await type(el, field, value);
      expect($(el, field).getAttribute('aria-invalid'), value).to.equal('true');
      expect(text(el, `${field}-error`), value).to.match(message);
      expect($(el, field).getAttribute('aria-describedby')).to.equal(`${field.slice(1)}-error`);
      expect(el.result!.credits, value).to.equal('170');
      expect(text(el, '[part="total"]')).to.equal('170 credits');
      expect(el.shadowRoot!.textContent).not.to.match(/NaN|Infinity/);
    }
    // Pasted thousands separators of either locale are read as such.
    await type(el, '#users', '1,000');
    await type(el, field, '5');
    expect(el.result!.credits).to.equal('170000');
    await type(el, '#users', '1.000.000');
    expect(el.result!.scenario.users).to.equal(1_000_000);
    await type(el, '#users', '1,234.0');
    expect(el.result!.scenario.users).to.equal(1234);
    await type(el, '#users', '2 000');
    expect(el.result!.scenario.users).to.equal(2000);
    await type(el, '#users', '1,5');
    expect($(el, '#users').getAttribute('aria-invalid')).to.equal('true');
    expect(text(el, '#users-error')).to.match(/whole number/);
  });

  it('a scenario the engine rejects (a range below its value) is named at its field', async () => {
    const el = await calculator('meingpt');
    el.load(workday());
    await el.updateComplete;
    const key = el.draft!.workloads[0]!.key;
    await type(el, `#w${key}-requestsLow`, '9');
    expect(text(el, `#w${key}-requestsLow-error`)).to.match(/low ≤ 5 ≤ high/);
    expect(el.result!.credits).to.equal('170');
    await type(el, `#w${key}-requestsLow`, '2');
    await type(el, `#w${key}-requestsHigh`, '10');
    expect(el.result!.band).to.deep.equal({ low: '80', expected: '170', high: '320' });
    expect(text(el, '[part="band"]')).to.match(/Range: 80 credits .* to 320 credits/);
  });

  it('working days count the weekdays of the month: November 2026 has 21 (30 calendar days), and the total follows', async () => {
    const el = await calculator('meingpt');
    el.load({ version: 1, period: { basis: 'calendar', days: 30 }, users: 1, workloads: [{ service: 'meingpt/workflow-wizard', requestsPerUserPerDay: 2 }] });
    await el.updateComplete;
    // 2 workflow wizards a day at 10 credits (seed 003): 2 × 10 × 30 = 600.
    expect(el.result!.credits).to.equal('600');
    expect(text(el, '#days-hint')).to.equal('November 2026: 21 working days, 30 calendar days');
    const basis = (value: string) => $<HTMLInputElement>(el, `input[name="basis"][value="${value}"]`).click();
    basis('working');
    await el.updateComplete;
    // Mon 2 – Fri 6, 9–13, 16–20, 23–27 and Mon 30: 21 days; 2 × 10 × 21 = 420.
    expect($<HTMLInputElement>(el, '#days').value).to.equal('21');
    expect(el.result!.credits).to.equal('420');
    expect(text(el, '[part="total"]')).to.equal('420 credits');
    // A working month longer than any month is named at the field; the last total stays.
    await type(el, '#days', '30');
    expect(text(el, '#days-error')).to.match(/at most 23 working days/);
    expect($(el, '#days').getAttribute('aria-describedby')).to.equal('days-error days-hint');
    expect(el.result!.credits).to.equal('420');
    basis('calendar');
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#days').value).to.equal('30');
    expect(el.result!.credits).to.equal('600');
  });

  it("presets: meinGPT's productive workday prices 5 images at 150 and 2 workflows at 20 credits a day", async () => {
    const el = await calculator('meingpt');
    const button = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes("meinGPT's productive workday"))!;
    button.click();
    await el.updateComplete;
    const [chats, images, workflows] = el.result!.byWorkload;
    // 21 working days: images 5 × 30 × 21 = 3,150; workflows 2 × 10 × 21 = 420;
    // the chats (GPT-4o standing in): 30 × (6,000 × 300 + 2,000 × 1,200) / 1M × 21 = 2,646.
    expect([images!.credits, workflows!.credits, chats!.credits]).to.deep.equal(['3150', '420', '2646']);
    expect(el.result!.credits).to.equal('6216');
  });

  it('offers only the presets the catalog can price', async () => {
    const el = await calculator('gptbots');
    const labels = [...el.shadowRoot!.querySelectorAll('[aria-labelledby="presets-h"] button')].map((b) => b.textContent!.trim());
    expect(labels).to.deep.equal(['Support bot', 'Knowledge-base Q&A', 'Voice assistant']);
  });

  it('shares: the link carries the scenario, and a page opened with it loads it', async () => {
    const el = await calculator('meingpt');
    el.load({ ...workday(), name: 'Workday' });
    await el.updateComplete;
    const link = el.shareUrl();
    expect(new URL(link).searchParams.get('scenario')).to.equal(encodeScenario(el.currentScenario!));
    history.replaceState(null, '', new URL(link).search);
    const opened = await calculator('meingpt');
    expect(opened.currentScenario).to.deep.equal(el.currentScenario);
    expect(opened.result!.credits).to.equal('170');
  });

  it('url-param names the parameter the link carries the scenario in, both ways', async () => {
    const el = await calculator('meingpt', 'en', 'url-param="plan"');
    el.load({ ...workday(), name: 'Workday' });
    await el.updateComplete;
    const link = new URL(el.shareUrl());
    expect(link.searchParams.get('plan')).to.equal(encodeScenario(el.currentScenario!));
    expect(link.searchParams.get('scenario')).to.equal(null);
    history.replaceState(null, '', link.search);
    const opened = await calculator('meingpt', 'en', 'url-param="plan"');
    expect(opened.currentScenario).to.deep.equal(el.currentScenario);
    const ignoring = await calculator('meingpt');
    expect(ignoring.currentScenario!.name).to.not.equal('Workday');
  });

  it('a tampered link loads what is valid and lists what was dropped', async () => {
    const good = encodeScenario(workday());
    const json = JSON.parse(atob(good.slice(2).replace(/-/g, '+').replace(/_/g, '/')));
    json.w[0].r = -1;
    history.replaceState(null, '', `?scenario=1.${btoa(JSON.stringify(json)).replace(/=+$/, '')}`);
    const el = await calculator('meingpt');
    expect(el.currentScenario!.workloads.map((w) => w.service)).to.deep.equal(['meingpt/workflow-wizard']);
    expect(text(el, '.notice[role="alert"]')).to.match(/could not be loaded.*workloads\[0\].*must not be negative/);
  });

  it('sync-url writes the scenario into the address as it changes', async () => {
    const el = await calculator('meingpt', 'en', 'sync-url');
    el.load(workday());
    await until(() => new URL(location.href).searchParams.get('scenario') === encodeScenario(el.currentScenario!), 'the address to carry the scenario');
  });

  it('imports JSON, reports what it dropped, and exports the same scenario', async () => {
    const el = await calculator('meingpt');
    const loaded = el.importJson(JSON.stringify({ ...workday(), users: 2, extra: true }));
    await el.updateComplete;
    expect(loaded.ok).to.equal(true);
    expect(el.result!.credits).to.equal('340');
    expect(text(el, '.notice[role="alert"]')).to.match(/extra: unknown field/);
    const broken = el.importJson('{ nope');
    await el.updateComplete;
    expect(broken.ok).to.equal(false);
    expect(el.result!.credits).to.equal('340');
  });

  it('speaks German: labels, numbers and money in the de locale', async () => {
    const el = await calculator('meingpt', 'de');
    el.load({ ...workday(), users: 10, period: { basis: 'working', days: 21 } });
    await el.updateComplete;
    await el.updateRecommendations();
    await el.updateComplete;
    expect(text(el, '[part="total"]')).to.equal('35.700 Credits');
    expect(text(el, '[part="money"]')).to.equal('357,00 € pro Monat');
    expect(text(el, '#results-h')).to.equal('Geschätzte monatliche Kosten');
    expect(text(el, 'label[for="users"]')).to.equal('Nutzer');
    // German input: "1.000" is a thousand, "2,5" two and a half.
    const key = el.draft!.workloads[0]!.key;
    await type(el, `#w${key}-requestsPerUserPerDay`, '2,5');
    expect(el.result!.scenario.workloads[0]!.requestsPerUserPerDay).to.equal(2.5);
    await type(el, `#w${key}-requestsPerUserPerDay`, 'x');
    expect(text(el, `#w${key}-requestsPerUserPerDay-error`)).to.equal('Bitte eine Zahl eingeben, etwa 1.500.');
  });

  it('recommends packages, key modes, cheaper services and a runway', async () => {
    const el = await calculator('gptbots', 'en', 'balance="1000"');
    el.load({
      version: 1,
      period: { basis: 'working', days: 22 },
      users: 10,
      workloads: [{ service: 'openai/gpt-4.1-1m', requestsPerUserPerDay: 20, inputTokens: 1500, outputTokens: 400 }],
    });
    el.updateRecommendations();
    await el.updateComplete;
    const recs = text(el, '[part="recommendations"]');
    expect(recs).to.match(/sells no credit packages/);
    expect(recs).to.match(/Platform key: 3,000.80 credits/);
    expect(recs).to.match(/Own key: 206.80 credits/);
    // Each suggestion says why: what it saves, and that its context window holds a request (1,500 + 400 tokens).
    const items = [...el.shadowRoot!.querySelectorAll('ul.alternatives li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items[0]).to.match(/^百度 \(Baidu\) ERNIE-Speed-128K: 0 credits free · saves 3,000.80 credits \(100%\) Also LLM text chat; its 128K context holds a request of 1,900 tokens\./);
    expect(items[2]).to.match(/^Ali \(Alibaba\) Qwen-Turbo-1M: 47.56 credits · saves 2,953.24 credits \(98.4%\) Also LLM text chat; its 1M context holds a request of 1,900 tokens\./);
    expect(recs).to.match(/A cheaper model can answer differently/);
    // Route to: only services cheaper than GPT-4.1 (with how much), none that costs more.
    const key = el.draft!.workloads[0]!.key;
    $(el, `[aria-controls="w${key}-levers"]`).click();
    await el.updateComplete;
    const routes = [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>(`#w${key}-route-to option`)];
    expect(routes.map((o) => o.textContent!.trim()).slice(0, 4)).to.deep.equal(['None', '百度 (Baidu) ERNIE-Speed-128K (−100%)', 'Tencent hunyuan-lite-4k (−100%)', 'Ali (Alibaba) Qwen-Turbo-1M (−98%)']);
    const cheaper = el.recommendations!.cheaper[0]!.map((a) => a.service);
    expect(routes.slice(1).map((o) => o.value)).to.deep.equal(cheaper);
    // Claude 4.5 Sonnet (0.33 / 1.65 per 1K) costs more than GPT-4.1 (0.22 / 0.88): not a place to route to.
    expect(cheaper).not.to.include('anthropic/claude-4.5-sonnet-200k');
    // 3,000.8 credits over 22 working days = 136.4 a day: 1,000 credits last 7 working days from Mon 23 Nov.
    expect(text(el, '[part="runway"]')).to.equal('At this rate a balance of 1,000 credits lasts until December 1, 2026.');
    const use = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('Use Ali (Alibaba) Qwen-Turbo-1M'))!;
    use.click();
    await el.updateComplete;
    expect(el.currentScenario!.workloads[0]!.service).to.equal('alibaba/qwen-turbo-1m');
  });

  it('takes a service handed over by <credit-pricing-table> (credit-service-select on the document)', async () => {
    const el = await calculator('gptbots');
    const key = el.draft!.workloads[0]!.key;
    document.body.dispatchEvent(new CreditServiceSelectEvent('deepseek/deepseek-3.2-128k', 'own'));
    await el.updateComplete;
    expect(el.draft!.workloads.find((w) => w.key === key)!.service).to.equal('deepseek/deepseek-3.2-128k');
    expect(el.currentScenario!.workloads[0]!.keyMode).to.equal('own');
  });

  it('a price list\'s link (?service=&keyMode=) starts the planner with that model alone, named, in that key mode', async () => {
    history.replaceState(null, '', '?service=anthropic/claude-4.5-sonnet-200k&keyMode=own&lang=en');
    const el = await calculator('gptbots', 'en', 'sync-url');
    const [w] = el.currentScenario!.workloads;
    expect(el.currentScenario!.workloads.length).to.equal(1);
    expect(w).to.include({ service: 'anthropic/claude-4.5-sonnet-200k', keyMode: 'own', requestsPerUserPerDay: 10, inputTokens: 1000, outputTokens: 300 });
    // 21 working days of November 2026 (start 2026-11-23), own key at GPTBots' own-key ceiling of
    // 0.01 / 0.1 credits per 1K tokens (price list 001): 210 × (1,000 × 0.01 + 300 × 0.1) / 1K = 8.4.
    expect(el.currentScenario!.period).to.deep.equal({ basis: 'working', days: 21 });
    expect(el.result!.credits).to.equal('8.4');
    expect(text(el, '[part="handover"]')).to.equal('Planning with Anthropic Claude-4.5-Sonnet-200k · Own key, chosen in the price list.');
    expect(text(el, 'fieldset[part~="workload"] legend')).to.equal('Workload 1: Anthropic Claude-4.5-Sonnet-200k');
    // The share link (and the synced address) carries the scenario, not the hand-over any more; other parameters stay.
    const shared = new URL(el.shareUrl()).searchParams;
    expect([shared.get('service'), shared.get('keyMode'), shared.get('lang')]).to.deep.equal([null, null, 'en']);
    expect(shared.get('scenario')).to.equal(encodeScenario(el.currentScenario!));
  });

  it('a hand-over the catalog cannot honour says so: an unknown model, a key mode it has not', async () => {
    history.replaceState(null, '', '?service=acme/nonexistent-9');
    const unknown = await calculator('gptbots');
    expect(text(unknown, '[part="handover"]')).to.equal('“acme/nonexistent-9” is not in this price list; a typical month is shown instead.');
    expect(unknown.currentScenario!.name).to.equal('Support bot');
    history.replaceState(null, '', '?service=openai/gpt-4o&keyMode=own');
    const meingpt = await calculator('meingpt');
    expect(meingpt.currentScenario!.workloads).to.have.length(1);
    expect(meingpt.currentScenario!.workloads[0]!.keyMode).to.equal(undefined);
    expect(text(meingpt, '[part="handover"]')).to.equal('Planning with OpenAI GPT-4o, chosen in the price list. Not offered with Own key; priced with Platform key.');
  });

  it('the service attribute starts with that model (typical figures for its kind); German names it too; axe-clean', async () => {
    const el = await calculator('gptbots', 'de', 'service="openai/tts"');
    expect(el.currentScenario!.workloads).to.deep.equal([{ service: 'openai/tts', requestsPerUserPerDay: 10, characters: 600 }]);
    expect(text(el, '[part="handover"]')).to.equal('Geplant mit OpenAI TTS · Plattform-Schlüssel.');
    await expectAccessible(await calculator('gptbots', 'en', 'service="openai/tts" key-mode="nope"'));
  });

  it('a model handed over on the page replaces a workload priced the same way, else starts its own', async () => {
    const el = await calculator('gptbots');
    const [answers, moderation] = el.draft!.workloads;
    // The moderation workload was focused last: a chat model does not fit it, so it gets a workload of its own.
    $(el, `#w${moderation!.key}-name`).dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    document.body.dispatchEvent(new CreditServiceSelectEvent('deepseek/deepseek-3.2-128k', 'own'));
    await el.updateComplete;
    expect(el.currentScenario!.workloads.map((w) => w.service)).to.deep.equal(['openai/gpt-4.1-mini-1m', 'openai/omni-moderation', 'deepseek/deepseek-3.2-128k']);
    expect(text(el, '[part="handover"]')).to.match(/^Planning with DeepSeek .*Own key, chosen in the price list\.$/);
    $(el, `#w${answers!.key}-name`).dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    document.body.dispatchEvent(new CreditServiceSelectEvent('openai/gpt-4o-128k', 'platform'));
    await el.updateComplete;
    expect(el.currentScenario!.workloads.map((w) => w.service)).to.deep.equal(['openai/gpt-4o-128k', 'openai/omni-moderation', 'deepseek/deepseek-3.2-128k']);
    expect(el.currentScenario!.workloads[0]!.inputTokens).to.equal(1200);
  });

  it('with `source`, follows only the named price list, into the workload last focused', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"><div id="prices"></div><div id="other"></div></div>`);
    const holder = document.createElement('div');
    wrapper.append(holder);
    holder.innerHTML = '<credit-calculator src="/catalog/gptbots.json" source="prices" announce-delay="0"></credit-calculator>';
    const el = holder.querySelector('credit-calculator')!;
    await until(() => el.result !== undefined, 'the first result');
    el.load({ version: 1, period: { basis: 'working', days: 21 }, users: 1, workloads: [{ service: 'openai/gpt-4.1-1m' }, { service: 'openai/gpt-4.1-mini-1m' }] });
    await el.updateComplete;
    const [first, second] = el.draft!.workloads;
    $(el, `#w${second!.key}-name`).dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    wrapper.querySelector('#other')!.dispatchEvent(new CreditServiceSelectEvent('openai/gpt-4o-128k', 'platform'));
    await el.updateComplete;
    expect(second!.service).to.equal('openai/gpt-4.1-mini-1m');
    wrapper.querySelector('#prices')!.dispatchEvent(new CreditServiceSelectEvent('openai/gpt-4o-128k', 'platform'));
    await el.updateComplete;
    expect([first!.service, second!.service]).to.deep.equal(['openai/gpt-4.1-1m', 'openai/gpt-4o-128k']);
  });

  it('each workload is a card: a one-line summary that opens and closes it, steppers for counts, undo after a removal', async () => {
    const el = await calculator('meingpt');
    el.load(workday());
    await el.updateComplete;
    const [images, wizard] = el.draft!.workloads;
    const summary = (key: number) => text(el, `[aria-controls="w${key}-body"]`);
    // Seed 003: an image is 30 credits, a workflow wizard run 10; one user, one day.
    // 5 images = 150 credits, 2 wizards = 20 credits.
    expect(summary(images!.key)).to.equal('OpenAI GPT Image 1 · 5 requests/day · 150 credits');
    expect(summary(wizard!.key)).to.equal('meinGPT Workflow wizard · 2 requests/day · 20 credits');
    // Closed, a card shows only its summary.
    const toggle = $(el, `[aria-controls="w${wizard!.key}-body"]`);
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.querySelector(`#w${wizard!.key}-body`)).to.equal(null);
    expect($(el, `fieldset[part~="workload"]:last-of-type`).getAttribute('part')).to.equal('workload workload-closed');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    // The stepper: + and the arrow keys step the count; 6 images = 180, with the wizards 200.
    const field = `#w${images!.key}-requestsPerUserPerDay`;
    $(el, `button[aria-label="Increase Requests per user per day"]`).click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, field).value).to.equal('6');
    expect(el.result!.credits).to.equal('200');
    $(el, field).dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await el.updateComplete;
    expect(el.result!.credits).to.equal('170');
    expect(summary(images!.key)).to.match(/5 requests\/day · 150 credits$/);
    // At 0 the − button is disabled; the users stepper never goes below 0 either.
    await type(el, field, '0');
    expect($<HTMLButtonElement>(el, `button[aria-label="Decrease Requests per user per day"]`).disabled).to.equal(true);
    await type(el, field, '5');
    // Remove the images: 20 credits left; Undo brings them back in their place, and takes the focus first.
    $(el, `[part="remove"]`).click();
    await el.updateComplete;
    expect(el.result!.credits).to.equal('20');
    expect(text(el, '[part="undo"]')).to.equal('“OpenAI GPT Image 1” removed. Undo');
    await until(() => el.shadowRoot!.activeElement?.id === 'undo', 'the focus on Undo');
    $(el, '#undo').click();
    await el.updateComplete;
    expect(el.currentScenario!.workloads.map((w) => w.service)).to.deep.equal(['GPT Image 1', 'meingpt/workflow-wizard']);
    expect(el.result!.credits).to.equal('170');
    expect(el.shadowRoot!.querySelector('[part="undo"]')).to.equal(null);
  });

  it('compares two scenarios side by side (A/B): both totals, the difference per line and in total', async () => {
    const el = await calculator('meingpt');
    el.load(workday());
    await el.updateComplete;
    $(el, '[part="compare-start"]').click();
    await el.updateComplete;
    // B starts as a copy of A and is the one edited.
    expect($<HTMLInputElement>(el, 'input[name="editing"][value="b"]').checked).to.equal(true);
    await until(() => el.shadowRoot!.activeElement === $(el, 'input[name="editing"][value="b"]'), 'the focus on the switch');
    const images = el.draft!.workloads[0]!.key;
    await type(el, `#w${images}-requestsPerUserPerDay`, '2');
    // Seed 003: 30 credits an image, 10 a workflow wizard. A: 5 × 30 + 2 × 10 = 170; B: 2 × 30 + 2 × 10 = 80.
    // B − A = −90, −90 / 170 = −52.94 % (shown −52.9 %).
    expect(text(el, '[part~="side-a"]')).to.equal('A: as is 170 credits €1.70 per month');
    expect(text(el, '[part~="side-b"]')).to.equal('B: variant 80 credits €0.80 per month');
    expect(text(el, '[part="difference"]')).to.equal('B saves 90 credits a month (52.9%).');
    const rows = [...el.shadowRoot!.querySelectorAll('[part~="compare-table"] tr')].map((r) => [...r.children].map((c) => c.textContent!.trim()).join(' | '));
    expect(rows).to.deep.equal([
      'Item | A | B | Difference',
      'By workload',
      'OpenAI GPT Image 1 | 150.00 | 60.00 | −90.00',
      'meinGPT Workflow wizard | 20.00 | 20.00 | 0.00',
      'By billing type',
      'Image generation | 150.00 | 60.00 | −90.00',
      'Workflows | 20.00 | 20.00 | 0.00',
      'Total | 170.00 | 80.00 | −90.00',
    ]);
    expect($(el, '[part="compare"] [part="chart"]').getAttribute('aria-label')).to.match(/Image generation: A: as is 150.00 credits, B: variant 60.00 credits/);
    // Back to A: its own figures; 6 images make A 200, and B saves 120.
    $<HTMLInputElement>(el, 'input[name="editing"][value="a"]').click();
    await el.updateComplete;
    const a = el.draft!.workloads[0]!.key;
    expect($<HTMLInputElement>(el, `#w${a}-requestsPerUserPerDay`).value).to.equal('5');
    await type(el, `#w${a}-requestsPerUserPerDay`, '6');
    expect(text(el, '[part="difference"]')).to.equal('B saves 120 credits a month (60%).');
    await expectAccessible(el);
    // Ending the comparison keeps the scenario being edited.
    $(el, '[part="compare-stop"]').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="compare"]')).to.equal(null);
    expect(el.result!.credits).to.equal('200');
  });

  it('three workloads or more start folded to their summaries, but the first', async () => {
    const el = await calculator('meingpt');
    el.load({ ...workday(), workloads: [...workday().workloads, { service: 'meingpt/workflow-wizard', requestsPerUserPerDay: 1, name: 'Later' }] });
    await el.updateComplete;
    const expanded = [...el.shadowRoot!.querySelectorAll('.card-toggle')].map((b) => b.getAttribute('aria-expanded'));
    expect(expanded).to.deep.equal(['true', 'false', 'false']);
    expect(text(el, '.card-toggle[aria-expanded="false"]')).to.match(/^meinGPT Workflow wizard · 2 requests\/day · 20 credits$/);
  });

  /** A one-workload chat scenario with its prompt box: `paste(text)` types into it. */
  async function promptBox() {
    const el = await calculator('gptbots');
    el.load({ version: 1, period: { basis: 'working', days: 1 }, users: 1, workloads: [{ service: 'openai/gpt-4.1-1m', requestsPerUserPerDay: 1, inputTokens: 1, outputTokens: 0 }] });
    await el.updateComplete;
    const key = el.draft!.workloads[0]!.key;
    const area = $<HTMLTextAreaElement>(el, `#w${key}-prompt`);
    const hint = () => text(el, `#w${key}-prompt-count`);
    const paste = (value: string) => {
      area.value = value;
      area.dispatchEvent(new Event('input'));
    };
    return { el, key, hint, paste, counted: () => until(() => /tokens \(/.test(hint()), 'the count', 15000) };
  }

  it('counts a pasted prompt (exact or marked ≈) beside the input tokens, which change only when the user takes the count', async () => {
    const { el, key, hint, paste, counted } = await promptBox();
    paste('hello world');
    await counted();
    expect(hint()).to.match(/^(2 tokens \(exact, o200k_base\) Use 2 as input tokens|≈ \d+ tokens \(estimate\) Use \d+ as input tokens)$/);
    // Nothing typed is overwritten by a paste.
    expect(el.currentScenario!.workloads[0]!.inputTokens).to.equal(1);
    expect($<HTMLInputElement>(el, `#w${key}-inputTokens`).value).to.equal('1');
    $(el, `#w${key}-prompt-count button`).click();
    await el.updateComplete;
    const tokens = el.currentScenario!.workloads[0]!.inputTokens!;
    expect(tokens).to.be.greaterThan(1);
    expect($<HTMLInputElement>(el, `#w${key}-inputTokens`).value).to.equal(String(tokens));
    expect(hint()).to.match(/· used as input tokens per request$/);
  });

  it('a prompt replaced while it is being counted: only the last text counts', async () => {
    const { hint, paste, counted } = await promptBox();
    paste('word '.repeat(40).trim());
    paste('hello world');
    await counted();
    await aTimeout(300);
    // "hello world" is 2 tokens in o200k_base; the 40 words, cut off by the second input, never land.
    expect(hint()).to.match(/^(2 tokens \(exact, o200k_base\)|≈ [1-3] tokens \(estimate\)) Use [1-3] as input tokens$/);
  });

  it('takes a prompt from a text file dropped or chosen in its drop zone; a file over 1 MB is refused, saying so', async () => {
    const { el, key, hint, counted } = await promptBox();
    const choose = (file: File) => {
      const input = $<HTMLInputElement>(el, `#w${key}-prompt-file`);
      const files = new DataTransfer();
      files.items.add(file);
      input.files = files.files;
      input.dispatchEvent(new Event('change'));
    };
    choose(new File(['hello world'], 'prompt.txt', { type: 'text/plain' }));
    await counted();
    expect($<HTMLTextAreaElement>(el, `#w${key}-prompt`).value).to.equal('hello world');
    expect(hint()).to.match(/^(2 tokens \(exact, o200k_base\)|≈ \d+ tokens \(estimate\)) Use/);
    choose(new File(['x'.repeat(1024 * 1024 + 1)], 'big.txt', { type: 'text/plain' }));
    await until(() => !!el.shadowRoot!.querySelector(`#w${key}-body .error[role="alert"]`), 'the refusal');
    expect(text(el, `#w${key}-body .error[role="alert"]`)).to.equal('The file is larger than 1 MB; paste a part of it instead.');
    expect($<HTMLTextAreaElement>(el, `#w${key}-prompt`).value).to.equal('hello world');
  });

  it('a text workload asks for no image sizes; they appear, filled with 1024 × 1024, once images are planned', async () => {
    const el = await calculator('gptbots');
    const key = el.draft!.workloads[0]!.key;
    expect(el.shadowRoot!.querySelector(`#w${key}-imageWidth`)).to.equal(null);
    expect(el.currentScenario!.workloads[0]).not.to.have.property('imageWidth');
    await type(el, `#w${key}-imagesPerRequest`, '2');
    expect($<HTMLInputElement>(el, `#w${key}-imageWidth`).value).to.equal('1024');
    expect(el.currentScenario!.workloads[0]).to.include({ imagesPerRequest: 2, imageWidth: 1024, imageHeight: 1024 });
    await type(el, `#w${key}-imagesPerRequest`, '0');
    expect(el.shadowRoot!.querySelector(`#w${key}-imageWidth`)).to.equal(null);
  });

  it('service search finds two words in any order ("claude sonnet"), as the price list does', async () => {
    const el = await calculator('gptbots');
    const key = el.draft!.workloads[0]!.key;
    await type(el, `#w${key}-service`, 'claude sonnet');
    const options = [...el.shadowRoot!.querySelectorAll(`#w${key}-service-list [role="option"]`)].map((o) => o.textContent!.trim());
    expect(options).to.include('Anthropic Claude-4.5-Sonnet-200k');
    for (const name of options) expect(name).to.match(/claude.*sonnet/i);
    // Enter takes the first match; the field shows the service chosen.
    $(el, `#w${key}-service`).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await el.updateComplete;
    expect(el.currentScenario!.workloads[0]!.service).to.match(/claude.*sonnet/);
  });

  it('is operable with the keyboard alone: every control is focusable and labelled', async () => {
    const el = await calculator('gptbots');
    const controls = [...el.shadowRoot!.querySelectorAll<HTMLElement>('input, select, textarea, button')];
    for (const c of controls) {
      // Out of the Tab order only what the keyboard does otherwise: a stepper's − / + (arrow keys
      // in its field) and a combobox's toggle (arrow keys in the combobox).
      if (c.tabIndex < 0) expect(c.closest('.stepper, .combobox'), c.outerHTML.slice(0, 80)).to.exist;
      const named = c.tagName === 'BUTTON' || !!c.getAttribute('aria-label') || !!c.closest('label') || !!el.shadowRoot!.querySelector(`label[for="${c.id}"]`);
      expect(named, c.outerHTML.slice(0, 80)).to.equal(true);
    }
  });

  it('has no axe violations (WCAG 2.2 AA), in English and German, with an error showing', async () => {
    const el = await calculator('gptbots');
    el.updateRecommendations();
    await el.updateComplete;
    await expectAccessible(el);
    const de = await calculator('meingpt', 'de');
    await type(de, '#users', '-1');
    await expectAccessible(de);
    // With the levers open, a range and the share link shown.
    for (const d of el.shadowRoot!.querySelectorAll('details')) d.open = true;
    const key = el.draft!.workloads[0]!.key;
    await type(el, `#w${key}-requestsHigh`, '1000');
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Copy share link')!.click();
    await until(() => !!el.shadowRoot!.querySelector('#share-link'), 'the share link field');
    await expectAccessible(el);
  });
});

// <credit-usage> against a fake host through the SDK: the chart's numbers equal the table's and
// the host's, the period picker, breakdowns, limits as meters, the forecast on a known history,
// a failing host, German, and axe in every state.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../src/elements/usage/index.js';
import type { CreditUsage } from '../../../src/elements/usage/index.js';
import { dayNumber } from '../../../src/elements/usage/forecast.js';
import { expectAccessible } from '../../helpers/axe.js';
import { loadJson } from '../../core/load.js';
import { FakeHost, clientFor, shownText, type FakeEvent } from '../balance/fake-host.js';
import type { GroupBy } from '../../../src/sdk/index.js';

const TODAY = '2026-11-23';
const USERS = [
  { user: { id: 'u-anna', name: 'Anna' }, department: { id: 'd-sales', name: 'Sales' } },
  { user: { id: 'u-ben', name: 'Ben' }, department: { id: 'd-support', name: 'Support' } },
];

function day(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The known history of forecast.test.ts, as tool calls at 0.5 credits each: 24–31 Oct 235 a day,
 * 1–20 Nov 242, 21–22 Nov 240, 100 so far today. Each day's credits are split between Anna
 * (tool calls) and Ben (one GPT-Image-1 image, 30 credits, from the rest).
 */
function knownHistory(): FakeEvent[] {
  const events: FakeEvent[] = [];
  for (let n = dayNumber('2026-10-24'); n <= dayNumber(TODAY); n++) {
    const date = day(n);
    const credits = date === TODAY ? 100 : date < '2026-11-01' ? 235 : date <= '2026-11-20' ? 242 : 240;
    const at = `${date}T09:00:00.000Z`;
    events.push({ chatId: `c-${date}-a`, at, ...USERS[1]!, records: [{ service: 'openai/gpt-image-1', requests: 1 }] });
    events.push({ chatId: `c-${date}-b`, at, ...USERS[0]!, records: [{ service: 'meingpt/tool-call', requests: (credits - 30) * 2 }] });
  }
  return events;
}

let catalogJson: unknown;
before(async () => {
  catalogJson = await loadJson('/catalog/meingpt.json');
});

function newHost(events = knownHistory()): FakeHost {
  const host = new FakeHost({ catalogJson, now: `${TODAY}T12:00:00.000Z`, events });
  host.setBalance('300');
  host.balanceOverrides = {
    limits: {
      daily: { limit: '500', used: '100', remaining: '400', resetsAt: '2026-11-24T00:00:00.000Z' },
      monthly: { limit: '6000', used: '5420', remaining: '580', resetsAt: '2026-12-01T00:00:00.000Z' },
      department: { id: 'd-sales', name: 'Sales', budget: { limit: '4000', used: '3700', remaining: '300', resetsAt: '2026-12-01T00:00:00.000Z' }, overdraftProtection: true },
    },
  };
  return host;
}

async function mount(host: FakeHost, lang = 'en-GB'): Promise<CreditUsage> {
  const el = await fixture<CreditUsage>(html`<credit-usage lang=${lang} today=${TODAY} .client=${clientFor(host)}></credit-usage>`);
  await el.loaded();
  return el;
}

const $ = (el: CreditUsage, selector: string) => el.shadowRoot!.querySelector(selector);
const $$ = (el: CreditUsage, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)];
const text = (node: Element | null) => node!.textContent!.replace(/\s+/g, ' ').trim();
/** Opens the day table (built only when opened), as a click on its summary does. */
async function openTable(el: CreditUsage): Promise<void> {
  const details = el.shadowRoot!.querySelector<HTMLDetailsElement>('details.table-alt')!;
  const toggled = oneEvent(details, 'toggle');
  (details.querySelector('summary') as HTMLElement).click();
  await toggled;
  await el.updateComplete;
}
/** A table row's cells joined by one space. */
const rowText = (row: Element) => [...row.children].map((c) => text(c)).join(' ');

describe('<credit-usage>', () => {
  it('draws this month by day; the bars, the table and the host agree', async () => {
    const host = newHost();
    const el = await mount(host);
    const report = host.usage('2026-11-01', TODAY, 'day');
    const bars = $$(el, 'rect[part=bar]');
    expect(bars.length).to.equal(23);
    const hostCredits = Object.fromEntries(report.groups.map((g) => [g.key, g.credits]));
    for (const bar of bars) expect(bar.getAttribute('data-credits')).to.equal(hostCredits[bar.getAttribute('data-day')!] ?? '0');
    expect($(el, 'table[part=table]')).to.equal(null);
    await openTable(el);
    const rows = $$(el, 'table[part=table] tbody tr');
    expect(rows.map((r) => r.getAttribute('data-day'))).to.deep.equal(bars.map((b) => b.getAttribute('data-day')));
    expect(rows.map((r) => text(r.querySelector('td')))).to.deep.equal(bars.map((b) => Number(b.getAttribute('data-credits')).toLocaleString('en-GB')));
    expect(rowText(rows[0]!)).to.equal('1 Nov 2026 242');
    // 20 × 242 + 2 × 240 + 100 = 5,420 credits = €54.20, 46 events
    expect(report.total.credits).to.equal('5420');
    expect(text($(el, '[part=total]'))).to.equal('5,420 credits (€54.20) used in this period (46 events)');
    expect($(el, 'svg[part=chart]')!.getAttribute('aria-label')!.replace(/\s/g, ' ')).to.equal('Credits used each day from 1 Nov to 23 Nov: 5,420 credits in total, most on 1 Nov (242 credits).');
    shownText(el);
    await expectAccessible(el);
  });

  it('draws axes with round ticks, a legend with the daily limit, and a tooltip reached with the arrow keys', async () => {
    const host = newHost();
    const noLine = await mount(host);
    // Peak 242, the daily limit 500 beyond 2× the peak (no line, it would squash the bars): 4 intervals of 100 reach 300.
    expect($$(noLine, '.y-tick').map(text)).to.deep.equal(['0', '100', '200', '300']);
    expect(text($(noLine, '[part=legend]'))).to.equal('Credits used');
    host.balanceOverrides = { ...host.balanceOverrides, limits: { ...host.balanceOverrides.limits!, daily: { limit: '400', used: '100', remaining: '300', resetsAt: '2026-11-24T00:00:00.000Z' } } };
    const el = await mount(host);
    // A limit of 400 is drawn: the axis reaches it in 4 steps of 100.
    expect($$(el, '.y-tick').map(text)).to.deep.equal(['0', '100', '200', '300', '400']);
    expect(text($(el, '[part=legend]'))).to.equal('Credits used Daily limit (400 credits)');
    expect($(el, '.limit-line')).to.not.equal(null);
    // Every ⌈22 / 4⌉ = 6 days, and the last day in place of 19 Nov: only 4 days, less than a step, before it.
    expect($$(el, '.x-tick').map(text)).to.deep.equal(['1 Nov', '7 Nov', '13 Nov', '23 Nov']);
    // Bars are measured against the axis top: 242 of 400 is 60.5 % of the plot.
    expect(Number($(el, 'rect[data-day="2026-11-01"]')!.getAttribute('height'))).to.be.closeTo(60.5, 0.001);
    const area = $(el, '.area') as HTMLElement;
    expect(area.tabIndex).to.equal(0);
    area.focus();
    await el.updateComplete;
    expect(text($(el, '[part=tooltip]'))).to.equal('23 Nov 2026: 100 credits');
    for (const key of ['ArrowLeft', 'ArrowLeft']) area.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    await el.updateComplete;
    expect(text($(el, '[part=tooltip]'))).to.equal('21 Nov 2026: 240 credits');
    expect(text($(el, '.area [role=status]'))).to.equal('21 Nov 2026: 240 credits');
    expect($(el, 'rect.active')!.getAttribute('data-day')).to.equal('2026-11-21');
    area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
    await el.updateComplete;
    expect(text($(el, '[part=tooltip]'))).to.equal('1 Nov 2026: 242 credits');
    await expectAccessible(el);
    area.blur();
    await el.updateComplete;
    expect($(el, '[part=tooltip]')).to.equal(null);
  });

  it('keeps the dates under the chart apart and inside it at 320 and 390 px, for 23, 30 and 31 days, and the periods on one line in a phone\'s card', async () => {
    const crowded: string[] = [];
    for (const width of [320, 350, 390]) {
      for (const [period, from, to] of [['custom', '2026-11-01', TODAY], ['last-30-days', '', ''], ['custom', '2026-10-24', TODAY]] as const) {
        const wrapper = await fixture<HTMLDivElement>(html`<div style="inline-size: ${width}px; font-family: system-ui, sans-serif"><credit-usage lang="en-GB" today=${TODAY} period=${period} from=${from} to=${to} .client=${clientFor(newHost())}></credit-usage></div>`);
        const el = wrapper.querySelector<CreditUsage>('credit-usage')!;
        await el.loaded();
        if (width === 350) {
          // The three periods on one line in a phone's card (350 px: a 390 px screen less the page's margins), in a sans-serif font as pages use.
          const tops = new Set($$(el, '.picker .option').map((o) => Math.round(o.getBoundingClientRect().top)));
          if (tops.size !== 1) crowded.push(`${width} px: the period picker on ${tops.size} lines`);
        }
        const plot = $(el, '.x-axis')!.getBoundingClientRect();
        const boxes = $$(el, '.x-tick').map((tick) => ({ text: text(tick), box: tick.getBoundingClientRect() }));
        const where = `${width} px, ${boxes.length} labels from ${boxes[0]?.text} to ${boxes.at(-1)?.text}`;
        for (const [i, { text: label, box }] of boxes.entries()) {
          if (box.left < plot.left - 1 || box.right > plot.right + 1) crowded.push(`${where}: "${label}" outside the chart`);
          const next = boxes[i + 1];
          if (next && next.box.left - box.right < 4) crowded.push(`${where}: "${label}" and "${next.text}" ${Math.round(next.box.left - box.right)} px apart`);
        }
      }
    }
    expect(crowded).to.deep.equal([]);
  });

  it('exports what it shows as CSV: every day, the breakdown and the total, exact', async () => {
    const el = await mount(newHost());
    const clicked: { name: string; text: Promise<string> }[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push({ name: this.download, text: fetch(this.href).then((r) => r.text()) });
    };
    try {
      ($(el, '[part=export]') as HTMLButtonElement).click();
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(clicked.map((c) => c.name)).to.deep.equal(['usage-2026-11-01-to-2026-11-23-service.csv']);
    const lines = (await clicked[0]!.text).trim().split(/\r?\n/);
    expect(lines[0]).to.equal('group_by,key,label,credits,events');
    expect(lines[1]).to.equal('day,2026-11-01,2026-11-01,242,2');
    expect(lines.filter((l) => l.startsWith('service,'))).to.deep.equal(['service,meingpt/tool-call,meinGPT Tool call,4730,23', 'service,openai/gpt-image-1,OpenAI GPT Image 1,690,23']);
    expect(lines.at(-1)).to.equal('total,,,5420,46');
  });

  it('lists the recent chats with their cost, latest first, linked by chat-url', async () => {
    const host = newHost();
    const el = await fixture<CreditUsage>(html`<credit-usage lang="en-GB" today=${TODAY} recent-chats="3" chat-url="/chats/{chatId}" .client=${clientFor(host)}></credit-usage>`);
    await el.loaded();
    const chats = $$(el, '[part=chat]');
    expect(chats.map((c) => c.getAttribute('data-chat'))).to.deep.equal(['c-2026-11-23-a', 'c-2026-11-23-b', 'c-2026-11-22-a']);
    // Today's tool calls: (100 − 30) × 2 = 140 calls × 0.5 = 70 credits; the image 30.
    expect(chats.map((c) => text(c.querySelector('.chat-cost')))).to.deep.equal(['30 credits', '70 credits', '30 credits']);
    expect(text(chats[1]!.querySelector('.chat-meta'))).to.equal('Anna · 1 event');
    expect(chats[0]!.querySelector('a')!.getAttribute('href')).to.equal('/chats/c-2026-11-23-a');
    await expectAccessible(el);
    const none = await fixture<CreditUsage>(html`<credit-usage lang="en" today=${TODAY} recent-chats="0" .client=${clientFor(host)}></credit-usage>`);
    await none.loaded();
    expect($(none, '[part=chats]')).to.equal(null);
  });

  /** The host's anomalies for a day (as GET /usage?groupBy=day lists them). */
  class AnomalyHost extends FakeHost {
    override usage(from: string, to: string, groupBy: GroupBy) {
      const report = super.usage(from, to, groupBy);
      if (groupBy !== 'day') return report;
      const anomaly = {
        day: '2026-11-17',
        subject: { kind: 'organisation' as const, id: 'org-1', name: 'Nordlicht GmbH' },
        credits: '1452',
        baseline: '242',
        ratio: '6',
        basis: 'weekday' as const,
        score: '20',
        reason: { en: 'spend 6.0× the usual for a Tuesday (1,452 credits; usually 242)', de: 'Verbrauch 6,0-mal so hoch wie an einem üblichen Dienstag (1.452 Credits; sonst 242)' },
      };
      return { ...report, anomalies: anomaly.day >= from && anomaly.day <= to ? [anomaly] : [] };
    }
  }

  it('marks an unusual day over its bar, with the reason as its name and in the tooltip (en, de)', async () => {
    const en = await mount(new AnomalyHost({ catalogJson, now: `${TODAY}T12:00:00.000Z`, events: knownHistory() }));
    const marks = $$(en, '[part=anomaly]');
    expect(marks.map((m) => m.getAttribute('data-day'))).to.deep.equal(['2026-11-17']);
    expect(marks[0]!.getAttribute('role')).to.equal('img');
    expect(marks[0]!.getAttribute('aria-label')).to.equal('Unusual spend on 17 Nov 2026: spend 6.0× the usual for a Tuesday (1,452 credits; usually 242)');
    expect($$(en, 'rect.anomalous').map((r) => r.getAttribute('data-day'))).to.deep.equal(['2026-11-17']);
    expect(text($(en, '[part=legend]'))).to.contain('Unusual day');
    // The arrow keys reach the day: the tooltip and the live status give the reason too.
    const area = en.shadowRoot!.querySelector('.area') as HTMLElement;
    area.focus();
    for (let i = 0; i < 6; i++) area.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    await en.updateComplete;
    expect(text($(en, '[part=tooltip]'))).to.contain('spend 6.0× the usual for a Tuesday');
    expect(text($(en, '.area [role=status]'))).to.contain('Unusual spend on 17 Nov 2026');
    await expectAccessible(en);
    const de = await mount(new AnomalyHost({ catalogJson, now: `${TODAY}T12:00:00.000Z`, events: knownHistory() }), 'de-DE');
    expect($(de, '[part=anomaly]')!.getAttribute('aria-label')).to.equal('Ungewöhnlicher Verbrauch am 17.11.2026: Verbrauch 6,0-mal so hoch wie an einem üblichen Dienstag (1.452 Credits; sonst 242)');
    expect(text($(de, '[part=legend]'))).to.contain('Ungewöhnlicher Tag');
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`marks an unusual day accessibly in ${theme}`, async () => {
      const el = await fixture<CreditUsage>(html`<credit-usage lang="en" theme=${theme} today=${TODAY} .client=${clientFor(new AnomalyHost({ catalogJson, now: `${TODAY}T12:00:00.000Z`, events: knownHistory() }))}></credit-usage>`);
      await el.loaded();
      expect($$(el, '[part=anomaly]').length).to.equal(1);
      await expectAccessible(el);
    });
  }

  for (const theme of ['light', 'dark'] as const) {
    it(`is accessible in ${theme} with the custom period, a breakdown and the chats`, async () => {
      const el = await fixture<CreditUsage>(html`<credit-usage lang="de" theme=${theme} today=${TODAY} period="custom" from="2026-11-10" to="2026-11-23" group-by="user" .client=${clientFor(newHost())}></credit-usage>`);
      await el.loaded();
      (el.shadowRoot!.querySelector('.area') as HTMLElement).focus();
      await el.updateComplete;
      await expectAccessible(el);
    });
  }

  it('forecasts the month from the history: 7,240 credits by 30 November; the balance runs out on 24 November', async () => {
    const el = await mount(newHost());
    expect(text($(el, '[part=forecast]'))).to.equal('Forecast: At this rate, 7,240 credits by 30 November; your balance runs out on 24 November.');
  });

  it('switches period with the keyboard-operable picker: last 30 days, then a custom range', async () => {
    const host = newHost();
    const el = await mount(host);
    const changed = oneEvent(el, 'credit-period-change');
    const last30 = $$(el, 'input[type=radio]')[1] as HTMLInputElement;
    last30.focus();
    last30.click();
    const { detail } = await changed;
    expect(detail).to.deep.equal({ period: 'last-30-days', from: '2026-10-25', to: TODAY });
    await el.loaded();
    expect($$(el, 'rect[part=bar]').length).to.equal(30);
    expect(host.calls).to.include('/usage?from=2026-10-25&to=2026-11-23&groupBy=day');
    // Custom: starts from the range shown, then the dates are edited.
    ($$(el, 'input[type=radio]')[2] as HTMLInputElement).click();
    await el.updateComplete;
    const [from, to] = $$(el, 'input[type=date]') as HTMLInputElement[];
    from!.value = '2026-11-20';
    from!.dispatchEvent(new Event('change'));
    to!.value = '2026-11-21';
    to!.dispatchEvent(new Event('change'));
    await el.loaded();
    expect($$(el, 'rect[part=bar]').map((b) => b.getAttribute('data-credits'))).to.deep.equal(['242', '240']);
    await expectAccessible(el);
    // A reversed range is refused with a message, and nothing is fetched for it.
    from!.value = '2026-11-22';
    from!.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(text($(el, '[role=alert]'))).to.equal('Choose a start day on or before the end day.');
    await expectAccessible(el);
  });

  it('breaks down by service, billing type, user and department, adding up to the total', async () => {
    const host = newHost();
    const el = await mount(host);
    const rows = () => $$(el, 'table[part=breakdown] tbody tr').map((r) => [...r.children].map((c) => text(c)).slice(0, 3));
    // Ben's image: 23 × 30 = 690; Anna's tool calls: 5,420 − 690 = 4,730.
    expect(rows()).to.deep.equal([
      ['meinGPT Tool call', '4,730', '87.3%'],
      ['OpenAI GPT Image 1', '690', '12.7%'],
    ]);
    const choose = (by: string) => ($$(el, 'input[name=group-by]') as HTMLInputElement[]).find((r) => r.value === by)!.click();
    for (const [by, expected] of [
      ['billingType', [['Tool calls', '4,730', '87.3%'], ['Image generation', '690', '12.7%']]],
      ['user', [['Anna', '4,730', '87.3%'], ['Ben', '690', '12.7%']]],
      ['department', [['Sales', '4,730', '87.3%'], ['Support', '690', '12.7%']]],
    ] as const) {
      choose(by);
      await el.loaded();
      expect(rows()).to.deep.equal(expected);
    }
    await expectAccessible(el);
  });

  it('still draws the chart when the host refuses one grouping', async () => {
    const host = newHost();
    const fetch = host.fetch;
    const refusing = Object.assign(Object.create(host), {
      fetch: (input: RequestInfo | URL, init?: RequestInit) =>
        String(input).includes('groupBy=user') ? Promise.resolve(new Response(JSON.stringify({ title: 'Only administrators', status: 403 }), { status: 403, headers: { 'content-type': 'application/problem+json' } })) : fetch(input, init),
    }) as FakeHost;
    const failed = oneEvent(document, 'credit-error'); // bubbles and is composed; listened to before it can fire
    const el = await fixture<CreditUsage>(html`<credit-usage lang="en" today=${TODAY} group-by="user" .client=${clientFor(refusing)}></credit-usage>`);
    await el.loaded();
    expect((await failed).detail.error.name).to.equal('ForbiddenError');
    expect($$(el, 'rect[part=bar]').length).to.equal(23);
    expect(text($(el, '.breakdown .error'))).to.equal('Usage could not be loaded.');
    await expectAccessible(el);
  });

  it('shows each limit and budget as a meter', async () => {
    const el = await mount(newHost());
    const meters = $$(el, '[role=meter]');
    expect(meters.map((m) => [m.getAttribute('aria-label'), m.getAttribute('aria-valuenow'), m.getAttribute('aria-valuemax'), m.getAttribute('aria-valuetext')!.replace(/\s+/g, ' ')])).to.deep.equal([
      ['Your daily limit', '100', '500', '100 credits of 500 credits used'],
      ['Your monthly limit', '5420', '6000', '5,420 credits of 6,000 credits used'],
      ['Budget of Sales', '3700', '4000', '3,700 credits of 4,000 credits used'],
    ]);
  });

  it('keeps what it showed when the host fails, marked stale; an error with retry when it never loaded', async () => {
    const host = newHost();
    const el = await mount(host);
    host.failure = { status: 500 };
    await el.refresh();
    expect($$(el, 'rect[part=bar]').length).to.equal(23);
    expect(text($(el, '.stale'))).to.equal('These figures may be out of date: the last refresh failed.');
    await expectAccessible(el);

    const down = newHost();
    down.failure = 'network';
    const failing = await mount(down);
    expect(text($(failing, '.error'))).to.equal('Usage could not be loaded. Retry');
    shownText(failing);
    await expectAccessible(failing);
    down.failure = undefined;
    ($(failing, '.error button') as HTMLButtonElement).click();
    await failing.loaded();
    expect($$(failing, 'rect[part=bar]').length).to.equal(23);
  });

  it('is accessible while loading, offline and empty', async () => {
    const slow = newHost();
    slow.failure = 'hang';
    const loading = await fixture<CreditUsage>(html`<credit-usage lang="en" today=${TODAY} .client=${clientFor(slow, { timeout: 100 })}></credit-usage>`);
    expect(text($(loading, '.status[aria-busy=true]'))).to.equal('Loading usage…');
    expect($(loading, 'section')!.getAttribute('aria-busy')).to.equal('true');
    await expectAccessible(loading);
    await loading.loaded();

    const el = await mount(newHost([]));
    expect(text($(el, '[part=total]'))).to.equal('0 credits (€0.00) used in this period (0 events)');
    expect($$(el, '.status').map(text)).to.include('No usage in this period.');
    expect($(el, 'svg[part=chart]')!.getAttribute('aria-label')!.replace(/\s/g, ' ')).to.equal('No credits used from 1 Nov to 23 Nov.');
    expect(text($(el, '[part=forecast]'))).to.equal('Forecast: At this rate, 0 credits by 30 November.');
    shownText(el);
    await expectAccessible(el);
    window.dispatchEvent(new Event('offline'));
    await el.updateComplete;
    expect(text($(el, '.offline'))).to.equal('You are offline.');
    await expectAccessible(el);
    window.dispatchEvent(new Event('online'));
    await el.loaded();
  });

  it('speaks German', async () => {
    const el = await mount(newHost(), 'de');
    await openTable(el);
    expect(text($(el, '[part=total]'))).to.equal('5.420 Credits (54,20 €) in diesem Zeitraum verbraucht (46 Ereignisse)');
    expect(text($(el, '[part=forecast]'))).to.equal('Prognose: Bei diesem Verbrauch 7.240 Credits bis zum 30. November; Ihr Guthaben ist am 24. November aufgebraucht.');
    expect(rowText($$(el, 'table[part=table] tbody tr')[0]!)).to.equal('01.11.2026 242');
    await expectAccessible(el);
  });
});

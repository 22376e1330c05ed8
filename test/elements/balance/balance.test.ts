// <credit-balance> against a fake host through the SDK: every state and its one-time
// announcement, a failing host (the last good value stays, marked stale with its time), offline,
// German, and axe in every state.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../src/elements/balance/index.js';
import { balanceState, type CreditBalance } from '../../../src/elements/balance/index.js';
import { expectAccessible } from '../../helpers/axe.js';
import { loadJson } from '../../core/load.js';
import { FakeHost, clientFor, shownText } from './fake-host.js';

// asOf 12:00 UTC; stale-after="0" turns off staleness by age, so only a failed refresh marks it.
const AS_OF = '2026-11-23T12:00:00.000Z';
let catalogJson: unknown;
before(async () => {
  catalogJson = await loadJson('/catalog/meingpt.json');
});

function newHost(balance = '10000') {
  const host = new FakeHost({ catalogJson, topUps: '10000', now: AS_OF });
  host.setBalance(balance);
  return host;
}

async function mount(host: FakeHost, lang = 'en'): Promise<CreditBalance> {
  const el = await fixture<CreditBalance>(html`<credit-balance lang=${lang} stale-after="0" refresh-interval="0" .client=${clientFor(host)}></credit-balance>`);
  await el.loaded();
  return el;
}

/** Every distinct non-empty text the live region takes, in order. */
function watchAnnouncements(el: CreditBalance): string[] {
  const seen: string[] = [];
  const region = el.shadowRoot!.querySelector('[role=status]')!;
  let last = region.textContent!.trim();
  if (last) seen.push(last);
  new MutationObserver(() => {
    const text = region.textContent!.trim();
    if (text !== last && text) seen.push(text);
    last = text;
  }).observe(region, { subtree: true, characterData: true, childList: true });
  return seen;
}
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
const part = (el: CreditBalance, name: string) => el.shadowRoot!.querySelector(`[part~=${name}]`)?.textContent!.replace(/\s+/g, ' ').trim();

describe('balanceState', () => {
  it('reads the host thresholds: normal, low at 20 %, critical at 10 %, depleted when paused', async () => {
    const host = newHost();
    const at = (credits: string) => {
      host.setBalance(credits);
      return balanceState(host.balance());
    };
    expect(at('2000.01')).to.deep.equal({ level: 'normal', percentLeft: 20 });
    expect(at('2000')).to.deep.equal({ level: 'low', percent: '20', percentLeft: 20 });
    expect(at('1000')).to.deep.equal({ level: 'critical', percent: '10', percentLeft: 10 });
    expect(at('0.5')).to.deep.equal({ level: 'critical', percent: '10', percentLeft: 0 });
    expect(at('0')).to.deep.equal({ level: 'depleted', percentLeft: 0 });
  });

  it('treats a 0 % threshold as the depleted state, not as the lowest warning', () => {
    const host = newHost('900');
    const balance = host.balance();
    balance.lowBalance.thresholds.push({ percent: '0', credits: '0', reached: false });
    expect(balanceState(balance)).to.deep.equal({ level: 'critical', percent: '10', percentLeft: 9 });
  });
});

describe('<credit-balance>', () => {
  it('shows the balance in credits and money, its state, auto-recharge and the time, accessibly', async () => {
    const el = await mount(newHost('8000'));
    expect(part(el, 'credits')).to.equal('8,000 credits');
    expect(part(el, 'money')).to.equal('€80.00');
    expect(part(el, 'level')).to.equal('Balance OK');
    expect(el.shadowRoot!.querySelector('[part~=state]'), 'no warning while the balance is OK').to.equal(null);
    expect(part(el, 'recharge')).to.equal('Auto-recharge is off.');
    expect(part(el, 'updated')).to.match(/^Updated (Nov 23, 2026, )?12:00 PM Refresh balance$/);
    const meter = el.shadowRoot!.querySelector('[role=meter]')!;
    expect(meter.getAttribute('aria-valuenow')).to.equal('80');
    expect(meter.getAttribute('aria-valuetext')).to.equal('80% left');
    expect(el.shadowRoot!.querySelector('[part~=stale]')).to.equal(null);
    shownText(el);
    await expectAccessible(el);
  });

  it('announces each change of state once: low, critical, depleted (AI paused), back to normal', async () => {
    const host = newHost('5000');
    const el = await mount(host);
    const said = watchAnnouncements(el);
    const levels: string[] = [];
    el.addEventListener('credit-balance-state', (e) => levels.push(e.detail.level));
    const step = async (credits: string) => {
      host.setBalance(credits);
      await el.refresh();
      await frame();
      await expectAccessible(el);
    };
    await step('1900');
    expect(part(el, 'state')).to.equal('Low balance: below 20% of your last top-up');
    await step('1800'); // still low: nothing new to say
    await step('900');
    expect(part(el, 'state')).to.equal('Very low balance: below 10% of your last top-up');
    await step('0');
    expect(part(el, 'state')).to.equal('No credits left: AI features are paused until credits are loaded.');
    expect(part(el, 'level')).to.equal('Paused');
    expect(el.shadowRoot!.querySelector('[part~=base]')!.getAttribute('part')).to.equal('base level-depleted');
    await step('0'); // still depleted
    await step('9000');
    expect(part(el, 'level')).to.equal('Balance OK');
    expect(said).to.deep.equal([
      'Low balance: below 20% of your last top-up',
      'Very low balance: below 10% of your last top-up',
      'No credits left: AI features are paused until credits are loaded.',
      'Credits loaded: your balance is back to normal.',
    ]);
    expect(levels).to.deep.equal(['low', 'critical', 'depleted', 'normal']);
    shownText(el);
  });

  it('announces a low balance on the first load, but not a normal one', async () => {
    const low = await mount(newHost('1500'));
    await frame();
    expect(low.shadowRoot!.querySelector('[role=status]')!.textContent!.trim()).to.equal('Low balance: below 20% of your last top-up');
    const normal = await mount(newHost('5000'));
    await frame();
    expect(normal.shadowRoot!.querySelector('[role=status]')!.textContent!.trim()).to.equal('');
  });

  it('keeps the last good balance when the host fails, marked stale with its time', async () => {
    const host = newHost('4000');
    const el = await mount(host);
    host.failure = { status: 503 };
    host.setBalance('10'); // not seen: the host is down
    const failed = oneEvent(el, 'credit-error');
    await el.refresh();
    const { detail } = await failed;
    expect(detail.error.name).to.equal('InternalServerError');
    expect(part(el, 'credits')).to.equal('4,000 credits');
    expect(part(el, 'stale')).to.match(/^May be out of date: last updated (Nov 23, 2026, )?12:00 PM$/);
    shownText(el);
    await expectAccessible(el);
    host.failure = undefined;
    await el.refresh();
    expect(part(el, 'credits')).to.equal('10 credits');
    expect(el.shadowRoot!.querySelector('[part~=stale]')).to.equal(null);
  });

  it('marks a balance older than stale-after as stale', async () => {
    const host = newHost('4000');
    const el = await fixture<CreditBalance>(html`<credit-balance lang="en" stale-after="60" refresh-interval="0" .client=${clientFor(host)}></credit-balance>`);
    await el.loaded();
    // asOf 12:00 UTC on 23 Nov 2026 is more than a minute ago whenever this runs after it.
    expect(part(el, 'stale')).to.match(/^May be out of date/);
  });

  it('marks offline, and refreshes when the browser is back online', async () => {
    const host = newHost('4000');
    const el = await mount(host);
    window.dispatchEvent(new Event('offline'));
    await el.updateComplete;
    expect(part(el, 'offline')).to.equal('You are offline.');
    await expectAccessible(el);
    host.setBalance('3000');
    window.dispatchEvent(new Event('online'));
    await el.loaded();
    expect(el.shadowRoot!.querySelector('[part~=offline]')).to.equal(null);
    expect(part(el, 'credits')).to.equal('3,000 credits');
  });

  it('shows loading, then an error with a retry when there never was a balance', async () => {
    const host = newHost();
    host.failure = 'hang';
    const el = await fixture<CreditBalance>(html`<credit-balance lang="en" refresh-interval="0" .client=${clientFor(host, { timeout: 50 })}></credit-balance>`);
    expect(shownText(el)).to.equal('Loading your balance…');
    await expectAccessible(el);
    await el.loaded();
    expect(shownText(el)).to.equal('Your balance could not be loaded. Retry');
    await expectAccessible(el);
    host.failure = undefined;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=refresh]')!.click();
    await el.loaded();
    expect(part(el, 'credits')).to.equal('10,000 credits');
  });

  it('describes auto-recharge with its monthly limit', async () => {
    const host = newHost('2500');
    host.balanceOverrides = {
      autoRecharge: { enabled: true, thresholdCredits: '1000', rechargeCredits: '5000', monthlyLimitCredits: '20000', rechargedThisMonthCredits: '5000' },
    };
    const el = await mount(host);
    expect(part(el, 'recharge')).to.equal('Auto-recharge: 5,000 credits when the balance falls below 1,000 credits (5,000 credits of at most 20,000 credits recharged this month).');
    await expectAccessible(el);
  });

  it('speaks German', async () => {
    const el = await mount(newHost('1500'), 'de');
    expect(part(el, 'credits')).to.equal('1.500 Credits');
    expect(part(el, 'money')).to.equal('15,00 €');
    expect(part(el, 'state')).to.equal('Niedriges Guthaben: unter 20 % Ihrer letzten Aufladung');
    expect(part(el, 'updated')).to.match(/^Aktualisiert (23\.11\.2026, )?12:00 Guthaben aktualisieren$/);
    await expectAccessible(el);
  });

  it('can be keyboard-refreshed: the refresh button is reachable and labelled', async () => {
    const el = await mount(newHost('4000'));
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=refresh]')!;
    button.focus();
    expect(el.shadowRoot!.activeElement).to.equal(button);
    expect(button.textContent!.trim()).to.equal('Refresh balance');
  });
});

describe('<credit-balance> as a card', () => {
  it('draws the 20 % and 10 % thresholds as ticks on the meter, its fill set through CSSOM (CSP-safe)', async () => {
    const el = await mount(newHost('1500'));
    const meter = el.shadowRoot!.querySelector<HTMLElement>('[part~=meter]')!;
    const fill = meter.querySelector<HTMLElement>('.fill')!;
    expect(fill.hasAttribute('style') ? fill.style.inlineSize : '').to.equal('15%');
    const ticks = [...meter.querySelectorAll<HTMLElement>('.tick')].map((t) => t.style.insetInlineStart);
    expect(ticks.sort()).to.deep.equal(['10%', '20%']);
    expect(part(el, 'level')).to.equal('Low');
    // The bar's width follows the share: 15 % of the bar's inner width (±1 px).
    const ratio = fill.getBoundingClientRect().width / meter.clientWidth;
    expect(Math.abs(ratio - 0.15)).to.be.below(0.02);
  });

  it('offers a top-up: a link from top-up-url with the values percent-encoded, and a cancelable credit-top-up event', async () => {
    const host = newHost('900');
    const el = await fixture<CreditBalance>(html`<credit-balance lang="en" stale-after="0" refresh-interval="0" top-up-url="/billing/top-up?from={credits}&state={level}" .client=${clientFor(host)}></credit-balance>`);
    await el.loaded();
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('a[part~=top-up]')!;
    expect(link.getAttribute('href')).to.equal('/billing/top-up?from=900&state=critical');
    expect(link.textContent!.trim()).to.equal('Top up credits');
    expect(link.classList.contains('primary'), 'the call to action is primary while the balance is low').to.equal(true);
    el.addEventListener('credit-top-up', (e) => e.preventDefault(), { once: true });
    const chosen = oneEvent(el, 'credit-top-up');
    link.click();
    const event = await chosen;
    expect(event.detail.level).to.equal('critical');
    expect(event.detail.url).to.equal('/billing/top-up?from=900&state=critical');
    expect(location.pathname).not.to.equal('/billing/top-up');
    await expectAccessible(el);
  });

  it('refuses a javascript: top-up URL (no link), and shows an event-only button with top-up', async () => {
    const host = newHost('5000');
    const bad = await fixture<CreditBalance>(html`<credit-balance lang="en" refresh-interval="0" top-up-url="javascript:alert(1)" .client=${clientFor(host)}></credit-balance>`);
    await bad.loaded();
    expect(bad.shadowRoot!.querySelector('[part~=top-up]')).to.equal(null);
    const button = await fixture<CreditBalance>(html`<credit-balance lang="de" refresh-interval="0" top-up .client=${clientFor(host)}></credit-balance>`);
    await button.loaded();
    const cta = button.shadowRoot!.querySelector<HTMLButtonElement>('button[part~=top-up]')!;
    expect(cta.textContent!.trim()).to.equal('Credits aufladen');
    expect(cta.classList.contains('primary'), 'secondary while the balance is fine').to.equal(false);
    const chosen = oneEvent(button, 'credit-top-up');
    cta.focus();
    cta.click();
    expect((await chosen).detail.url).to.equal(undefined);
  });

  it('says which credits expire next when the host names them: "300 credits expire on Dec 31"', async () => {
    const host = newHost('4000');
    // A grant that leaves the ledger at midnight on 1 Jan can be spent until 31 Dec.
    host.balanceOverrides = { expiring: { credits: '300', at: '2027-01-01T00:00:00.000Z', lastDay: '2026-12-31' } };
    const el = await mount(host);
    expect(part(el, 'expiry')).to.equal('300 credits expire on Dec 31');
    const de = await mount(host, 'de');
    expect(part(de, 'expiry')).to.equal('300 Credits verfallen am 31. Dez.');
    host.balanceOverrides = { expiring: null };
    await el.refresh();
    expect(el.shadowRoot!.querySelector('[part~=expiry]'), 'nothing expires: no line').to.equal(null);
    host.balanceOverrides = {};
    await el.refresh();
    expect(el.shadowRoot!.querySelector('[part~=expiry]'), 'a host without grants: no line').to.equal(null);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`is accessible in ${theme} in every level, with the call to action`, async () => {
      const host = newHost('5000');
      const el = await fixture<CreditBalance>(html`<credit-balance lang="en" theme=${theme} refresh-interval="0" top-up></credit-balance>`);
      for (const credits of ['5000', '1500', '900', '0']) {
        host.setBalance(credits);
        el.balance = { ...host.balance(), expiring: { credits: '300', at: '2027-01-01T00:00:00.000Z', lastDay: '2026-12-31' } };
        await el.updateComplete;
        await expectAccessible(el);
      }
    });
  }
});

describe('<credit-balance> without a client', () => {
  it('says nothing rather than "loading" forever, and stays accessible', async () => {
    const el = await fixture<CreditBalance>(html`<credit-balance lang="en" refresh-interval="0"></credit-balance>`);
    await el.loaded();
    expect(shownText(el)).to.equal('');
    await expectAccessible(el);
  });
});

describe('<credit-balance> in a second currency', function () {
  this.timeout(60_000);
  const ECB = [{ from: 'EUR', to: 'USD', rate: '1.0843', date: '2026-12-01', source: 'ECB' }];
  it('shows ≈ USD beside the euros, with the rate in a note, en and de, light and dark', async () => {
    const host = newHost('8000');
    for (const [lang, theme] of [['en', 'light'], ['de', 'dark']] as const) {
      const el = await fixture<CreditBalance>(html`<credit-balance lang=${lang} theme=${theme} refresh-interval="0" display-currency="USD" .exchangeRates=${ECB}></credit-balance>`);
      el.balance = host.balance();
      await el.updateComplete;
      // 8,000 credits × €0.01 = €80 × 1.0843 = $86.744 → $86.74 (2 decimals, half up)
      expect(part(el, 'fx')).to.equal(lang === 'en' ? '≈ about $86.74' : '≈ etwa 86,74 $');
      expect(part(el, 'exchange-note')).to.equal(
        lang === 'en'
          ? '≈ amounts at 1 EUR = 1.0843 USD (ECB, Dec 1, 2026), for information only: charges are in EUR.'
          : '≈-Beträge zum Kurs 1 EUR = 1,0843 USD (ECB, 01.12.2026), nur zur Information: abgerechnet wird in EUR.',
      );
      await expectAccessible(el);
    }
  });

  it('reports a currency without a rate once, and shows the balance without it', async () => {
    const errors: string[] = [];
    const el = await fixture<CreditBalance>(html`<credit-balance lang="en" refresh-interval="0" display-currency="GBP" .exchangeRates=${ECB} @credit-error=${(e: CustomEvent) => errors.push(e.detail.error.message)}></credit-balance>`);
    el.balance = newHost('8000').balance();
    await el.updateComplete;
    el.requestUpdate();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r));
    expect(errors).to.deep.equal(['display-currency GBP: no exchange rate between EUR and GBP (set exchangeRates)']);
    expect(part(el, 'money')).to.equal('€80.00');
    expect(el.shadowRoot!.querySelector('[part~=fx]')).to.equal(null);
  });
});

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
    expect(part(el, 'state')).to.equal('Balance OK');
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
    expect(el.shadowRoot!.querySelector('[part~=base]')!.classList.contains('depleted')).to.equal(true);
    await step('0'); // still depleted
    await step('9000');
    expect(part(el, 'state')).to.equal('Balance OK');
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

describe('<credit-balance> without a client', () => {
  it('says nothing rather than "loading" forever, and stays accessible', async () => {
    const el = await fixture<CreditBalance>(html`<credit-balance lang="en" refresh-interval="0"></credit-balance>`);
    await el.loaded();
    expect(shownText(el)).to.equal('');
    await expectAccessible(el);
  });
});

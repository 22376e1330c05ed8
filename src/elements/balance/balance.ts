import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { commonStrings, exchangeNote, formatCredits, formatDate, formatMoney, formatPercent } from '../../i18n/index.js';
import { convertForDisplay, parseExchangeRates, type DisplayAmount, type ExchangeRate } from '../../core/exchange-rates.js';
import type { CreditClient } from '../../sdk/client.js';
import type { Balance } from '../../sdk/contract/balance.js';
import { ConnectionError } from '../../sdk/errors.js';
// The shared modules one by one, not the barrel: it also holds the catalog loader (core, zod).
import { Announcer } from '../common/announcer.js';
import { CreditErrorEvent } from '../common/events.js';
import { CreditElement } from '../common/credit-element.js';
import { OnlineController } from '../common/online-controller.js';
import { fillUrlTemplate } from '../common/url-template.js';
import * as icons from '../controls/icons.js';
import { nextExpiry } from './balance-expiry.js';
import { balanceState, type BalanceLevel, type BalanceState } from './balance-state.js';
import { balanceStrings, type BalanceStrings } from './balance.strings.js';
import { styles } from './balance.styles.js';
import { CreditBalanceStateEvent, CreditTopUpEvent } from './balance.events.js';
import { styleProps } from '../common/style-props.js';

/** The user's time zone, named, so that a cached formatter is not confused with the UTC one. */
const LOCAL_TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * @tagname credit-balance
 * @summary The credit balance in credits and money, its state (normal, below 20 %, below 10 %, depleted: AI paused), auto-recharge, and when it was last updated.
 *
 * Loads from the SDK `client` (or shows a `balance` given directly). A state change is announced
 * to screen readers once. When a refresh fails, the last good balance stays, marked stale with its
 * time; offline is marked too.
 *
 * @fires credit-balance-state - The state changed; `detail` is `{ level, previous, balance }`.
 * @fires credit-top-up - The top-up call to action was chosen; `detail` is `{ level, balance, url }`. Cancelable: `preventDefault()` keeps the link from being followed.
 * @fires credit-error - Loading failed; `detail.error` says why (the last good balance stays).
 *
 * @csspart base - The card; also `level-normal`, `level-low`, `level-critical`, `level-depleted` or `level-none` by the state.
 * @csspart title - The card's title.
 * @csspart level - The badge of the state ("Balance OK", "Low", "Very low", "Paused").
 * @csspart credits - The balance in credits.
 * @csspart money - The balance in money.
 * @csspart fx - The balance in the second currency ("≈ $108.43", with `display-currency`).
 * @csspart exchange-note - The note naming the exchange rate, its source and date.
 * @csspart state - The state message (low, critical, depleted).
 * @csspart meter - The bar of the balance left of the last top-up (with a tick per threshold).
 * @csspart meter-label - The text under the bar.
 * @csspart recharge - The auto-recharge line.
 * @csspart expiry - "300 credits expire on 31 Dec", when the balance names credits that expire next (`expiring`).
 * @csspart allowance - What the caller may still spend within their limits.
 * @csspart top-up - The top-up call to action (a link with `top-up-url`, else a button with `top-up`).
 * @csspart updated - The last-updated line (with the stale and offline marks).
 * @csspart stale - The stale mark.
 * @csspart offline - The offline mark.
 * @csspart refresh - The refresh button.
 * @csspart status - The loading or error message.
 *
 * @cssproperty [--credit-balance-amount-size=2em] - Size of the credits figure.
 * @cssproperty [--credit-balance-meter-height=0.5rem] - Height of the bar.
 */
export class CreditBalance extends CreditElement {
  static override readonly tag = 'credit-balance';
  static override styles = styles;

  static override properties: PropertyDeclarations = {
    client: { attribute: false },
    balance: { attribute: false },
    refreshInterval: { type: Number, attribute: 'refresh-interval' },
    staleAfter: { type: Number, attribute: 'stale-after' },
    decimals: { type: Number },
    topUpUrl: { type: String, attribute: 'top-up-url' },
    topUp: { type: Boolean, attribute: 'top-up' },
    displayCurrency: { type: String, attribute: 'display-currency' },
    exchangeRates: { attribute: false },
  };

  /** The SDK client (`createClient`). */
  declare client: CreditClient | undefined;
  /** A balance given directly instead of loaded (a host that already has it). */
  declare balance: Balance | undefined;
  /** Seconds between refreshes while the page is visible; 0 = only on `refresh()`. @default 60 */
  declare refreshInterval: number;
  /** A balance older than this many seconds (by its `asOf`) is marked stale. @default 300 */
  declare staleAfter: number;
  /** Most decimals of credits shown. @default 2 */
  declare decimals: number;
  /** Where the top-up call to action leads: `{credits}`, `{level}` and `{currency}` are filled in (percent-encoded); only http(s) or relative. */
  declare topUpUrl: string | undefined;
  /** Show the top-up call to action as a button that only fires `credit-top-up` (without `top-up-url`). */
  declare topUp: boolean;
  /**
   * A second currency to show the balance in too (ISO 4217, "USD"): "≈ $108.43" beside the money,
   * at the rate from `exchangeRates`, with the rate, its source and date in a note. For information
   * only: the balance is charged in its own currency.
   */
  declare displayCurrency: string | undefined;
  /** Exchange rates for `display-currency` (`[{ from: 'EUR', to: 'USD', rate: '1.0843', date: '2026-12-01', source: 'ECB' }]`). */
  declare exchangeRates: readonly ExchangeRate[] | undefined;

  readonly #connectivity = new OnlineController(this, () => void this.refresh());
  readonly #announcer = new Announcer(this);
  /** The last balance that loaded, and when. */
  #lastGood: Balance | undefined;
  #lastError: Error | undefined;
  #level: BalanceLevel | undefined;
  #forceNetwork = false;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.refreshInterval = 60;
    this.staleAfter = 300;
    this.decimals = 2;
    this.topUp = false;
  }

  readonly #task = new Task(this, {
    task: async ([client], { signal }): Promise<Balance | undefined> => {
      if (!client) return undefined;
      const cache = this.#forceNetwork ? 'no-cache' : 'default';
      this.#forceNetwork = false;
      return client.getBalance({ signal, cache });
    },
    args: () => [this.client ?? this.providedClient] as const,
    onComplete: (balance) => {
      if (!balance) return;
      this.#lastError = undefined;
      this.#accept(balance);
    },
    onError: (error) => {
      const e = error instanceof Error ? error : new Error(String(error));
      if (e.name === 'AbortError') return;
      this.#lastError = e;
      this.dispatchEvent(new CreditErrorEvent(e, 'credit-balance'));
    },
  });

  /** Loads the balance afresh (past the SDK's cache). Resolves when it has rendered; never rejects. */
  async refresh(): Promise<void> {
    const client = this.client ?? this.providedClient;
    if (!client) return;
    this.#forceNetwork = true;
    await this.#task.run([client]);
    await this.updateComplete;
  }

  /** Resolves when the balance in flight has loaded (or failed) and rendered. */
  async loaded(): Promise<void> {
    await this.updateComplete; // a changed client starts its task in this update
    await this.#task.taskComplete.catch(() => {});
    await this.updateComplete;
  }

  /** The state of the balance shown, or undefined before one loaded. */
  get state(): BalanceState | undefined {
    return this.#lastGood ? balanceState(this.#lastGood) : undefined;
  }

  #accept(balance: Balance): void {
    this.#lastGood = balance;
    const { level } = balanceState(balance);
    const previous = this.#level;
    if (level === previous) return;
    this.#level = level;
    // First balance: only a problem is worth saying; later, every change (back to normal too).
    if (previous !== undefined || level !== 'normal') {
      const s = balanceStrings(this.language);
      this.#announcer.announce(this.#stateText(s, balanceState(balance), true));
    }
    this.dispatchEvent(new CreditBalanceStateEvent({ level, previous, balance }));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('balance') && this.balance) {
      this.#lastError = undefined;
      this.#accept(this.balance);
    }
    if (changed.has('refreshInterval') && this.isConnected) this.#startTimer();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#startTimer();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopTimer();
  }

  #startTimer(): void {
    this.#stopTimer();
    const seconds = this.refreshInterval;
    if (!(Number.isFinite(seconds) && seconds > 0)) return;
    this.#timer = setInterval(() => {
      if (document.visibilityState !== 'hidden' && this.#task.status !== TaskStatus.PENDING) void this.refresh();
    }, seconds * 1000);
  }

  #stopTimer(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #stateText(s: BalanceStrings, state: BalanceState, announcing = false): string {
    switch (state.level) {
      case 'depleted':
        return s.depleted;
      case 'critical':
        return s.critical(this.#percent(Number(state.percent) / 100));
      case 'low':
        return s.low(this.#percent(Number(state.percent) / 100));
      default:
        return announcing ? s.recovered : s.normal;
    }
  }

  /** A display-only share (0–1) as the locale writes percentages: "20%", "20 %". */
  #percent(share: number): string {
    return formatPercent(share * 100, this.locale);
  }

  #credits(value: string): string {
    const d = Number.isInteger(this.decimals) && this.decimals >= 0 && this.decimals <= 12 ? this.decimals : 2;
    return formatCredits(value, this.locale, { decimals: d });
  }

  #time(instant: string): string {
    const locale = this.locale;
    const when = new Date(instant);
    const sameDay = when.toDateString() === new Date().toDateString();
    const options: Intl.DateTimeFormatOptions = sameDay
      ? { timeStyle: 'short', timeZone: LOCAL_TIME_ZONE }
      : { dateStyle: 'medium', timeStyle: 'short', timeZone: LOCAL_TIME_ZONE };
    return formatDate(when, locale, options);
  }

  /** The checked rates, per rates given; a bad list is reported once and shows nothing. */
  #rates: { of: unknown; rates: readonly ExchangeRate[] } | undefined;
  #reportedFx = '';

  /** The balance in the display currency (2 decimals, rounded half up), or undefined. */
  #fx(balance: Balance): DisplayAmount | undefined {
    const currency = this.displayCurrency?.trim().toUpperCase();
    if (!currency || currency === balance.money.currency) return undefined;
    try {
      if (this.#rates?.of !== this.exchangeRates) this.#rates = { of: this.exchangeRates, rates: parseExchangeRates(this.exchangeRates ?? []) };
      const converted = convertForDisplay(balance.money.amount, balance.money.currency, currency, this.#rates!.rates, 2);
      if (!converted) throw new RangeError(`display-currency ${currency}: no exchange rate between ${balance.money.currency} and ${currency} (set exchangeRates)`);
      return converted;
    } catch (error) {
      const message = (error as Error).message;
      // Once per problem, not on every render.
      if (this.#reportedFx !== message) {
        this.#reportedFx = message;
        queueMicrotask(() => this.dispatchEvent(new CreditErrorEvent(error as Error, 'credit-balance')));
      }
      return undefined;
    }
  }

  #isStale(balance: Balance): boolean {
    if (this.#lastError) return true;
    const age = Date.now() - Date.parse(balance.asOf);
    return Number.isFinite(this.staleAfter) && this.staleAfter > 0 && age > this.staleAfter * 1000;
  }

  protected override render(): TemplateResult {
    const s = balanceStrings(this.language);
    const balance = this.#lastGood;
    const level = balance ? balanceState(balance).level : 'none';
    return html`<section part="base level-${level}" class="base ${level}" aria-label=${s.label}>
      ${balance ? this.#renderBalance(s, balance) : this.#renderStatus(s)}
      ${this.#announcer.render()}
    </section>`;
  }

  #renderStatus(s: BalanceStrings): TemplateResult {
    const common = commonStrings(this.language);
    if (this.#lastError) {
      const offline = !this.#connectivity.online || (this.#lastError instanceof ConnectionError && this.#lastError.offline);
      return html`<p part="status" class="status error">${s.error} ${offline ? common.offline : nothing}</p>
        <button part="refresh" class="button" type="button" @click=${() => void this.refresh()}>${common.retry}</button>`;
    }
    // Without a client (or before it is set) there is nothing to wait for: say nothing.
    if (this.#task.status === TaskStatus.PENDING) return html`<p part="status" class="status" aria-busy="true">${s.loading}</p>`;
    return html``;
  }

  #renderBalance(s: BalanceStrings, balance: Balance): TemplateResult {
    const common = commonStrings(this.language);
    const locale = this.locale;
    const state = balanceState(balance);
    const stale = this.#isStale(balance);
    const offline = !this.#connectivity.online || (this.#lastError instanceof ConnectionError && this.#lastError.offline);
    const pending = this.#task.status === TaskStatus.PENDING;
    const time = this.#time(balance.asOf);
    const tone = { normal: 'positive', low: 'warning', critical: 'danger', depleted: 'danger' }[state.level];
    const fx = this.#fx(balance);
    return html`
      <div class="head">
        <p part="title" class="title">${s.label}</p>
        <span part="level" class="badge ${tone}">${s.levels[state.level]}</span>
      </div>
      <p class="amount">
        <strong part="credits" class="credits">${this.#credits(balance.credits)}</strong>
        <span class="money-line">
          <span part="money" class="money">${formatMoney(balance.money.amount, balance.money.currency, locale, { maximumFractionDigits: 0 })}</span>
          ${fx
            ? html`<span part="fx" class="fx"><span aria-hidden="true">≈ </span><span class="visually-hidden">${common.approximately} </span>${formatMoney(fx.amount, fx.currency, locale)}</span>`
            : nothing}
        </span>
      </p>
      ${state.percentLeft === undefined ? nothing : this.#renderMeter(s, state.percentLeft, balance)}
      ${state.level === 'normal' ? nothing : html`<p part="state" class="state" role="note">${this.#stateText(s, state)}</p>`}
      <ul class="facts" role="list">
        ${this.#renderRecharge(s, balance)}
        ${this.#renderExpiry(s, balance)}
        ${balance.remainingAllowance !== balance.credits && (balance.limits.daily || balance.limits.monthly || balance.limits.department)
          ? html`<li part="allowance" class="allowance">${icons.info}<span>${s.available(this.#credits(balance.remainingAllowance))}</span></li>`
          : nothing}
      </ul>
      <div class="foot">
        ${this.#renderTopUp(s, balance, state.level)}
        <p part="updated" class="updated">
          ${stale ? html`<span part="stale" class="stale">${s.staleSince(time)}</span>` : s.updated(time)}
          ${offline ? html`<span part="offline" class="offline">${common.offline}</span>` : nothing}
          <button part="refresh" class="button quiet small" type="button" aria-busy=${pending ? 'true' : 'false'} @click=${() => void this.refresh()}>
            ${icons.refresh}${pending ? s.refreshing : s.refresh}
          </button>
        </p>
      </div>
      ${fx ? html`<p part="exchange-note" class="fx-note">${exchangeNote(fx.rate, balance.money.currency, locale)}</p>` : nothing}`;
  }

  #renderMeter(s: BalanceStrings, percentLeft: number, balance: Balance): TemplateResult {
    const text = s.meterText(this.#percent(percentLeft / 100));
    // The thresholds as ticks on the bar, so "20 %" and "10 %" are places a reader can see coming.
    const ticks = balance.lowBalance.thresholds.map((t) => Number(t.percent)).filter((p) => p > 0 && p < 100);
    return html`<div class="meter-box">
      <div part="meter" class="meter" role="meter" aria-label=${s.meterLabel} aria-valuemin="0" aria-valuemax="100"
        aria-valuenow=${percentLeft} aria-valuetext=${text}>
        <div class="fill" style=${styleProps({ 'inline-size': `${percentLeft}%` })}></div>
        ${ticks.map((p) => html`<span class="tick" aria-hidden="true" style=${styleProps({ 'inset-inline-start': `${p}%` })}></span>`)}
      </div>
      <p part="meter-label" class="meter-label" aria-hidden="true"><span>${text}</span><span>${s.meterLabel}</span></p>
    </div>`;
  }

  #renderRecharge(s: BalanceStrings, balance: Balance): TemplateResult {
    const r = balance.autoRecharge;
    if (!r.enabled) return html`<li part="recharge" class="recharge off">${icons.refresh}<span>${s.autoRechargeOff}</span></li>`;
    return html`<li part="recharge" class="recharge on">${icons.refresh}<span>
      ${s.autoRecharge(this.#credits(r.rechargeCredits), this.#credits(r.thresholdCredits))}${r.monthlyLimitCredits === null
        ? '.'
        : html` (${s.autoRechargeLimit(this.#credits(r.rechargedThisMonthCredits), this.#credits(r.monthlyLimitCredits))}).`}</span>
    </li>`;
  }

  #renderExpiry(s: BalanceStrings, balance: Balance): TemplateResult | typeof nothing {
    const expiry = nextExpiry(balance);
    if (!expiry) return nothing;
    // A calendar day (UTC, as the host counts days), not an instant: no time-zone shift.
    const day = formatDate(`${expiry.lastDay}T12:00:00Z`, this.locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    return html`<li part="expiry" class="expiry">${icons.clock}<span>${s.expires(this.#credits(expiry.credits), day)}</span></li>`;
  }

  /** The call to action: a link when `top-up-url` is set, else a button when `top-up` is; the event fires either way. */
  #renderTopUp(s: BalanceStrings, balance: Balance, level: BalanceLevel): TemplateResult | typeof nothing {
    const url = fillUrlTemplate(this.topUpUrl, { credits: balance.credits, level, currency: balance.money.currency });
    if (!url && !this.topUp) return nothing;
    const urgent = level !== 'normal';
    const onClick = (event: Event) => {
      const chosen = new CreditTopUpEvent({ level, balance, url });
      this.dispatchEvent(chosen);
      if (chosen.defaultPrevented) event.preventDefault();
    };
    const label = html`${s.topUp}${icons.arrowRight}`;
    return url
      ? html`<a part="top-up" class="button ${urgent ? 'primary' : ''}" href=${url} @click=${onClick}>${label}</a>`
      : html`<button part="top-up" class="button ${urgent ? 'primary' : ''}" type="button" @click=${onClick}>${label}</button>`;
  }
}

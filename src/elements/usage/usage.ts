import { html, nothing, svg, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { Decimal, toPlain } from '../../core/decimal.js';
import { billingTypeName, commonStrings, formatCredits, formatDate, formatMoney, formatNumber, numberFormat, plural } from '../../i18n/index.js';
import type { CreditClient } from '../../sdk/client.js';
import type { Balance } from '../../sdk/contract/balance.js';
import type { UsageReport } from '../../sdk/contract/usage.js';
import type { RecentChats } from '../../sdk/contract/chat.js';
import { ConnectionError } from '../../sdk/errors.js';
// The shared modules one by one, not the barrel: it also holds the catalog loader (core, zod).
import { CreditErrorEvent } from '../common/events.js';
import { CreditElement } from '../common/credit-element.js';
import { OnlineController } from '../common/online-controller.js';
import { downloadText } from '../common/download.js';
import { fillUrlTemplate } from '../common/url-template.js';
import { segmented } from '../controls/segmented.js';
import * as icons from '../controls/icons.js';
import { valueAxis } from './axis.js';
import { usageCsv, usageCsvName } from './export.js';
import { shownBreakdown } from './shares.js';
import { forecastMonth, type DayCredits, type Forecast } from './forecast.js';
import { fillDays, forecastRange, periodRange, utcToday, type Range } from './series.js';
import { eventsText, usageStrings, type Breakdown, type Period, type UsageStrings } from './usage.strings.js';
import { styles } from './usage.styles.js';
import { CreditPeriodChangeEvent } from './usage.events.js';
import { styleProps } from '../common/style-props.js';

export type { Period, Breakdown as UsageGroupBy } from './usage.strings.js';

const PERIODS: readonly Period[] = ['this-month', 'last-30-days', 'custom'];
const BREAKDOWNS: readonly Breakdown[] = ['service', 'billingType', 'user', 'department'];

/** The user's time zone, named, so that a cached formatter is not confused with the UTC one. */
const LOCAL_TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Day labels by locale, style and day, shared by every instance: a 90-day chart asks for 180 per render. */
const dayLabels = new Map<string, string>();

/** A task's value once it completed; undefined while pending or after an error (the caller keeps the last good one). */
function completed<T>(task: Task<readonly unknown[], T>): T | undefined {
  return task.status === TaskStatus.COMPLETE ? task.value : undefined;
}

/**
 * @tagname credit-usage
 * @summary Where the credits went: a period picker, usage by day as a chart with axes, a legend and tooltips read with the arrow keys (and a table alternative), "Export CSV", a breakdown by service, billing type, user or department, limits and budgets as meters, a month-end forecast and the recent chats with their cost.
 *
 * @fires credit-period-change - The period changed; `detail` is `{ period, from, to }`.
 * @fires credit-error - Loading failed; `detail.error` says why (what was shown stays, marked stale).
 *
 * @csspart base - The wrapper.
 * @csspart picker - The period picker.
 * @csspart total - The period's total.
 * @csspart chart - The SVG chart of credits by day.
 * @csspart bar - One day's bar.
 * @csspart anomaly - The marker over a day whose spend the host reports as unusual (its accessible name gives the reason).
 * @csspart legend - The chart's legend.
 * @csspart tooltip - The day under the pointer or chosen with the arrow keys.
 * @csspart export - The "Export CSV" button.
 * @csspart table - The days as a table.
 * @csspart breakdown - The breakdown table (a bar per row under its figures).
 * @csspart row - A row of the breakdown.
 * @csspart chats - The recent chats.
 * @csspart chat - One recent chat with its cost.
 * @csspart meter - A limit or budget bar.
 * @csspart forecast - The forecast sentence.
 * @csspart status - A loading, empty, stale, offline or error message.
 *
 * @cssproperty [--credit-usage-chart-height=10rem] - Height of the chart.
 * @cssproperty [--credit-usage-bar-color=var(--credit-color-accent)] - Colour of the bars.
 * @cssproperty [--credit-usage-anomaly-color=var(--credit-color-warning)] - Colour of an unusual day's bar and marker.
 */
export class CreditUsage extends CreditElement {
  static override readonly tag = 'credit-usage';
  static override styles = styles;

  static override properties: PropertyDeclarations = {
    client: { attribute: false },
    balance: { attribute: false },
    period: { type: String, reflect: true },
    from: { type: String },
    to: { type: String },
    groupBy: { type: String, attribute: 'group-by', reflect: true },
    today: { type: String },
    recentChats: { type: Number, attribute: 'recent-chats' },
    chatUrl: { type: String, attribute: 'chat-url' },
    tableOpen: { state: true },
    activeDay: { state: true },
  };

  /** The SDK client (`createClient`). */
  declare client: CreditClient | undefined;
  /** The balance (limits, budgets, credit unit, run-out day); loaded from the client when not given. */
  declare balance: Balance | undefined;
  /** @default 'this-month' */
  declare period: Period;
  /** First day of a custom period (YYYY-MM-DD, UTC). */
  declare from: string | undefined;
  /** Last day of a custom period, included. */
  declare to: string | undefined;
  /** What the breakdown groups by. @default 'service' */
  declare groupBy: Breakdown;
  /** The current UTC day (YYYY-MM-DD). @default today */
  declare today: string | undefined;
  /** How many recent chats to list with their cost (the host's GET /chats); 0 lists none. @default 5 */
  declare recentChats: number;
  /** Link of a recent chat: `{chatId}` is filled in (percent-encoded); only http(s) or relative. */
  declare chatUrl: string | undefined;
  declare private tableOpen: boolean;
  /** The day the chart's tooltip shows (pointer or arrow keys), by index. */
  declare private activeDay: number | undefined;

  readonly #connectivity = new OnlineController(this, () => void this.refresh());
  #days: UsageReport | undefined;
  #groups: UsageReport | undefined;
  #history: UsageReport | undefined;
  #loadedBalance: Balance | undefined;
  #groupsFailed = false;
  #lastChats: RecentChats | undefined;

  constructor() {
    super();
    this.period = 'this-month';
    this.groupBy = 'service';
    this.tableOpen = false;
    this.recentChats = 5;
  }

  get #day(): string {
    return this.today && /^\d{4}-\d{2}-\d{2}$/.test(this.today) ? this.today : utcToday();
  }

  /** The days shown, or undefined for a custom period that is incomplete or reversed. */
  get range(): Range | undefined {
    const period = PERIODS.includes(this.period) ? this.period : 'this-month';
    return periodRange(period, this.#day, { ...(this.from && { from: this.from }), ...(this.to && { to: this.to }) });
  }

  #fail = (error: unknown) => {
    const e = error instanceof Error ? error : new Error(String(error));
    if (e.name !== 'AbortError') this.dispatchEvent(new CreditErrorEvent(e, 'credit-usage'));
  };

  // Two tasks, not four: each completes in one render (the period's day and group reports
  // together; the history and balance that do not depend on the period together).
  readonly #periodTask = new Task(this, {
    task: async ([client, from, to, groupBy], { signal }) => {
      if (!client || !from || !to) return undefined;
      const [days, groups] = await Promise.allSettled([client.getUsage({ from, to, groupBy: 'day' }, { signal }), client.getUsage({ from, to, groupBy }, { signal })]);
      if (days.status === 'rejected') throw days.reason;
      // A host may refuse one grouping (users, departments) to a member: the chart still shows.
      if (groups.status === 'rejected') {
        this.#fail(groups.reason);
        return { days: days.value, groups: undefined, groupsError: groups.reason as unknown };
      }
      return { days: days.value, groups: groups.value, groupsError: undefined };
    },
    args: () => [this.#client, this.range?.from, this.range?.to, BREAKDOWNS.includes(this.groupBy) ? this.groupBy : 'service'] as const,
    onError: this.#fail,
  });

  readonly #contextTask = new Task(this, {
    task: async ([client, today, given], { signal }) => {
      if (!client) return undefined;
      const [history, balance] = await Promise.all([
        client.getUsage({ ...forecastRange(today), groupBy: 'day' }, { signal }),
        given ? undefined : client.getBalance({ signal }),
      ]);
      return { history, balance };
    },
    args: () => [this.#client, this.#day, this.balance] as const,
    onError: this.#fail,
  });

  readonly #chatsTask = new Task(this, {
    task: async ([client, count], { signal }) => {
      if (!client || !(Number.isInteger(count) && count > 0)) return undefined;
      return client.getRecentChats({ limit: Math.min(count, 100) }, { signal });
    },
    args: () => [this.#client, this.recentChats] as const,
    onComplete: (page) => {
      if (page) this.#lastChats = page;
    },
    onError: this.#fail,
  });

  /** Loads everything afresh (after usage was recorded). Resolves when rendered; never rejects. */
  async refresh(): Promise<void> {
    this.#client?.invalidate();
    await Promise.allSettled([this.#periodTask.run(), this.#contextTask.run(), ...(this.recentChats > 0 ? [this.#chatsTask.run()] : [])]);
    await this.updateComplete;
  }

  /** The client set on the element, else the one its container provides. */
  get #client(): CreditClient | undefined {
    return this.client ?? this.providedClient;
  }

  /** Resolves when the data in flight has loaded (or failed) and rendered. */
  async loaded(): Promise<void> {
    await this.updateComplete; // a changed property starts its task in this update
    const tasks = [this.#periodTask, this.#contextTask, this.#chatsTask];
    await Promise.allSettled(tasks.map((t) => t.taskComplete));
    await this.updateComplete;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const period = completed(this.#periodTask);
    if (period) {
      this.#days = period.days;
      this.#groups = period.groups;
      this.#groupsFailed = period.groupsError !== undefined;
    }
    const context = completed(this.#contextTask);
    if (context) {
      this.#history = context.history;
      if (context.balance) this.#loadedBalance = context.balance;
    }
    // While another period loads, the previous one stays on screen (marked busy) so that the chart
    // is updated in place rather than torn down and rebuilt; if that load fails, it is not passed
    // off as the new period's data.
    const range = this.range;
    const otherPeriod = !range || (this.#days && (this.#days.from !== range.from || this.#days.to !== range.to));
    if (otherPeriod && this.#periodTask.status === TaskStatus.ERROR) {
      this.#days = undefined;
      this.#groups = undefined;
    }
    if ((changed.has('period') || changed.has('from') || changed.has('to')) && changed.get('period') !== undefined && range) {
      this.dispatchEvent(new CreditPeriodChangeEvent({ period: this.period, ...range }));
    }
  }

  get #currentBalance(): Balance | undefined {
    return this.balance ?? this.#loadedBalance;
  }

  // ---- formatting -------------------------------------------------------------------------

  #credits(value: string, decimals = 2): string {
    return formatCredits(value, this.locale, { decimals });
  }

  #date(day: string, style: 'short' | 'medium' | 'long' = 'short'): string {
    const locale = this.locale;
    const key = `${locale}|${style}|${day}`;
    let label = dayLabels.get(key);
    if (label === undefined) {
      const options: Intl.DateTimeFormatOptions =
        style === 'medium' ? { dateStyle: 'medium' } : { day: 'numeric', month: style === 'long' ? 'long' : 'short' };
      label = formatDate(day, locale, options);
      if (dayLabels.size > 5000) dayLabels.clear();
      dayLabels.set(key, label);
    }
    return label;
  }

  #longDate(day: string): string {
    return this.#date(day, 'long');
  }

  // ---- render -----------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const s = usageStrings(this.language);
    const busy = this.#periodTask.status === TaskStatus.PENDING || this.#contextTask.status === TaskStatus.PENDING;
    return html`<section part="base" class="base" aria-label=${s.label} aria-busy=${busy ? 'true' : 'false'}>
      ${this.#renderPicker(s)} ${this.#renderNotes(s)} ${this.#renderUsage(s)} ${this.#renderLimits(s)} ${this.#renderForecast(s)} ${this.#renderChats(s)}
    </section>`;
  }

  #renderPicker(s: UsageStrings): TemplateResult {
    const custom = this.period === 'custom';
    const invalid = custom && this.from && this.to && !this.range;
    return html`<div part="picker" class="picker">
      ${segmented({
        name: 'period',
        legend: s.period,
        value: this.period,
        options: PERIODS.map((p) => ({ value: p, label: s.periods[p] })),
        onChange: (value) => this.#onPeriod(value),
      })}
      ${custom
        ? html`<span class="custom">
            <label class="field"><span class="label">${s.from}</span><input class="input" type="date" name="from" .value=${this.from ?? ''} max=${this.#day} @change=${this.#onDate} aria-invalid=${invalid ? 'true' : 'false'} /></label>
            <label class="field"><span class="label">${s.to}</span><input class="input" type="date" name="to" .value=${this.to ?? ''} max=${this.#day} @change=${this.#onDate} aria-invalid=${invalid ? 'true' : 'false'} /></label>
          </span>`
        : nothing}
      ${invalid ? html`<p part="status" class="status error" role="alert">${s.badRange}</p>` : nothing}
    </div>`;
  }

  // The day table is built when it is opened: a closed <details> would only cost render time.
  #onTableToggle = (event: Event) => {
    this.tableOpen = (event.target as HTMLDetailsElement).open;
  };

  #onPeriod(value: Period): void {
    if (value === 'custom' && !this.from && !this.to) {
      const range = this.range;
      if (range) {
        this.from = range.from;
        this.to = range.to;
      }
    }
    this.period = value;
  }

  #onDate = (event: Event) => {
    const input = event.target as HTMLInputElement;
    if (input.name === 'from') this.from = input.value;
    else this.to = input.value;
  };

  #renderNotes(s: UsageStrings): TemplateResult | typeof nothing {
    const common = commonStrings(this.language);
    const failed = [this.#periodTask, this.#contextTask].find((t) => t.status === TaskStatus.ERROR);
    const offline = !this.#connectivity.online || (failed?.error instanceof ConnectionError && failed.error.offline);
    const stale = failed && this.#days;
    return html`${offline ? html`<p part="status" class="status offline">${common.offline}</p>` : nothing}
    ${stale ? html`<p part="status" class="status stale">${s.staleNote}</p>` : nothing}`;
  }

  #renderUsage(s: UsageStrings): TemplateResult {
    const report = this.#days;
    if (!this.range) return html``;
    if (!report) {
      if (this.#periodTask.status === TaskStatus.ERROR) {
        return html`<p part="status" class="status error">${s.error} <button class="button" type="button" @click=${() => void this.refresh()}>${commonStrings(this.language).retry}</button></p>`;
      }
      // Nothing to load yet (no client): say nothing rather than "loading" forever.
      return this.#periodTask.status === TaskStatus.PENDING ? html`<p part="status" class="status" aria-busy="true">${s.loading}</p>` : html``;
    }
    const range = { from: report.from, to: report.to };
    const days = fillDays(range, report.groups);
    const language = this.language;
    const unit = this.#currentBalance?.creditUnit;
    const money = unit ? formatMoney(toPlain(new Decimal(report.total.credits).times(unit.value)), unit.currency, this.locale, { maximumFractionDigits: 0 }) : undefined;
    const events = eventsText(formatNumber(report.total.events, this.locale), plural(this.locale, report.total.events) === 'one', language);
    // The sentence of the string table, its credits as the headline figure.
    const pieces = s.total('\u0000', events).split('\u0000');
    const credits = html`<strong class="figure">${this.#credits(report.total.credits)}</strong>${money ? html` <span class="money">(${money})</span>` : nothing}`;
    return html`<div class="summary">
        <p part="total" class="total">${pieces[0]}${credits}${pieces[1]}</p>
        <button part="export" class="button" type="button" @click=${this.#export}>${icons.download}${s.exportCsv}</button>
      </div>
      ${report.total.events === 0 ? html`<p part="status" class="status">${s.empty}</p>` : nothing}
      ${this.#renderChart(s, range, days, report.total.credits)} ${this.#renderBreakdown(s)}`;
  }

  /** "Export CSV": the days, the breakdown and the total shown, exact, as a file. */
  #export = () => {
    const days = this.#days;
    if (!days) return;
    const language = this.language;
    const groups = this.#groups;
    const csv = usageCsv(days, groups, (key, label) => (groups?.groupBy === 'billingType' ? billingTypeName(key, language, label) : label));
    downloadText(this.renderRoot, csv, usageCsvName(days, groups?.groupBy ?? this.groupBy), 'text/csv;charset=utf-8');
  };

  #onChartKey = (event: KeyboardEvent, count: number) => {
    const current = this.activeDay ?? count - 1;
    const next = { ArrowLeft: current - 1, ArrowRight: current + 1, Home: 0, End: count - 1, ArrowDown: current - 1, ArrowUp: current + 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.activeDay = Math.min(Math.max(next, 0), count - 1);
  };

  #onChartPointer = (event: PointerEvent, count: number) => {
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    if (!box.width) return;
    const x = getComputedStyle(this).direction === 'rtl' ? box.right - event.clientX : event.clientX - box.left;
    this.activeDay = Math.min(Math.max(Math.floor((x / box.width) * count), 0), count - 1);
  };

  #renderChart(s: UsageStrings, range: Range, days: DayCredits[], total: string): TemplateResult {
    // Heights are display geometry, so a float is fine here; the numbers shown are the strings.
    const values = days.map((d) => Number(d.credits));
    let peak = 0;
    for (let i = 1; i < values.length; i++) if (values[i]! > values[peak]!) peak = i;
    const max = values[peak] || 0;
    const from = this.#date(range.from);
    const to = this.#date(range.to);
    const summary = max > 0
      ? s.chartSummary(from, to, this.#credits(total), this.#credits(days[peak]!.credits), this.#date(days[peak]!.date))
      : s.chartEmpty(from, to);
    // The daily limit as a line when it is within reach of the bars (else it would squash them).
    const daily = this.#currentBalance?.limits.daily;
    const limit = daily ? Number(daily.limit) : undefined;
    const showLimit = limit !== undefined && limit > 0 && max > 0 && limit <= max * 2;
    const axis = valueAxis(Math.max(max, showLimit ? limit : 0));
    const width = days.length * 10;
    const locale = this.locale;
    const numbers = numberFormat(locale, { minimumFractionDigits: 0, maximumFractionDigits: 2 });
    const amount = (credits: string) => numbers.format(credits as Intl.StringNumericLiteral);
    const tick = numberFormat(locale, { maximumFractionDigits: axis.decimals });
    const count = days.length;
    const active = this.activeDay !== undefined && this.activeDay < count ? this.activeDay : undefined;
    const activeDay = active === undefined ? undefined : days[active]!;
    // At most five dates under the axis, at a whole step of days, so they never collide at 320 px;
    // the last day always, in place of a regular label less than a step before it (the last label
    // ends at the plot's end, so half a step left "3 Dec" touching "8 Dec" at 390 px).
    const step = Math.max(1, Math.ceil((count - 1) / 4));
    const labelAt: number[] = [];
    for (let i = 0; i < count - 1; i += step) labelAt.push(i);
    if (labelAt.length > 1 && count - 1 - labelAt.at(-1)! < step) labelAt.pop();
    labelAt.push(count - 1);
    const percent = (value: number) => `${Math.min((value / axis.top) * 100, 100)}%`;
    // The days the host reports as unusual (GET /usage's anomalies), with the reason in this language.
    const language = this.language;
    const marks = new Map((this.#days?.anomalies ?? []).map((a) => [a.day, language === 'de' ? a.reason.de : a.reason.en]));
    const mark = (day: string) => (marks.has(day) ? s.anomaly(this.#date(day, 'medium'), marks.get(day)!) : undefined);
    const activeText = activeDay ? [s.tooltip(this.#date(activeDay.date, 'medium'), this.#credits(activeDay.credits)), mark(activeDay.date)].filter(Boolean).join('. ') : '';
    return html`<figure class="chart">
      <figcaption class="chart-head">
        <span class="heading">${s.chartTitle}</span>
        <span part="legend" class="legend">
          <span class="key"><span class="swatch bar-swatch"></span>${s.legendUsed}</span>
          ${showLimit ? html`<span class="key"><span class="swatch limit-swatch"></span>${s.legendLimit(this.#credits(daily!.limit, 0))}</span>` : nothing}
          ${days.some((d) => marks.has(d.date)) ? html`<span class="key"><span class="swatch anomaly-swatch"></span>${s.legendAnomaly}</span>` : nothing}
        </span>
      </figcaption>
      <div class="plot">
        <div class="y-axis" aria-hidden="true">
          ${axis.ticks.map((t) => html`<span class="y-tick" style=${styleProps({ 'inset-block-end': percent(Number(t)) })}>${tick.format(t as Intl.StringNumericLiteral)}</span>`)}
        </div>
        <div class="area" tabindex="0" role="group" aria-label=${s.chartKeys}
          @keydown=${(e: KeyboardEvent) => this.#onChartKey(e, count)}
          @pointermove=${(e: PointerEvent) => this.#onChartPointer(e, count)}
          @pointerleave=${() => (this.activeDay = undefined)}
          @focus=${() => (this.activeDay ??= count - 1)}
          @blur=${() => (this.activeDay = undefined)}>
          ${axis.ticks.map((t) => html`<span class="grid-line" aria-hidden="true" style=${styleProps({ 'inset-block-end': percent(Number(t)) })}></span>`)}
          <svg part="chart" role="img" aria-label=${summary} viewBox="0 0 ${width} 100" preserveAspectRatio="none">
            ${days.map((d, i) => {
              const h = (values[i]! / axis.top) * 100;
              return svg`<rect part="bar" class=${`${i === active ? 'active' : ''}${marks.has(d.date) ? ' anomalous' : ''}`} x=${i * 10 + 1.5} y=${100 - h} width="7" height=${h} data-day=${d.date} data-credits=${d.credits}></rect>`;
            })}
          </svg>
          ${days.map((d, i) => (marks.has(d.date) ? html`<span part="anomaly" class="anomaly" role="img" aria-label=${mark(d.date)!} data-day=${d.date} style=${styleProps({ 'inset-inline-start': `${((i + 0.5) / count) * 100}%` })}></span>` : nothing))}
          ${showLimit ? html`<span class="limit-line" aria-hidden="true" style=${styleProps({ 'inset-block-end': percent(limit) })}></span>` : nothing}
          ${activeDay
            ? html`<span part="tooltip" class="tooltip ${active! > count / 2 ? 'end' : 'start'}" style=${styleProps({ 'inset-inline-start': `${((active! + 0.5) / count) * 100}%` })}>
                ${s.tooltip(this.#date(activeDay.date, 'medium'), this.#credits(activeDay.credits))}
                ${marks.has(activeDay.date) ? html`<span class="tooltip-note">${marks.get(activeDay.date)}</span>` : nothing}
              </span>`
            : nothing}
          <span class="visually-hidden" role="status">${activeText}</span>
        </div>
        <span></span>
        <div class="x-axis" aria-hidden="true">
          ${labelAt.map((i, n) => {
            const end = n === 0 ? 'first' : n === labelAt.length - 1 ? 'last' : '';
            // Many thin bars: the end labels start and end with the plot, not centred on a bar half a label outside it.
            const edge = count > 10 && end !== '';
            const at = edge ? (end === 'first' ? 0 : 100) : ((i + 0.5) / count) * 100;
            return html`<span class="x-tick ${end} ${edge ? 'edge' : ''}" style=${styleProps({ 'inset-inline-start': `${at}%` })}>${this.#date(days[i]!.date)}</span>`;
          })}
        </div>
      </div>
      <details class="table-alt" ?open=${this.tableOpen} @toggle=${this.#onTableToggle}>
        <summary>${s.showTable}</summary>
        ${this.tableOpen ? html`<table part="table">
          <caption class="visually-hidden">${s.chartTitle}</caption>
          <thead><tr><th scope="col">${s.day}</th><th scope="col" class="num">${s.creditsColumn}</th></tr></thead>
          <tbody>
            ${days.map((d) => html`<tr data-day=${d.date}><th scope="row">${this.#date(d.date, 'medium')}</th><td class="num">${amount(d.credits)}</td></tr>`)}
          </tbody>
        </table>` : nothing}
      </details>
    </figure>`;
  }

  #renderBreakdown(s: UsageStrings): TemplateResult {
    const language = this.language;
    const locale = this.locale;
    const report = this.#groups;
    // While another grouping loads, the rows shown are named by their own grouping.
    const by = (report?.groupBy ?? this.groupBy) as Breakdown;
    const numbers = numberFormat(locale, { minimumFractionDigits: 0, maximumFractionDigits: 2 });
    const percent = numberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const label = (key: string, text: string) => (by === 'billingType' ? billingTypeName(key, language, text) : text);
    const shown = report ? shownBreakdown(report) : undefined;
    return html`<div class="breakdown">
      ${segmented({
        name: 'group-by',
        legend: s.breakdownBy,
        showLegend: true,
        variant: 'chips',
        value: this.groupBy,
        options: BREAKDOWNS.map((b) => ({ value: b, label: s.breakdowns[b] })),
        onChange: (value) => (this.groupBy = value),
      })}
      ${shown
        ? html`<table part="breakdown" class="bars">
            <caption class="visually-hidden">${s.breakdowns[by]}</caption>
            <thead class="visually-hidden"><tr><th scope="col">${s.breakdowns[by]}</th><th scope="col">${s.creditsColumn}</th><th scope="col">${s.share}</th></tr></thead>
            <tbody>
              ${shown.groups.map(
                (g) => html`<tr part="row" data-key=${g.key}>
                  <th scope="row" class="name">${label(g.key, g.label)}</th>
                  <td class="num credits">${numbers.format(g.display as Intl.StringNumericLiteral)}</td>
                  <td class="num share">${percent.format(Number(g.share) / 100)}</td>
                  <td class="bar-cell" aria-hidden="true"><span class="share-bar" style=${styleProps({ 'inline-size': `${Math.min(Number(g.exactShare), 100)}%` })}></span></td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : this.#periodTask.status === TaskStatus.ERROR || this.#groupsFailed
          ? html`<p part="status" class="status error">${s.error}</p>`
          : html`<p part="status" class="status" aria-busy="true">${s.loading}</p>`}
    </div>`;
  }

  #renderChats(s: UsageStrings): TemplateResult | typeof nothing {
    if (!(this.recentChats > 0)) return nothing;
    const status = this.#chatsTask.status;
    const page = completed(this.#chatsTask) ?? this.#lastChats;
    if (!page && status !== TaskStatus.ERROR) return nothing;
    const locale = this.locale;
    const language = this.language;
    const when = (instant: string) => formatDate(instant, locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: LOCAL_TIME_ZONE });
    return html`<div part="chats" class="chats">
      <p class="heading">${s.recentChats}</p>
      ${!page
        ? html`<p part="status" class="status error">${s.chatsError}</p>`
        : page.chats.length === 0
          ? html`<p part="status" class="status">${s.chatsEmpty}</p>`
          : html`<ul role="list">
              ${page.chats.slice(0, this.recentChats).map((chat) => {
                const url = fillUrlTemplate(this.chatUrl, { chatId: chat.chatId });
                const meta = s.chatMeta(chat.user.name, eventsText(formatNumber(chat.events, locale), plural(locale, chat.events) === 'one', language));
                const title = url ? html`<a class="chat-link" href=${url}>${when(chat.lastAt)}</a>` : html`<span class="chat-when">${when(chat.lastAt)}</span>`;
                return html`<li part="chat" data-chat=${chat.chatId}>
                  <span class="chat-main">${title}<span class="chat-meta">${meta}</span></span>
                  <span class="chat-cost">${this.#credits(chat.credits)}</span>
                </li>`;
              })}
            </ul>`}
    </div>`;
  }

  #renderLimits(s: UsageStrings): TemplateResult | typeof nothing {
    const limits = this.#currentBalance?.limits;
    if (!limits) return nothing;
    const meters = [
      limits.daily && { label: s.dailyLimit, a: limits.daily },
      limits.monthly && { label: s.monthlyLimit, a: limits.monthly },
      limits.department && { label: s.departmentBudget(limits.department.name), a: limits.department.budget },
    ].filter((m): m is NonNullable<typeof m> => !!m);
    if (!meters.length) return nothing;
    return html`<div class="limits" role="group" aria-label=${s.limits}>
      <p class="heading">${s.limits}</p>
      ${meters.map(({ label, a }) => {
        const limit = new Decimal(a.limit);
        const used = new Decimal(a.used);
        const ratio = limit.gt(0) ? Decimal.min(used.div(limit), 1).toNumber() : 1;
        const level = ratio >= 0.9 ? 'critical' : ratio >= 0.8 ? 'low' : 'normal';
        const text = s.meterText(this.#credits(a.used), this.#credits(a.limit));
        return html`<div class="limit ${level}">
          <span class="limit-label">${label}: ${text}; ${s.resets(formatDate(a.resetsAt, this.locale, { dateStyle: 'medium' }))}</span>
          <div part="meter" class="meter" role="meter" aria-label=${label} aria-valuemin="0" aria-valuemax=${limit.toNumber()}
            aria-valuenow=${Decimal.min(used, limit).toNumber()} aria-valuetext=${text}>
            <div class="fill" style=${styleProps({ 'inline-size': `${(ratio * 100).toFixed(1)}%` })}></div>
          </div>
        </div>`;
      })}
    </div>`;
  }

  #forecastMemo: { history: UsageReport; balance: Balance | undefined; day: string; value: Forecast | null } | undefined;

  /** The forecast, computed again only when the history, the balance or the day changed. */
  get #forecast(): Forecast | null | undefined {
    const report = this.#history;
    if (!report) return undefined;
    const balance = this.#currentBalance;
    const memo = this.#forecastMemo;
    if (memo && memo.history === report && memo.balance === balance && memo.day === this.#day) return memo.value;
    const value = this.#computeForecast(report, balance);
    this.#forecastMemo = { history: report, balance, day: this.#day, value };
    return value;
  }

  #computeForecast(report: UsageReport, balance: Balance | undefined): Forecast | null {
    const days = report.groups.map((g) => ({ date: g.key, credits: g.credits }));
    return forecastMonth({
      days,
      historyStart: report.from,
      today: this.#day,
      ...(balance && !balance.credits.startsWith('-') && { balance: balance.credits }),
    });
  }

  #renderForecast(s: UsageStrings): TemplateResult | typeof nothing {
    let forecast: Forecast | null | undefined;
    try {
      forecast = this.#forecast;
    } catch {
      return html`<p part="forecast" class="forecast">${s.noForecast}</p>`;
    }
    if (forecast === undefined) return nothing;
    if (forecast === null) return html`<p part="forecast" class="forecast">${s.noForecast}</p>`;
    const sentence =
      s.forecast(this.#credits(forecast.monthTotal, 0), this.#longDate(forecast.monthEnd)) +
      (forecast.runsOutOn ? `; ${s.runsOut(this.#longDate(forecast.runsOutOn))}` : '') +
      '.';
    return html`<p part="forecast" class="forecast"><span class="heading">${s.forecastTitle}:</span> ${sentence}</p>`;
  }
}

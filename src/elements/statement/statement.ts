import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { Decimal } from '../../core/decimal.js';
import { lastCoveredDay } from '../../core/instant.js';
import { commonStrings, formatCreditAmount, formatDate, formatNumber } from '../../i18n/index.js';
import type { CreditClient } from '../../sdk/client.js';
import type { Statement, StatementLine, Statements } from '../../sdk/contract/statements.js';
import { ConnectionError } from '../../sdk/errors.js';
// The shared modules one by one, not the barrel: it also holds the catalog loader (core, zod).
import { Announcer } from '../common/announcer.js';
import { CreditErrorEvent } from '../common/events.js';
import { CreditElement } from '../common/credit-element.js';
import { downloadBlob } from '../common/download.js';
import { OnlineController } from '../common/online-controller.js';
import { styleProps } from '../common/style-props.js';
import * as icons from '../controls/icons.js';
import { statementStrings, type StatementStrings } from './statement.strings.js';
import { styles } from './statement.styles.js';
import { CreditStatementChangeEvent, CreditStatementDownloadEvent } from './statement.events.js';

type Format = 'csv' | 'pdf';
type FileLanguage = 'en' | 'de';
/** The four files a statement comes as: CSV and PDF, each in English and German. */
const FILES: readonly (readonly [Format, FileLanguage, keyof StatementStrings])[] = [
  ['csv', 'en', 'csv'],
  ['csv', 'de', 'csvDe'],
  ['pdf', 'en', 'pdf'],
  ['pdf', 'de', 'pdfDe'],
];

/** The month a statement shows first: the newest closed one (a finished month), else the newest. */
export function defaultPeriod(list: Statements | undefined): string | undefined {
  return (list?.statements.find((s) => s.status === 'closed') ?? list?.statements[0])?.period;
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/**
 * @tagname credit-statement
 * @summary An organisation's monthly credit statements: a picker of the periods and the one chosen, with its number, period, billing name, opening balance, top-ups and grants, usage by department, service and user, expired credits and closing balance, and downloads as CSV (English, or German for Excel) and PDF (English or German).
 *
 * Loads from the SDK `client` (`getStatements`, `getStatement`, `downloadStatement`), which needs
 * an administrator's token. Every figure is the host's exact decimal (up to six places).
 *
 * @fires credit-statement-change - A statement loaded and is shown; `detail` is `{ period, statement }`.
 * @fires credit-statement-download - A file was downloaded; `detail` is `{ period, format, language, filename }`.
 * @fires credit-error - Loading or a download failed; `detail.error` says why.
 *
 * @csspart base - The card; also `state-loading`, `state-empty`, `state-error` or `state-ready` by the state.
 * @csspart title - The card's title.
 * @csspart picker - The period picker (a labelled select).
 * @csspart status - The loading, empty or error message.
 * @csspart retry - The retry button after an error.
 * @csspart summary - Statement number, period, billing name and status.
 * @csspart totals - Opening balance, top-ups and grants, usage, expired credits and closing balance.
 * @csspart closing - The closing balance row.
 * @csspart grants - The table of top-ups and grants (when there are any).
 * @csspart breakdown - Each usage table (by department, service and user).
 * @csspart share - The bar under a usage line: its share of the period's usage.
 * @csspart prices - Under a service line: the price period that priced it, where the prices changed during the month.
 * @csspart expired - The table of expired credits (when there are any).
 * @csspart downloads - The download buttons.
 * @csspart download - One download button; also `download-csv-en`, `download-csv-de`, `download-pdf-en`, `download-pdf-de`.
 * @csspart download-error - The message after a failed download.
 *
 * @cssproperty [--credit-statement-bar-color=var(--credit-color-accent)] - The colour of the share bars.
 */
export class CreditStatement extends CreditElement {
  static override readonly tag = 'credit-statement';
  static override styles = styles;

  static override properties: PropertyDeclarations = {
    client: { attribute: false },
    period: { type: String, reflect: true },
  };

  /** The SDK client (`createClient`) with an administrator's token. */
  declare client: CreditClient | undefined;
  /** The month shown, YYYY-MM; unset: the newest closed statement. Choosing one in the picker sets it. */
  declare period: string | undefined;

  readonly #connectivity = new OnlineController(this, () => {
    if (this.#list.status === TaskStatus.ERROR) void this.refresh();
  });
  readonly #announcer = new Announcer(this);
  /** The file being prepared ("pdf-de"), or undefined. */
  #downloading: string | undefined;
  #downloadFailed = false;

  readonly #list = new Task(this, {
    task: async ([client], { signal }): Promise<Statements | undefined> => (client ? client.getStatements({ signal }) : undefined),
    args: () => [this.#client] as const,
    onError: (error) => this.#failed(error),
  });

  readonly #statement = new Task(this, {
    task: async ([client, period], { signal }): Promise<Statement | undefined> => (client && period ? client.getStatement(period, { signal }) : undefined),
    args: () => [this.#client, this.#shownPeriod] as const,
    onComplete: (statement) => {
      if (statement) this.dispatchEvent(new CreditStatementChangeEvent(statement));
    },
    onError: (error) => this.#failed(error),
  });

  get #client(): CreditClient | undefined {
    return this.client ?? this.providedClient;
  }

  get #shownPeriod(): string | undefined {
    return this.period || defaultPeriod(this.#list.status === TaskStatus.COMPLETE ? this.#list.value : undefined);
  }

  #failed(error: unknown): void {
    const e = asError(error);
    if (e.name !== 'AbortError') this.dispatchEvent(new CreditErrorEvent(e, 'credit-statement'));
  }

  /** The statement shown, or undefined while none has loaded. */
  get statement(): Statement | undefined {
    return this.#statement.status === TaskStatus.COMPLETE ? this.#statement.value : undefined;
  }

  /** Loads the list and the statement shown again. Resolves when they have rendered; never rejects. */
  async refresh(): Promise<void> {
    this.#client?.invalidate();
    await this.#list.run().catch(() => {});
    await this.updateComplete;
    await this.#statement.run().catch(() => {});
    await this.updateComplete;
  }

  /** Resolves when the list and the statement in flight have loaded (or failed) and rendered. */
  async loaded(): Promise<void> {
    await this.updateComplete;
    await this.#list.taskComplete.catch(() => {});
    await this.updateComplete; // the list names the period, which starts the statement's task
    await this.#statement.taskComplete.catch(() => {});
    await this.updateComplete;
  }

  /** Downloads the statement shown as `format` in `language` (what the buttons do). Resolves when done; never rejects. */
  async download(format: Format, language: FileLanguage = 'en'): Promise<void> {
    const client = this.#client;
    const statement = this.statement;
    if (!client || !statement || this.#downloading) return;
    this.#downloading = `${format}-${language}`;
    this.#downloadFailed = false;
    this.requestUpdate();
    try {
      const { blob, filename } = await client.downloadStatement(statement.period, { format, language });
      downloadBlob(this.renderRoot, blob, filename);
      this.#announcer.announce(statementStrings(this.language).downloaded(filename));
      this.dispatchEvent(new CreditStatementDownloadEvent({ period: statement.period, format, language, filename }));
    } catch (error) {
      this.#downloadFailed = true;
      this.#failed(error);
    } finally {
      this.#downloading = undefined;
      this.requestUpdate();
    }
  }

  #credits(value: string): string {
    // The host's exact figure ("5,161.9574", "1,594.25"): a statement is read against the ledger.
    return formatCreditAmount(value, this.locale, { style: 'price' });
  }

  #month(period: string): string {
    return formatDate(`${period}-15T12:00:00Z`, this.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  }

  /** A calendar day of the host (UTC). */
  #day(instant: string): string {
    return formatDate(instant, this.locale, { dateStyle: 'medium', timeZone: 'UTC' });
  }

  protected override render(): TemplateResult {
    const s = statementStrings(this.language);
    const list = this.#list.status === TaskStatus.COMPLETE ? this.#list.value : undefined;
    const statement = this.statement;
    const state = this.#list.status === TaskStatus.ERROR || this.#statement.status === TaskStatus.ERROR ? 'error' : statement ? 'ready' : list && !list.statements.length ? 'empty' : 'loading';
    return html`<section part="base state-${state}" class="base ${state}" aria-label=${s.label} aria-busy=${state === 'loading' && this.#client ? 'true' : 'false'}>
      <div class="head">
        <p part="title" class="title">${s.label}</p>
        ${list?.statements.length ? this.#renderPicker(s, list) : nothing}
      </div>
      ${state === 'ready' ? this.#renderStatement(s, statement!) : this.#renderStatus(s, state)}
      ${this.#announcer.render()}
    </section>`;
  }

  #renderPicker(s: StatementStrings, list: Statements): TemplateResult {
    const shown = this.#shownPeriod;
    const choose = (event: Event) => {
      this.period = (event.target as HTMLSelectElement).value;
    };
    return html`<label part="picker" class="field picker">
      <span class="label">${s.period}</span>
      <select class="input" @change=${choose}>
        ${list.statements.map((item) => html`<option value=${item.period} ?selected=${item.period === shown}>${s.periodOption(this.#month(item.period), item.number, item.status === 'open')}</option>`)}
      </select>
    </label>`;
  }

  #renderStatus(s: StatementStrings, state: 'loading' | 'empty' | 'error'): TemplateResult {
    if (state === 'empty') return html`<p part="status" class="status">${s.empty}</p>`;
    if (state === 'error') {
      const common = commonStrings(this.language);
      const listFailed = this.#list.status === TaskStatus.ERROR;
      const error = listFailed ? this.#list.error : this.#statement.error;
      const offline = !this.#connectivity.online || (error instanceof ConnectionError && error.offline);
      return html`<div class="status-row">
        <p part="status" class="status error" role="alert">${listFailed ? s.listError : s.error} ${offline ? common.offline : nothing}</p>
        <button part="retry" class="button" type="button" @click=${() => void (listFailed ? this.refresh() : this.#statement.run().catch(() => {}))}>${icons.refresh}${common.retry}</button>
      </div>`;
    }
    // Without a client there is nothing to wait for: say nothing.
    if (!this.#client) return html``;
    return html`<p part="status" class="status">${this.#list.status === TaskStatus.COMPLETE ? s.loading : s.loadingList}</p>`;
  }

  #renderStatement(s: StatementStrings, statement: Statement): TemplateResult {
    const { totals } = statement;
    const lastDay = new Date(Date.parse(statement.to) - 1).toISOString();
    const row = (sign: string, label: string, value: string, part?: string) =>
      html`<tr part=${part ?? nothing} class=${part ?? nothing}><th scope="row"><span class="sign" aria-hidden="true">${sign}</span>${label}</th><td class="num">${this.#credits(value)}</td></tr>`;
    return html`
      <dl part="summary" class="summary">
        <div><dt>${s.number}</dt><dd>${statement.number}</dd></div>
        <div><dt>${s.periodLabel}</dt><dd>${this.#day(statement.from)} – ${this.#day(lastDay)}</dd></div>
        <div><dt>${s.organisation}</dt><dd>${statement.organisation.billingName}</dd></div>
        <div><dt>${s.statusLabel}</dt><dd><span class="badge ${statement.status === 'open' ? 'warning' : 'positive'}">${s.status[statement.status]}</span></dd></div>
      </dl>
      <table part="totals" class="totals">
        <caption>${s.totals} (${commonStrings(this.language).credits})</caption>
        <tbody>
          ${row('', s.opening, totals.opening)}
          ${row('+', s.granted, totals.granted)}
          ${row('−', s.used, totals.used)}
          ${row('−', s.expired, totals.expired)}
          ${row('=', s.closing, totals.closing, 'closing')}
        </tbody>
      </table>
      ${statement.grants.length ? this.#renderGrants(s, statement) : nothing}
      <div class="breakdowns">
        ${this.#renderBreakdown(s, s.byDepartment, statement.usage.byDepartment.map((l) => (l.key === '(none)' ? { ...l, label: s.noDepartment } : l)), totals.used)}
        ${this.#renderBreakdown(s, s.byService, statement.usage.byService, totals.used)}
        ${this.#renderBreakdown(s, s.byUser, statement.usage.byUser, totals.used)}
      </div>
      ${statement.expired.length ? this.#renderExpired(s, statement) : nothing}
      ${this.#renderDownloads(s)}`;
  }

  #renderGrants(s: StatementStrings, statement: Statement): TemplateResult {
    return html`<table part="grants">
      <caption>${s.grants}</caption>
      <thead><tr><th scope="col">${s.date}</th><th scope="col">${s.name}</th><th scope="col" class="num">${s.credits}</th></tr></thead>
      <tbody>
        ${statement.grants.map(
          (g) => html`<tr>
            <td>${this.#day(g.at)}</td>
            <td>${s.kind[g.kind]}${g.reason ? html` · ${g.reason}` : nothing}${g.expiresAt ? html` <br /><span class="muted">${s.expires(this.#day(g.expiresAt))}</span>` : nothing}</td>
            <td class="num">${this.#credits(g.credits)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  /** A price period by the days it covers: an `until` at midnight ends the day before. */
  #pricePeriod(s: StatementStrings, prices: NonNullable<StatementLine['prices']>): string {
    return s.prices(prices.from && this.#day(prices.from), prices.until && this.#day(lastCoveredDay(prices.until)));
  }

  #renderBreakdown(s: StatementStrings, caption: string, lines: readonly StatementLine[], used: string): TemplateResult {
    const total = new Decimal(used);
    // Display only: the bar's length as a share of the period's usage, to one decimal of a percent.
    const share = (credits: string) => (total.gt(0) ? `${new Decimal(credits).div(total).times(100).toDecimalPlaces(1).toFixed()}%` : '0%');
    return html`<table part="breakdown">
      <caption>${caption}</caption>
      <thead><tr><th scope="col">${s.name}</th><th scope="col" class="num">${s.events}</th><th scope="col" class="num">${s.credits}</th></tr></thead>
      <tbody>
        ${lines.length
          ? lines.map(
              (line) => html`<tr>
                <th scope="row">${line.label}${line.prices ? html`<span part="prices" class="prices muted">${this.#pricePeriod(s, line.prices)}</span>` : nothing}<span part="share" class="share" aria-hidden="true" style=${styleProps({ 'inline-size': share(line.credits) })}></span></th>
                <td class="num">${formatNumber(line.events, this.locale)}</td>
                <td class="num">${this.#credits(line.credits)}</td>
              </tr>`,
            )
          : html`<tr><td colspan="3" class="muted">${s.noUsage}</td></tr>`}
      </tbody>
    </table>`;
  }

  #renderExpired(s: StatementStrings, statement: Statement): TemplateResult {
    const holder = (id: string | null) => (id === null ? statement.organisation.billingName : (statement.departments.find((d) => d.id === id)?.name ?? id));
    return html`<table part="expired">
      <caption>${s.expiredCredits}</caption>
      <thead><tr><th scope="col">${s.date}</th><th scope="col">${s.name}</th><th scope="col" class="num">${s.credits}</th></tr></thead>
      <tbody>
        ${statement.expired.map((e) => html`<tr><td>${this.#day(e.at)}</td><td>${holder(e.departmentId)}</td><td class="num">${this.#credits(e.credits)}</td></tr>`)}
      </tbody>
    </table>`;
  }

  #renderDownloads(s: StatementStrings): TemplateResult {
    return html`<div part="downloads" class="downloads" role="group" aria-labelledby="downloads-label">
      <span id="downloads-label" class="downloads-label">${s.downloads}</span>
      ${FILES.map(([format, language, label]) => {
        const busy = this.#downloading === `${format}-${language}`;
        return html`<button part="download download-${format}-${language}" class="button" type="button" aria-busy=${busy ? 'true' : 'false'}
          @click=${() => void this.download(format, language)}>${icons.download}${busy ? s.downloading : (s[label] as string)}</button>`;
      })}
      ${this.#downloadFailed ? html`<p part="download-error" class="error" role="alert">${s.downloadError}</p>` : nothing}
    </div>`;
  }
}

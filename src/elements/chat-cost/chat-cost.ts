import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { CHAT_TURN_PARTS, rate, rateChatTurn, type Catalog, type CatalogLike, type ChatTurn, type ChatTurnPart, type Usage } from '../../core/index.js';
import { Decimal } from '../../core/decimal.js';
import { billingTypeName, commonStrings, formatContextWindow, formatCredits, formatMoney, formatNumber, formatRoundedCredits, numberFormat, plural } from '../../i18n/index.js';
import type { CreditClient } from '../../sdk/client.js';
import type { ChatUsage } from '../../sdk/contract/chat.js';
import type { ChatMessage } from '../../tokenizer/count.js';
import { NotFoundError } from '../../sdk/errors.js';
import { Announcer, CatalogController, CreditElement, CreditErrorEvent, loadErrorText } from '../common/index.js';
import * as icons from '../controls/icons.js';
import { Popover } from '../controls/popover.js';
import { breakdownOf, breakdownOfTurn, type Breakdown, type BreakdownLine } from './breakdown.js';
import { chatCostStrings, type ChatCostStrings } from './chat-cost.strings.js';
import { styles } from './chat-cost.styles.js';
import { CreditCostChangeEvent } from './chat-cost.events.js';

type Priced = { breakdown: Breakdown } | { error: Error } | undefined;

const TURN_PARTS: ReadonlySet<string> = new Set(CHAT_TURN_PARTS);
const isTurnPart = (kind: BreakdownLine['kind']): kind is ChatTurnPart => TURN_PARTS.has(kind);

/** A chat turn (counted by part) rather than usage records. */
function isTurn(input: ChatTurn | Usage | readonly Usage[]): input is ChatTurn {
  return !Array.isArray(input) && 'replyTokens' in input;
}

/**
 * @tagname credit-chat-cost
 * @summary What one chat (or, with `scope="message"`, one message) cost: "This chat cost 2.65 credits (€0.03)", with a breakdown whose lines add up to the total.
 *
 * Priced client-side from `usage` and a catalog (`catalog`, `src` or the client's), or loaded as
 * the host charged it from `chat-id` through the SDK `client`. Before sending, `draft` text with a
 * `service` shows an estimate of what the message will be billed: the tokenizer counts the system
 * prompt, the conversation so far (`messages`, sent again as input) and the draft, and the
 * expected reply and tool calls are added, each a line of the breakdown; `estimateUsage` or
 * `estimateTurn` give one directly. Once billed, "estimated 0.56 → billed 1.04".
 *
 * @fires credit-cost-change - The billed cost is known or changed; `detail` is `{ credits, total, money }`.
 * @fires credit-error - Loading or pricing failed; `detail.error` says why.
 *
 * @csspart base - The wrapper.
 * @csspart summary - The pill with the total: the button that opens the breakdown (also `estimate` before the bill).
 * @csspart total - The credits in the pill.
 * @csspart money - The money in the pill.
 * @csspart panel - The popover with the breakdown.
 * @csspart comparison - "estimated … → billed …", beside the pill once billed.
 * @csspart was - The estimate in the comparison.
 * @csspart now - The bill in the comparison.
 * @csspart breakdown - The table of lines.
 * @csspart row - One line of the breakdown.
 * @csspart line-terms - Under a line's name: how it was priced where not at the standard price ("priced above 200K tokens · Batch", "at the input price").
 * @csspart note - Under the lines: what an estimate assumes, and that the lines are rounded to add up.
 * @csspart status - The loading, empty or error message.
 * @csspart retry - The retry button.
 *
 * @cssproperty [--credit-chat-cost-font-size=0.875rem] - Text size of the pill.
 * @cssproperty [--credit-chat-cost-gap=0.25rem] - Space between the badge's parts.
 */
export class CreditChatCost extends CreditElement {
  static override readonly tag = 'credit-chat-cost';
  static override styles = styles;

  static override properties: PropertyDeclarations = {
    usage: { attribute: false },
    estimateUsage: { attribute: false },
    catalog: { attribute: false },
    client: { attribute: false },
    src: { type: String },
    chatId: { type: String, attribute: 'chat-id' },
    turn: { attribute: false },
    estimateTurn: { attribute: false },
    messages: { attribute: false },
    draft: { type: String },
    systemPrompt: { type: String, attribute: 'system-prompt' },
    service: { type: String },
    expectedOutputTokens: { type: Number, attribute: 'expected-output-tokens' },
    expectedToolCalls: { type: Number, attribute: 'expected-tool-calls' },
    toolService: { type: String, attribute: 'tool-service' },
    decimals: { type: Number },
    scope: { type: String },
    open: { type: Boolean, reflect: true },
    timeout: { type: Number },
    draftTurn: { state: true },
  };

  /** Usage of the chat, priced client-side with the catalog. */
  declare usage: Usage | readonly Usage[] | undefined;
  /** Planned usage of the next message, shown as an estimate (or beside the billed cost). */
  declare estimateUsage: Usage | readonly Usage[] | undefined;
  /** One chat turn as billed, by part (system prompt, conversation so far, message, reply, tool calls); core's `ChatTurn`. Wins over `usage`. */
  declare turn: ChatTurn | undefined;
  /** One chat turn as estimated, by part; wins over `estimateUsage`. */
  declare estimateTurn: ChatTurn | undefined;
  /** The conversation so far (`{ role, content }`), sent again as input with the draft. */
  declare messages: readonly ChatMessage[] | undefined;
  /** The catalog to price `usage` with, parsed or as JSON (then validated); else `src`, else the client's. */
  declare catalog: CatalogLike | undefined;
  /** The SDK client (`createClient`), for `chat-id` and the catalog. */
  declare client: CreditClient | undefined;
  /** URL of a catalog JSON. */
  declare src: string | undefined;
  /** Load this chat's charge from the host. */
  declare chatId: string | undefined;
  /** Text of a message not yet sent: its tokens are counted for an estimate (needs `service`). */
  declare draft: string | undefined;
  /** The system prompt the platform sends with every message, counted in the draft estimate. */
  declare systemPrompt: string | undefined;
  /** Service of the draft estimate (id, alias or name). */
  declare service: string | undefined;
  /** Output tokens assumed for the reply in the draft estimate. @default 0 (input only) */
  declare expectedOutputTokens: number;
  /** Tool calls assumed for the reply in the draft estimate, priced by `tool-service`. @default 0 */
  declare expectedToolCalls: number;
  /** The service a tool call is priced by (such as `meingpt/tool-call`). */
  declare toolService: string | undefined;
  /** Decimals of credits shown. @default 2 */
  declare decimals: number;
  /** What the badge is about: the whole chat or one message ("This message cost …"). @default 'chat' */
  declare scope: 'chat' | 'message';
  /** The breakdown's popover is open. */
  declare open: boolean;
  /** Seconds the catalog request (`src`) may take before an error shows. @unit s @default 15 */
  declare timeout: number;
  declare private draftTurn: ChatTurn | undefined;

  readonly #announcer = new Announcer(this);
  readonly #popover = new Popover(this, 'breakdown');
  #lastBilledTotal: string | undefined;
  #lastEstimateTotal: { total: string; credits: string } | undefined;
  #lastPricingError: string | undefined;
  #draftToken = 0;
  #draftCatalog: Catalog | undefined;
  #draftCounting: Promise<void> = Promise.resolve();

  constructor() {
    super();
    this.decimals = 2;
    this.scope = 'chat';
    this.open = false;
    this.expectedOutputTokens = 0;
    this.expectedToolCalls = 0;
    this.timeout = 15;
  }

  readonly #catalogs = new CatalogController(this, { onError: (error) => this.#fail(error) });

  /** The client set on the element, else the one its container provides. */
  get #client(): CreditClient | undefined {
    return this.client ?? this.providedClient;
  }

  readonly #chatTask = new Task(this, {
    task: async ([client, chatId], { signal }): Promise<ChatUsage | null | undefined> => {
      if (!client || !chatId) return undefined;
      try {
        const chat = await client.getChat(chatId, { signal });
        return chat.records.length ? chat : null; // no usage recorded yet: an empty chat
      } catch (error) {
        if (error instanceof NotFoundError) return null; // a host that answers 404 for a chat without usage
        throw error;
      }
    },
    args: () => [this.#billedInput === undefined ? this.#client : undefined, this.chatId] as const,
    onError: (error) => this.#fail(error),
  });

  /** Loads the chat's charge again (after a new message was recorded). */
  async refresh(): Promise<void> {
    const client = this.#client;
    if (!client || !this.chatId) return;
    this.#chatTask.run([client, this.chatId]);
    await this.#chatTask.taskComplete.catch(() => {});
  }

  /** Resolves when the data in flight (catalog, chat) has loaded and rendered. */
  async loaded(): Promise<void> {
    await this.updateComplete; // a changed property starts its task in this update
    await Promise.allSettled([this.#catalogs.settled(), this.#chatTask.taskComplete, this.updateComplete]);
    await this.updateComplete; // the catalog may start a recount of the draft
    await this.#draftCounting;
    await this.updateComplete;
  }

  #fail(error: unknown) {
    const e = error instanceof Error ? error : new Error(String(error));
    if (e.name === 'AbortError') return;
    this.dispatchEvent(new CreditErrorEvent(e, 'credit-chat-cost'));
  }

  #billedPriced: Priced;
  #estimatePriced: Priced;

  /** What was billed, given from script: a turn by part, or usage records. */
  get #billedInput(): ChatTurn | Usage | readonly Usage[] | undefined {
    return this.turn ?? this.usage;
  }

  /** What is estimated: a turn or usage given from script, else the draft's counted turn. */
  get #estimateInput(): ChatTurn | Usage | readonly Usage[] | undefined {
    return this.estimateTurn ?? this.estimateUsage ?? this.draftTurn;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('open') && this.#popover.open !== this.open) this.open = this.#popover.open;
    // A catalog is needed only to price here (a chat loaded by id comes priced by the host).
    const needed = this.#billedInput !== undefined || this.#estimateInput !== undefined || !!this.draft;
    this.#catalogs.sync(needed ? { catalog: this.catalog ?? this.providedCatalog, src: this.src, client: this.#client, timeout: this.timeout } : {});
    const catalog = this.#catalogs.catalog;
    // Count again once the catalog is in: its `tokenizer` field names the service's exact encoding.
    const draftInputs = ['draft', 'service', 'messages', 'systemPrompt', 'expectedOutputTokens', 'expectedToolCalls', 'toolService'] as const;
    if (draftInputs.some((name) => changed.has(name)) || (this.draft && catalog !== this.#draftCatalog)) {
      this.#draftCatalog = catalog;
      this.#draftCounting = this.#countDraft();
    }
    this.#billedPriced = this.#billed(catalog);
    this.#estimatePriced = this.#price(this.#estimateInput, catalog);
    // Here rather than in updated(): the announcer's update then joins this one.
    this.#noteChanges(this.#billedPriced, this.#estimatePriced, chatCostStrings(this.language));
  }

  /**
   * Counts what sending the draft will be billed for: the system prompt, the conversation so far
   * and the draft as input (the tokenizer loads only when a draft is to be counted), plus the
   * expected reply and tool calls.
   */
  async #countDraft(): Promise<void> {
    const token = ++this.#draftToken;
    const { draft, service } = this;
    if (!draft || !service) {
      this.draftTurn = undefined;
      return;
    }
    try {
      const { countChatTurn } = await import('../../tokenizer/index.js');
      const catalog = this.#catalogs.catalog;
      const counted = await countChatTurn(
        { ...(this.systemPrompt && { system: this.systemPrompt }), ...(this.messages && { history: this.messages }), message: draft },
        { model: service, ...(catalog && { catalog }) },
      );
      if (token !== this.#draftToken) return;
      const whole = (n: number) => (Number.isSafeInteger(n) && n > 0 ? n : 0);
      const toolCalls = this.toolService ? whole(this.expectedToolCalls) : 0;
      this.draftTurn = {
        service,
        systemTokens: counted.systemTokens,
        historyTokens: counted.historyTokens,
        messageTokens: counted.messageTokens,
        replyTokens: whole(this.expectedOutputTokens),
        ...(toolCalls > 0 && { toolCalls, toolService: this.toolService! }),
      };
    } catch (error) {
      if (token === this.#draftToken) {
        this.draftTurn = undefined;
        this.#fail(error);
      }
    }
  }

  #price(input: ChatTurn | Usage | readonly Usage[] | undefined, catalog: Catalog | undefined): Priced {
    if (input === undefined || !catalog) return undefined;
    try {
      const d = this.#decimalPlaces;
      if (isTurn(input)) return { breakdown: breakdownOfTurn(rateChatTurn(catalog, input), d) };
      return { breakdown: breakdownOf(rate(catalog, input as Usage | Usage[]), d, undefined, catalog) };
    } catch (error) {
      return { error: error instanceof Error ? error : new Error(String(error)) };
    }
  }

  get #decimalPlaces(): number {
    return Number.isInteger(this.decimals) && this.decimals >= 0 && this.decimals <= 12 ? this.decimals : 2;
  }

  #billed(catalog: Catalog | undefined): Priced {
    const given = this.#billedInput;
    if (given !== undefined) return this.#price(given, catalog);
    const chat = this.#chatTask.value;
    if (!chat) return undefined;
    try {
      return { breakdown: breakdownOf(chat.charge, this.#decimalPlaces, chat.billedCredits, catalog) };
    } catch (error) {
      return { error: error instanceof Error ? error : new Error(String(error)) };
    }
  }

  protected override render(): TemplateResult {
    const s = chatCostStrings(this.language);
    return html`<div part="base" class="base">${this.#renderBody(s, this.#billedPriced, this.#estimatePriced)}${this.#announcer.render()}</div>`;
  }

  #renderBody(s: ChatCostStrings, billed: Priced, estimate: Priced): TemplateResult | typeof nothing {
    if (billed && 'breakdown' in billed) return this.#renderCost(s, billed.breakdown, estimate && 'breakdown' in estimate ? estimate.breakdown : undefined);
    const loadError = this.#catalogs.status === 'error' ? this.#catalogs.error : this.#billedInput === undefined && this.#chatTask.status === TaskStatus.ERROR ? this.#chatTask.error : undefined;
    const error = (billed && 'error' in billed && billed.error) || loadError;
    if (error) return this.#renderStatus(s.error, error as Error);
    const pending = this.#catalogs.status === 'loading' || (this.#billedInput === undefined && this.#chatTask.status === TaskStatus.PENDING);
    if (estimate && 'breakdown' in estimate) return this.#renderEstimate(s, estimate.breakdown);
    if (estimate && 'error' in estimate) return this.#renderStatus(s.error, estimate.error);
    if (pending) return html`<p part="status" class="status" aria-busy="true">${s.loading}</p>`;
    if (this.#chatTask.value === null || (this.#billedInput !== undefined && !this.#catalogs.catalog && this.#catalogs.status === 'idle')) return html`<p part="status" class="status">${s.empty}</p>`;
    return nothing;
  }

  #renderStatus(text: string, error: Error): TemplateResult {
    const canRetry = this.#billedInput === undefined && !!this.chatId && !!this.#client;
    return html`<p part="status" class="status error">
      ${text} <span class="detail">${loadErrorText(error, this.language, this.locale)}</span>
      ${canRetry || this.#catalogs.status === 'error'
        ? html`<button part="retry" class="button" type="button" @click=${this.#retry}>${this.#commonRetry}</button>`
        : nothing}
    </p>`;
  }

  get #commonRetry(): string {
    return commonStrings(this.language).retry;
  }

  #retry = () => {
    if (this.#catalogs.status === 'error') void this.#catalogs.revalidate();
    if (this.#chatTask.status === TaskStatus.ERROR) void this.#chatTask.run();
  };

  /** Credits with the word: "2.65 credits", or "< 0.01 credits" for a cost that rounds to zero. */
  #credits(shown: string, exact: string): string {
    const locale = this.locale;
    const common = commonStrings(this.language);
    const amount = this.#amount(shown, exact);
    return amount === formatNumber(shown, locale, { minimumFractionDigits: this.#decimalPlaces, maximumFractionDigits: this.#decimalPlaces })
      ? formatCredits(shown, locale, { style: 'fixed', decimals: this.#decimalPlaces })
      : `${amount}\u00a0${common.credits}`;
  }

  /** The amount alone at the shown decimals ("0.16"); "< 0.01" for a line that rounds to zero but is not free. */
  #amount(shown: string, exact: string): string {
    return formatRoundedCredits(shown, exact, this.locale, this.#decimalPlaces);
  }

  /** Money to the currency's decimals; "less than €0.01" rather than "€0.00" for a tiny charge. */
  #money(b: Breakdown, s: ChatCostStrings): string {
    const locale = this.locale;
    const { amount, currency } = b.money;
    const shown = formatMoney(amount, currency, locale, { maximumFractionDigits: 0 });
    const digits = numberFormat(locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    const smallest = new Decimal(10).pow(-digits);
    const value = new Decimal(amount);
    if (value.gt(0) && value.lt(smallest.div(2))) return s.lessThan(formatMoney(smallest.toFixed(), currency, locale, { maximumFractionDigits: 0 }));
    return shown;
  }

  /**
   * A sentence of the string table with its two amounts as marked-up parts: the words stay in the
   * button's name ("This chat cost 2.65 credits (€0.03)") but only the figures show in the pill.
   */
  #pillContent(sentence: (credits: string, money: string) => string, b: Breakdown, s: ChatCostStrings): TemplateResult[] {
    return sentence('\u0000', '\u0001')
      .split(/(\u0000|\u0001)/)
      .filter((piece) => piece !== '')
      .map((piece) =>
        piece === '\u0000'
          ? html`<strong part="total" class="total">${this.#credits(b.total, b.credits)}</strong>`
          : piece === '\u0001'
            ? html`<span part="money" class="money">${this.#money(b, s)}</span>`
            : html`<span class="visually-hidden">${piece}</span>`,
      );
  }

  #renderCost(s: ChatCostStrings, b: Breakdown, estimate: Breakdown | undefined): TemplateResult {
    const message = this.scope === 'message';
    return html`${this.#popover.trigger(html`${this.#pillContent(message ? s.messageCost : s.cost, b, s)}${icons.chevronDown}`, { className: 'pill billed', part: 'summary' })}
      ${this.#popover.panel(html`<p class="panel-title" aria-hidden="true">${message ? s.messageCaption : s.caption}</p>${this.#renderTable(s, b, message ? s.messageCaption : s.caption)}`, {
        label: message ? s.messageCaption : s.caption,
        part: 'panel',
      })}
      ${estimate ? this.#renderComparison(s, estimate, b) : nothing}`;
  }

  /** "estimated 2.10 → billed 2.65" as a small transition: the estimate fades and is struck, the bill is strong. */
  #renderComparison(s: ChatCostStrings, estimate: Breakdown, b: Breakdown): TemplateResult {
    const pieces = s.estimatedBilled('\u0000', '\u0001').split(/(\u0000|\u0001)/);
    return html`<span part="comparison" class="comparison">${pieces.map((piece) =>
      piece === '\u0000'
        ? html`<span part="was" class="was">${this.#amount(estimate.total, estimate.credits)}</span>`
        : piece === '\u0001'
          ? html`<span part="now" class="now">${this.#amount(b.total, b.credits)}</span>`
          : piece,
    )}</span>`;
  }

  #renderEstimate(s: ChatCostStrings, b: Breakdown): TemplateResult {
    return html`${this.#popover.trigger(html`<span class="approx" aria-hidden="true">≈</span>${this.#pillContent(s.estimate, b, s)}${icons.chevronDown}`, {
        className: 'pill estimate',
        part: 'summary estimate',
      })}
      ${this.#popover.panel(html`<p class="panel-title" aria-hidden="true">${s.estimateCaption}</p>${this.#renderTable(s, b, s.estimateCaption, true)}`, { label: s.estimateCaption, part: 'panel' })}`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    // `open` set by the page opens or closes the popover; the popover's own toggles set `open` back (willUpdate).
    if (!changed.has('open') || this.open === this.#popover.open) return;
    const panel = this.renderRoot.querySelector<HTMLElement>('[part~=panel]');
    if (!panel?.isConnected || !('showPopover' in panel)) return;
    try {
      if (this.open) panel.showPopover();
      else panel.hidePopover();
    } catch {
      // not shown (the element is hidden): the state stays as it is
    }
  }

  #lineLabel(s: ChatCostStrings, line: BreakdownLine, multipleServices: boolean, estimated: boolean): string {
    if (line.kind === 'adjustment') return s.adjustment;
    if (isTurnPart(line.kind)) return estimated && (line.kind === 'reply' || line.kind === 'toolCalls') ? s.expectedParts[line.kind] : s.parts[line.kind];
    const language = this.language;
    const catalog = this.#catalogs.catalog;
    const label =
      line.kind === 'requests'
        ? billingTypeName(line.billingType, language, catalog?.billingTypes?.find((b) => b.id === line.billingType)?.name)
        : s.kinds[line.kind];
    if (!multipleServices || line.kind === 'requests') return label;
    const service = catalog?.services.find((x) => x.id === line.service);
    return `${label} · ${service ? service.model : line.service}`;
  }

  /** How a line was priced, where not at the service's standard price: its long-context tier, service tier, or the price it borrowed. */
  #lineTerms(line: BreakdownLine): TemplateResult | typeof nothing {
    const common = commonStrings(this.language);
    const terms = [
      line.tierAbove !== undefined ? common.pricedAbove(formatContextWindow(line.tierAbove, this.locale)) : line.tier !== undefined ? common.longContextPrice : '',
      line.serviceTier ? common.serviceTiers[line.serviceTier] : '',
      line.pricedAs === 'input' || line.pricedAs === 'output' ? common.atPriceOf[line.pricedAs] : '',
    ].filter(Boolean);
    return terms.length ? html`<span class="terms" part="line-terms"><span class="visually-hidden">, </span>${terms.join(' · ')}</span>` : nothing;
  }

  /** The quantity of a line; a turn's parts say what they count ("43 tokens", "2 calls"). */
  #quantity(s: ChatCostStrings, line: BreakdownLine): string {
    if (line.quantity === '') return '';
    const locale = this.locale;
    const count = formatNumber(line.quantity, locale);
    if (!isTurnPart(line.kind)) return count;
    const one = plural(locale, Number(line.quantity)) === 'one';
    return line.kind === 'toolCalls' ? s.calls(count, one) : s.tokens(count, one);
  }

  #renderTable(s: ChatCostStrings, b: Breakdown, caption: string, estimated = false): TemplateResult {
    const tokenServices = new Set(b.lines.filter((l) => l.kind !== 'requests' && l.kind !== 'adjustment' && !isTurnPart(l.kind)).map((l) => l.service));
    return html`<table part="breakdown" class="breakdown">
      <caption class="visually-hidden">${caption}</caption>
      <thead>
        <tr><th scope="col">${s.item}</th><th scope="col" class="num">${s.quantity}</th><th scope="col" class="num">${s.creditsColumn}</th></tr>
      </thead>
      <tbody>
        ${b.lines.map(
          (line) => html`<tr part="row" data-kind=${line.kind}>
            <th scope="row">${this.#lineLabel(s, line, tokenServices.size > 1, estimated)}${this.#lineTerms(line)}</th>
            <td class="num">${this.#quantity(s, line)}</td>
            <td class="num">${this.#amount(line.display, line.credits)}</td>
          </tr>`,
        )}
      </tbody>
      <tfoot>
        <tr><th scope="row">${s.total}</th><td></td><td class="num total-cell">${this.#amount(b.total, b.credits)}</td></tr>
      </tfoot>
    </table>
    ${this.#renderNotes(s, b, estimated)}`;
  }

  /** What the reader of the lines should know: what an estimate assumes, and how the lines are rounded. */
  #renderNotes(s: ChatCostStrings, b: Breakdown, estimated: boolean): TemplateResult | typeof nothing {
    const assumed = estimated && b.lines.some((l) => isTurnPart(l.kind));
    // Only where rounding shows: a line whose shown amount is not its exact amount.
    const rounded = b.lines.length > 1 && b.lines.some((l) => !new Decimal(l.display).eq(l.credits));
    if (!assumed && !rounded) return nothing;
    return html`<p part="note" class="note">${assumed ? s.assumptionNote : nothing} ${rounded ? s.roundingNote : nothing}</p>`;
  }

  /** Fires credit-cost-change on a new billed total; announces the bill once when it replaces an estimate. */
  #noteChanges(billed: Priced, estimate: Priced, s: ChatCostStrings): void {
    const estimateTotal = estimate && 'breakdown' in estimate ? { total: estimate.breakdown.total, credits: estimate.breakdown.credits } : undefined;
    if (billed && 'breakdown' in billed) {
      const b = billed.breakdown;
      if (b.credits !== this.#lastBilledTotal) {
        const hadEstimate = this.#lastEstimateTotal ?? estimateTotal;
        if (this.#lastBilledTotal === undefined && hadEstimate !== undefined) {
          this.#announcer.announce(s.billedAnnouncement(this.#credits(b.total, b.credits), this.#amount(hadEstimate.total, hadEstimate.credits)));
        }
        this.#lastBilledTotal = b.credits;
        this.dispatchEvent(new CreditCostChangeEvent({ credits: b.credits, total: b.total, money: b.money }));
      }
    } else if (billed && 'error' in billed && billed.error.message !== this.#lastPricingError) {
      this.#lastPricingError = billed.error.message;
      this.#fail(billed.error);
    }
    if (estimateTotal !== undefined) this.#lastEstimateTotal = estimateTotal;
  }
}

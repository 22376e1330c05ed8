import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { Combobox } from '../controls/combobox.js';
import { search as searchIcon } from '../controls/icons.js';
import { segmented } from '../controls/segmented.js';
import type { Catalog, CatalogLike, ServiceTier } from '../../core/catalog/schema.js';
import { brandName } from '../../core/catalog/names.js';
import { defaultKeyMode } from '../../core/catalog/key-modes.js';
import {
  billingTypeName,
  commonStrings,
  exchangeNote,
  formatDate,
  formatNumber,
  type CommonStrings,
} from '../../i18n/index.js';
import { Announcer } from '../common/announcer.js';
import { CatalogController } from '../common/catalog-controller.js';
import { fetchCatalog, loadErrorText, validCatalog, type FetchLike } from '../common/catalog-fetch.js';
import { CreditElement } from '../common/credit-element.js';
import { CreditErrorEvent } from '../common/events.js';
import type { CurrencyDisplay, DisplayFx } from './cell-text.js';
import type { ExchangeRate } from '../../core/exchange-rates.js';
import { cellKey, type TableModel, type TokenUnitPreference } from './model-types.js';
import { DEFAULT_CHAT, tokensOr, type TypicalChat } from './chats.js';
import type { ListHost } from './list-view.js';
import { CreditCatalogChangeEvent, CreditServiceSelectEvent } from './pricing-table.events.js';
import { pricingTableStrings, type PricingTableStrings } from './pricing-table.strings.js';
import { styles } from './pricing-table.styles.js';
import type { Marks } from './rows.js';
import type { GroupView, SortState } from './view.js';

type Engine = typeof import('./list-view.js');
let engine: Engine | undefined;
let engineLoading: Promise<Engine> | undefined;
/**
 * The model builder (it brings core's Decimal) and everything that shows a model (plan cards,
 * the groups' grids): loaded in parallel with the catalog request, so the first paint (toolbar,
 * skeleton) carries none of it.
 */
export function loadPricingEngine(): Promise<Engine> {
  engineLoading ??= import('./list-view.js').then((m) => (engine = m));
  return engineLoading;
}

type Cards = typeof import('./plan-cards.js');
let cards: Cards | undefined;
let cardsLoading: Promise<Cards> | undefined;
/** The plan cards: loaded only when a catalog sells credit packages. */
export function loadPlanCards(): Promise<Cards> {
  cardsLoading ??= import('./plan-cards.js').then((m) => (cards = m));
  return cardsLoading;
}

type Changes = typeof import('./catalog-changes.js');
let changes: Changes | undefined;
let changesLoading: Promise<Changes> | undefined;
/** The comparison of two catalogs: loaded only when there is one to compare with (`previous`, a refresh with other prices). */
function loadCatalogChanges(): Promise<Changes> {
  changesLoading ??= import('./catalog-changes.js').then((m) => (changes = m));
  return changesLoading;
}

export type KeyModeDisplay = 'platform' | 'own' | 'both' | (string & {});
export type { CurrencyDisplay };

const FLASH_MS = 6000;
/** The service tiers, as core names them (SERVICE_TIERS: kept here as text so the first paint carries no core). */
const SERVICE_TIER_NAMES = ['standard', 'batch', 'flex', 'priority'] as const satisfies readonly ServiceTier[];
const SKELETON_ROWS = 8;

/**
 * The live price list of a catalog: searchable, filterable, sortable, grouped by billing type,
 * in the page's language, kept current by ETag revalidation. A switch in the toolbar shows prices
 * with the platform's key, the customer's own key or both (reflected to `key-mode`). The language
 * comes from the global `lang` attribute on the element or its closest ancestor (then the
 * document): `de-*` is German.
 * Under Trusted Types, allow lit's policy: `trusted-types lit-html` (add 'allow-duplicates' when
 * the page loads another copy of lit).
 *
 * @tagname credit-pricing-table
 * @summary A live, accessible price table for a credits catalog.
 *
 * Above the list, the catalog's credit packages as plan cards (credits, price, price per credit,
 * the discount the price gives, one call to action each); `hide-packages` leaves them out.
 * Keyboard: the price list is one Tab stop (a grid: arrow keys between rows and cells), with a
 * skip link past it.
 *
 * @fires credit-service-select - CreditServiceSelectEvent: "Estimate a month" was chosen for a model (`detail.serviceId`, `detail.keyMode`).
 * @fires credit-package-select - CreditPackageSelectEvent: a package's call to action was chosen (`detail.packageId`, `detail.credits`, `detail.price`).
 * @fires credit-catalog-change - CreditCatalogChangeEvent: a refresh brought other prices (`detail.diff`: added, removed, repriced).
 * @fires credit-error - CreditErrorEvent: the catalog could not be loaded or was invalid; the last good data stays.
 *
 * @csspart base - The wrapper of everything.
 * @csspart search - The search box.
 * @csspart table - Each group's table.
 * @csspart row - A service's row (on a phone a compact row that opens to its details); also `row-selected` on the selected one and `row-open` on one opened on a phone.
 * @csspart name - A row's header cell: the model name and its brand.
 * @csspart model - The model name in a row.
 * @csspart brand-label - The brand under the model name.
 * @csspart expand - The phone layout's disclosure button of a row.
 * @csspart context - A row's context window cell.
 * @csspart price - A price cell; also `price-free`, `price-not-offered`, `price-none` (no such price) and `price-changed` by its state.
 * @csspart money - The money under a price in credits.
 * @csspart buys - A row's "1,000 credits buy" cell.
 * @csspart chats - Its "≈ N chats" figure.
 * @csspart quantity - Its exact quantity ("5,194,805 input tokens").
 * @csspart badge - The cheapest / changed / new / discount badges.
 * @csspart toolbar - The visitor's controls above the list.
 * @csspart brand - The brand filter (a combobox with a search).
 * @csspart key-mode - The key-mode segmented control.
 * @csspart service-tier - The service-tier switch (standard / batch / flex / priority), where the catalog has service tiers.
 * @csspart price-change - A price's announced change ("from 1 Jan: 0.33") or recent one ("was 0.11 until 23 Nov").
 * @csspart price-tier - A price's long-context tier ("above 200K tokens: 2.50").
 * @csspart fx - A price in the second currency ("≈ $0.0012", with `display-currency`).
 * @csspart exchange-note - The note naming the exchange rate, its source and date, under the list.
 * @csspart billing-types - The billing-type chips with their counts.
 * @csspart action - A row's "Estimate a month" button or link.
 * @csspart packages - The plan cards' list.
 * @csspart package - A plan card (also `package-recommended` on the highlighted one).
 * @csspart package-action - A plan card's call to action.
 *
 * @cssproperty [--credit-pricing-table-max-height=none] - Scroll the table inside this height.
 */
export class CreditPricingTable extends CreditElement {
  static override readonly tag = 'credit-pricing-table';
  static override styles = styles;

  static override properties = {
    src: { type: String },
    catalog: { attribute: false },
    keyMode: { type: String, attribute: 'key-mode', reflect: true },
    serviceTier: { type: String, attribute: 'service-tier', reflect: true },
    at: { type: String },
    unit: { type: String },
    billingTypes: { type: String, attribute: 'billing-types' },
    brands: { type: String },
    currencyDisplay: { type: String, attribute: 'currency-display' },
    displayCurrency: { type: String, attribute: 'display-currency' },
    exchangeRates: { attribute: false },
    refresh: { type: Number },
    previous: { attribute: 'previous' },
    selected: { type: String, reflect: true },
    timeout: { type: Number },
    fetch: { attribute: false },
    plannerUrl: { type: String, attribute: 'planner-url' },
    buyUrl: { type: String, attribute: 'buy-url' },
    hidePackages: { type: Boolean, attribute: 'hide-packages' },
    recommendedPackage: { type: String, attribute: 'recommended-package' },
    chatInputTokens: { type: Number, attribute: 'chat-input-tokens' },
    chatOutputTokens: { type: Number, attribute: 'chat-output-tokens' },
  };

  /** URL of the catalog JSON. */
  declare src: string | undefined;
  /** A catalog given from script, parsed or as JSON (then validated); wins over `src`. */
  declare catalog: CatalogLike | undefined;
  /** `platform`, `own` or `both` (two column groups, like the source list). @default 'both' */
  declare keyMode: KeyModeDisplay;
  /**
   * The service tier prices are shown in: `standard`, `batch`, `flex` or `priority` (a switch in
   * the toolbar where the catalog has service tiers; a service without the tier shows "not offered").
   * @default 'standard'
   */
  declare serviceTier: ServiceTier;
  /**
   * Show the prices in force at this day or instant (ISO 8601: `2026-11-23`, `2026-11-23T12:00:00Z`);
   * unset = now. A change that takes effect later is shown beside the price ("from 1 Jan: 0.33"), one
   * made in the 30 days before with the earlier price.
   */
  declare at: string | undefined;
  /** Token prices per `1k` or `1m` tokens; unset = as the catalog publishes them. */
  declare unit: TokenUnitPreference | '';
  /** Only these billing type ids (comma separated). */
  declare billingTypes: string;
  /** Only these brands (comma separated, published or English name). */
  declare brands: string;
  /** Prices in `credits`, in `money` (the catalog's currency) or `both` (money under credits). @default 'both' */
  declare currencyDisplay: CurrencyDisplay;
  /**
   * A second currency to show money in too (ISO 4217, "USD"): "≈ $0.0012" under each price in money,
   * at the rate from `exchangeRates` or the catalog's `exchangeRates`, with the rate, its source and
   * date in a note under the list. For information only: charges stay in the catalog's currency.
   */
  declare displayCurrency: string | undefined;
  /** Exchange rates for `display-currency` (`[{ from: 'EUR', to: 'USD', rate: '1.0843', date: '2026-12-01', source: 'ECB' }]`); wins over the catalog's. */
  declare exchangeRates: readonly ExchangeRate[] | undefined;
  /** Revalidate every this many seconds (0 = only when the tab becomes visible). @unit s @default 0 */
  declare refresh: number;
  /** A previous catalog (URL or object): prices that differ from it are marked "price changed". */
  declare previous: string | CatalogLike | undefined;
  /** Id of the selected service. */
  declare selected: string | undefined;
  /** Seconds the catalog request may take before the table shows an error. @unit s @default 15 */
  declare timeout: number;
  /** Injected fetch (tests, auth). */
  declare fetch: FetchLike | undefined;
  /** Link template of "Estimate a month →" (`/planner?service={service}&keyMode={keyMode}`); unset: a button that fires `credit-service-select`. */
  declare plannerUrl: string | undefined;
  /** Link template of a plan card's call to action (`/buy?package={package}&credits={credits}`); unset: a button that fires `credit-package-select`. */
  declare buyUrl: string | undefined;
  /** Leaves out the credit packages' plan cards. */
  declare hidePackages: boolean;
  /** Id of the package highlighted as recommended; unset: the smallest package with a discount. */
  declare recommendedPackage: string | undefined;
  /** Input tokens of the typical chat behind "1,000 credits buy ≈ N chats". @default 1500 */
  declare chatInputTokens: number;
  /** Output tokens of the typical chat behind "1,000 credits buy ≈ N chats". @default 500 */
  declare chatOutputTokens: number;

  // Visitor state (search, filters, sort): private, not attributes.
  #query = '';
  #brandFilter = '';
  #billingTypeFilter = '';
  #sort: SortState | undefined;
  /** Rows opened to their details, and groups shown whole (phone layout). */
  readonly #open = new Set<string>();
  readonly #wholeGroups = new Set<string>();
  /** The page set --credit-pricing-table-max-height: the groups scroll inside it (else the headers stick to the page). */
  #scrolls = false;
  readonly #brandBox = new Combobox(this, 'brand', (value) => {
    this.#brandFilter = value;
    this.requestUpdate();
  });
  readonly #announcer = new Announcer(this);
  readonly #loader = new CatalogController(this, {
    onChange: (next, previous) => this.#catalogChanged(next, previous),
    onError: (error) => this.dispatchEvent(new CreditErrorEvent(error, this.src)),
  });
  #model: TableModel | undefined;
  /** What the model was built for besides the catalog: unit, instant asked for, service tier. */
  #modelKey = '';
  #previousCatalog: Catalog | undefined;
  #previousMarks: (Marks & { of: [Catalog, Catalog] }) | undefined;
  /** Cells and rows changed by the last live refresh, marked for a moment. */
  #flash: Marks | undefined;
  #flashTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped whenever live or "previous" marks change, so the rows they touch are filled again. */
  #marksVersion = 0;

  constructor() {
    super();
    this.keyMode = 'both';
    this.serviceTier = 'standard';
    this.unit = '';
    this.billingTypes = '';
    this.brands = '';
    this.currencyDisplay = 'both';
    this.refresh = 0;
    this.timeout = 15;
    this.hidePackages = false;
    this.chatInputTokens = DEFAULT_CHAT.inputTokens;
    this.chatOutputTokens = DEFAULT_CHAT.outputTokens;
  }

  /** The catalog shown (the last good one). */
  get currentCatalog(): Catalog | undefined {
    return this.#loader.catalog;
  }

  /** Revalidates now (If-None-Match); resolves when the answer is shown. */
  async reload(): Promise<void> {
    await this.#loader.revalidate();
    await this.updateComplete;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void loadPricingEngine();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#flashTimer);
  }

  protected override firstUpdated(): void {
    // Read after the first frame, when style is clean: read during the first update it forced a
    // style recalculation of the whole new table inside it (half its first render).
    requestAnimationFrame(() => {
      const scrolls = getComputedStyle(this).getPropertyValue('--credit-pricing-table-max-height').trim() !== '';
      if (scrolls !== this.#scrolls) {
        this.#scrolls = scrolls;
        this.requestUpdate();
      }
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#loader.sync({ catalog: this.catalog ?? this.providedCatalog, src: this.src, refresh: this.refresh, timeout: this.timeout, fetch: this.fetch });
    if (changed.has('previous')) this.#loadPrevious();
    const catalog = this.#loader.catalog;
    // A sort by a price column that the key mode now hides falls back to the model name.
    if (changed.has('keyMode') && this.#sort && this.#sort.column !== 'name' && catalog && !this.#shownModes(catalog).includes(this.#sort.column.split(':')[0]!)) {
      this.#sort = { column: 'name', direction: 'ascending' };
    }
    const unit = this.unit === '1k' || this.unit === '1m' ? this.unit : undefined;
    const modelKey = `${unit}|${this.at ?? ''}|${this.serviceTier}`;
    if (catalog && (this.#model?.catalog !== catalog || this.#modelKey !== modelKey)) {
      if (engine) {
        this.#model = engine.buildModel(catalog, unit, { at: this.#instant(engine), serviceTier: this.#tier });
        this.#modelKey = modelKey;
      } else void loadPricingEngine().then(() => this.requestUpdate());
    }
    if (catalog && this.#previousCatalog && (this.#previousMarks?.of[0] !== this.#previousCatalog || this.#previousMarks.of[1] !== catalog)) {
      if (changes) {
        const at = this.#model?.at ?? Date.now();
        this.#previousMarks = { of: [this.#previousCatalog, catalog], ...changes.changedCells(changes.diffCatalogsAt(this.#previousCatalog, catalog, at)) };
        this.#marksVersion++;
      } else void loadCatalogChanges().then(() => this.requestUpdate());
    }
    if (!this.#previousCatalog && this.#previousMarks) {
      this.#previousMarks = undefined;
      this.#marksVersion++;
    }
  }

  /** The instant asked for by `at`, or now; a bad `at` is reported (credit-error) and now shown. */
  #instant(e: Engine): number {
    try {
      return e.instantOf(this.at);
    } catch (error) {
      this.dispatchEvent(new CreditErrorEvent(error as Error));
      return Date.now();
    }
  }

  get #tier(): ServiceTier {
    return (SERVICE_TIER_NAMES as readonly string[]).includes(this.serviceTier) ? this.serviceTier : 'standard';
  }

  #loadPrevious(): void {
    const previous = this.previous;
    this.#previousCatalog = undefined;
    if (!previous) return;
    if (typeof previous !== 'string') {
      validCatalog(previous).then(
        (catalog) => {
          if (this.previous !== previous) return;
          this.#previousCatalog = catalog;
          this.requestUpdate();
        },
        (error: Error) => this.dispatchEvent(new CreditErrorEvent(error)),
      );
      return;
    }
    fetchCatalog(previous, { fetch: this.fetch, timeout: this.timeout }).then(
      (result) => {
        if (this.previous !== previous || result.notModified) return;
        this.#previousCatalog = result.catalog;
        this.requestUpdate();
      },
      (error: Error) => this.dispatchEvent(new CreditErrorEvent(error, previous)),
    );
  }

  #catalogChanged(next: Catalog, previous: Catalog): void {
    const apply = (c: Changes) => {
      const diff = c.diffCatalogsAt(previous, next, this.#model?.at ?? Date.now());
      if (c.isEmptyDiff(diff)) return;
      this.#flash = c.changedCells(diff);
      this.#marksVersion++;
      clearTimeout(this.#flashTimer);
      this.#flashTimer = setTimeout(() => {
        this.#flash = undefined;
        this.#marksVersion++;
        this.requestUpdate();
      }, FLASH_MS);
      this.#announcer.announce(this.#strings.updated(diff.repriced.length, diff.added.length, diff.removed.length));
      this.dispatchEvent(new CreditCatalogChangeEvent(diff, next, previous));
      this.requestUpdate();
    };
    if (changes) apply(changes);
    else void loadCatalogChanges().then(apply);
  }

  /** The second currency and its rate, worked out once per catalog, rates and currency; a missing or bad rate is reported once. */
  #fxMemo: { of: [Catalog, unknown, string]; fx: DisplayFx | undefined } | undefined;
  #fx(catalog: Catalog): DisplayFx | undefined {
    const currency = this.displayCurrency?.trim().toUpperCase();
    if (!currency || !engine || currency === catalog.creditUnit.currency) return undefined;
    const source = this.exchangeRates ?? catalog.exchangeRates;
    const memo = this.#fxMemo;
    if (memo && memo.of[0] === catalog && memo.of[1] === source && memo.of[2] === currency) return memo.fx;
    let fx: DisplayFx | undefined;
    try {
      const rates = engine.parseExchangeRates(source ?? []);
      const found = engine.findRate(rates, catalog.creditUnit.currency, currency);
      if (!found) throw new RangeError(`display-currency ${currency}: no exchange rate between ${catalog.creditUnit.currency} and ${currency} (set exchangeRates or the catalog's exchangeRates)`);
      // The rate as given: the conversion divides by one quoted the other way round (USD → EUR).
      fx = { currency, rate: found.rate, key: `${currency}|${found.rate.from}|${found.rate.rate}|${found.rate.date}` };
    } catch (error) {
      this.dispatchEvent(new CreditErrorEvent(error as Error));
    }
    this.#fxMemo = { of: [catalog, source, currency], fx };
    return fx;
  }

  get #strings(): PricingTableStrings {
    return pricingTableStrings(this.language);
  }

  get #common(): CommonStrings {
    return commonStrings(this.language);
  }

  /** Key modes shown as column groups. */
  #shownModes(catalog: Catalog): string[] {
    const all = catalog.keyModes.map((k) => k.id);
    return this.keyMode !== 'both' && all.includes(this.keyMode) ? [this.keyMode] : all;
  }

  #keyModeName(catalog: Catalog, id: string): string {
    const known = this.#common.keyModes[id as keyof CommonStrings['keyModes']];
    return known ?? catalog.keyModes.find((k) => k.id === id)?.name ?? id;
  }

  #selectKeyMode(catalog: Catalog): string {
    const modes = this.#shownModes(catalog);
    const preferred = defaultKeyMode(catalog);
    return modes.includes(preferred) ? preferred : modes[0]!;
  }

  /** One listener for every sort button (a new closure per render would re-bind each header on every keystroke). */
  readonly #onSortClick = (event: Event): void => {
    const column = (event.currentTarget as HTMLElement).dataset['column'];
    if (column) this.#sortBy(column);
  };

  #sortBy(column: string): void {
    const direction = this.#sort?.column === column && this.#sort.direction === 'ascending' ? 'descending' : 'ascending';
    this.#sort = { column, direction };
    this.requestUpdate();
  }

  /** One listener per group for the row actions and the phone layout's row disclosures. */
  readonly #onRowClick = (event: Event): void => {
    const target = event.target as Element;
    const tr = target.closest('tr');
    const id = tr?.dataset['id'];
    const catalog = this.#loader.catalog;
    if (!id || !catalog) return;
    // Phone layout (the disclosure shows): a tap anywhere on the row but its action opens it.
    const expand = tr.querySelector('.expand');
    if (target.closest('.expand') || (expand?.getClientRects().length && !target.closest('.action'))) {
      if (!this.#open.delete(id)) this.#open.add(id);
      this.requestUpdate();
      return;
    }
    if (!target.closest('.action')) return;
    this.selected = id;
    // A planner-url link navigates as links do; the event tells a planner on the same page.
    this.dispatchEvent(new CreditServiceSelectEvent(id, this.#selectKeyMode(catalog)));
  };

  readonly #onSearch = (event: Event) => {
    this.#query = (event.target as HTMLInputElement).value;
    this.requestUpdate();
  };

  readonly #clearFilters = (): void => {
    this.#query = '';
    this.#brandFilter = '';
    this.#billingTypeFilter = '';
    this.requestUpdate();
    this.renderRoot.querySelector<HTMLInputElement>('#search')?.focus();
  };

  /** The jump list: to the group's heading, the focus on its first row (where the arrow keys go on). */
  readonly #jumpTo = (billingType: string): void => {
    const caption = this.renderRoot.querySelector<HTMLElement>(`#group-${CSS.escape(billingType)}`);
    caption?.scrollIntoView({ block: 'start' });
    caption?.closest('table')?.querySelector<HTMLElement>('tbody th')?.focus({ preventScroll: true });
  };

  readonly #skipList = (): void => {
    this.renderRoot.querySelector<HTMLElement>('#after-list')?.focus();
  };

  get #chat(): TypicalChat {
    return { inputTokens: tokensOr(this.chatInputTokens, DEFAULT_CHAT.inputTokens), outputTokens: tokensOr(this.chatOutputTokens, DEFAULT_CHAT.outputTokens) };
  }

  protected override render(): TemplateResult {
    const catalog = this.#loader.catalog;
    const built = catalog && this.#model?.catalog === catalog ? this.#model : undefined;
    const withCards = !!built && !this.hidePackages && !!built.catalog.packages?.length;
    // A catalog with packages shows its plan cards above the list: the list waits for their module
    // (the skeleton stays), so the cards do not push the rows down when they arrive.
    if (withCards && !cards) void loadPlanCards().then(() => this.requestUpdate());
    const model = withCards && !cards ? undefined : built;
    const busy = !model && !this.#loader.error;
    const views = model ? this.#views(model) : [];
    const list = model ? this.#listHost(model) : undefined;
    return html`<div part="base" class="base ${this.#scrolls ? 'scrolls' : ''}" aria-busy=${busy ? 'true' : 'false'}>
      ${model && withCards ? this.#renderCards(model.catalog) : nothing}
      ${this.#renderToolbar(model, views)} ${this.#renderStatus(built)}
      ${model && list ? engine!.renderGroups(list, model, views) : busy ? this.#renderSkeleton() : nothing}
      ${model ? this.#renderFooter(model.catalog) : nothing} ${this.#announcer.render()}
    </div>`;
  }

  #renderCards(catalog: Catalog): TemplateResult | typeof nothing {
    if (!cards) return nothing;
    return cards.renderPackages({ strings: this.#strings, locale: this.locale, buyUrl: this.buyUrl, recommended: this.recommendedPackage, fx: this.#fx(catalog), dispatchEvent: (e) => this.dispatchEvent(e) }, catalog);
  }

  /** One object for the list's templates, refreshed per render; its handlers are the element's own (stable). */
  #list: ListHost | undefined;
  #listHost(model: TableModel): ListHost {
    const h = (this.#list ??= {
      onSortClick: this.#onSortClick,
      onRowClick: this.#onRowClick,
      jumpTo: this.#jumpTo,
      skipList: this.#skipList,
      clearFilters: this.#clearFilters,
      requestUpdate: () => this.requestUpdate(),
      shownModes: (catalog) => this.#shownModes(catalog),
      keyModeName: (catalog, id) => this.#keyModeName(catalog, id),
      selectKeyMode: (catalog) => this.#selectKeyMode(catalog),
      open: this.#open,
      wholeGroups: this.#wholeGroups,
    } satisfies Partial<ListHost> as Partial<ListHost> as ListHost);
    h.strings = this.#strings;
    h.common = this.#common;
    h.language = this.language;
    h.locale = this.locale;
    h.currencyDisplay = this.currencyDisplay;
    h.fx = model ? this.#fx(model.catalog) : undefined;
    h.plannerUrl = this.plannerUrl;
    h.selected = this.selected;
    h.query = this.#query;
    h.billingTypeFilter = this.#billingTypeFilter;
    h.sort = this.#sort;
    h.chat = this.#chat;
    h.flash = this.#flash;
    h.previousMarks = this.#previousMarks;
    h.marksVersion = this.#marksVersion;
    return h;
  }

  /** Also waits for the rows the first render left for after the first paint (rows.ts). */
  protected override async getUpdateComplete(): Promise<boolean> {
    const complete = await super.getUpdateComplete();
    const rows = engine?.rowsSettled(this);
    if (!rows) return complete;
    await rows;
    return this.isUpdatePending ? this.getUpdateComplete() : complete;
  }

  protected override updated(): void {
    engine?.syncTabStop(this.renderRoot.querySelector<HTMLElement>('.groups'));
  }

  /** Every group the search and brand leave (the billing-type chip is applied when rendering, so the chips can count). */
  #views(model: TableModel): GroupView[] {
    const e = engine!;
    return e.viewOf(model, {
      query: this.#query,
      billingTypes: e.parseList(this.billingTypes),
      brands: e.parseList(this.brands),
      brand: this.#brandFilter,
      billingType: '',
      sort: this.#sort,
      keyModes: this.#shownModes(model.catalog),
      locale: this.locale,
    });
  }

  #renderToolbar(model: TableModel | undefined, views: GroupView[]): TemplateResult {
    const s = this.#strings;
    const lang = this.language;
    const allowedBrands = model ? engine!.parseList(this.brands) : [];
    const brands =
      model?.brands.filter((b) => !allowedBrands.length || allowedBrands.includes(b.brand.toLowerCase()) || allowedBrands.includes(b.brandEn?.toLowerCase() ?? '')) ?? [];
    const catalog = model?.catalog;
    const tokenGroups = model?.groups.some((g) => g.unit.startsWith('tokens-')) ?? false;
    const locale = this.locale;
    const count = (n: number) => formatNumber(n, locale);
    const shown = views.reduce((n, v) => n + v.rows.length, 0);
    const typeFilter = views.some((v) => v.group.billingType === this.#billingTypeFilter) ? this.#billingTypeFilter : '';
    return html`<div class="toolbar" part="toolbar">
      <div class="toolbar-row">
        <div class="field search">
          <label class="label" for="search">${s.search}</label>
          <div class="with-icon">
            ${searchIcon}
            <input
              id="search"
              class="input"
              part="search"
              type="search"
              autocomplete="off"
              spellcheck="false"
              placeholder=${s.searchPlaceholder}
              .value=${this.#query}
              ?disabled=${!model}
              @input=${this.#onSearch}
            />
          </div>
        </div>
        ${this.#brandBox.render({
          label: s.brand,
          value: this.#brandFilter,
          options: [{ value: '', label: s.allBrands }, ...brands.map((b) => ({ value: b.brand.toLowerCase(), label: brandName(b.brand, b.brandEn), keywords: b.brandEn ?? '' }))],
          language: lang,
          disabled: !model,
          part: 'brand',
        })}
      </div>
      ${catalog
        ? html`<div class="toolbar-row switches">
            ${catalog.keyModes.length > 1 ? this.#renderKeyModeSwitch(catalog) : nothing}
            ${model && (model.serviceTiers.length || model.serviceTier !== 'standard') ? this.#renderServiceTierSwitch(model) : nothing}
            ${tokenGroups
              ? segmented({
                  name: 'unit',
                  legend: s.unitSwitch,
                  showLegend: true,
                  value: this.unit === '1k' || this.unit === '1m' ? this.unit : model!.groups.find((g) => g.unit.startsWith('tokens-'))!.unit === 'tokens-1m' ? '1m' : '1k',
                  options: [
                    { value: '1k', label: s.perThousand },
                    { value: '1m', label: s.perMillion },
                  ],
                  onChange: (value) => (this.unit = value),
                })
              : nothing}
            ${segmented({
              name: 'display',
              legend: s.displaySwitch,
              showLegend: true,
              value: this.currencyDisplay === 'credits' || this.currencyDisplay === 'money' ? this.currencyDisplay : 'both',
              options: [
                { value: 'credits', label: s.credits },
                { value: 'money', label: catalog.creditUnit.currency },
                { value: 'both', label: s.bothDisplays },
              ],
              onChange: (value) => (this.currencyDisplay = value),
            })}
          </div>`
        : nothing}
      ${model && views.length > 1
        ? segmented({
            name: 'billing-type',
            legend: s.billingType,
            variant: 'chips',
            value: typeFilter,
            options: [
              { value: '', label: s.allTypes, count: count(shown) },
              ...views.map((v) => ({ value: v.group.billingType, label: billingTypeName(v.group.billingType, lang, v.group.catalogName), count: count(v.rows.length) })),
            ],
            onChange: (value) => {
              this.#billingTypeFilter = value;
              this.requestUpdate();
            },
            part: 'billing-types',
          })
        : nothing}
    </div>`;
  }

  /** Platform key / own key / both: the segmented control (one tab stop, arrow keys), reflected to `key-mode`. */
  #renderKeyModeSwitch(catalog: Catalog): TemplateResult {
    const modes = catalog.keyModes.map((k) => k.id);
    const current = modes.includes(this.keyMode) ? this.keyMode : 'both';
    return segmented({
      name: 'key-mode',
      legend: this.#strings.keyModeSwitch,
      showLegend: true,
      value: current,
      options: [...modes.map((id) => ({ value: id, label: this.#keyModeName(catalog, id) })), { value: 'both', label: this.#strings.bothKeyModes }],
      onChange: (value) => (this.keyMode = value),
      part: 'key-mode',
    });
  }

  /** Standard / batch / flex / priority: only the service tiers the catalog has (and the one asked for). */
  #renderServiceTierSwitch(model: TableModel): TemplateResult {
    const s = this.#strings;
    const tiers = SERVICE_TIER_NAMES.filter((t) => t === 'standard' || t === model.serviceTier || model.serviceTiers.includes(t));
    return segmented({
      name: 'service-tier',
      legend: s.serviceTierSwitch,
      showLegend: true,
      value: model.serviceTier,
      options: tiers.map((t) => ({ value: t, label: this.#common.serviceTiers[t] })),
      onChange: (value) => (this.serviceTier = value as ServiceTier),
      part: 'service-tier',
    });
  }

  #renderStatus(model: TableModel | undefined): TemplateResult | typeof nothing {
    const error = this.#loader.error;
    if (!error) return nothing;
    const s = this.#strings;
    const retry = html`<button class="button retry" type="button" @click=${() => void this.reload()}>${this.#common.retry}</button>`;
    if (!model) {
      return html`<div class="message error" role="alert">
        <p><strong>${s.loadFailed}</strong></p>
        <p class="detail">${loadErrorText(error, this.language, this.locale)}</p>
        ${retry}
      </div>`;
    }
    const checked = model.catalog.source?.checked ?? this.#loader.checkedAt;
    return html`<div class="message stale" role="status">
      <p>${s.refreshFailed(checked ? formatDate(checked, this.locale) : '—')}</p>
      ${retry}
    </div>`;
  }

  #renderSkeleton(): TemplateResult {
    return html`<div class="skeleton">
      <p class="visually-hidden" role="status">${this.#common.loading}</p>
      ${Array.from({ length: SKELETON_ROWS }, () => html`<div class="skeleton-row" aria-hidden="true"><span></span><span></span><span></span></div>`)}
    </div>`;
  }

  #renderFooter(catalog: Catalog): TemplateResult {
    const s = this.#strings;
    const locale = this.locale;
    const checked = this.#loader.checkedAt;
    const fx = this.#fx(catalog);
    return html`<footer class="footer" id="after-list" tabindex="-1">
      <span>${s.catalogVersion(catalog.version)}</span>
      ${catalog.source ? html`<span>${s.source}: ${catalog.source.document}</span><span>${s.asOf(formatDate(catalog.source.checked, locale))}</span>` : nothing}
      ${this.at && this.#model ? html`<span class="at">${s.pricesAt(formatDate(new Date(this.#model.at), locale, { dateStyle: 'medium', ...(this.at.includes('T') && { timeStyle: 'short' }) }))}</span>` : nothing}
      ${checked ? html`<span>${s.checkedAt(formatDate(checked, locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: undefined }))}</span>` : nothing}
      ${fx ? html`<p class="fx-note" part="exchange-note">${exchangeNote(fx.rate, catalog.creditUnit.currency, locale)}</p>` : nothing}
    </footer>`;
  }
}

import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Catalog, CatalogInput, PriceKey } from '../../core/catalog/schema.js';
import {
  billingTypeName,
  commonStrings,
  formatCreditAmount,
  formatDate,
  formatMoney,
  formatNumber,
  type CommonStrings,
} from '../../i18n/index.js';
import { Announcer } from '../common/announcer.js';
import { CatalogController } from '../common/catalog-controller.js';
import { fetchCatalog, type FetchLike } from '../common/catalog-fetch.js';
import { CreditErrorEvent } from '../common/events.js';
import { LocaleController } from '../common/locale-controller.js';
import { cellKey, type PriceCell, type Row, type TableModel, type TokenUnitPreference } from './model-types.js';
import { CreditCatalogChangeEvent, CreditServiceSelectEvent } from './pricing-table.events.js';
import { pricingTableStrings, type PricingTableStrings } from './pricing-table.strings.js';
import { styles } from './pricing-table.styles.js';
import { parseList, viewOf, type GroupView, type SortState } from './view.js';

type Engine = typeof import('./pricing-model.js');
let engine: Engine | undefined;
let engineLoading: Promise<Engine> | undefined;
/** The model builder brings core's Decimal; it loads in parallel with the catalog request. */
export function loadPricingEngine(): Promise<Engine> {
  engineLoading ??= import('./pricing-model.js').then((m) => (engine = m));
  return engineLoading;
}

export type KeyModeDisplay = 'platform' | 'own' | 'both' | (string & {});
export type CurrencyDisplay = 'credits' | 'money' | 'both';

const FLASH_MS = 6000;
const SKELETON_ROWS = 8;

/**
 * The live price list of a catalog: searchable, filterable, sortable, grouped by billing type,
 * in the page's language, kept current by ETag revalidation. The language comes from the global
 * `lang` attribute on the element or its closest ancestor (then the document): `de-*` is German.
 * Under Trusted Types, allow lit's policy: `trusted-types lit-html` (add 'allow-duplicates' when
 * the page loads another copy of lit).
 *
 * @tagname credit-pricing-table
 * @summary A live, accessible price table for a credits catalog.
 *
 * @fires credit-service-select - CreditServiceSelectEvent: a model was chosen (`detail.serviceId`, `detail.keyMode`).
 * @fires credit-catalog-change - CreditCatalogChangeEvent: a refresh brought other prices (`detail.diff`: added, removed, repriced).
 * @fires credit-error - CreditErrorEvent: the catalog could not be loaded or was invalid; the last good data stays.
 *
 * @csspart base - The wrapper of everything.
 * @csspart search - The search box.
 * @csspart table - Each group's table.
 * @csspart row - A service's row (a card on narrow screens).
 * @csspart price - A price cell.
 * @csspart badge - The cheapest / changed / new badges.
 *
 * @cssproperty [--credit-color-text] - Text colour (light #1a1a1f, dark #ececf1).
 * @cssproperty [--credit-color-surface] - Background.
 * @cssproperty [--credit-color-surface-alt] - Header and stripe background.
 * @cssproperty [--credit-color-border] - Rules and borders.
 * @cssproperty [--credit-color-accent] - Buttons, selected row, sort marks.
 * @cssproperty [--credit-color-positive] - The cheapest badge.
 * @cssproperty [--credit-color-warning] - Changed prices.
 * @cssproperty [--credit-radius=0.5rem] - Corner radius.
 * @cssproperty [--credit-pricing-table-max-height=none] - Scroll the table inside this height.
 */
export class CreditPricingTable extends LitElement {
  static override styles = styles;

  /** Registers the element as `tag` in `registry` (a subclass for any other tag); idempotent. */
  static define(tag = 'credit-pricing-table', registry: CustomElementRegistry = customElements): void {
    if (!registry.get(tag)) registry.define(tag, tag === 'credit-pricing-table' ? this : class extends this {});
  }

  static override properties = {
    src: { type: String },
    catalog: { attribute: false },
    keyMode: { type: String, attribute: 'key-mode' },
    unit: { type: String },
    billingTypes: { type: String, attribute: 'billing-types' },
    brands: { type: String },
    currencyDisplay: { type: String, attribute: 'currency-display' },
    refresh: { type: Number },
    previous: { attribute: 'previous' },
    selected: { type: String, reflect: true },
    theme: { type: String, reflect: true },
    fetch: { attribute: false },
    query: { state: true },
    brandFilter: { state: true },
    billingTypeFilter: { state: true },
    sort: { state: true },
  };

  /** URL of the catalog JSON. */
  declare src: string | undefined;
  /** A catalog given from script (parsed or not); wins over `src`. */
  declare catalog: Catalog | CatalogInput | undefined;
  /** `platform`, `own` or `both` (two column groups, like the source list). @default 'both' */
  declare keyMode: KeyModeDisplay;
  /** Token prices per `1k` or `1m` tokens; unset = as the catalog publishes them. */
  declare unit: TokenUnitPreference | '';
  /** Only these billing type ids (comma separated). */
  declare billingTypes: string;
  /** Only these brands (comma separated, published or English name). */
  declare brands: string;
  /** @default 'both' */
  declare currencyDisplay: CurrencyDisplay;
  /** Revalidate every this many seconds (0 = only when the tab becomes visible). @unit s @default 0 */
  declare refresh: number;
  /** A previous catalog (URL or object): prices that differ from it are marked "price changed". */
  declare previous: string | Catalog | CatalogInput | undefined;
  /** Id of the selected service. */
  declare selected: string | undefined;
  /** `light`, `dark`, or unset to follow the page's colour scheme. */
  declare theme: 'light' | 'dark' | undefined;
  /** Injected fetch (tests, auth). */
  declare fetch: FetchLike | undefined;
  declare query: string;
  declare brandFilter: string;
  declare billingTypeFilter: string;
  declare sort: SortState | undefined;

  private readonly locale = new LocaleController(this);
  private readonly announcer = new Announcer(this);
  private readonly loader = new CatalogController(this, {
    onChange: (next, previous) => this.catalogChanged(next, previous),
    onError: (error) => this.dispatchEvent(new CreditErrorEvent(error, this.src)),
  });
  private model: TableModel | undefined;
  private modelUnit: TokenUnitPreference;
  private previousCatalog: Catalog | undefined;
  private previousMarks: { of: [Catalog, Catalog]; cells: Map<string, string | undefined>; added: Set<string> } | undefined;
  /** Cells and rows changed by the last live refresh, marked for a moment. */
  private flash: { cells: Map<string, string | undefined>; added: Set<string> } | undefined;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped whenever live or "previous" marks change, so memoized rows re-render. */
  private marksVersion = 0;

  constructor() {
    super();
    this.keyMode = 'both';
    this.unit = '';
    this.billingTypes = '';
    this.brands = '';
    this.currencyDisplay = 'both';
    this.refresh = 0;
    this.query = '';
    this.brandFilter = '';
    this.billingTypeFilter = '';
  }

  /** The catalog shown (the last good one). */
  get currentCatalog(): Catalog | undefined {
    return this.loader.catalog;
  }

  /** Revalidates now (If-None-Match); resolves when the answer is shown. */
  async reload(): Promise<void> {
    await this.loader.revalidate();
    await this.updateComplete;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void loadPricingEngine();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.flashTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.loader.fetch = this.fetch;
    if (changed.has('catalog') && this.catalog !== undefined) this.adoptCatalog(this.catalog, (c) => this.loader.set(c));
    if (this.catalog === undefined) this.loader.sync(this.src, this.refresh);
    if (changed.has('previous')) this.loadPrevious();
    const catalog = this.loader.catalog;
    const unit = this.unit === '1k' || this.unit === '1m' ? this.unit : undefined;
    if (catalog && (this.model?.catalog !== catalog || this.modelUnit !== unit)) {
      if (engine) {
        this.model = engine.buildModel(catalog, unit);
        this.modelUnit = unit;
      } else void loadPricingEngine().then(() => this.requestUpdate());
    }
    if (engine && catalog && this.previousCatalog && (this.previousMarks?.of[0] !== this.previousCatalog || this.previousMarks.of[1] !== catalog)) {
      this.previousMarks = { of: [this.previousCatalog, catalog], ...engine.changedCells(engine.diffCatalogs(this.previousCatalog, catalog)) };
      this.marksVersion++;
    }
    if (!this.previousCatalog && this.previousMarks) {
      this.previousMarks = undefined;
      this.marksVersion++;
    }
  }

  /** A catalog object from script: used as is when parsed (frozen), validated otherwise. */
  private adoptCatalog(value: Catalog | CatalogInput, use: (catalog: Catalog) => void): void {
    if (Object.isFrozen(value)) {
      use(value as Catalog);
      return;
    }
    void loadPricingEngine().then((e) => {
      try {
        use(e.parseCatalog(value));
      } catch (error) {
        this.loader.error = error as Error;
        this.dispatchEvent(new CreditErrorEvent(error as Error));
        this.requestUpdate();
      }
    });
  }

  private loadPrevious(): void {
    const previous = this.previous;
    this.previousCatalog = undefined;
    if (!previous) return;
    if (typeof previous !== 'string') {
      this.adoptCatalog(previous, (c) => {
        this.previousCatalog = c;
        this.requestUpdate();
      });
      return;
    }
    fetchCatalog(previous, { fetch: this.fetch }).then(
      (result) => {
        if (this.previous !== previous || result.notModified) return;
        this.previousCatalog = result.catalog;
        this.requestUpdate();
      },
      (error: Error) => this.dispatchEvent(new CreditErrorEvent(error, previous)),
    );
  }

  private catalogChanged(next: Catalog, previous: Catalog): void {
    const apply = (e: Engine) => {
      const diff = e.diffCatalogs(previous, next);
      if (e.isEmptyDiff(diff)) return;
      this.flash = e.changedCells(diff);
      this.marksVersion++;
      clearTimeout(this.flashTimer);
      this.flashTimer = setTimeout(() => {
        this.flash = undefined;
        this.marksVersion++;
        this.requestUpdate();
      }, FLASH_MS);
      this.announcer.announce(this.strings.updated(diff.repriced.length, diff.added.length, diff.removed.length));
      this.dispatchEvent(new CreditCatalogChangeEvent(diff, next, previous));
      this.requestUpdate();
    };
    if (engine) apply(engine);
    else void loadPricingEngine().then(apply);
  }

  private get strings(): PricingTableStrings {
    return pricingTableStrings(this.locale.language);
  }

  private get common(): CommonStrings {
    return commonStrings(this.locale.language);
  }

  /** Key modes shown as column groups. */
  private shownModes(catalog: Catalog): string[] {
    const all = catalog.keyModes.map((k) => k.id);
    return this.keyMode !== 'both' && all.includes(this.keyMode) ? [this.keyMode] : all;
  }

  private keyModeName(catalog: Catalog, id: string): string {
    const known = this.common.keyModes[id as keyof CommonStrings['keyModes']];
    return known ?? catalog.keyModes.find((k) => k.id === id)?.name ?? id;
  }

  private selectKeyMode(catalog: Catalog): string {
    const modes = this.shownModes(catalog);
    return modes.length === 1 ? modes[0]! : (catalog.defaultKeyMode ?? modes[0]!);
  }

  /** One listener for every sort button (a new closure per render would re-bind each header on every keystroke). */
  private onSortClick(event: Event): void {
    const column = (event.currentTarget as HTMLElement).dataset['column'];
    if (column) this.sortBy(column);
  }

  private sortBy(column: string): void {
    const direction = this.sort?.column === column && this.sort.direction === 'ascending' ? 'descending' : 'ascending';
    this.sort = { column, direction };
  }

  private select(row: Row, catalog: Catalog): void {
    this.selected = row.service.id;
    this.dispatchEvent(new CreditServiceSelectEvent(row.service.id, this.selectKeyMode(catalog)));
  }

  private clearFilters(): void {
    this.query = '';
    this.brandFilter = '';
    this.billingTypeFilter = '';
    this.renderRoot.querySelector<HTMLInputElement>('#search')?.focus();
  }

  protected override render(): TemplateResult {
    const catalog = this.loader.catalog;
    const model = catalog && this.model?.catalog === catalog ? this.model : undefined;
    const busy = !model && !this.loader.error;
    return html`<div part="base" class="base" aria-busy=${busy ? 'true' : 'false'}>
      ${this.renderToolbar(model)} ${this.renderStatus(model)} ${model ? this.renderGroups(model) : busy ? this.renderSkeleton() : nothing}
      ${model ? this.renderFooter(model.catalog) : nothing} ${this.announcer.render()}
    </div>`;
  }

  private renderToolbar(model: TableModel | undefined): TemplateResult {
    const s = this.strings;
    const lang = this.locale.language;
    const allowedTypes = parseList(this.billingTypes);
    const allowedBrands = parseList(this.brands);
    const groups = model?.groups.filter((g) => !allowedTypes.length || allowedTypes.includes(g.billingType)) ?? [];
    const brands =
      model?.brands.filter((b) => !allowedBrands.length || allowedBrands.includes(b.brand.toLowerCase()) || allowedBrands.includes(b.brandEn?.toLowerCase() ?? '')) ?? [];
    return html`<div class="toolbar">
      <div class="field search">
        <label for="search">${s.search}</label>
        <input
          id="search"
          part="search"
          type="search"
          autocomplete="off"
          spellcheck="false"
          placeholder=${s.searchPlaceholder}
          .value=${this.query}
          ?disabled=${!model}
          @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
        />
      </div>
      <div class="field">
        <label for="brand">${s.brand}</label>
        <select id="brand" ?disabled=${!model} @change=${(e: Event) => (this.brandFilter = (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!this.brandFilter}>${s.allBrands}</option>
          ${brands.map(
            (b) => html`<option value=${b.brand.toLowerCase()} ?selected=${this.brandFilter === b.brand.toLowerCase()}>${brandLabel(b.brand, b.brandEn)}</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="type">${s.billingType}</label>
        <select id="type" ?disabled=${!model} @change=${(e: Event) => (this.billingTypeFilter = (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!this.billingTypeFilter}>${s.allBillingTypes}</option>
          ${groups.map(
            (g) => html`<option value=${g.billingType} ?selected=${this.billingTypeFilter === g.billingType}>${billingTypeName(g.billingType, lang, g.catalogName)}</option>`,
          )}
        </select>
      </div>
    </div>`;
  }

  private renderStatus(model: TableModel | undefined): TemplateResult | typeof nothing {
    const error = this.loader.error;
    if (!error) return nothing;
    const s = this.strings;
    const retry = html`<button class="retry" type="button" @click=${() => void this.reload()}>${this.common.retry}</button>`;
    if (!model) {
      return html`<div class="message error" role="alert">
        <p><strong>${s.loadFailed}</strong></p>
        <p class="detail">${error.message}</p>
        ${retry}
      </div>`;
    }
    const checked = model.catalog.source?.checked ?? this.loader.checkedAt;
    return html`<div class="message stale" role="status">
      <p>${s.refreshFailed(checked ? formatDate(checked, this.locale.locale) : '—')}</p>
      ${retry}
    </div>`;
  }

  private renderSkeleton(): TemplateResult {
    return html`<div class="skeleton">
      <p class="visually-hidden" role="status">${this.common.loading}</p>
      ${Array.from({ length: SKELETON_ROWS }, () => html`<div class="skeleton-row" aria-hidden="true"><span></span><span></span><span></span></div>`)}
    </div>`;
  }

  private renderGroups(model: TableModel): TemplateResult {
    const catalog = model.catalog;
    const modes = this.shownModes(catalog);
    const views = viewOf(model, {
      query: this.query,
      billingTypes: parseList(this.billingTypes),
      brands: parseList(this.brands),
      brand: this.brandFilter,
      billingType: this.billingTypeFilter,
      sort: this.sort,
      keyModes: modes,
      locale: this.locale.locale,
    });
    const shown = views.reduce((n, v) => n + v.rows.length, 0);
    const total = model.groups.reduce((n, g) => n + g.rows.length, 0);
    const locale = this.locale.locale;
    return html`<p class="count" aria-live="polite">${this.strings.shown(formatNumber(shown, locale), formatNumber(total, locale))}</p>
      ${views.length
        ? repeat(
            views,
            (v) => v.group.billingType,
            (v) => this.renderGroup(catalog, v, modes),
          )
        : html`<div class="message empty">
            <p>${this.strings.empty}</p>
            <button type="button" @click=${this.clearFilters}>${this.strings.clearFilters}</button>
          </div>`}`;
  }

  private renderGroup(catalog: Catalog, view: GroupView, modes: string[]): TemplateResult {
    const { group } = view;
    const s = this.strings;
    const lang = this.locale.language;
    const locale = this.locale.locale;
    const money = this.currencyDisplay === 'money';
    const unitWord = money ? catalog.creditUnit.currency : this.common.credits;
    const captionId = `group-${group.billingType}`;
    const twoRows = modes.length > 1;
    const sortHeader = (column: string, label: string, extra: Record<string, unknown> = {}) => {
      const active = this.sort && (column === 'name' ? this.sort.column === 'name' : view.sortedColumn === column);
      return html`<th
        scope="col"
        rowspan=${extra['rowspan'] ?? 1}
        aria-sort=${active ? this.sort!.direction : nothing}
        class=${active ? 'sorted' : ''}
      >
        <button type="button" class="sort" data-column=${column} @click=${this.onSortClick}>
          ${label}<span class="sort-mark" aria-hidden="true">${active ? (this.sort!.direction === 'ascending' ? '▲' : '▼') : '↕'}</span>
        </button>
      </th>`;
    };
    const firstMode = modes[0]!;
    const ctx: RowContext = {
      key: `${locale}|${this.currencyDisplay}|${modes.join()}`,
      modes,
      buysLabel: s.buys(formatNumber('1000', locale)),
      columns: modes.flatMap((mode) =>
        group.keys.map((key) => ({ key: cellKey(mode, key), label: twoRows ? `${this.keyModeName(catalog, mode)} · ${s.keys[key]}` : s.keys[key] })),
      ),
    };
    const priceHeaders = (mode: string) => group.keys.map((key) => sortHeader(cellKey(mode, key), s.keys[key]));
    return html`<section class="group" aria-labelledby=${captionId}>
      <table part="table">
        <caption id=${captionId}>
          <span class="group-name">${billingTypeName(group.billingType, lang, group.catalogName)}</span>
          <span class="unit">${unitWord} ${this.common.perUnit[group.unit]}</span>
        </caption>
        <thead>
          <tr>
            ${sortHeader('name', s.model, { rowspan: twoRows ? 2 : 1 })}
            ${twoRows
              ? modes.map((mode) => html`<th scope="colgroup" colspan=${group.keys.length} class="mode">${this.keyModeName(catalog, mode)}</th>`)
              : priceHeaders(firstMode)}
            <th scope="col" rowspan=${twoRows ? 2 : 1} class="buys">${s.buys(formatNumber('1000', locale))}</th>
          </tr>
          ${twoRows ? html`<tr>${modes.map(priceHeaders)}</tr>` : nothing}
        </thead>
        <tbody>
          ${repeat(
            view.rows,
            (row) => row.service.id,
            (row) => this.renderRow(catalog, view, row, ctx),
          )}
        </tbody>
      </table>
    </section>`;
  }

  // Rows and cells are kept flat and free of whitespace text: 118 rows × 6 cells, and the DOM size
  // is what the first render's layout pays for. Card labels come from data-label through CSS.
  /** A row's template, reused while nothing it shows has changed: a keystroke re-renders only what differs. */
  private renderRow(catalog: Catalog, view: GroupView, row: Row, ctx: RowContext): TemplateResult {
    const id = row.service.id;
    let cheapest = '';
    for (const column of ctx.columns) if (view.cheapest.has(`${id}|${column.key}`)) cheapest += column.key;
    const key = `${ctx.key}|${this.selected === id}|${this.marksVersion}|${cheapest}`;
    const memo = rowMemo.get(row);
    if (memo?.key === key) return memo.result;
    const result = this.buildRow(catalog, view, row, ctx);
    rowMemo.set(row, { key, result });
    return result;
  }

  private buildRow(catalog: Catalog, view: GroupView, row: Row, ctx: RowContext): TemplateResult {
    const service = row.service;
    const selected = this.selected === service.id;
    const added = this.flash?.added.has(service.id) || this.previousMarks?.added.has(service.id);
    return html`<tr part="row" class=${selected ? 'selected' : ''} data-id=${service.id}><th scope="row"><button type="button" class="model" aria-pressed=${selected ? 'true' : 'false'} @click=${() => this.select(row, catalog)}>${service.model}</button><span class="brand">${brandLabel(service.brand, service.brandEn)}</span>${added
        ? html`<span part="badge" class="badge new">${this.strings.newService}</span>`
        : nothing}</th>${ctx.columns.map((column) => this.renderCell(catalog, view, row, column))}<td class="buys" data-label=${ctx.buysLabel}>${this.renderBuys(catalog, view, row, ctx.modes[0]!)}</td></tr>`;
  }

  private renderBuys(catalog: Catalog, view: GroupView, row: Row, mode: string): TemplateResult | string {
    const buys = engine!.buysOf(catalog, view.group, row, mode);
    if (!buys) return html`<span aria-hidden="true">—</span><span class="visually-hidden">${this.common.notOffered}</span>`;
    if (buys.quantity === null) return this.strings.unlimited;
    return `${formatNumber(buys.quantity, this.locale.locale)} ${this.strings.quantity[view.group.quantityKind]}`;
  }

  private renderCell(catalog: Catalog, view: GroupView, row: Row, column: { key: string; label: string }): TemplateResult {
    const cell = row.cells.get(column.key) as PriceCell;
    const id = `${row.service.id}|${column.key}`;
    const flashed = this.flash?.cells.has(id);
    const marked = this.previousMarks?.cells.has(id);
    const cheapest = view.cheapest.has(id);
    const classes = flashed || marked ? `${cellClass[cell.state]}${flashed ? ' flash' : ''}${marked ? ' changed' : ''}` : cellClass[cell.state];
    const t = this.amount(catalog, cell);
    const extras =
      t.listed === undefined && !t.hidden && !cheapest && !flashed && !marked
        ? nothing
        : [
            t.listed === undefined ? nothing : html` <span class="listed">${this.strings.published} <s>${t.listed}</s></span>`,
            t.hidden ? html`<span aria-hidden="true">—</span><span class="visually-hidden">${this.strings.notApplicable}</span>` : nothing,
            cheapest ? html` <span part="badge" class="badge cheapest">${this.strings.cheapest}</span>` : nothing,
            flashed || marked ? this.changedBadge(id) : nothing,
          ];
    return html`<td part="price" class=${classes} data-cell=${column.key} data-label=${column.label} ?data-changed=${flashed}>${t.main}<span class="money">${t.money}</span>${extras}</td>`;
  }

  private changedBadge(id: string): TemplateResult {
    const percent = this.previousMarks?.cells.get(id) ?? this.flash?.cells.get(id);
    const shown = percent ? ` ${percent.startsWith('-') ? '' : '+'}${formatNumber(percent, this.locale.locale, { maximumFractionDigits: 2 })} %` : '';
    return html` <span part="badge" class="badge changed">${this.strings.priceChanged}${shown}</span>`;
  }

  /** A cell's texts, formatted once per cell, locale and currency display (a keystroke re-renders rows). */
  private amount(catalog: Catalog, cell: PriceCell): CellText {
    const locale = this.locale.locale;
    const key = `${locale}|${this.currencyDisplay}`;
    const memo = amountMemo.get(cell);
    if (memo?.key === key) return memo;
    const common = this.common;
    let text: CellText;
    if (cell.state === 'none') text = { key, main: '', money: '', hidden: true };
    else if (cell.state === 'not-offered') text = { key, main: common.notOffered, money: '' };
    else if (cell.state === 'free') text = { key, main: common.free, money: '' };
    else {
      const currency = catalog.creditUnit.currency;
      const display = this.currencyDisplay;
      const money = formatMoney(cell.money!, currency, locale);
      const listed =
        cell.listed === undefined ? undefined : display === 'money' ? formatMoney(cell.listedMoney!, currency, locale) : formatCreditAmount(cell.listed, locale);
      text = {
        key,
        main: display === 'money' ? money : formatCreditAmount(cell.charged!, locale),
        money: display === 'both' ? money : '',
        ...(listed !== undefined && { listed }),
      };
    }
    amountMemo.set(cell, text);
    return text;
  }

  private renderFooter(catalog: Catalog): TemplateResult {
    const s = this.strings;
    const locale = this.locale.locale;
    const checked = this.loader.checkedAt;
    return html`<footer class="footer">
      <span>${s.catalogVersion(catalog.version)}</span>
      ${catalog.source ? html`<span>${s.source}: ${catalog.source.document}</span><span>${s.asOf(formatDate(catalog.source.checked, locale))}</span>` : nothing}
      ${checked ? html`<span>${s.checkedAt(formatDate(checked, locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: undefined }))}</span>` : nothing}
    </footer>`;
  }
}

interface RowContext {
  /** What every row of the group depends on besides its own data. */
  key: string;
  modes: string[];
  buysLabel: string;
  columns: { key: string; label: string }[];
}

const cellClass: Record<PriceCell['state'], string> = { price: 'price', free: 'price free', 'not-offered': 'price not-offered', none: 'price none' };
interface CellText {
  key: string;
  /** Credits (or money with currency-display="money"), or "free" / "not offered" / "—". */
  main: string;
  money: string;
  listed?: string;
  /** A price the service does not have: "—" for the eye, "not applicable" for screen readers. */
  hidden?: true;
}
const amountMemo = new WeakMap<PriceCell, CellText>();
const rowMemo = new WeakMap<Row, { key: string; result: TemplateResult }>();

function brandLabel(brand: string, brandEn: string | undefined): string {
  return brandEn && brandEn !== brand ? `${brand} (${brandEn})` : brand;
}

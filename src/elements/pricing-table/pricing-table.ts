import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Catalog, CatalogLike } from '../../core/catalog/schema.js';
import { brandName } from '../../core/catalog/names.js';
import { defaultKeyMode } from '../../core/catalog/key-modes.js';
import {
  billingTypeName,
  commonStrings,
  formatDate,
  formatNumber,
  type CommonStrings,
} from '../../i18n/index.js';
import { Announcer } from '../common/announcer.js';
import { CatalogController } from '../common/catalog-controller.js';
import { fetchCatalog, loadErrorText, validCatalog, type FetchLike } from '../common/catalog-fetch.js';
import { CreditElement } from '../common/credit-element.js';
import { CreditErrorEvent } from '../common/events.js';
import type { CurrencyDisplay } from './cell-text.js';
import { cellKey, type TableModel, type TokenUnitPreference } from './model-types.js';
import { CreditCatalogChangeEvent, CreditServiceSelectEvent } from './pricing-table.events.js';
import { pricingTableStrings, type PricingTableStrings } from './pricing-table.strings.js';
import { styles } from './pricing-table.styles.js';
import { rows, type Marks, type RowsContext } from './rows.js';
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
export type { CurrencyDisplay };

const FLASH_MS = 6000;
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
 * @cssproperty [--credit-pricing-table-max-height=none] - Scroll the table inside this height.
 */
export class CreditPricingTable extends CreditElement {
  static override readonly tag = 'credit-pricing-table';
  static override styles = styles;

  static override properties = {
    src: { type: String },
    catalog: { attribute: false },
    keyMode: { type: String, attribute: 'key-mode', reflect: true },
    unit: { type: String },
    billingTypes: { type: String, attribute: 'billing-types' },
    brands: { type: String },
    currencyDisplay: { type: String, attribute: 'currency-display' },
    refresh: { type: Number },
    previous: { attribute: 'previous' },
    selected: { type: String, reflect: true },
    timeout: { type: Number },
    fetch: { attribute: false },
  };

  /** URL of the catalog JSON. */
  declare src: string | undefined;
  /** A catalog given from script, parsed or as JSON (then validated); wins over `src`. */
  declare catalog: CatalogLike | undefined;
  /** `platform`, `own` or `both` (two column groups, like the source list). @default 'both' */
  declare keyMode: KeyModeDisplay;
  /** Token prices per `1k` or `1m` tokens; unset = as the catalog publishes them. */
  declare unit: TokenUnitPreference | '';
  /** Only these billing type ids (comma separated). */
  declare billingTypes: string;
  /** Only these brands (comma separated, published or English name). */
  declare brands: string;
  /** Prices in `credits`, in `money` (the catalog's currency) or `both` (money under credits). @default 'both' */
  declare currencyDisplay: CurrencyDisplay;
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

  // Visitor state (search, filters, sort): private, not attributes.
  #query = '';
  #brandFilter = '';
  #billingTypeFilter = '';
  #sort: SortState | undefined;
  readonly #announcer = new Announcer(this);
  readonly #loader = new CatalogController(this, {
    onChange: (next, previous) => this.#catalogChanged(next, previous),
    onError: (error) => this.dispatchEvent(new CreditErrorEvent(error, this.src)),
  });
  #model: TableModel | undefined;
  #modelUnit: TokenUnitPreference;
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
    this.unit = '';
    this.billingTypes = '';
    this.brands = '';
    this.currencyDisplay = 'both';
    this.refresh = 0;
    this.timeout = 15;
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

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#loader.sync({ catalog: this.catalog ?? this.providedCatalog, src: this.src, refresh: this.refresh, timeout: this.timeout, fetch: this.fetch });
    if (changed.has('previous')) this.#loadPrevious();
    const catalog = this.#loader.catalog;
    const unit = this.unit === '1k' || this.unit === '1m' ? this.unit : undefined;
    if (catalog && (this.#model?.catalog !== catalog || this.#modelUnit !== unit)) {
      if (engine) {
        this.#model = engine.buildModel(catalog, unit);
        this.#modelUnit = unit;
      } else void loadPricingEngine().then(() => this.requestUpdate());
    }
    if (engine && catalog && this.#previousCatalog && (this.#previousMarks?.of[0] !== this.#previousCatalog || this.#previousMarks.of[1] !== catalog)) {
      this.#previousMarks = { of: [this.#previousCatalog, catalog], ...engine.changedCells(engine.diffCatalogs(this.#previousCatalog, catalog)) };
      this.#marksVersion++;
    }
    if (!this.#previousCatalog && this.#previousMarks) {
      this.#previousMarks = undefined;
      this.#marksVersion++;
    }
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
    const apply = (e: Engine) => {
      const diff = e.diffCatalogs(previous, next);
      if (e.isEmptyDiff(diff)) return;
      this.#flash = e.changedCells(diff);
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
    if (engine) apply(engine);
    else void loadPricingEngine().then(apply);
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
  #onSortClick(event: Event): void {
    const column = (event.currentTarget as HTMLElement).dataset['column'];
    if (column) this.#sortBy(column);
  }

  #sortBy(column: string): void {
    const direction = this.#sort?.column === column && this.#sort.direction === 'ascending' ? 'descending' : 'ascending';
    this.#sort = { column, direction };
    this.requestUpdate();
  }

  /** One listener per group for the model buttons of all its rows. */
  #onRowClick(event: Event): void {
    const button = (event.target as Element).closest('button.model');
    const id = button?.closest('tr')?.dataset['id'];
    const catalog = this.#loader.catalog;
    if (!id || !catalog) return;
    this.selected = id;
    this.dispatchEvent(new CreditServiceSelectEvent(id, this.#selectKeyMode(catalog)));
  }

  readonly #onSearch = (event: Event) => {
    this.#query = (event.target as HTMLInputElement).value;
    this.requestUpdate();
  };

  readonly #onBrand = (event: Event) => {
    this.#brandFilter = (event.target as HTMLSelectElement).value;
    this.requestUpdate();
  };

  readonly #onBillingType = (event: Event) => {
    this.#billingTypeFilter = (event.target as HTMLSelectElement).value;
    this.requestUpdate();
  };

  #onKeyModeChange(event: Event): void {
    this.keyMode = (event.target as HTMLInputElement).value;
  }

  #clearFilters(): void {
    this.#query = '';
    this.#brandFilter = '';
    this.#billingTypeFilter = '';
    this.requestUpdate();
    this.renderRoot.querySelector<HTMLInputElement>('#search')?.focus();
  }

  protected override render(): TemplateResult {
    const catalog = this.#loader.catalog;
    const model = catalog && this.#model?.catalog === catalog ? this.#model : undefined;
    const busy = !model && !this.#loader.error;
    return html`<div part="base" class="base" aria-busy=${busy ? 'true' : 'false'}>
      ${this.#renderToolbar(model)} ${this.#renderStatus(model)} ${model ? this.#renderGroups(model) : busy ? this.#renderSkeleton() : nothing}
      ${model ? this.#renderFooter(model.catalog) : nothing} ${this.#announcer.render()}
    </div>`;
  }

  #renderToolbar(model: TableModel | undefined): TemplateResult {
    const s = this.#strings;
    const lang = this.language;
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
          .value=${this.#query}
          ?disabled=${!model}
          @input=${this.#onSearch}
        />
      </div>
      <div class="field">
        <label for="brand">${s.brand}</label>
        <select id="brand" ?disabled=${!model} @change=${this.#onBrand}>
          <option value="" ?selected=${!this.#brandFilter}>${s.allBrands}</option>
          ${brands.map(
            (b) => html`<option value=${b.brand.toLowerCase()} ?selected=${this.#brandFilter === b.brand.toLowerCase()}>${brandName(b.brand, b.brandEn)}</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="type">${s.billingType}</label>
        <select id="type" ?disabled=${!model} @change=${this.#onBillingType}>
          <option value="" ?selected=${!this.#billingTypeFilter}>${s.allBillingTypes}</option>
          ${groups.map(
            (g) => html`<option value=${g.billingType} ?selected=${this.#billingTypeFilter === g.billingType}>${billingTypeName(g.billingType, lang, g.catalogName)}</option>`,
          )}
        </select>
      </div>
      ${model && model.catalog.keyModes.length > 1 ? this.#renderKeyModeSwitch(model.catalog) : nothing}
    </div>`;
  }

  /** Platform key / own key / both: native radios (one tab stop, arrow keys), reflected to `key-mode`. */
  #renderKeyModeSwitch(catalog: Catalog): TemplateResult {
    const modes = catalog.keyModes.map((k) => k.id);
    const current = modes.includes(this.keyMode) ? this.keyMode : 'both';
    const option = (id: string, label: string) =>
      html`<label><input type="radio" name="key-mode" value=${id} .checked=${current === id} />${label}</label>`;
    return html`<fieldset class="field key-mode" @change=${this.#onKeyModeChange}>
      <legend>${this.#strings.keyModeSwitch}</legend>
      <div class="segments">${modes.map((id) => option(id, this.#keyModeName(catalog, id)))}${option('both', this.#strings.bothKeyModes)}</div>
    </fieldset>`;
  }

  #renderStatus(model: TableModel | undefined): TemplateResult | typeof nothing {
    const error = this.#loader.error;
    if (!error) return nothing;
    const s = this.#strings;
    const retry = html`<button class="retry" type="button" @click=${() => void this.reload()}>${this.#common.retry}</button>`;
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

  #renderGroups(model: TableModel): TemplateResult {
    const catalog = model.catalog;
    const modes = this.#shownModes(catalog);
    const locale = this.locale;
    const views = viewOf(model, {
      query: this.#query,
      billingTypes: parseList(this.billingTypes),
      brands: parseList(this.brands),
      brand: this.#brandFilter,
      billingType: this.#billingTypeFilter,
      sort: this.#sort,
      keyModes: modes,
      locale,
    });
    const shown = views.reduce((n, v) => n + v.rows.length, 0);
    const total = model.groups.reduce((n, g) => n + g.rows.length, 0);
    let firstIndex = 0;
    return html`<p class="count" aria-live="polite">${this.#strings.shown(formatNumber(shown, locale), formatNumber(total, locale))}</p>
      ${views.length
        ? views.map((v) => {
            const group = this.#renderGroup(catalog, v, modes, firstIndex);
            firstIndex += v.rows.length;
            return group;
          })
        : html`<div class="message empty">
            <p>${this.#strings.empty}</p>
            <button type="button" @click=${this.#clearFilters}>${this.#strings.clearFilters}</button>
          </div>`}`;
  }

  #renderGroup(catalog: Catalog, view: GroupView, modes: string[], firstIndex: number): TemplateResult {
    const { group } = view;
    const s = this.#strings;
    const common = this.#common;
    const lang = this.language;
    const locale = this.locale;
    const unitWord = this.currencyDisplay === 'money' ? catalog.creditUnit.currency : common.credits;
    const captionId = `group-${group.billingType}`;
    const twoRows = modes.length > 1;
    const sortHeader = (column: string, label: string, rowspan = 1) => {
      const sort = this.#sort;
      const active = sort && (column === 'name' ? sort.column === 'name' : view.sortedColumn === column);
      return html`<th role="columnheader" scope="col" rowspan=${rowspan} aria-sort=${active ? sort.direction : nothing} class=${active ? 'sorted' : ''}
        ><button type="button" class="sort" data-column=${column} @click=${this.#onSortClick}
          >${label}<span class="sort-mark" aria-hidden="true">${active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}</span></button
        ></th>`;
    };
    // With both key modes shown, say which one the quantity is for (the first: the platform's key).
    const buysLabel = s.buys(formatNumber('1000', locale), twoRows ? this.#keyModeName(catalog, modes[0]!) : undefined);
    const ctx: RowsContext = {
      catalog,
      view,
      columns: modes.flatMap((mode) =>
        group.keys.map((key) => ({ key: cellKey(mode, key), label: twoRows ? `${this.#keyModeName(catalog, mode)} · ${s.keys[key]}` : s.keys[key] })),
      ),
      buysLabel,
      buys: (row) => {
        const buys = engine!.buysOf(group, row, modes[0]!);
        if (!buys) return undefined;
        return buys.quantity === null ? s.unlimited : `${formatNumber(buys.quantity, locale)} ${s.quantity[group.quantityKind]}`;
      },
      locale,
      display: this.currencyDisplay,
      strings: s,
      common,
      selected: this.selected,
      flash: this.#flash,
      previous: this.#previousMarks,
      marksVersion: this.#marksVersion,
      firstIndex,
    };
    const priceHeaders = (mode: string) => group.keys.map((key) => sortHeader(cellKey(mode, key), s.keys[key]));
    return html`<section class="group" aria-labelledby=${captionId}>
      <table part="table" role="table" aria-labelledby=${captionId}>
        <caption id=${captionId}>
          <span class="group-name">${billingTypeName(group.billingType, lang, group.catalogName)}</span>
          <span class="unit">${unitWord} ${common.perUnit[group.unit]}</span>
        </caption>
        <thead role="rowgroup">
          <tr role="row">
            ${sortHeader('name', s.model, twoRows ? 2 : 1)}
            ${twoRows
              ? modes.map((mode) => html`<th role="columnheader" scope="colgroup" colspan=${group.keys.length} class="mode">${this.#keyModeName(catalog, mode)}</th>`)
              : priceHeaders(modes[0]!)}
            <th role="columnheader" scope="col" rowspan=${twoRows ? 2 : 1} class="buys">${buysLabel}</th>
          </tr>
          ${twoRows ? html`<tr role="row">${modes.map(priceHeaders)}</tr>` : nothing}
        </thead>
        <tbody role="rowgroup" @click=${this.#onRowClick} ${rows(ctx)}></tbody>
      </table>
    </section>`;
  }

  #renderFooter(catalog: Catalog): TemplateResult {
    const s = this.#strings;
    const locale = this.locale;
    const checked = this.#loader.checkedAt;
    return html`<footer class="footer">
      <span>${s.catalogVersion(catalog.version)}</span>
      ${catalog.source ? html`<span>${s.source}: ${catalog.source.document}</span><span>${s.asOf(formatDate(catalog.source.checked, locale))}</span>` : nothing}
      ${checked ? html`<span>${s.checkedAt(formatDate(checked, locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: undefined }))}</span>` : nothing}
    </footer>`;
  }
}

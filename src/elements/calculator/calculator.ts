import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import {
  compareDecimals,
  compareResults,
  daysOfUse,
  emptyScenario,
  monthOf,
  recommend,
  scenarioFromJson,
  scenarioFromUrl,
  scenarioUrl,
  serviceName,
  shapeOf,
  simulateMonth,
  tryFindService,
  type Catalog,
  type CatalogLike,
  type DecodedScenario,
  type Issue,
  type Recommendations,
  type Scenario,
  type SimulationResult,
} from '../../core/index.js';
import { commonStrings, formatCredits, formatMoney, formatNumber } from '../../i18n/index.js';
import { Announcer, CatalogController, CreditElement, CreditErrorEvent, loadErrorText } from '../common/index.js';
import { Combobox, disclosure, icons, segmented } from '../controls/index.js';
import { CatalogNow } from './catalog-now.js';
import { CreditScenarioChangeEvent } from './calculator.events.js';
import { calculatorStrings, type CalculatorStrings } from './calculator.strings.js';
import { styles } from './calculator.styles.js';
import { buildScenario, editText, issuesToErrors, scenarioDraft, workloadDraft, type Draft, type FieldErrors, type WorkloadDraft } from './draft.js';
import { handoverFromUrl, renderHandover, resolveHandover, withoutHandover, type Handover, type HandoverRequest } from './handover.js';
import { availablePresets, presetScenario, serviceScenario, starterWorkload, type PresetId } from './presets.js';
import { PromptCounter } from './prompt-count.js';
import { renderBreakdown, renderComparison, renderResults, type ResultsContext } from './results.js';
import { ShareController } from './share.js';
import { renderForm, workloadSummary, type FormView } from './workload-form.js';

export { CreditScenarioChangeEvent, type ScenarioChangeDetail } from './calculator.events.js';

/** What `<credit-pricing-table>` hands over: a service id (or the service) and maybe its key mode. */
interface ServiceSelectDetail {
  service?: string | { id: string };
  serviceId?: string;
  id?: string;
  keyMode?: string;
}

/**
 * @tagname credit-calculator
 * @summary A month of usage simulated in the browser: workloads, levers, the cost with its
 * breakdown and band, and recommendations (packages, key mode, cheaper services, runway).
 *
 * Prices come from a catalog (`src` URL or the `catalog` property) and are computed by core's
 * `simulateMonth`, the same engine that bills. The scenario lives in the URL (`?scenario=`, read
 * on load; written back after each pause in typing with `sync-url`), exports as JSON and imports from it; the breakdown
 * exports as CSV. Bad input gets a message at its field and the last valid result stays.
 *
 * Services chosen in a `<credit-pricing-table>` arrive through its `credit-service-select`
 * event: the calculator listens on the element whose id is in `source`, or on the document when
 * `source` is not set; the service replaces that of the workload last focused (the first one if
 * none was) when it is priced the same way, or starts a workload of its own. From another page,
 * a price list links to the planner with `?service=<id>&keyMode=<mode>`: the calculator then
 * starts with that model alone (the `service` and `key-mode` attributes do the same for a page
 * that sets them), and names it above the form.
 *
 * @fires credit-scenario-change - A valid scenario was priced; `detail` is `{ scenario, credits, money }`.
 * @fires credit-error - The catalog failed to load; `detail.error` says why.
 *
 * @csspart base - The wrapper (form and results).
 * @csspart form - The scenario form.
 * @csspart handover - The line naming the model handed over by a price list (or the page).
 * @csspart scenario - The scenario's card (name, users, period, days, balance).
 * @csspart preset - A preset's button.
 * @csspart period - The working / calendar days switch.
 * @csspart workload - One workload's card; with `workload-open` or `workload-closed` as it shows its fields or only its summary.
 * @csspart workload-summary - A workload card's one-line summary (the button that opens and closes it).
 * @csspart remove - A workload card's remove button.
 * @csspart key-mode - A workload's key mode switch.
 * @csspart levers-toggle - The button that shows a workload's levers.
 * @csspart undo - The line after a removal, with its Undo button.
 * @csspart add-workload - The Add workload button.
 * @csspart summary-bar - The bar with the monthly total that stays in view on a narrow element.
 * @csspart summary-bar-total - Its total.
 * @csspart summary-bar-toggle - Its button that opens the breakdown.
 * @csspart summary-bar-panel - The breakdown it opens.
 * @csspart summary-bar-difference - Its line with B − A, when comparing.
 * @csspart compare-start - The button that starts comparing with a variant (A/B).
 * @csspart compare-switch - While comparing: the switch of the side edited and the button that ends it.
 * @csspart editing - The A / B switch.
 * @csspart compare-stop - The button that ends the comparison.
 * @csspart compare - The comparison in the estimate.
 * @csspart side - A side's total in the comparison; also `side-a` or `side-b`.
 * @csspart difference - What B saves or costs a month; with the class `saves` or `costs`.
 * @csspart compare-table - The table of A, B and the difference per line (also `table`).
 * @csspart share - The share and export section.
 * @csspart results - The results panel.
 * @csspart total - The monthly credits.
 * @csspart money - The money equivalent.
 * @csspart band - The low–high range.
 * @csspart chart - Each breakdown chart (bars with direct labels).
 * @csspart table - The breakdown table.
 * @csspart row - A row of the breakdown table.
 * @csspart pricing-terms - Under a workload in the breakdown table: how it was priced where not simply at its standard prices ("priced above 200K tokens · Batch 40 %").
 * @csspart recommendations - The recommendations section.
 * @csspart runway - The balance runway sentence.
 *
 * @cssproperty [--credit-calculator-gap=1rem] - Space between form and results.
 * @cssproperty [--credit-calculator-bar-color=var(--credit-color-accent)] - Bars of the charts.
 * @cssproperty --credit-calculator-bar-b-color - Fill of scenario B's bars when comparing (outlined in the bar colour); by default the bar colour at 25 % on the surface.
 * @cssproperty [--credit-calculator-field-width=9rem] - Width of number fields.
 * @cssproperty [--credit-calculator-sticky-top=1rem] - Where the estimate sticks below the top of the viewport (a page with a fixed header sets its height).
 */
export class CreditCalculator extends CreditElement {
  static override readonly tag = 'credit-calculator';
  static override styles = styles;

  static override properties: PropertyDeclarations = {
    src: { type: String },
    catalog: { attribute: false },
    scenario: { attribute: false },
    balance: { type: String },
    start: { type: String },
    source: { type: String },
    syncUrl: { type: Boolean, attribute: 'sync-url' },
    urlParam: { type: String, attribute: 'url-param' },
    announceDelay: { type: Number, attribute: 'announce-delay' },
    timeout: { type: Number },
    service: { type: String },
    keyMode: { type: String, attribute: 'key-mode' },
    now: { attribute: false },
    draft: { state: true },
    result: { state: true },
    recommendations: { state: true },
    errors: { state: true },
    general: { state: true },
    notice: { state: true },
  };

  /** URL of the catalog JSON. */
  declare src: string;
  /** A catalog given directly, parsed or as JSON (then validated); takes precedence over `src`. */
  declare catalog: CatalogLike | undefined;
  /** The scenario to show; set it to load one. Read `currentScenario` for the one being edited. */
  declare scenario: Scenario | undefined;
  /** Credits on the account, for "a balance of N credits lasts until …". */
  declare balance: string;
  /** First day of the runway, YYYY-MM-DD, and the month whose days a period basis counts; @default today (UTC) */
  declare start: string;
  /** Id of the `<credit-pricing-table>` whose `credit-service-select` events to follow; @default the document */
  declare source: string;
  /** Write the scenario into the page URL (history.replaceState) on every valid change. */
  declare syncUrl: boolean;
  /** The query parameter that carries a scenario; "" reads none. @default "scenario" */
  declare urlParam: string;
  /** Milliseconds of calm before the new total is announced to screen readers. @default 800 */
  declare announceDelay: number;
  /** Seconds the catalog request may take before an error shows. @unit s @default 15 */
  declare timeout: number;
  /**
   * A service (id, alias or name) to start with, alone, when no scenario is given; the page
   * address's `?service=` (from a price list's link) takes precedence. Set later, it replaces the
   * service of the workload last focused, as a `credit-service-select` event does.
   */
  declare service: string;
  /** The key mode to price `service` with (`?keyMode=` in the address); @default the catalog's */
  declare keyMode: string;
  /**
   * The instant whose prices the month is planned at (a Date, epoch milliseconds or ISO 8601):
   * each service at the prices in force then, services not offered then left out. @default now
   */
  declare now: Date | number | string | undefined;

  declare draft: Draft | undefined;
  /** The last valid result (kept while a field is invalid). */
  declare result: SimulationResult | undefined;
  declare recommendations: Recommendations | undefined;
  declare errors: FieldErrors;
  declare general: string[];
  declare notice: { title: 'dropped' | 'importFailed'; items: Issue[] } | undefined;
  /** The model handed over by a price list or the page, named above the form. */
  #handoverShown: Handover | undefined;
  /** The address carried a hand-over that the scenario now holds: shared links leave it out. */
  #handoverInUrl = false;

  readonly #catalogController = new CatalogController(this, {
    onError: (error) => this.dispatchEvent(new CreditErrorEvent(error, this.src)),
  });
  readonly #announcer = new Announcer(this);
  readonly #catalogNow = new CatalogNow();
  #lastScenario: Scenario | undefined;
  #lastBalance: string | undefined;
  #activeKey: number | undefined;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;
  #recommendTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #prompts = new PromptCounter(this, () => this.#activeCatalog);
  /** The result the recommendations were computed for (they lag it by a pause in typing). */
  #recommendedFor: SimulationResult | undefined;
  readonly #share = new ShareController(this, {
    scenario: () => this.#lastScenario,
    result: () => this.result,
    url: () => this.shareUrl(),
    importJson: (text) => void this.importJson(text),
    announce: (text) => this.#announcer.announce(text),
    strings: () => this.#strings,
    language: () => this.language,
  });
  #listeningTo: EventTarget | undefined;
  /** One service combobox per workload (by key). */
  readonly #comboboxes = new Map<number, Combobox>();
  /** The workload last removed, where it stood: Undo puts it back. */
  #removed: { workload: WorkloadDraft; index: number; title: string } | undefined;
  /** The phone bar's breakdown is open. */
  #barOpen = false;
  /** The page is being printed: the summary of what was assumed is rendered (only then: typing never pays for it). */
  #printing = false;
  readonly #onPrint = (event: Event): void => {
    this.#printing = event.type === 'beforeprint';
    this.requestUpdate();
  };
  /** A/B: the scenario the form is not editing (its draft and last result); undefined when not comparing. */
  #other: { draft: Draft; result: SimulationResult | undefined } | undefined;
  /** Which side of the comparison the form edits. */
  #editing: 'a' | 'b' = 'a';
  readonly #onServiceSelect = (event: Event) => this.#serviceFromTable(event as CustomEvent<ServiceSelectDetail>);

  constructor() {
    super();
    this.src = '';
    this.catalog = undefined;
    this.scenario = undefined;
    this.balance = '';
    this.start = '';
    this.source = '';
    this.syncUrl = false;
    this.urlParam = 'scenario';
    this.announceDelay = 800;
    this.timeout = 15;
    this.draft = undefined;
    this.result = undefined;
    this.recommendations = undefined;
    this.errors = new Map();
    this.general = [];
    this.notice = undefined;
    this.service = '';
    this.keyMode = '';
    this.now = undefined;
  }

  get #strings(): CalculatorStrings {
    return calculatorStrings(this.language);
  }

  get #locale(): string {
    return this.locale;
  }

  /** The first day of the runway and of the month whose days a basis counts: `start`, else today (UTC). */
  get #startDay(): string {
    return /^\d{4}-\d{2}-\d{2}$/.test(this.start) ? this.start : new Date().toISOString().slice(0, 10);
  }

  get #handover(): Handover | undefined {
    return this.#handoverShown;
  }

  set #handover(value: Handover | undefined) {
    this.#handoverShown = value;
    this.requestUpdate();
  }

  /** The catalog as it stands at `now` (core's catalogAt: the same object while no price changes). */
  get #activeCatalog(): Catalog | undefined {
    const catalog = this.#catalogController.catalog;
    // A `now` that is not an instant: the prices in force at this moment.
    return catalog && this.#catalogNow.at(catalog, this.now);
  }

  /** The scenario last priced (valid), for export and sharing. */
  get currentScenario(): Scenario | undefined {
    return this.#lastScenario;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#listen();
    addEventListener('beforeprint', this.#onPrint);
    addEventListener('afterprint', this.#onPrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#listeningTo?.removeEventListener('credit-service-select', this.#onServiceSelect);
    this.#listeningTo = undefined;
    removeEventListener('beforeprint', this.#onPrint);
    removeEventListener('afterprint', this.#onPrint);
    clearTimeout(this.#announceTimer);
    clearTimeout(this.#recommendTimer);
  }

  #listen(): void {
    const root = this.getRootNode() as Document | ShadowRoot;
    const target: EventTarget = (this.source && (root.getElementById?.(this.source) ?? document.getElementById(this.source))) || document;
    if (target === this.#listeningTo) return;
    this.#listeningTo?.removeEventListener('credit-service-select', this.#onServiceSelect);
    target.addEventListener('credit-service-select', this.#onServiceSelect);
    this.#listeningTo = target;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#catalogController.sync({ catalog: this.catalog ?? this.providedCatalog, src: this.src, timeout: this.timeout });
    if (changed.has('source') && this.isConnected) this.#listen();
    const catalog = this.#activeCatalog;
    if (!catalog) return;
    if (changed.has('scenario') && this.scenario) this.load(this.scenario);
    else if (!this.draft) this.#start(catalog);
    else if ((changed.has('service') || changed.has('keyMode')) && this.service) this.#takeService({ service: this.service, keyMode: this.keyMode }, 'page');
    else if (changed.has('now') && changed.get('now') !== undefined) this.recompute();
    else if (changed.has('balance') && this.draft.text.balance !== this.balance) {
      this.draft.text.balance = this.balance;
      this.recompute();
    }
  }

  /** The first scenario: the URL's, else the model handed over (address or attributes) alone, else a preset, else none. */
  #start(catalog: Catalog): void {
    const href = typeof location === 'undefined' ? undefined : location.href;
    if (this.urlParam && href) {
      const fromUrl = scenarioFromUrl(href, this.urlParam);
      if (fromUrl) {
        if (fromUrl.dropped.length) this.notice = { title: fromUrl.ok ? 'dropped' : 'importFailed', items: fromUrl.dropped };
        if (fromUrl.ok) return this.load(fromUrl.scenario);
      }
    }
    const linked = this.urlParam && href ? handoverFromUrl(href) : undefined;
    const request = linked ?? (this.service ? { service: this.service, keyMode: this.keyMode } : undefined);
    const handover = request && resolveHandover(catalog, request, linked ? 'price-list' : 'page');
    this.#handoverInUrl = !!linked;
    if (handover?.found) {
      this.load(serviceScenario(handover.service, handover.keyMode, { basis: 'working', days: daysOfUse(monthOf(this.#startDay), 'working') }));
    } else {
      const [first] = availablePresets(catalog);
      this.load((first && presetScenario(catalog, first, this.#strings.presetNames[first], this.#strings.presetWorkloads)) ?? emptyScenario());
    }
    this.#handover = handover;
  }

  /** Loads a scenario into the form (as an import would) and prices it. */
  load(scenario: Scenario): void {
    this.#handover = undefined;
    this.#removed = undefined;
    this.#other = undefined;
    this.#editing = 'a';
    this.draft = scenarioDraft(scenario, this.#locale, this.balance);
    this.#prompts.clear();
    this.recompute();
  }

  /** Imports a scenario from JSON text; what could not be read is listed. Never throws. */
  importJson(text: string): DecodedScenario {
    const loaded = scenarioFromJson(text);
    this.notice = loaded.dropped.length ? { title: loaded.ok ? 'dropped' : 'importFailed', items: loaded.dropped } : undefined;
    if (loaded.ok) this.load(loaded.scenario);
    return loaded;
  }

  /** A link to this page with the current scenario in its query. */
  shareUrl(): string {
    const base = typeof location === 'undefined' ? 'http://localhost/' : location.href;
    if (!this.#lastScenario) return base;
    return scenarioUrl(this.#handoverInUrl ? withoutHandover(base) : base, this.#lastScenario, this.urlParam || 'scenario');
  }

  /** Re-prices the draft; on any error keeps the last valid result. */
  recompute(): void {
    const catalog = this.#activeCatalog;
    const draft = this.draft;
    if (!catalog || !draft) return;
    const built = buildScenario(draft, catalog, this.#locale);
    this.errors = built.errors;
    this.general = [];
    if (!built.scenario) return this.requestUpdate();
    let result: SimulationResult;
    try {
      result = simulateMonth(catalog, built.scenario);
    } catch (error) {
      const mapped = issuesToErrors(error, draft);
      this.errors = mapped.errors;
      this.general = mapped.general;
      return this.requestUpdate();
    }
    this.result = result;
    this.#lastScenario = built.scenario;
    this.#lastBalance = built.balance;
    this.#scheduleFollowUps();
    this.dispatchEvent(new CreditScenarioChangeEvent({ scenario: built.scenario, credits: result.credits, money: result.money }));
  }

  /** Recommendations and the announcement wait for a pause in typing. */
  #scheduleFollowUps(): void {
    clearTimeout(this.#recommendTimer);
    this.#recommendTimer = setTimeout(() => this.updateRecommendations(), 120);
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => {
      const r = this.result;
      if (!r) return;
      const credits = formatNumber(r.credits, this.#locale, { maximumFractionDigits: 2 });
      const money = new Intl.NumberFormat(this.#locale, { style: 'currency', currency: r.currency }).format(r.money.amount as Intl.StringNumericLiteral);
      this.#announcer.announce(this.#strings.announcement(`${credits} ${commonStrings(this.language).credits}`, money));
    }, this.announceDelay);
  }

  /** Computes the recommendations now (normally 120 ms after the last change), and syncs the URL. */
  updateRecommendations(): void {
    clearTimeout(this.#recommendTimer);
    if (this.syncUrl && this.urlParam && typeof history !== 'undefined') {
      try {
        history.replaceState(history.state, '', this.shareUrl());
      } catch {
        // Safari refuses more than 100 replaceState calls in 30 s: the next pause writes it.
      }
    }
    const catalog = this.#activeCatalog;
    if (!catalog || !this.result) return;
    try {
      this.#recommendedFor = this.result;
      this.recommendations = recommend(catalog, this.result, {
        ...(this.#lastBalance !== undefined && { balance: this.#lastBalance, start: this.#startDay }),
      });
    } catch {
      this.recommendations = undefined;
    }
  }

  // ---- events from the form ----

  #edit(mutate: (draft: Draft) => void): void {
    if (!this.draft) return;
    mutate(this.draft);
    this.recompute();
  }

  /** An edit of one workload: its revision changes, so only its fieldset re-renders. */
  #editWorkload(w: WorkloadDraft, mutate: () => void): void {
    w.rev++;
    this.#edit(mutate);
  }

  /** A change of how a workload shows (open, levers): its card re-renders, nothing is re-priced. */
  #show(w: WorkloadDraft, mutate: () => void): void {
    mutate();
    w.rev++;
    this.requestUpdate();
  }

  #serviceCombobox(key: number): Combobox {
    let box = this.#comboboxes.get(key);
    if (!box) {
      box = new Combobox(this, `w${key}-service`, (service) => this.#setService(key, service));
      this.#comboboxes.set(key, box);
    }
    return box;
  }

  #workload(key: number): WorkloadDraft | undefined {
    return this.draft?.workloads.find((w) => w.key === key);
  }

  #setService(key: number, service: string, keyMode?: string): void {
    this.#edit((d) => {
      const w = d.workloads.find((x) => x.key === key);
      if (!w) return;
      w.service = service;
      w.rev++;
      if (keyMode) w.keyMode = keyMode;
      if (w.routeTo === service) w.routeTo = '';
    });
  }

  #applyPreset(id: PresetId): void {
    const catalog = this.#activeCatalog;
    const scenario = catalog && presetScenario(catalog, id, this.#strings.presetNames[id], this.#strings.presetWorkloads);
    if (scenario) {
      this.notice = undefined;
      this.load(scenario);
    }
  }

  #addWorkload(): void {
    const catalog = this.#activeCatalog;
    if (!catalog || !this.draft) return;
    const service = catalog.services.find((s) => shapeOf(s) === 'chat' && Object.values(s.prices)[0] && Object.values(Object.values(s.prices)[0]!).every((p) => p !== null)) ?? catalog.services[0]!;
    const w = workloadDraft(starterWorkload(service), this.#locale);
    this.draft.workloads.push(w);
    this.#activeKey = w.key;
    this.#removed = undefined;
    this.recompute();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#w${w.key}-name`)?.focus());
  }

  /** Removes a workload; it can be brought back (Undo, which takes the focus) until the list changes again. */
  #removeWorkload(key: number): void {
    const draft = this.draft;
    const index = draft?.workloads.findIndex((w) => w.key === key) ?? -1;
    const workload = draft?.workloads[index];
    if (!draft || !workload) return;
    const service = tryFindService(this.#activeCatalog!, workload.service);
    const title = workload.name || (service ? serviceName(service) : this.#strings.workload(index + 1));
    this.#removed = { workload, index, title };
    this.#edit((d) => d.workloads.splice(index, 1));
    this.#announcer.announce(this.#strings.removed(title));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#undo')?.focus());
  }

  /** A/B: the scenario as it is becomes A; B, a copy of it, is edited from now on. */
  #startCompare(): void {
    const draft = this.draft;
    if (!draft || !this.#lastScenario) return;
    this.#other = { draft, result: this.result };
    const variant = scenarioDraft(this.#lastScenario, this.#locale, draft.text.balance);
    variant.workloads.forEach((w, i) => Object.assign(w, { open: draft.workloads[i]?.open ?? true, leversOpen: draft.workloads[i]?.leversOpen ?? false }));
    this.draft = variant;
    this.#editing = 'b';
    this.#removed = undefined;
    this.recompute();
    this.#focusAfterUpdate('input[name="editing"]:checked');
  }

  /** Edits the other side of the comparison. */
  #switchSide(side: 'a' | 'b'): void {
    const other = this.#other;
    if (!other || side === this.#editing || !this.draft) return;
    this.#other = { draft: this.draft, result: this.result };
    this.draft = other.draft;
    this.result = other.result;
    this.#editing = side;
    this.#removed = undefined;
    this.recompute();
  }

  /** Ends the comparison, keeping the scenario being edited. */
  #stopCompare(): void {
    this.#other = undefined;
    this.#editing = 'a';
    this.requestUpdate();
    this.#focusAfterUpdate('[part="compare-start"]');
  }

  #focusAfterUpdate(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  /** The comparison of A and B, once both are priced. */
  get #comparison(): { comparison: ReturnType<typeof compareResults>; a: SimulationResult; b: SimulationResult } | undefined {
    const other = this.#other?.result;
    const own = this.result;
    if (!other || !own) return undefined;
    const [a, b] = this.#editing === 'a' ? [own, other] : [other, own];
    return { comparison: compareResults(a, b), a, b };
  }

  /** The scenario as assumed, for the printed summary: its name, users, days and each workload's line. */
  #renderPrinted(catalog: Catalog, draft: Draft): TemplateResult {
    const s = this.#strings;
    const r = this.result;
    return html`<div class="print-only" part="printed">
      <p><strong>${draft.name || s.scenario}</strong> · ${s.users}: ${draft.text.users} · ${s.days}: ${draft.text.days} (${draft.basis === 'working' ? s.workingDays : s.calendarDays})</p>
      <ul class="plain">
        ${draft.workloads.map((w, i) => {
          const { title, meta } = workloadSummary(catalog, s, this.#locale, w, i);
          const line = r && r.scenario.workloads.length === draft.workloads.length ? r.byWorkload[i] : undefined;
          return html`<li>${title} · ${meta}${line ? ` · ${formatCredits(line.credits, this.#locale)}` : ''}</li>`;
        })}
      </ul>
    </div>`;
  }

  #renderCompareSwitch(): TemplateResult {
    const s = this.#strings;
    if (!this.#other) {
      return html`<div class="compare-switch">
        <button type="button" class="button" part="compare-start" ?disabled=${!this.#lastScenario} @click=${() => this.#startCompare()}>${icons.plus} ${s.compareStart}</button>
      </div>`;
    }
    return html`<div class="compare-switch" part="compare-switch">
      ${segmented({
        name: 'editing',
        legend: s.editing,
        showLegend: true,
        value: this.#editing,
        options: [
          { value: 'a', label: s.sideA },
          { value: 'b', label: s.sideB },
        ],
        onChange: (side) => this.#switchSide(side),
        part: 'editing',
      })}
      <button type="button" class="button quiet" part="compare-stop" @click=${() => this.#stopCompare()}>${s.compareStop}</button>
    </div>`;
  }

  #undoRemove(): void {
    const removed = this.#removed;
    if (!removed || !this.draft) return;
    this.#removed = undefined;
    removed.workload.rev++;
    this.#edit((d) => d.workloads.splice(Math.min(removed.index, d.workloads.length), 0, removed.workload));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[aria-controls="w${removed.workload.key}-body"]`)?.focus());
  }

  #serviceFromTable(event: CustomEvent<ServiceSelectDetail>): void {
    const d = event.detail ?? {};
    const id = typeof d.service === 'string' ? d.service : (d.service?.id ?? d.serviceId ?? d.id);
    if (id) this.#takeService({ service: id, keyMode: d.keyMode }, 'price-list');
  }

  /**
   * A model handed over on this page (event, or the `service` attribute set later): it replaces
   * the service of the workload last focused when that workload is priced the same way (chat,
   * speech …), else it starts a workload of its own with typical figures.
   */
  #takeService(request: HandoverRequest, origin: 'price-list' | 'page'): void {
    const catalog = this.#activeCatalog;
    if (!catalog || !this.draft) return;
    const handover = resolveHandover(catalog, request, origin);
    if (!handover.found) return;
    const { service, keyMode } = handover;
    const target = this.#workload(this.#activeKey ?? -1) ?? this.draft.workloads[0];
    const current = target && tryFindService(catalog, target.service);
    if (target && (!current || shapeOf(current) === shapeOf(service))) this.#setService(target.key, service.id, keyMode);
    else {
      const w = workloadDraft(starterWorkload(service, keyMode), this.#locale);
      this.draft.workloads.push(w);
      this.#activeKey = w.key;
      this.recompute();
    }
    this.#handover = handover;
    this.#announcer.announce(this.#strings.serviceFromTable(serviceName(service)));
  }

  /** A prompt from a text file (dropped or chosen): counted as a pasted one; a file over 1 MB is refused, saying so. */
  async #promptFile(key: number, file: File): Promise<void> {
    const w = this.#workload(key);
    if (!w) return;
    const limit = 1024 * 1024;
    if (file.size > limit) {
      w.promptError = this.#strings.promptFileTooLarge(formatNumber('1', this.#locale) + ' MB');
      w.rev++;
      return this.requestUpdate();
    }
    this.#countPrompt(key, await file.text());
  }

  #countPrompt(key: number, text: string): void {
    const w = this.#workload(key);
    if (!w) return;
    w.promptError = undefined;
    w.prompt = text;
    w.rev++;
    this.#prompts.count(key, text, w.service);
  }

  // ---- rendering ----

  #renderNotice(): TemplateResult | typeof nothing {
    const n = this.notice;
    if (!n) return nothing;
    return html`<div class="notice" role="alert">
      ${n.title === 'dropped' ? this.#strings.dropped : this.#strings.importFailed}
      <ul>
        ${n.items.map((i) => html`<li>${i.path ? `${i.path}: ` : ''}${i.message}</li>`)}
      </ul>
    </div>`;
  }

  /** The form's view of the calculator: what it shows and where its edits go. */
  readonly #formView = (catalog: Catalog, draft: Draft): FormView => {
    const host = this;
    return {
      catalog,
      draft,
      strings: this.#strings,
      locale: this.#locale,
      language: this.language,
      errors: this.errors,
      month: monthOf(this.#startDay),
      removed: this.#removed?.title,
      compare: this.#renderCompareSwitch(),
      promptState: (key) => host.#prompts.state(key),
      workloadCredits: (index) => {
        const r = host.result;
        const line = r && r.scenario.workloads.length === draft.workloads.length ? r.byWorkload[index] : undefined;
        return line && formatCredits(line.credits, host.#locale);
      },
      serviceCombobox: (key) => host.#serviceCombobox(key),
      edit: (mutate) => host.#edit(mutate),
      editWorkload: (w, mutate) => host.#editWorkload(w, mutate),
      show: (w, mutate) => host.#show(w, mutate),
      countPrompt: (key, text) => host.#countPrompt(key, text),
      promptFile: (key, file) => void host.#promptFile(key, file),
      usePromptCount: (w, tokens) => host.#editWorkload(w, () => (w.text.inputTokens = editText(tokens, host.#locale))),
      routeTargets: (index, w) => (host.#recommendedFor?.scenario.workloads[index]?.service === w.service ? host.recommendations?.cheaper[index] : undefined),
      focusWorkload: (key) => (host.#activeKey = key),
      addWorkload: () => host.#addWorkload(),
      removeWorkload: (key) => host.#removeWorkload(key),
      undoRemove: () => host.#undoRemove(),
      applyPreset: (id) => host.#applyPreset(id),
    };
  };

  /** The handed-over model, named while a workload still uses it. */
  #renderHandover(catalog: Catalog, draft: Draft): TemplateResult | typeof nothing {
    const h = this.#handover;
    if (h?.found && !draft.workloads.some((w) => w.service === h.service.id)) return nothing;
    const priced = h?.found ? (this.result?.byWorkload.find((w) => w.service === h.service.id)?.keyMode ?? h.keyMode) : undefined;
    return renderHandover(h, catalog, this.#strings, this.language, priced ?? '');
  }

  #resultsContext(catalog: Catalog): ResultsContext {
    return {
      catalog,
      locale: this.#locale,
      language: this.language,
      strings: this.#strings,
      onUseService: (i, service) => {
        const w = this.draft?.workloads[i];
        if (w) this.#setService(w.key, service);
      },
    };
  }

  /**
   * The monthly total that stays at the bottom of the viewport while the form is edited on a
   * narrow element (hidden beside the sticky estimate on a wide one); it opens the breakdown.
   */
  #renderBar(catalog: Catalog): TemplateResult | typeof nothing {
    const r = this.result;
    if (!r) return nothing;
    const s = this.#strings;
    const compared = this.#comparison;
    const sign = compared ? compareDecimals(compared.comparison.total.difference, '0') : 0;
    // The bar's own copy of the breakdown is built only while it is open: closed (as it is while
    // typing) it would double the breakdown's cost of every keystroke for nothing shown.
    const panel = () => {
      const ctx = this.#resultsContext(catalog);
      return compared ? renderComparison(compared.comparison, compared.a, compared.b, ctx, 'bar-') : renderBreakdown(r, ctx, 'bar-');
    };
    return html`<div class="summary-bar" part="summary-bar">
      ${this.#barOpen ? html`<div class="summary-bar-panel" id="bar-panel" part="summary-bar-panel" tabindex="0" role="region" aria-label=${s.showBreakdown}>${panel()}</div>` : nothing}
      <div class="summary-bar-line">
        <p class="summary-bar-figures">
          <span class="label">${compared ? (this.#editing === 'a' ? s.sideA : s.sideB) : s.perMonthShort}</span>
          <strong class="summary-bar-total" part="summary-bar-total">${formatCredits(r.credits, this.#locale)}</strong>
          <span class="muted">${formatMoney(r.money.amount, r.money.currency, this.#locale, { maximumFractionDigits: 2 })}</span>
          ${compared
            ? html`<span class="summary-bar-difference" part="summary-bar-difference">${s.difference} B − A: ${sign < 0 ? '−' : sign > 0 ? '+' : ''}${formatCredits(compared.comparison.total.difference.replace(/^-/, ''), this.#locale)}</span>`
            : nothing}
        </p>
        ${disclosure(
          {
            controls: 'bar-panel',
            open: this.#barOpen,
            onToggle: (open) => {
              this.#barOpen = open;
              this.requestUpdate();
            },
            className: 'button summary-bar-toggle',
            part: 'summary-bar-toggle',
          },
          s.showBreakdown,
        )}
      </div>
    </div>`;
  }

  /**
   * A field focused under the phone bar (a browser scrolls a focused field only when none of it
   * shows) is brought up above it, so the bar never hides the field being edited (WCAG 2.4.11).
   */
  readonly #keepInView = (event: FocusEvent): void => {
    const bar = this.renderRoot.querySelector('.summary-bar');
    const field = event.target as HTMLElement;
    if (!bar || !field.getBoundingClientRect) return;
    const top = bar.getBoundingClientRect().top;
    if (top > 0 && top < innerHeight && field.getBoundingClientRect().top > top - 24) field.scrollIntoView({ block: 'center' });
  };

  protected override render(): TemplateResult {
    const catalog = this.#activeCatalog;
    const draft = this.draft;
    if (!catalog || !draft) {
      const error = this.#catalogController.error;
      return html`<div part="base" class="base" aria-busy=${error ? 'false' : 'true'}>
        <p role=${error ? 'alert' : nothing}>${error ? `${commonStrings(this.language).error} ${loadErrorText(error, this.language, this.locale)}` : this.#strings.loading}</p>
        ${this.#announcer.render()}
      </div>`;
    }
    return html`<div part="base" class="base">
      <div class="main" @focusin=${this.#keepInView}>${this.#renderNotice()} ${this.#renderHandover(catalog, draft)} ${renderForm(this.#formView(catalog, draft))}</div>
      ${this.#renderBar(catalog)}
      ${renderResults(this.#resultsContext(catalog), {
        result: this.result,
        recommendations: this.recommendations,
        balance: this.#lastBalance,
        invalid: this.errors.size > 0 || this.general.length > 0,
        general: this.general,
        share: this.#share.render(),
        compare: this.#comparison,
        ...(this.#printing && { printed: this.#renderPrinted(catalog, draft) }),
      })}
      ${this.#announcer.render()}
    </div>`;
  }
}


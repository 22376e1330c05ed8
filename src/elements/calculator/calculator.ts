import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  breakdownCsv,
  emptyScenario,
  recommend,
  scenarioFromJson,
  scenarioFromUrl,
  scenarioToJson,
  scenarioUrl,
  serviceName,
  shapeOf,
  simulateMonth,
  tryFindService,
  type Catalog,
  type DecodedScenario,
  type Issue,
  type Recommendations,
  type Scenario,
  type Service,
  type SimulationResult,
} from '../../core/index.js';
import { billingTypeName, commonStrings, formatNumber } from '../../i18n/index.js';
import { Announcer, CatalogController, CreditErrorEvent, CreditEvent, LocaleController } from '../common/index.js';
import { calculatorStrings, type CalculatorStrings } from './calculator.strings.js';
import { styles } from './calculator.styles.js';
import {
  buildScenario,
  editText,
  fieldsFor,
  hasToolService,
  issuesToErrors,
  RULES,
  scenarioDraft,
  workloadDraft,
  type Draft,
  type FieldErrors,
  type WorkloadDraft,
  type WorkloadField,
} from './draft.js';
import { availablePresets, presetScenario, type PresetId } from './presets.js';
import { renderBreakdown, renderRecommendations, renderSummary, type ResultsContext } from './results.js';

export interface ScenarioChangeDetail {
  scenario: Scenario;
  /** Exact credits of the month. */
  credits: string;
  money: { amount: string; currency: string };
}

/** A valid scenario was priced (after every change that leaves the form valid). */
export class CreditScenarioChangeEvent extends CreditEvent<ScenarioChangeDetail> {
  constructor(detail: ScenarioChangeDetail) {
    super('credit-scenario-change', detail);
  }
}

/** What `<credit-pricing-table>` hands over: a service id (or the service) and maybe its key mode. */
interface ServiceSelectDetail {
  service?: string | { id: string };
  serviceId?: string;
  id?: string;
  keyMode?: string;
}

interface TokenizerModule {
  countTokens?: (text: string, options?: { model?: string; encoding?: string; catalog?: Catalog }) => Promise<{ tokens: number; exact: boolean; encoding?: string; method?: string }>;
}

type PromptCount = { state: 'counting' } | { state: 'done'; tokens: number; exact: boolean; label: string } | { state: 'unavailable' };

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
 * none was), or starts a workload when there is none.
 *
 * @fires credit-scenario-change - A valid scenario was priced; `detail` is `{ scenario, credits, money }`.
 * @fires credit-error - The catalog failed to load; `detail.error` says why.
 *
 * @csspart base - The wrapper (form and results).
 * @csspart form - The scenario form.
 * @csspart workload - One workload's fieldset.
 * @csspart results - The results panel.
 * @csspart total - The monthly credits.
 * @csspart money - The money equivalent.
 * @csspart band - The low–high range.
 * @csspart chart - Each breakdown chart (SVG).
 * @csspart table - The breakdown table.
 * @csspart row - A row of the breakdown table.
 * @csspart recommendations - The recommendations section.
 * @csspart runway - The balance runway sentence.
 *
 * @cssproperty [--credit-calculator-gap=1rem] - Space between form and results.
 * @cssproperty [--credit-calculator-bar-color=var(--credit-color-accent)] - Bars of the charts.
 * @cssproperty [--credit-calculator-field-width=9rem] - Width of number fields.
 */
export class CreditCalculator extends LitElement {
  static override styles = styles;

  /** Registers the element as `tag` in `registry` (a subclass for any other tag); idempotent. */
  static define(tag = 'credit-calculator', registry: CustomElementRegistry = customElements): void {
    if (!registry.get(tag)) registry.define(tag, tag === 'credit-calculator' ? this : class extends this {});
  }

  static override properties = {
    src: { type: String },
    catalog: { attribute: false },
    scenario: { attribute: false },
    balance: { type: String },
    start: { type: String },
    source: { type: String },
    syncUrl: { type: Boolean, attribute: 'sync-url' },
    urlParam: { type: String, attribute: 'url-param' },
    announceDelay: { type: Number, attribute: 'announce-delay' },
    draft: { state: true },
    result: { state: true },
    recommendations: { state: true },
    errors: { state: true },
    general: { state: true },
    notice: { state: true },
    promptCounts: { state: true },
    shareLink: { state: true },
  };

  /** URL of the catalog JSON. */
  declare src: string;
  /** A catalog given directly (takes precedence over `src`). */
  declare catalog: Catalog | undefined;
  /** The scenario to show; set it to load one. Read `currentScenario` for the one being edited. */
  declare scenario: Scenario | undefined;
  /** Credits on the account, for "a balance of N credits lasts until …". */
  declare balance: string;
  /** First day of the runway, YYYY-MM-DD; @default today (UTC) */
  declare start: string;
  /** Id of the `<credit-pricing-table>` whose `credit-service-select` events to follow; @default the document */
  declare source: string;
  /** Write the scenario into the page URL (history.replaceState) on every valid change. */
  declare syncUrl: boolean;
  /** The query parameter that carries a scenario; "" reads none. @default "scenario" */
  declare urlParam: string;
  /** Milliseconds of calm before the new total is announced to screen readers. @default 800 */
  declare announceDelay: number;

  declare draft: Draft | undefined;
  /** The last valid result (kept while a field is invalid). */
  declare result: SimulationResult | undefined;
  declare recommendations: Recommendations | undefined;
  declare errors: FieldErrors;
  declare general: string[];
  declare notice: { title: 'dropped' | 'importFailed'; items: Issue[] } | undefined;
  declare promptCounts: Map<number, PromptCount>;
  declare shareLink: string;

  readonly #localeController = new LocaleController(this);
  readonly #catalogController = new CatalogController(this, {
    onError: (error) => this.dispatchEvent(new CreditErrorEvent(error, this.src)),
  });
  readonly #announcer = new Announcer(this);
  #lastScenario: Scenario | undefined;
  #lastBalance: string | undefined;
  #activeKey: number | undefined;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;
  #recommendTimer: ReturnType<typeof setTimeout> | undefined;
  #countTimers = new Map<number, ReturnType<typeof setTimeout>>();
  #countSeq = 0;
  #listeningTo: EventTarget | undefined;
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
    this.draft = undefined;
    this.result = undefined;
    this.recommendations = undefined;
    this.errors = new Map();
    this.general = [];
    this.notice = undefined;
    this.promptCounts = new Map();
    this.shareLink = '';
  }

  get #strings(): CalculatorStrings {
    return calculatorStrings(this.#localeController.language);
  }

  get #locale(): string {
    return this.#localeController.locale;
  }

  get #activeCatalog(): Catalog | undefined {
    return this.#catalogController.catalog;
  }

  /** The scenario last priced (valid), for export and sharing. */
  get currentScenario(): Scenario | undefined {
    return this.#lastScenario;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#listeningTo?.removeEventListener('credit-service-select', this.#onServiceSelect);
    this.#listeningTo = undefined;
    clearTimeout(this.#announceTimer);
    clearTimeout(this.#recommendTimer);
    for (const t of this.#countTimers.values()) clearTimeout(t);
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
    if (changed.has('catalog') && this.catalog) this.#catalogController.set(this.catalog);
    if (changed.has('src') && !this.catalog) this.#catalogController.sync(this.src);
    if (changed.has('source') && this.isConnected) this.#listen();
    const catalog = this.#activeCatalog;
    if (!catalog) return;
    if (changed.has('scenario') && this.scenario) this.load(this.scenario);
    else if (!this.draft) this.load(this.#initialScenario(catalog));
    else if (changed.has('balance') && this.draft.text.balance !== this.balance) {
      this.draft.text.balance = this.balance;
      this.recompute();
    }
  }

  /** The URL's scenario, else a preset, else one empty workload. */
  #initialScenario(catalog: Catalog): Scenario {
    if (this.urlParam && typeof location !== 'undefined') {
      const fromUrl = scenarioFromUrl(location.href, this.urlParam);
      if (fromUrl) {
        if (fromUrl.dropped.length) this.notice = { title: fromUrl.ok ? 'dropped' : 'importFailed', items: fromUrl.dropped };
        if (fromUrl.ok) return fromUrl.scenario;
      }
    }
    const [first] = availablePresets(catalog);
    return (first && presetScenario(catalog, first, this.#strings.presetNames[first])) ?? emptyScenario();
  }

  /** Loads a scenario into the form (as an import would) and prices it. */
  load(scenario: Scenario): void {
    this.draft = scenarioDraft(scenario, this.#locale, this.balance);
    this.promptCounts = new Map();
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
    return this.#lastScenario ? scenarioUrl(base, this.#lastScenario, this.urlParam || 'scenario') : base;
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
      this.#announcer.announce(this.#strings.announcement(`${credits} ${commonStrings(this.#localeController.language).credits}`, money));
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
      this.recommendations = recommend(catalog, this.result, {
        ...(this.#lastBalance !== undefined && { balance: this.#lastBalance, start: this.start || new Date().toISOString().slice(0, 10) }),
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
    const scenario = catalog && presetScenario(catalog, id, this.#strings.presetNames[id]);
    if (scenario) {
      this.notice = undefined;
      this.load(scenario);
    }
  }

  #addWorkload(): void {
    const catalog = this.#activeCatalog;
    if (!catalog || !this.draft) return;
    const service = catalog.services.find((s) => shapeOf(s) === 'chat' && Object.values(s.prices)[0] && Object.values(Object.values(s.prices)[0]!).every((p) => p !== null)) ?? catalog.services[0]!;
    const w = workloadDraft({ service: service.id, requestsPerUserPerDay: 10, inputTokens: 1000, outputTokens: 300 }, this.#locale);
    this.draft.workloads.push(w);
    this.#activeKey = w.key;
    this.recompute();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#w${w.key}-name`)?.focus());
  }

  #removeWorkload(key: number): void {
    const index = this.draft?.workloads.findIndex((w) => w.key === key) ?? -1;
    this.#edit((d) => d.workloads.splice(index, 1));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#add-workload')?.focus());
  }

  #serviceFromTable(event: CustomEvent<ServiceSelectDetail>): void {
    const catalog = this.#activeCatalog;
    const d = event.detail ?? {};
    const id = typeof d.service === 'string' ? d.service : (d.service?.id ?? d.serviceId ?? d.id);
    const service = catalog && id ? tryFindService(catalog, id) : undefined;
    if (!service || !this.draft) return;
    const target = this.#workload(this.#activeKey ?? -1) ?? this.draft.workloads[0];
    if (target) this.#setService(target.key, service.id, d.keyMode);
    else {
      this.draft.workloads.push(workloadDraft({ service: service.id, ...(d.keyMode && { keyMode: d.keyMode }), requestsPerUserPerDay: 10, inputTokens: 1000, outputTokens: 300 }, this.#locale));
      this.recompute();
    }
    this.#announcer.announce(this.#strings.serviceFromTable(serviceName(service)));
  }

  #countPrompt(key: number, text: string): void {
    clearTimeout(this.#countTimers.get(key));
    const w = this.#workload(key);
    if (!w) return;
    w.prompt = text;
    w.rev++;
    if (!text) {
      this.promptCounts.delete(key);
      this.requestUpdate();
      return;
    }
    this.promptCounts.set(key, { state: 'counting' });
    this.requestUpdate();
    const seq = ++this.#countSeq;
    this.#countTimers.set(
      key,
      setTimeout(async () => {
        let count: PromptCount;
        try {
          const tokenizer = (await import('../../tokenizer/index.js')) as unknown as TokenizerModule;
          if (typeof tokenizer.countTokens !== 'function') throw new Error('no countTokens');
          const r = await tokenizer.countTokens(text, { model: w.service, ...(this.#activeCatalog && { catalog: this.#activeCatalog }) });
          count = { state: 'done', tokens: r.tokens, exact: r.exact, label: r.encoding ?? r.method ?? '' };
        } catch {
          count = { state: 'unavailable' };
        }
        if (seq !== this.#countSeq && this.#workload(key)?.prompt !== text) return;
        this.promptCounts = new Map(this.promptCounts).set(key, count);
        w.rev++;
        if (count.state === 'done') this.#editWorkload(w, () => (w.text.inputTokens = editText(count.tokens, this.#locale)));
      }, 150),
    );
  }

  #copyShareLink = async (): Promise<void> => {
    this.shareLink = this.shareUrl();
    try {
      await navigator.clipboard.writeText(this.shareLink);
      this.#announcer.announce(this.#strings.copied);
    } catch {
      // No clipboard permission: the link stands in the field below, selected, to copy by hand.
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#share-link')?.select();
  };

  #download(text: string, name: string, type: string): void {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.rel = 'noopener';
    this.renderRoot.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  async #importFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.importJson(await file.text());
    input.value = '';
  }

  // ---- rendering ----

  /** The errors of one workload as a string, so that its fieldset re-renders only when they change. */
  #errorSignature(key: number): string {
    let signature = '';
    for (const [k, v] of this.errors) if (k.startsWith(`${key}.`)) signature += `${k}=${typeof v === 'string' ? v : v.message};`;
    return signature;
  }

  #errorText(key: string, field: keyof typeof RULES | 'service' | 'routeTo'): string | undefined {
    const e = this.errors.get(key);
    if (e === undefined) return undefined;
    if (typeof e === 'object') return e.message;
    const rule = (RULES as Record<string, { min?: number; max: number }>)[field];
    const limit = e === 'too-small' ? rule?.min : rule?.max;
    return this.#strings.errors[e](limit !== undefined ? formatNumber(String(limit), this.#locale) : '');
  }

  #numberField(id: string, errorKey: string, field: keyof typeof RULES, label: string, value: string, onInput: (text: string) => void, unit?: string): TemplateResult {
    const error = this.#errorText(errorKey, field);
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <span class="unit-input">
        <input
          id=${id}
          class="number"
          type="text"
          inputmode="decimal"
          autocomplete="off"
          .value=${value}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? `${id}-error` : nothing}
          @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}
        />
        ${unit ? html`<span class="unit" aria-hidden="true">${unit}</span>` : nothing}
      </span>
      ${error ? html`<span class="error" id="${id}-error">${error}</span>` : nothing}
    </div>`;
  }

  #slider(id: string, label: string, value: number, onInput: (v: number) => void): TemplateResult {
    return html`<div class="slider">
      <label for=${id}>${label}</label>
      <input id=${id} type="range" min="0" max="100" step="1" .value=${String(value)} aria-valuetext="${value} %" @input=${(e: Event) => onInput(Number((e.target as HTMLInputElement).value))} />
      <output for=${id}>${value} %</output>
    </div>`;
  }

  #serviceOptions(catalog: Catalog, w: WorkloadDraft, filter?: (s: Service) => boolean): TemplateResult[] {
    const q = w.search.trim().toLowerCase();
    const matches = (s: Service) =>
      !q || s.id.includes(q) || `${s.brand} ${s.brandEn ?? ''} ${s.model}`.toLowerCase().includes(q) || (s.aliases ?? []).some((a) => a.toLowerCase().includes(q));
    const groups = new Map<string, Service[]>();
    for (const s of catalog.services) {
      if (filter && !filter(s)) continue;
      if (!matches(s) && s.id !== w.service) continue;
      const list = groups.get(s.billingType) ?? [];
      list.push(s);
      groups.set(s.billingType, list);
    }
    const language = this.#localeController.language;
    return [...groups].map(
      ([type, services]) => html`<optgroup label=${billingTypeName(type, language, catalog.billingTypes.find((b) => b.id === type)?.name)}>
        ${services.map((s) => html`<option value=${s.id} ?selected=${s.id === w.service}>${serviceName(s)}</option>`)}
      </optgroup>`,
    );
  }

  #renderWorkload(catalog: Catalog, w: WorkloadDraft, index: number): TemplateResult {
    const s = this.#strings;
    const id = (f: string) => `w${w.key}-${f}`;
    const service = tryFindService(catalog, w.service);
    const shape = service ? shapeOf(service) : 'chat';
    const fields = fieldsFor(shape, hasToolService(catalog));
    const title = w.name || (service ? serviceName(service) : s.workload(index + 1));
    const setText = (f: WorkloadField) => (text: string) => this.#editWorkload(w, () => (w.text[f] = text));
    const field = (f: WorkloadField) =>
      fields.includes(f) ? this.#numberField(id(f), `${w.key}.${f}`, f, s.fields[f], w.text[f] ?? '', setText(f), s.units[f]) : nothing;
    const serviceError = this.#errorText(`${w.key}.service`, 'service');
    const routeError = this.#errorText(`${w.key}.routeTo`, 'routeTo');
    const count = this.promptCounts.get(w.key);
    const modes = catalog.keyModes;
    return html`<fieldset part="workload" @focusin=${() => (this.#activeKey = w.key)}>
      <legend>${s.workload(index + 1)}: ${title}</legend>
      <div class="row">
        <div class="field wide">
          <label for=${id('name')}>${s.workloadName}</label>
          <input id=${id('name')} type="text" .value=${w.name} @input=${(e: Event) => this.#editWorkload(w, () => (w.name = (e.target as HTMLInputElement).value))} />
        </div>
        <div class="field">
          <label for=${id('search')}>${s.searchService}</label>
          <input id=${id('search')} type="search" .value=${w.search} @input=${(e: Event) => { w.search = (e.target as HTMLInputElement).value; w.rev++; this.requestUpdate(); }} />
        </div>
        <div class="field wide">
          <label for=${id('service')}>${s.service}</label>
          <select
            id=${id('service')}
            aria-invalid=${serviceError ? 'true' : 'false'}
            aria-describedby=${serviceError ? `${id('service')}-error` : nothing}
            @change=${(e: Event) => this.#setService(w.key, (e.target as HTMLSelectElement).value)}
          >
            ${service ? nothing : html`<option value=${w.service} selected>${w.service}</option>`}
            ${guard([catalog, w.search, w.service, this.#locale], () => this.#serviceOptions(catalog, w))}
          </select>
          ${serviceError ? html`<span class="error" id="${id('service')}-error">${serviceError}</span>` : nothing}
        </div>
        ${modes.length > 1
          ? html`<div class="field">
              <label for=${id('key')}>${s.keyMode}</label>
              <select id=${id('key')} @change=${(e: Event) => this.#editWorkload(w, () => (w.keyMode = (e.target as HTMLSelectElement).value))}>
                ${modes.map((m) => html`<option value=${m.id} ?selected=${(w.keyMode || catalog.defaultKeyMode || modes[0]!.id) === m.id}>${(commonStrings(this.#localeController.language).keyModes as Record<string, string>)[m.id] ?? m.name}</option>`)}
              </select>
            </div>`
          : nothing}
      </div>
      <div class="row">${field('requestsPerUserPerDay')} ${field('inputTokens')} ${field('outputTokens')} ${field('audioSeconds')} ${field('characters')} ${field('knowledgeBaseTokens')}</div>
      ${fields.includes('requestsLow')
        ? html`<div class="row" role="group" aria-labelledby=${id('range')}>
            <span class="label" id=${id('range')}>${s.fields.requestsPerUserPerDay} · ${s.range}</span>
            ${field('requestsLow')} ${field('requestsHigh')}
          </div>`
        : nothing}
      ${fields.includes('inputTokens')
        ? html`<div class="field wide">
            <label for=${id('prompt')}>${s.prompt}</label>
            <textarea id=${id('prompt')} aria-describedby=${id('prompt-count')} .value=${w.prompt} @input=${(e: Event) => this.#countPrompt(w.key, (e.target as HTMLTextAreaElement).value)}></textarea>
            <span class="hint" id=${id('prompt-count')}>
              ${count?.state === 'done'
                ? s.promptCount(formatNumber(String(count.tokens), this.#locale), count.exact, count.label)
                : count?.state === 'counting'
                  ? s.promptCounting
                  : count?.state === 'unavailable'
                    ? s.promptUnavailable
                    : s.promptHint}
            </span>
          </div>`
        : nothing}
      ${fields.includes('imagesPerRequest') ? html`<div class="row">${field('imagesPerRequest')} ${field('imageWidth')} ${field('imageHeight')} ${field('toolCalls')}</div>` : nothing}
      ${shape !== 'token-days'
        ? html`<details ?open=${w.cacheHitRate > 0 || w.compression > 0 || w.routeShare > 0 || !!w.text.outputCap}>
            <summary>${s.levers}</summary>
            <div class="row">
              ${this.#slider(id('cache'), s.cacheHitRate, w.cacheHitRate, (v) => this.#editWorkload(w, () => (w.cacheHitRate = v)))}
              ${shape === 'chat' || shape === 'tokens' ? this.#slider(id('compression'), s.compression, w.compression, (v) => this.#editWorkload(w, () => (w.compression = v))) : nothing}
            </div>
            <div class="row">
              ${this.#slider(id('route'), s.routeShare, w.routeShare, (v) => this.#editWorkload(w, () => (w.routeShare = v)))}
              <div class="field wide">
                <label for=${id('route-to')}>${s.routeTo}</label>
                <select
                  id=${id('route-to')}
                  aria-invalid=${routeError ? 'true' : 'false'}
                  aria-describedby=${routeError ? `${id('route-to')}-error` : nothing}
                  @change=${(e: Event) => this.#editWorkload(w, () => (w.routeTo = (e.target as HTMLSelectElement).value))}
                >
                  <option value="" ?selected=${!w.routeTo}>${s.none}</option>
                  ${guard([catalog, w.routeTo, w.service, this.#locale], () =>
                    this.#serviceOptions(catalog, { ...w, search: '', service: w.routeTo }, (x) => x.id !== w.service && shapeOf(x) === shape),
                  )}
                </select>
                ${routeError ? html`<span class="error" id="${id('route-to')}-error">${routeError}</span>` : nothing}
              </div>
              ${field('outputCap')}
            </div>
          </details>`
        : nothing}
      <div class="actions">
        <button type="button" @click=${() => this.#removeWorkload(w.key)}>${s.removeWorkload(title)}</button>
      </div>
    </fieldset>`;
  }

  #renderForm(catalog: Catalog, draft: Draft): TemplateResult {
    const s = this.#strings;
    const presets = availablePresets(catalog);
    return html`<form part="form" @submit=${(e: Event) => e.preventDefault()} aria-labelledby="form-h">
      <h2 id="form-h">${s.title}</h2>
      ${presets.length
        ? html`<div class="row" role="group" aria-labelledby="presets-h">
            <span class="label" id="presets-h">${s.presets}</span>
            <div class="actions">${presets.map((p) => html`<button type="button" @click=${() => this.#applyPreset(p)}>${s.presetNames[p]}</button>`)}</div>
          </div>`
        : nothing}
      <fieldset>
        <legend>${s.scenario}</legend>
        <div class="row">
          <div class="field wide">
            <label for="scenario-name">${s.scenarioName}</label>
            <input id="scenario-name" type="text" .value=${draft.name} @input=${(e: Event) => this.#edit((d) => (d.name = (e.target as HTMLInputElement).value))} />
          </div>
          ${this.#numberField('users', 'users', 'users', s.users, draft.text.users, (t) => this.#edit((d) => (d.text.users = t)))}
          <div class="field">
            <label for="basis">${s.period}</label>
            <select id="basis" @change=${(e: Event) => this.#edit((d) => (d.basis = (e.target as HTMLSelectElement).value as Draft['basis']))}>
              <option value="working" ?selected=${draft.basis === 'working'}>${s.workingDays}</option>
              <option value="calendar" ?selected=${draft.basis === 'calendar'}>${s.calendarDays}</option>
            </select>
          </div>
          ${this.#numberField('days', 'days', 'days', s.days, draft.text.days, (t) => this.#edit((d) => (d.text.days = t)), s.units.days)}
          ${this.#numberField('balance', 'balance', 'balance', s.balance, draft.text.balance, (t) => this.#edit((d) => (d.text.balance = t)), s.units.balance)}
        </div>
      </fieldset>
      ${repeat(
        draft.workloads,
        (w) => w.key,
        (w, i) => guard([w, w.rev, i, this.#errorSignature(w.key), catalog, this.#locale], () => this.#renderWorkload(catalog, w, i)),
      )}
      <div class="actions">
        <button type="button" id="add-workload" class="primary" @click=${() => this.#addWorkload()}>${s.addWorkload}</button>
      </div>
    </form>`;
  }

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

  #renderResults(catalog: Catalog): TemplateResult {
    const s = this.#strings;
    const ctx: ResultsContext = {
      catalog,
      locale: this.#locale,
      language: this.#localeController.language,
      strings: s,
      onUseService: (i, service) => {
        const w = this.draft?.workloads[i];
        if (w) this.#setService(w.key, service);
      },
    };
    const r = this.result;
    const invalid = this.errors.size > 0 || this.general.length > 0;
    return html`<section class="results" part="results" aria-labelledby="results-h">
      <h2 id="results-h">${s.results}</h2>
      ${invalid
        ? html`<div class="notice">
            ${s.keepingLast}
            ${this.general.length ? html`<ul>${this.general.map((g) => html`<li>${g}</li>`)}</ul>` : nothing}
          </div>`
        : nothing}
      ${r && r.byWorkload.length
        ? html`${renderSummary(r, ctx)} ${renderBreakdown(r, ctx)}
          ${guard([this.recommendations, this.#locale, this.#lastBalance], () => renderRecommendations(r, this.recommendations, ctx, this.#lastBalance))}`
        : html`<p>${s.noWorkloads}</p>`}
      <section aria-labelledby="share-h">
        <h3 id="share-h">${s.share_}</h3>
        <div class="actions">
          <button type="button" @click=${this.#copyShareLink} ?disabled=${!this.#lastScenario}>${s.copyLink}</button>
          <button type="button" @click=${() => this.#lastScenario && this.#download(scenarioToJson(this.#lastScenario), 'scenario.json', 'application/json')} ?disabled=${!this.#lastScenario}>${s.exportJson}</button>
          <button type="button" @click=${() => r && this.#download(breakdownCsv(r), 'breakdown.csv', 'text/csv')} ?disabled=${!r}>${s.exportCsv}</button>
          <label class="file-label" for="import">${s.importJson}</label>
          <input id="import" type="file" accept=".json,application/json" @change=${this.#importFile} />
        </div>
        ${this.shareLink
          ? html`<div class="field wide">
              <label for="share-link">${s.shareLink}</label>
              <input id="share-link" type="url" readonly .value=${this.shareLink} />
            </div>`
          : nothing}
      </section>
    </section>`;
  }

  protected override render(): TemplateResult {
    const catalog = this.#activeCatalog;
    const draft = this.draft;
    if (!catalog || !draft) {
      const error = this.#catalogController.error;
      return html`<div part="base" class="base" aria-busy=${error ? 'false' : 'true'}>
        <p role=${error ? 'alert' : nothing}>${error ? `${commonStrings(this.#localeController.language).error} ${error.message}` : this.#strings.loading}</p>
        ${this.#announcer.render()}
      </div>`;
    }
    return html`<div part="base" class="base">
      <div>${this.#renderNotice()} ${this.#renderForm(catalog, draft)}</div>
      ${this.#renderResults(catalog)} ${this.#announcer.render()}
    </div>`;
  }
}


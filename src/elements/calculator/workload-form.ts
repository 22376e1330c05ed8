// The scenario form: presets, the scenario's fields, one card per workload (its one-line summary,
// and when open its service, figures, prompt and levers), undo after a removal. Render functions
// of the draft; every edit goes back through `FormView`, which the calculator implements, so the
// form holds no state of its own. The controls are the elements' own (src/elements/controls).
import { html, nothing, svg, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { batchPrices, daysOfUse, defaultKeyMode, searchTextOf, serviceName, shapeOf, tryFindService, type Alternative, type Catalog, type Service } from '../../core/index.js';
import { billingTypeName, commonStrings, formatDate, formatNumber, formatPercent, type Language } from '../../i18n/index.js';
import { disclosure, dropZone, icons, segmented, stepper, type Combobox, type ComboboxOption } from '../controls/index.js';
import type { CalculatorStrings } from './calculator.strings.js';
import { editText, fieldsFor, hasToolService, RULES, stepText, type Draft, type FieldErrors, type WorkloadDraft, type WorkloadField } from './draft.js';
import { parseNumber } from './parse-number.js';
import { availablePresets, type PresetId } from './presets.js';
import type { PromptCountState } from './prompt-count.js';

/** What the form reads from the calculator and hands its edits to. */
export interface FormView {
  readonly catalog: Catalog;
  readonly draft: Draft;
  readonly strings: CalculatorStrings;
  readonly locale: string;
  readonly language: Language;
  readonly errors: FieldErrors;
  /** The calendar month (YYYY-MM) whose days a period basis counts. */
  readonly month: string;
  /** The workload last removed (until it is brought back or another change of the list). */
  readonly removed: string | undefined;
  /** The compare switch (A / B), when comparing; rendered above the scenario. */
  readonly compare: TemplateResult | typeof nothing;
  promptState(key: number): PromptCountState;
  /** Workload `index`'s monthly credits as shown, once priced. */
  workloadCredits(index: number): string | undefined;
  /** The service combobox of a workload (one controller per workload). */
  serviceCombobox(key: number): Combobox;
  /** The services cheaper than workload `index`'s own that hold its requests (undefined until recommended). */
  routeTargets(index: number, w: WorkloadDraft): readonly Alternative[] | undefined;
  /** An edit of the scenario's own fields; re-prices. */
  edit(mutate: (draft: Draft) => void): void;
  /** An edit of one workload; only its card re-renders. */
  editWorkload(w: WorkloadDraft, mutate: () => void): void;
  /** A change of how a workload is shown (open, levers): re-renders its card, does not re-price. */
  show(w: WorkloadDraft, mutate: () => void): void;
  countPrompt(key: number, text: string): void;
  /** A text file dropped or chosen as the prompt. */
  promptFile(key: number, file: File): void;
  /** Takes a counted prompt's tokens as the workload's input tokens. */
  usePromptCount(w: WorkloadDraft, tokens: number): void;
  focusWorkload(key: number): void;
  addWorkload(): void;
  removeWorkload(key: number): void;
  undoRemove(): void;
  applyPreset(id: PresetId): void;
}

const trash = svg`<svg class="icon" viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"><path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.5h5.8l.6-8.5"/></svg>`;

/** The errors of one workload as a string, so that its card re-renders only when they change. */
function errorSignature(errors: FieldErrors, key: number): string {
  let signature = '';
  for (const [k, v] of errors) if (k.startsWith(`${key}.`)) signature += `${k}=${typeof v === 'string' ? v : v.message};`;
  return signature;
}

function targetSignature(targets: readonly Alternative[] | undefined): string {
  return targets ? targets.map((a) => `${a.service}:${a.savesPercent}`).join() : '';
}

/** Route to: only services cheaper than the workload's own (with how much), and the one chosen, whatever it costs. */
function routeOptions(view: FormView, w: WorkloadDraft, targets: readonly Alternative[] | undefined): TemplateResult[] {
  const options = (targets ?? []).map((a) => ({ id: a.service, label: `${a.name} (−${formatPercent(a.savesPercent, view.locale, { maximumFractionDigits: 0 })})` }));
  const chosen = w.routeTo && !options.some((o) => o.id === w.routeTo) ? tryFindService(view.catalog, w.routeTo) : undefined;
  if (chosen) options.unshift({ id: chosen.id, label: serviceName(chosen) });
  return options.map((o) => html`<option value=${o.id} ?selected=${o.id === w.routeTo}>${o.label}</option>`);
}

/** A text workload asks for no image sizes: they show (filled with 1024 × 1024) once images are planned. */
function hasImages(w: WorkloadDraft): boolean {
  const images = (w.text.imagesPerRequest ?? '').trim();
  return images !== '' && !/^0+([.,]0*)?$/.test(images);
}

function setWorkloadText(w: WorkloadDraft, f: WorkloadField, text: string): void {
  w.text[f] = text;
  if (f === 'imagesPerRequest' && hasImages(w)) {
    w.text.imageWidth ||= '1024';
    w.text.imageHeight ||= '1024';
  }
}

function promptSignature(state: PromptCountState): string {
  return state.state === 'done' ? `done:${state.count.tokens}:${state.count.exact}:${state.count.label}` : state.state;
}

function errorText(view: FormView, key: string, field: keyof typeof RULES | 'service' | 'routeTo'): string | undefined {
  const e = view.errors.get(key);
  if (e === undefined) return undefined;
  if (typeof e === 'object') return e.message;
  const rule = (RULES as Record<string, { min?: number; max: number }>)[field];
  const limit = e === 'too-small' ? rule?.min : rule?.max;
  return view.strings.errors[e](limit !== undefined ? formatNumber(String(limit), view.locale) : '');
}

interface NumberFieldOptions {
  id: string;
  errorKey: string;
  field: keyof typeof RULES;
  label: string;
  value: string;
  onInput: (text: string) => void;
  unit?: string;
  hint?: string;
  /** A count people step through (users, days, requests): − and + beside the field. */
  steps?: boolean;
}

function numberField(view: FormView, o: NumberFieldOptions): TemplateResult {
  const { id } = o;
  const error = errorText(view, o.errorKey, o.field);
  const describedBy = [error && `${id}-error`, o.hint && `${id}-hint`].filter(Boolean).join(' ') || undefined;
  let control: TemplateResult;
  if (o.steps) {
    const rule = RULES[o.field];
    const parsed = parseNumber(o.value, view.locale, rule);
    control = stepper({
      id,
      label: o.label,
      value: o.value,
      language: view.language,
      onInput: o.onInput,
      onStep: (delta) => o.onInput(stepText(o.value, delta, rule, view.locale)),
      atMin: parsed.ok && parsed.value <= (rule.min ?? 0),
      atMax: parsed.ok && parsed.value >= rule.max,
      invalid: !!error,
      ...(describedBy && { describedBy }),
    });
  } else {
    control = html`<span class="input-group">
      <input
        id=${id}
        class="input number"
        type="text"
        inputmode="decimal"
        autocomplete="off"
        .value=${o.value}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy ?? nothing}
        @input=${(e: Event) => o.onInput((e.target as HTMLInputElement).value)}
      />
      ${o.unit ? html`<span class="unit" aria-hidden="true">${o.unit}</span>` : nothing}
    </span>`;
  }
  return html`<div class="field">
    <label class="label" for=${id}>${o.label}</label>
    ${control} ${error ? html`<span class="error" id="${id}-error">${error}</span>` : nothing}
    ${o.hint ? html`<span class="hint" id="${id}-hint">${o.hint}</span>` : nothing}
  </div>`;
}

/** A share in whole percent. `note`: a line under it (why it is off, or what is wrong), tied to it by aria-describedby. */
function slider(id: string, label: string, value: number, onInput: (v: number) => void, note?: { text: string; error?: boolean; disabled?: boolean }): TemplateResult {
  const shown = note?.disabled ? 0 : value;
  // A lever that is off takes the whole row, so that its reason reads as a sentence.
  return html`<div class="slider ${note?.disabled ? 'span-all off' : ''}">
    <label class="label" for=${id}>${label}</label>
    <input
      id=${id}
      type="range"
      min="0"
      max="100"
      step="1"
      .value=${String(shown)}
      ?disabled=${!!note?.disabled}
      aria-valuetext="${shown} %"
      aria-invalid=${note?.error ? 'true' : nothing}
      aria-describedby=${note ? `${id}-note` : nothing}
      @input=${(e: Event) => onInput(Number((e.target as HTMLInputElement).value))}
    />
    <output for=${id}>${shown} %</output>
    ${note ? html`<span class=${note.error ? 'error span-all' : 'hint span-all'} id="${id}-note">${note.text}</span>` : nothing}
  </div>`;
}

const batchCatalogs = new WeakMap<Catalog, boolean>();
function hasBatch(catalog: Catalog): boolean {
  let has = batchCatalogs.get(catalog);
  if (has === undefined) batchCatalogs.set(catalog, (has = catalog.services.some((x) => x.serviceTiers?.batch)));
  return has;
}

/** The batch lever where the service offers batch in this key mode, else off with the reason; the prompt-cache levers of a chat model. */
function priceLevers(view: FormView, w: WorkloadDraft, service: Service | undefined, keyMode: string, id: (f: string) => string): TemplateResult {
  const s = view.strings;
  const batch = !!service && !!batchPrices(service, keyMode);
  // A catalog without batch prices anywhere shows no batch lever at all.
  const anyBatch = hasBatch(view.catalog);
  const cacheError = errorText(view, `${w.key}.cacheWriteShare`, 'routeTo');
  const cache = service && shapeOf(service) === 'chat';
  return html`${anyBatch ? slider(id('batch'), s.batchShare, w.batchShare, (v) => view.editWorkload(w, () => (w.batchShare = v)), batch ? undefined : { text: s.batchUnavailable(service ? serviceName(service) : w.service), disabled: true }) : nothing}
  ${cache
    ? html`${slider(id('cache-read'), s.cacheReadShare, w.cacheReadShare, (v) => view.editWorkload(w, () => (w.cacheReadShare = v)))}
      ${slider(id('cache-write'), s.cacheWriteShare, w.cacheWriteShare, (v) => view.editWorkload(w, () => (w.cacheWriteShare = v)), cacheError ? { text: cacheError, error: true } : undefined)}
      ${slider(id('cache-write-1h'), s.cacheWrite1hShare, w.cacheWrite1hShare, (v) => view.editWorkload(w, () => (w.cacheWrite1hShare = v)))}`
    : nothing}`;
}

const serviceOptionCache = new WeakMap<Catalog, Map<Language, ComboboxOption[]>>();

/** Every service of the catalog, grouped by billing type, found by the words the price list's search knows. */
function serviceOptions(catalog: Catalog, language: Language): ComboboxOption[] {
  let byLanguage = serviceOptionCache.get(catalog);
  if (!byLanguage) serviceOptionCache.set(catalog, (byLanguage = new Map()));
  let options = byLanguage.get(language);
  if (!options) {
    const groups = new Map<string, Service[]>();
    for (const s of catalog.services) groups.set(s.billingType, [...(groups.get(s.billingType) ?? []), s]);
    options = [...groups].flatMap(([type, services]) => {
      const kind = billingTypeName(type, language, catalog.billingTypes.find((b) => b.id === type)?.name);
      return services.map((s) => ({ value: s.id, label: serviceName(s), keywords: `${searchTextOf(s)} ${kind}` }));
    });
    byLanguage.set(language, options);
  }
  return options;
}

/** The count beside the input-token figure: pasting a prompt never overwrites what was typed; the user takes the count with a button. */
function promptHint(view: FormView, w: WorkloadDraft, state: PromptCountState): TemplateResult | string {
  const s = view.strings;
  switch (state.state) {
    case 'done': {
      const tokens = state.count.tokens;
      const shown = formatNumber(String(tokens), view.locale);
      const counted = s.promptCount(shown, state.count.exact, state.count.label);
      if ((w.text.inputTokens ?? '').trim() === editText(tokens, view.locale)) return `${counted} · ${s.promptUsed}`;
      return html`${counted} <button type="button" class="link" @click=${() => view.usePromptCount(w, tokens)}>${s.promptUse(shown)}</button>`;
    }
    case 'counting':
      return s.promptCounting;
    case 'unavailable':
      return s.promptUnavailable;
    default:
      return s.promptHint;
  }
}

/** What a workload's card says when folded: its title and "GPT-4.1-mini-1M · 400 requests/day" (the model only when the title is a name of its own). Also the printed summary's lines. */
export function workloadSummary(catalog: Catalog, strings: CalculatorStrings, locale: string, w: WorkloadDraft, index: number): { title: string; meta: string } {
  const service = tryFindService(catalog, w.service);
  const count = (text: string | undefined) => {
    const parsed = parseNumber(text ?? '', locale, { max: Number.MAX_SAFE_INTEGER });
    return parsed.ok ? formatNumber(String(parsed.value), locale) : (text ?? '');
  };
  const shape = service ? shapeOf(service) : 'chat';
  const amount = shape === 'token-days' ? strings.storedTokens(count(w.text.knowledgeBaseTokens)) : strings.requestsPerDay(count(w.text.requestsPerUserPerDay));
  return {
    title: w.name || (service ? serviceName(service) : strings.workload(index + 1)),
    meta: w.name ? `${service?.model ?? w.service} · ${amount}` : amount,
  };
}

function renderWorkload(view: FormView, w: WorkloadDraft, index: number): TemplateResult {
  const { catalog, strings: s } = view;
  const id = (f: string) => `w${w.key}-${f}`;
  const service = tryFindService(catalog, w.service);
  const shape = service ? shapeOf(service) : 'chat';
  const fields = fieldsFor(shape, hasToolService(catalog));
  const { title, meta } = workloadSummary(catalog, s, view.locale, w, index);
  const setText = (f: WorkloadField) => (text: string) => view.editWorkload(w, () => setWorkloadText(w, f, text));
  const steps = new Set<WorkloadField>(['requestsPerUserPerDay', 'imagesPerRequest', 'toolCalls']);
  const field = (f: WorkloadField) =>
    fields.includes(f)
      ? numberField(view, { id: id(f), errorKey: `${w.key}.${f}`, field: f, label: s.fields[f], value: w.text[f] ?? '', onInput: setText(f), unit: s.units[f], steps: steps.has(f) })
      : nothing;
  const serviceError = errorText(view, `${w.key}.service`, 'service');
  const routeError = errorText(view, `${w.key}.routeTo`, 'routeTo');
  const routeTargets = view.routeTargets(index, w);
  const modes = catalog.keyModes;
  // The key mode the simulator prices this workload with when none was chosen (core's one rule).
  const keyMode = w.keyMode || view.draft.extra.keyMode || defaultKeyMode(catalog);
  const credits = view.workloadCredits(index);
  const options = serviceOptions(catalog, view.language);
  const body = () => html`<div class="card-body" id=${id('body')}>
    <div class="grid">
      <div class="field">
        <label class="label" for=${id('name')}>${s.workloadName}</label>
        <input id=${id('name')} class="input" type="text" .value=${w.name} @input=${(e: Event) => view.editWorkload(w, () => (w.name = (e.target as HTMLInputElement).value))} />
      </div>
      <div class="span-2">
        ${view.serviceCombobox(w.key).render({
          label: s.service,
          value: w.service,
          options: service ? options : [{ value: w.service, label: w.service }, ...options],
          language: view.language,
          invalid: !!serviceError,
          ...(serviceError && { describedBy: `${id('service')}-error` }),
        })}
        ${serviceError ? html`<span class="error" id="${id('service')}-error">${serviceError}</span>` : nothing}
      </div>
    </div>
    ${modes.length > 1
      ? segmented({
          name: id('key'),
          legend: s.keyMode,
          showLegend: true,
          value: keyMode,
          options: modes.map((m) => ({ value: m.id, label: (commonStrings(view.language).keyModes as Record<string, string>)[m.id] ?? m.name })),
          onChange: (mode) => view.editWorkload(w, () => (w.keyMode = mode)),
          part: 'key-mode',
        })
      : nothing}
    <div class="grid">${field('requestsPerUserPerDay')} ${field('inputTokens')} ${field('outputTokens')} ${field('audioSeconds')} ${field('characters')} ${field('knowledgeBaseTokens')}</div>
    ${fields.includes('requestsLow')
      ? html`<div class="grid range" role="group" aria-labelledby=${id('range')}>
          <span class="label span-all" id=${id('range')}>${s.fields.requestsPerUserPerDay} · ${s.range}</span>
          ${field('requestsLow')} ${field('requestsHigh')}
        </div>`
      : nothing}
    ${fields.includes('inputTokens')
      ? html`<div class="field prompt">
          <label class="label" for=${id('prompt')}>${s.prompt}</label>
          <textarea id=${id('prompt')} class="input" aria-describedby=${id('prompt-count')} .value=${w.prompt} @input=${(e: Event) => view.countPrompt(w.key, (e.target as HTMLTextAreaElement).value)}></textarea>
          <span class="hint" id=${id('prompt-count')}>${promptHint(view, w, view.promptState(w.key))}</span>
          ${w.promptError ? html`<span class="error" role="alert">${w.promptError}</span>` : nothing}
          ${dropZone({ id: id('prompt-file'), label: s.promptFile, accept: '.txt,.md,.markdown,.csv,.json,text/*', language: view.language, onFile: (file) => view.promptFile(w.key, file) })}
        </div>`
      : nothing}
    ${fields.includes('imagesPerRequest')
      ? html`<div class="grid">${field('imagesPerRequest')} ${hasImages(w) ? html`${field('imageWidth')} ${field('imageHeight')}` : nothing} ${field('toolCalls')}</div>`
      : nothing}
    ${shape !== 'token-days'
      ? html`<div class="levers">
          ${disclosure({ controls: id('levers'), open: w.leversOpen, onToggle: (open) => view.show(w, () => (w.leversOpen = open)), part: 'levers-toggle' }, s.levers)}
          ${w.leversOpen
            ? html`<div id=${id('levers')} class="levers-body">
                <div class="grid">
                  ${slider(id('cache'), s.cacheHitRate, w.cacheHitRate, (v) => view.editWorkload(w, () => (w.cacheHitRate = v)))}
                  ${shape === 'chat' || shape === 'tokens' ? slider(id('compression'), s.compression, w.compression, (v) => view.editWorkload(w, () => (w.compression = v))) : nothing}
                  ${priceLevers(view, w, service, keyMode, id)}
                  ${slider(id('route'), s.routeShare, w.routeShare, (v) => view.editWorkload(w, () => (w.routeShare = v)))}
                  <div class="field">
                    <label class="label" for=${id('route-to')}>${s.routeTo}</label>
                    <span class="select">
                      <select
                        id=${id('route-to')}
                        class="input"
                        aria-invalid=${routeError ? 'true' : 'false'}
                        aria-describedby=${routeError ? `${id('route-to')}-error` : nothing}
                        @change=${(e: Event) => view.editWorkload(w, () => (w.routeTo = (e.target as HTMLSelectElement).value))}
                      >
                        <option value="" ?selected=${!w.routeTo}>${s.none}</option>
                        ${guard([catalog, w.routeTo, w.service, view.locale, targetSignature(routeTargets)], () => routeOptions(view, w, routeTargets))}
                      </select>
                      ${icons.chevronDown}
                    </span>
                    ${routeError ? html`<span class="error" id="${id('route-to')}-error">${routeError}</span>` : nothing}
                  </div>
                  ${field('outputCap')}
                </div>
              </div>`
            : nothing}
        </div>`
      : nothing}
  </div>`;
  return html`<fieldset part="workload ${w.open ? 'workload-open' : 'workload-closed'}" class="card workload" @focusin=${() => view.focusWorkload(w.key)}>
    <legend class="visually-hidden">${s.workload(index + 1)}: ${title}</legend>
    <div class="card-head">
      ${disclosure(
        { controls: id('body'), open: w.open, onToggle: (open) => view.show(w, () => (w.open = open)), className: 'card-toggle', part: 'workload-summary' },
        html`<span class="card-title">${title}</span><span class="card-meta"><span aria-hidden="true"> · </span>${meta}</span
          >${credits ? html`<span class="card-credits"><span class="visually-hidden"> · </span>${credits}</span>` : nothing}`,
      )}
      <button type="button" class="button quiet remove" part="remove" aria-label=${s.removeWorkload(title)} title=${s.removeWorkload(title)} @click=${() => view.removeWorkload(w.key)}>
        ${trash}
      </button>
    </div>
    ${w.open ? body() : nothing}
  </fieldset>`;
}

/** A new basis counts the days of use of the month anew: "working days" must change the days, not only the label. */
function setBasis(draft: Draft, basis: Draft['basis'], view: FormView): void {
  draft.basis = basis;
  draft.text.days = editText(daysOfUse(view.month, basis), view.locale);
}

function daysHint(view: FormView): string {
  const month = formatDate(`${view.month}-01`, view.locale, { month: 'long', year: 'numeric' });
  return view.strings.daysHint(month, daysOfUse(view.month, 'working'), daysOfUse(view.month, 'calendar'));
}

export function renderForm(view: FormView): TemplateResult {
  const { catalog, draft, strings: s } = view;
  const presets = availablePresets(catalog);
  return html`<form part="form" class="form" @submit=${(e: Event) => e.preventDefault()} aria-labelledby="form-h">
    <h2 id="form-h">${s.title}</h2>
    ${presets.length
      ? html`<div class="presets" role="group" aria-labelledby="presets-h">
          <span class="label" id="presets-h">${s.presets}</span>
          <div class="chips">${presets.map((p) => html`<button type="button" class="button chip" part="preset" @click=${() => view.applyPreset(p)}>${s.presetNames[p]}</button>`)}</div>
        </div>`
      : nothing}
    ${view.compare}
    <fieldset class="card" part="scenario">
      <legend class="card-legend">${s.scenario}</legend>
      <div class="grid">
        <div class="field span-2">
          <label class="label" for="scenario-name">${s.scenarioName}</label>
          <input id="scenario-name" class="input" type="text" .value=${draft.name} @input=${(e: Event) => view.edit((d) => (d.name = (e.target as HTMLInputElement).value))} />
        </div>
        ${numberField(view, { id: 'users', errorKey: 'users', field: 'users', label: s.users, value: draft.text.users, onInput: (t) => view.edit((d) => (d.text.users = t)), steps: true })}
      </div>
      ${segmented({
        name: 'basis',
        legend: s.period,
        showLegend: true,
        value: draft.basis,
        options: [
          { value: 'working', label: s.workingDays },
          { value: 'calendar', label: s.calendarDays },
        ],
        onChange: (basis) => view.edit((d) => setBasis(d, basis, view)),
        part: 'period',
      })}
      <div class="grid">
        ${numberField(view, { id: 'days', errorKey: 'days', field: 'days', label: s.days, value: draft.text.days, onInput: (t) => view.edit((d) => (d.text.days = t)), unit: s.units.days, hint: daysHint(view), steps: true })}
        ${numberField(view, { id: 'balance', errorKey: 'balance', field: 'balance', label: s.balance, value: draft.text.balance, onInput: (t) => view.edit((d) => (d.text.balance = t)), unit: s.units.balance })}
      </div>
    </fieldset>
    ${repeat(
      draft.workloads,
      (w) => w.key,
      (w, i) =>
        guard(
          [w, w.rev, i, errorSignature(view.errors, w.key), promptSignature(view.promptState(w.key)), catalog, view.locale, view.workloadCredits(i), view.serviceCombobox(w.key).revision],
          () => renderWorkload(view, w, i),
        ),
    )}
    ${view.removed !== undefined
      ? html`<p class="undo" part="undo">${s.removed(view.removed)} <button type="button" id="undo" class="button quiet" @click=${() => view.undoRemove()}>${s.undo}</button></p>`
      : nothing}
    <div class="actions">
      <button type="button" id="add-workload" class="button" part="add-workload" @click=${() => view.addWorkload()}>${icons.plus} ${s.addWorkload}</button>
    </div>
  </form>`;
}

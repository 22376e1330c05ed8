// The scenario form: presets, the scenario's fields, one fieldset per workload (service, figures,
// prompt, levers). Render functions of the draft; every edit goes back through `FormView`, which
// the calculator implements, so the form holds no state of its own.
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { daysOfUse, defaultKeyMode, matchesSearch, searchTerms, serviceName, shapeOf, tryFindService, type Alternative, type Catalog, type Service } from '../../core/index.js';
import { billingTypeName, commonStrings, formatDate, formatNumber, formatPercent, type Language } from '../../i18n/index.js';
import type { CalculatorStrings } from './calculator.strings.js';
import { editText, fieldsFor, hasToolService, RULES, type Draft, type FieldErrors, type WorkloadDraft, type WorkloadField } from './draft.js';
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
  promptState(key: number): PromptCountState;
  /** The services cheaper than workload `index`'s own that hold its requests (undefined until recommended). */
  routeTargets(index: number, w: WorkloadDraft): readonly Alternative[] | undefined;
  /** An edit of the scenario's own fields; re-prices. */
  edit(mutate: (draft: Draft) => void): void;
  /** An edit of one workload; only its fieldset re-renders. */
  editWorkload(w: WorkloadDraft, mutate: () => void): void;
  /** The service search text changed (filters the list; does not re-price). */
  search(w: WorkloadDraft, text: string): void;
  setService(key: number, service: string): void;
  countPrompt(key: number, text: string): void;
  /** Takes a counted prompt's tokens as the workload's input tokens. */
  usePromptCount(w: WorkloadDraft, tokens: number): void;
  focusWorkload(key: number): void;
  addWorkload(): void;
  removeWorkload(key: number): void;
  applyPreset(id: PresetId): void;
}

/** The errors of one workload as a string, so that its fieldset re-renders only when they change. */
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

function numberField(view: FormView, id: string, errorKey: string, field: keyof typeof RULES, label: string, value: string, onInput: (text: string) => void, unit?: string, hint?: string): TemplateResult {
  const error = errorText(view, errorKey, field);
  const describedBy = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(' ');
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
        aria-describedby=${describedBy || nothing}
        @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}
      />
      ${unit ? html`<span class="unit" aria-hidden="true">${unit}</span>` : nothing}
    </span>
    ${error ? html`<span class="error" id="${id}-error">${error}</span>` : nothing}
    ${hint ? html`<span class="hint" id="${id}-hint">${hint}</span>` : nothing}
  </div>`;
}

function slider(id: string, label: string, value: number, onInput: (v: number) => void): TemplateResult {
  return html`<div class="slider">
    <label for=${id}>${label}</label>
    <input id=${id} type="range" min="0" max="100" step="1" .value=${String(value)} aria-valuetext="${value} %" @input=${(e: Event) => onInput(Number((e.target as HTMLInputElement).value))} />
    <output for=${id}>${value} %</output>
  </div>`;
}

function serviceOptions(view: FormView, w: Pick<WorkloadDraft, 'search' | 'service'>, filter?: (s: Service) => boolean): TemplateResult[] {
  const { catalog, language } = view;
  const terms = searchTerms(w.search);
  const groups = new Map<string, Service[]>();
  for (const s of catalog.services) {
    if (filter && !filter(s)) continue;
    if (s.id !== w.service && !matchesSearch(s, terms)) continue;
    const list = groups.get(s.billingType) ?? [];
    list.push(s);
    groups.set(s.billingType, list);
  }
  return [...groups].map(
    ([type, services]) => html`<optgroup label=${billingTypeName(type, language, catalog.billingTypes.find((b) => b.id === type)?.name)}>
      ${services.map((s) => html`<option value=${s.id} ?selected=${s.id === w.service}>${serviceName(s)}</option>`)}
    </optgroup>`,
  );
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

function renderWorkload(view: FormView, w: WorkloadDraft, index: number): TemplateResult {
  const { catalog, strings: s } = view;
  const id = (f: string) => `w${w.key}-${f}`;
  const service = tryFindService(catalog, w.service);
  const shape = service ? shapeOf(service) : 'chat';
  const fields = fieldsFor(shape, hasToolService(catalog));
  const title = w.name || (service ? serviceName(service) : s.workload(index + 1));
  const setText = (f: WorkloadField) => (text: string) => view.editWorkload(w, () => setWorkloadText(w, f, text));
  const field = (f: WorkloadField) =>
    fields.includes(f) ? numberField(view, id(f), `${w.key}.${f}`, f, s.fields[f], w.text[f] ?? '', setText(f), s.units[f]) : nothing;
  const serviceError = errorText(view, `${w.key}.service`, 'service');
  const routeError = errorText(view, `${w.key}.routeTo`, 'routeTo');
  const routeTargets = view.routeTargets(index, w);
  const modes = catalog.keyModes;
  // The key mode the simulator prices this workload with when none was chosen (core's one rule).
  const keyMode = w.keyMode || view.draft.extra.keyMode || defaultKeyMode(catalog);
  return html`<fieldset part="workload" @focusin=${() => view.focusWorkload(w.key)}>
    <legend>${s.workload(index + 1)}: ${title}</legend>
    <div class="row">
      <div class="field wide">
        <label for=${id('name')}>${s.workloadName}</label>
        <input id=${id('name')} type="text" .value=${w.name} @input=${(e: Event) => view.editWorkload(w, () => (w.name = (e.target as HTMLInputElement).value))} />
      </div>
      <div class="field">
        <label for=${id('search')}>${s.searchService}</label>
        <input id=${id('search')} type="search" .value=${w.search} @input=${(e: Event) => view.search(w, (e.target as HTMLInputElement).value)} />
      </div>
      <div class="field wide">
        <label for=${id('service')}>${s.service}</label>
        <select
          id=${id('service')}
          aria-invalid=${serviceError ? 'true' : 'false'}
          aria-describedby=${serviceError ? `${id('service')}-error` : nothing}
          @change=${(e: Event) => view.setService(w.key, (e.target as HTMLSelectElement).value)}
        >
          ${service ? nothing : html`<option value=${w.service} selected>${w.service}</option>`}
          ${guard([catalog, w.search, w.service, view.locale], () => serviceOptions(view, w))}
        </select>
        ${serviceError ? html`<span class="error" id="${id('service')}-error">${serviceError}</span>` : nothing}
      </div>
      ${modes.length > 1
        ? html`<div class="field">
            <label for=${id('key')}>${s.keyMode}</label>
            <select id=${id('key')} @change=${(e: Event) => view.editWorkload(w, () => (w.keyMode = (e.target as HTMLSelectElement).value))}>
              ${modes.map((m) => html`<option value=${m.id} ?selected=${keyMode === m.id}>${(commonStrings(view.language).keyModes as Record<string, string>)[m.id] ?? m.name}</option>`)}
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
          <textarea id=${id('prompt')} aria-describedby=${id('prompt-count')} .value=${w.prompt} @input=${(e: Event) => view.countPrompt(w.key, (e.target as HTMLTextAreaElement).value)}></textarea>
          <span class="hint" id=${id('prompt-count')}>${promptHint(view, w, view.promptState(w.key))}</span>
        </div>`
      : nothing}
    ${fields.includes('imagesPerRequest')
      ? html`<div class="row">
          ${field('imagesPerRequest')} ${hasImages(w) ? html`${field('imageWidth')} ${field('imageHeight')}` : nothing} ${field('toolCalls')}
        </div>`
      : nothing}
    ${shape !== 'token-days'
      ? html`<details ?open=${w.cacheHitRate > 0 || w.compression > 0 || w.routeShare > 0 || !!w.text.outputCap}>
          <summary>${s.levers}</summary>
          <div class="row">
            ${slider(id('cache'), s.cacheHitRate, w.cacheHitRate, (v) => view.editWorkload(w, () => (w.cacheHitRate = v)))}
            ${shape === 'chat' || shape === 'tokens' ? slider(id('compression'), s.compression, w.compression, (v) => view.editWorkload(w, () => (w.compression = v))) : nothing}
          </div>
          <div class="row">
            ${slider(id('route'), s.routeShare, w.routeShare, (v) => view.editWorkload(w, () => (w.routeShare = v)))}
            <div class="field wide">
              <label for=${id('route-to')}>${s.routeTo}</label>
              <select
                id=${id('route-to')}
                aria-invalid=${routeError ? 'true' : 'false'}
                aria-describedby=${routeError ? `${id('route-to')}-error` : nothing}
                @change=${(e: Event) => view.editWorkload(w, () => (w.routeTo = (e.target as HTMLSelectElement).value))}
              >
                <option value="" ?selected=${!w.routeTo}>${s.none}</option>
                ${guard([catalog, w.routeTo, w.service, view.locale, targetSignature(routeTargets)], () => routeOptions(view, w, routeTargets))}
              </select>
              ${routeError ? html`<span class="error" id="${id('route-to')}-error">${routeError}</span>` : nothing}
            </div>
            ${field('outputCap')}
          </div>
        </details>`
      : nothing}
    <div class="actions">
      <button type="button" @click=${() => view.removeWorkload(w.key)}>${s.removeWorkload(title)}</button>
    </div>
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
  return html`<form part="form" @submit=${(e: Event) => e.preventDefault()} aria-labelledby="form-h">
    <h2 id="form-h">${s.title}</h2>
    ${presets.length
      ? html`<div class="row" role="group" aria-labelledby="presets-h">
          <span class="label" id="presets-h">${s.presets}</span>
          <div class="actions">${presets.map((p) => html`<button type="button" @click=${() => view.applyPreset(p)}>${s.presetNames[p]}</button>`)}</div>
        </div>`
      : nothing}
    <fieldset>
      <legend>${s.scenario}</legend>
      <div class="row">
        <div class="field wide">
          <label for="scenario-name">${s.scenarioName}</label>
          <input id="scenario-name" type="text" .value=${draft.name} @input=${(e: Event) => view.edit((d) => (d.name = (e.target as HTMLInputElement).value))} />
        </div>
        ${numberField(view, 'users', 'users', 'users', s.users, draft.text.users, (t) => view.edit((d) => (d.text.users = t)))}
        <div class="field">
          <label for="basis">${s.period}</label>
          <select id="basis" @change=${(e: Event) => view.edit((d) => setBasis(d, (e.target as HTMLSelectElement).value as Draft['basis'], view))}>
            <option value="working" ?selected=${draft.basis === 'working'}>${s.workingDays}</option>
            <option value="calendar" ?selected=${draft.basis === 'calendar'}>${s.calendarDays}</option>
          </select>
        </div>
        ${numberField(view, 'days', 'days', 'days', s.days, draft.text.days, (t) => view.edit((d) => (d.text.days = t)), s.units.days, daysHint(view))}
        ${numberField(view, 'balance', 'balance', 'balance', s.balance, draft.text.balance, (t) => view.edit((d) => (d.text.balance = t)), s.units.balance)}
      </div>
    </fieldset>
    ${repeat(
      draft.workloads,
      (w) => w.key,
      (w, i) =>
        guard([w, w.rev, i, errorSignature(view.errors, w.key), promptSignature(view.promptState(w.key)), catalog, view.locale], () => renderWorkload(view, w, i)),
    )}
    <div class="actions">
      <button type="button" id="add-workload" class="primary" @click=${() => view.addWorkload()}>${s.addWorkload}</button>
    </div>
  </form>`;
}

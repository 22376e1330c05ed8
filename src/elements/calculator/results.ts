// The results panel: total, band, per user / per day, the breakdown charts with their table,
// the recommendations and the share section. Pure render functions of a simulation and its
// recommendations.
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { allocateDisplay, compareDecimals, type Catalog, type ComparedLine, type Comparison, type Recommendations, type SimulationResult } from '../../core/index.js';
import { billingTypeName, commonStrings, formatContextWindow, formatCredits, formatDate, formatMoney, formatNumber, formatPercent, type Language } from '../../i18n/index.js';
import type { CalculatorStrings } from './calculator.strings.js';
import { barChart } from './chart.js';

export interface ResultsContext {
  catalog: Catalog;
  locale: string;
  language: Language;
  strings: CalculatorStrings;
  /** Switches a workload (by index) to another service. */
  onUseService: (workload: number, service: string) => void;
}

const credits = (value: string, ctx: ResultsContext) => formatCredits(value, ctx.locale);
const money = (amount: string, currency: string, ctx: ResultsContext) => formatMoney(amount, currency, ctx.locale, { maximumFractionDigits: 2 });

export function renderSummary(result: SimulationResult, ctx: ResultsContext): TemplateResult {
  const s = ctx.strings;
  const { band, bandMoney } = result;
  return html`<p class="total" part="total">${credits(result.credits, ctx)}</p>
    <p class="money" part="money">${money(result.money.amount, result.money.currency, ctx)} ${s.perMonth}</p>
    ${result.ranged
      ? html`<p part="band">${s.band(`${credits(band.low, ctx)} (${money(bandMoney.low.amount, result.currency, ctx)})`, `${credits(band.high, ctx)} (${money(bandMoney.high.amount, result.currency, ctx)})`)}</p>`
      : nothing}
    <dl class="figures">
      ${result.perUser !== null ? html`<dt>${s.perUser}</dt><dd>${credits(result.perUser, ctx)}</dd>` : nothing}
      <dt>${s.perDay}</dt>
      <dd>${credits(result.perDay, ctx)}</dd>
    </dl>`;
}

type Line = SimulationResult['lines'][number];
const linesByWorkload = new WeakMap<SimulationResult, Map<number, Line[]>>();
/** A result's lines by workload, grouped once: per workload a filter of every line made the table quadratic in workloads. */
function linesOf(result: SimulationResult): Map<number, Line[]> {
  let byWorkload = linesByWorkload.get(result);
  if (!byWorkload) {
    byWorkload = new Map();
    for (const line of result.lines) {
      const list = byWorkload.get(line.workload);
      if (list) list.push(line);
      else byWorkload.set(line.workload, [line]);
    }
    linesByWorkload.set(result, byWorkload);
  }
  return byWorkload;
}

/**
 * How a workload was priced where not simply at its standard prices: its long-context tier
 * ("priced above 200K tokens"), its batch share, cache writes at the input price.
 */
function pricingTerms(result: SimulationResult, index: number, ctx: ResultsContext): TemplateResult | typeof nothing {
  const common = commonStrings(ctx.language);
  const lines = linesOf(result).get(index) ?? [];
  const above = lines.find((l) => l.tierAbove !== undefined)?.tierAbove;
  const share = result.scenario.workloads[index]?.batchShare;
  const terms = [
    above !== undefined ? common.pricedAbove(formatContextWindow(above, ctx.locale)) : '',
    share && lines.some((l) => l.serviceTier === 'batch') ? `${common.serviceTiers.batch} ${formatPercent(share * 100, ctx.locale, { maximumFractionDigits: 0 })}` : '',
    lines.some((l) => (l.kind === 'cacheWriteTokens' || l.kind === 'cacheWrite1hTokens') && l.pricedAs === 'input') ? ctx.strings.cacheWritesAtInput : '',
  ].filter(Boolean);
  return terms.length ? html`<span class="terms" part="pricing-terms"><span class="visually-hidden">, </span>${terms.join(' · ')}</span>` : nothing;
}

/** `prefix`: for the ids of a second copy (the phone bar's), so ids stay unique. */
export function renderBreakdown(result: SimulationResult, ctx: ResultsContext, prefix = ''): TemplateResult {
  const s = ctx.strings;
  const types = allocateDisplay(
    result.byBillingType.map((t) => ({ label: billingTypeName(t.id, ctx.language, t.name), credits: t.credits })),
    2,
  );
  const workloads = allocateDisplay(
    result.byWorkload.map((w) => ({ label: w.name, credits: w.credits })),
    2,
  );
  const shown = (display: string) => formatNumber(display, ctx.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const bars = (rows: typeof types.lines) => rows.map((r) => ({ label: r.label, credits: r.credits, shown: `${shown(r.display)} ${commonStrings(ctx.language).credits}` }));
  const pct = (value: string) =>
    Number(result.credits) > 0 ? formatPercent((Number(value) / Number(result.credits)) * 100, ctx.locale) : '–';
  return html`<section aria-labelledby="${prefix}by-type-h">
      <h3 id="${prefix}by-type-h">${s.byBillingType}</h3>
      ${barChart(s.chartTitle(s.byBillingType), bars(types.lines))}
    </section>
    <section aria-labelledby="${prefix}by-workload-h">
      <h3 id="${prefix}by-workload-h">${s.byWorkload}</h3>
      ${barChart(s.chartTitle(s.byWorkload), bars(workloads.lines))}
    </section>
    <table part="table">
      <caption>${s.tableCaption}</caption>
      <thead>
        <tr><th scope="col">${s.item}</th><th scope="col" class="num">${s.creditsColumn}</th><th scope="col" class="num">${s.share}</th></tr>
      </thead>
      <tbody>
        <tr><th scope="rowgroup" colspan="3">${s.byWorkload}</th></tr>
        ${workloads.lines.map((l, i) => html`<tr part="row"><th scope="row">${l.label}${pricingTerms(result, i, ctx)}</th><td class="num">${shown(l.display)}</td><td class="num">${pct(l.credits)}</td></tr>`)}
        <tr><th scope="rowgroup" colspan="3">${s.byBillingType}</th></tr>
        ${types.lines.map((l) => html`<tr part="row"><th scope="row">${l.label}</th><td class="num">${shown(l.display)}</td><td class="num">${pct(l.credits)}</td></tr>`)}
      </tbody>
      <tfoot>
        <tr><th scope="row">${s.total}</th><td class="num">${shown(workloads.total)}</td><td class="num">${formatPercent(100, ctx.locale)}</td></tr>
      </tfoot>
    </table>`;
}

export function renderRecommendations(result: SimulationResult, recs: Recommendations | undefined, ctx: ResultsContext, balance: string | undefined): TemplateResult {
  const s = ctx.strings;
  if (!recs) return html``;
  const currency = result.currency;
  const plan = recs.packages;
  const keyName = (id: string, fallback: string) => (commonStrings(ctx.language).keyModes as Record<string, string>)[id] ?? fallback;
  return html`<section part="recommendations" aria-labelledby="recs-h">
    <h3 id="recs-h">${s.recommendations}</h3>
    <h4>${s.packages}</h4>
    ${plan
      ? html`<p>
          ${s.packagePlan(
            plan.items.map((i) => `${formatNumber(String(i.count), ctx.locale)} × ${i.package.name}`).join(' + '),
            money(plan.price.amount, plan.price.currency, ctx),
            plan.discountPercent !== '0' ? formatPercent(plan.discountPercent, ctx.locale) : '',
          )}
          ${plan.surplusCredits !== '0' ? s.packageSurplus(credits(plan.surplusCredits, ctx)) : nothing}
        </p>
        ${plan.custom ? html`<p class="muted">${s.customPackage(credits(plan.custom.credits, ctx))}</p>` : nothing}`
      : html`<p class="muted">${s.noPackages}</p>`}
    ${recs.keyModes.length > 1
      ? html`<h4>${s.keyModes}</h4>
          <ul class="plain">
            ${recs.keyModes.map(
              (k) => html`<li>
                ${keyName(k.keyMode, k.name)}:
                ${k.credits !== null ? html`<strong>${credits(k.credits, ctx)}</strong>` : html`<span class="muted">${s.notOfferedIn(k.notOffered.length)}</span>`}
                ${k.keyMode !== 'platform' ? html`<div class="muted">${s.ownKeyNote}</div>` : nothing}
              </li>`,
            )}
          </ul>`
      : nothing}
    ${result.byWorkload.map((w, i) => {
      const alts = recs.alternatives[i] ?? [];
      const kind = billingTypeName(w.billingType, ctx.language, ctx.catalog.billingTypes.find((b) => b.id === w.billingType)?.name);
      return html`<h4>${s.alternatives(w.name)}</h4>
        ${alts.length
          ? html`<ul class="plain alternatives">
              ${alts.map(
                (a) => html`<li>
                  <span class="alternative">
                    <strong>${a.name}</strong>: ${credits(a.credits, ctx)}${a.free ? html` <span class="badge positive">${s.free}</span>` : nothing}
                    · ${s.saves(credits(a.saves, ctx), formatPercent(a.savesPercent, ctx.locale))}
                  </span>
                  <span class="muted why">${s.alternativeWhy(kind, a.contextWindow === null ? null : formatContextWindow(a.contextWindow, ctx.locale), a.requestTokens === null ? null : formatNumber(String(a.requestTokens), ctx.locale))}</span>
                  <button type="button" class="button" @click=${() => ctx.onUseService(i, a.service)}>${s.useService(a.name)}</button>
                </li>`,
              )}
            </ul>`
          : html`<p class="muted">${s.noAlternatives}</p>`}`;
    })}
    ${recs.alternatives.some((a) => a.length) ? html`<p class="muted">${s.alternativesNote}</p>` : nothing}
    ${recs.runway && balance !== undefined
      ? html`<p part="runway">
          ${recs.runway.forever
            ? s.runwayForever
            : recs.runway.lastDay
              ? s.runway(credits(balance, ctx), formatDate(recs.runway.lastDay, ctx.locale, { dateStyle: 'long' }))
              : s.runwayNone(credits(balance, ctx))}
        </p>`
      : nothing}
    <p class="muted">${currency} · ${ctx.catalog.name} ${ctx.catalog.version}</p>
  </section>`;
}

/** A shown difference with its sign: "+12.50", "−414.96", "0.00". */
function signed(display: string, ctx: ResultsContext): string {
  const shown = (d: string) => formatNumber(d, ctx.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (display.startsWith('-')) return `−${shown(display.slice(1))}`;
  return compareDecimals(display, '0') > 0 ? `+${shown(display)}` : shown(display);
}

/** A and B side by side: both totals, the difference, both charts with an A and a B bar per line, and a table with the difference per line. */
export function renderComparison(cmp: Comparison, a: SimulationResult, b: SimulationResult, ctx: ResultsContext, prefix = ''): TemplateResult {
  const s = ctx.strings;
  const shown = (display: string) => formatNumber(display, ctx.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const names = { a: s.sideA, b: s.sideB };
  // Each column is rounded for display on its own, so that each adds up to its total.
  const column = (lines: readonly ComparedLine[], side: 'a' | 'b' | 'difference') => allocateDisplay(lines.map((l) => ({ credits: l[side] ?? '0' })), 2);
  const table = (lines: readonly ComparedLine[], label: (l: ComparedLine) => string) => {
    const [ca, cb, cd] = [column(lines, 'a'), column(lines, 'b'), column(lines, 'difference')];
    return {
      rows: lines.map((l, i) => ({ label: label(l), a: l.a === null ? '–' : shown(ca.lines[i]!.display), b: l.b === null ? '–' : shown(cb.lines[i]!.display), difference: signed(cd.lines[i]!.display, ctx), line: l })),
      total: { a: shown(ca.total), b: shown(cb.total), difference: signed(cd.total, ctx) },
    };
  };
  const typeName = (l: ComparedLine & { id?: string }) => billingTypeName(l.id ?? l.label, ctx.language, ctx.catalog.billingTypes.find((t) => t.id === l.id)?.name ?? l.label);
  const workloads = table(cmp.byWorkload, (l) => l.label);
  const types = table(cmp.byBillingType, typeName);
  const unit = commonStrings(ctx.language).credits;
  const bars = (rows: typeof workloads.rows) =>
    rows.map((r) => ({ label: r.label, credits: r.line.a ?? '0', shown: `${r.a} ${unit}`, b: r.line.b === null ? null : { credits: r.line.b, shown: `${r.b} ${unit}` } }));
  const sign = Math.sign(compareDecimals(cmp.total.difference, '0')) as -1 | 0 | 1;
  const percent = cmp.total.percent === null ? '' : formatPercent(cmp.total.percent.replace(/^-/, ''), ctx.locale, { maximumFractionDigits: 1 });
  const side = (name: string, r: SimulationResult, which: 'a' | 'b') => html`<div class="side ${which}" part="side side-${which}">
    <span class="label"><span class="key ${which}" aria-hidden="true"></span> ${name}</span>
    <strong class="side-total">${credits(r.credits, ctx)}</strong>
    <span class="muted">${money(r.money.amount, r.money.currency, ctx)} ${s.perMonth}</span>
  </div>`;
  const rows = (list: typeof workloads.rows) =>
    list.map((r) => html`<tr part="row"><th scope="row">${r.label}</th><td class="num">${r.a}</td><td class="num">${r.b}</td><td class="num">${r.difference}</td></tr>`);
  return html`<section class="compare" part="compare" aria-labelledby="${prefix}compare-h">
    <h3 id="${prefix}compare-h" class="visually-hidden">${s.compareCaption}</h3>
    <div class="sides">${side(s.sideA, a, 'a')} ${side(s.sideB, b, 'b')}</div>
    <p class="difference ${sign < 0 ? 'saves' : sign > 0 ? 'costs' : ''}" part="difference">${s.compareSummary(credits(cmp.total.difference.replace(/^-/, ''), ctx), percent, sign)}</p>
    <section aria-labelledby="${prefix}cmp-type-h">
      <h3 id="${prefix}cmp-type-h">${s.byBillingType}</h3>
      ${barChart(s.chartTitle(s.byBillingType), bars(types.rows), names)}
    </section>
    <section aria-labelledby="${prefix}cmp-workload-h">
      <h3 id="${prefix}cmp-workload-h">${s.byWorkload}</h3>
      ${barChart(s.chartTitle(s.byWorkload), bars(workloads.rows), names)}
    </section>
    <table part="table compare-table">
      <caption>${s.compareCaption}</caption>
      <thead>
        <tr><th scope="col">${s.item}</th><th scope="col" class="num">A</th><th scope="col" class="num">B</th><th scope="col" class="num">${s.difference}</th></tr>
      </thead>
      <tbody>
        <tr><th scope="rowgroup" colspan="4">${s.byWorkload}</th></tr>
        ${rows(workloads.rows)}
        <tr><th scope="rowgroup" colspan="4">${s.byBillingType}</th></tr>
        ${rows(types.rows)}
      </tbody>
      <tfoot>
        <tr><th scope="row">${s.total}</th><td class="num">${workloads.total.a}</td><td class="num">${workloads.total.b}</td><td class="num">${workloads.total.difference}</td></tr>
      </tfoot>
    </table>
  </section>`;
}

export interface ResultsState {
  /** The last valid result (kept while a field is invalid). */
  result: SimulationResult | undefined;
  recommendations: Recommendations | undefined;
  /** The balance the last valid scenario was priced with. */
  balance: string | undefined;
  /** A field is invalid: the result shown is the last valid one. */
  invalid: boolean;
  /** Messages that belong to no field. */
  general: readonly string[];
  share: TemplateResult;
  /** What was assumed (the scenario and its workloads), shown only on paper. */
  printed?: TemplateResult;
  /** A and B with their comparison, when comparing. */
  compare?: { comparison: Comparison; a: SimulationResult; b: SimulationResult } | undefined;
}

export function renderResults(ctx: ResultsContext, state: ResultsState): TemplateResult {
  const s = ctx.strings;
  const { result: r, recommendations } = state;
  return html`<section class="results" part="results" aria-labelledby="results-h">
    <h2 id="results-h">${s.results}</h2>
    ${state.printed ?? nothing}
    ${state.invalid
      ? html`<div class="notice">
          ${s.keepingLast}
          ${state.general.length ? html`<ul>${state.general.map((g) => html`<li>${g}</li>`)}</ul>` : nothing}
        </div>`
      : nothing}
    ${state.compare
      ? html`${renderComparison(state.compare.comparison, state.compare.a, state.compare.b, ctx)}
        ${r ? guard([recommendations, ctx.locale, state.balance], () => renderRecommendations(r, recommendations, ctx, state.balance)) : nothing}`
      : r && r.byWorkload.length
      ? html`${renderSummary(r, ctx)} ${renderBreakdown(r, ctx)}
        ${guard([recommendations, ctx.locale, state.balance], () => renderRecommendations(r, recommendations, ctx, state.balance))}`
      : html`<p>${s.noWorkloads}</p>`}
    ${state.share}
  </section>`;
}

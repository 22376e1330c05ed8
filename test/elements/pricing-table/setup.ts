// Mounting helpers for the <credit-pricing-table> tests.
import { fixture, html } from '@open-wc/testing';
import type { FetchLike } from '../../../src/elements/common/index.js';
import '../../../src/elements/pricing-table/index.js';
import { loadPlanCards, loadPricingEngine, type CreditPricingTable } from '../../../src/elements/pricing-table/index.js';
import type { Catalog } from '../../../src/core/index.js';
import { loadParser } from '../../../src/elements/common/index.js';

export async function settle(el: CreditPricingTable): Promise<void> {
  await Promise.all([loadPricingEngine(), loadParser()]);
  for (let i = 0; i < 4; i++) {
    // Rows wait for the plan cards where the catalog has packages; a catalog handed down by
    // provideCredit is known only after the first update, so this is asked on every turn.
    if (el.currentCatalog?.packages?.length || (el.catalog as { packages?: unknown[] } | undefined)?.packages?.length) await loadPlanCards();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r));
  }
}

/** A table fed a parsed catalog, inside a wrapper with the given lang and width. */
export async function mount(catalog: Catalog | unknown, attrs: { lang?: string; width?: string; [name: string]: string | undefined } = {}): Promise<CreditPricingTable> {
  const { lang = 'en', width = '1200px', ...rest } = attrs;
  const wrap = await fixture<HTMLDivElement>(html`<div lang=${lang}></div>`);
  wrap.style.width = width;
  const el = document.createElement('credit-pricing-table');
  for (const [name, value] of Object.entries(rest)) if (value !== undefined) el.setAttribute(name, value);
  el.catalog = catalog as Catalog;
  wrap.append(el);
  await settle(el);
  return el;
}

export const $ = (el: CreditPricingTable, selector: string) => el.shadowRoot!.querySelector(selector);
export const $$ = (el: CreditPricingTable, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)];
export const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
export const rowIds = (el: CreditPricingTable, group?: string) =>
  $$(el, group ? `section[aria-labelledby="group-${group}"] tbody tr` : 'tbody tr').map((tr) => tr.getAttribute('data-id'));

export async function search(el: CreditPricingTable, query: string): Promise<void> {
  const input = $(el, 'input[type="search"]') as HTMLInputElement;
  input.value = query;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
}

/** A table that loads `src` through `fetch`, appended to a lang="en" wrapper; not awaited beyond its first update. */
export async function mountLoading(fetch: FetchLike, src = '/catalog/gptbots.json'): Promise<CreditPricingTable> {
  const wrap = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
  const el = document.createElement('credit-pricing-table');
  el.fetch = fetch;
  el.src = src;
  wrap.append(el);
  await el.updateComplete;
  return el;
}

/** A price cell's main figure (credits, or "free" / "not offered"): its own text, without money, badges or label. */
export const mainText = (td: Element | null | undefined) =>
  td ? [...td.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim() : '';

// The rows of a group's <tbody>, rendered without a lit part per row or cell: a lit template per
// row and cell put ~4,000 comment markers into the 118-service table (half its nodes, which
// insertion, style and layout all paid for). Here each row is a clone of one prepared <tr> per
// column shape, filled through Text.data, textContent and attributes (never HTML: catalog text
// stays text, and nothing needs a Trusted Types policy). Rows are keyed by service id; a row is
// only refilled when something it shows changed, so a keystroke moves rows and touches no cell.
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { noChange } from 'lit';
import { brandName } from '../../core/catalog/names.js';
import type { Catalog } from '../../core/catalog/schema.js';
import { formatContextWindow, formatDate, formatPercent, type CommonStrings } from '../../i18n/index.js';
import { cellText, type CurrencyDisplay, type DisplayFx } from './cell-text.js';
import type { PriceCell, Row } from './model-types.js';
import type { PricingTableStrings } from './pricing-table.strings.js';
import type { GroupView } from './view.js';

/** Cells and services marked as changed: `id|keyMode:key` → change in percent, and added ids. */
export interface Marks {
  cells: Map<string, string | undefined>;
  added: Set<string>;
}

export interface RowsContext {
  catalog: Catalog;
  view: GroupView;
  /** The price columns, in order, with their label in the details and the short one of a compact row. */
  columns: { key: string; label: string; short: string }[];
  /** The group shows a context-window column. */
  context: boolean;
  buysLabel: string;
  /** What the buys figures depend on besides the row (key mode, typical chat): a change refills the rows. */
  buysKey: string;
  /** What 1,000 credits buy of a row: "≈ 944 chats" (LLM groups) and the exact quantity; undefined when not offered. */
  buys: (row: Row) => { chats?: string; quantity: string } | undefined;
  /** The row action's link (planner-url filled in), or undefined for a button that fires the event. */
  plannerUrl: ((row: Row) => string | undefined) | undefined;
  locale: string;
  /** The instant whose prices are shown (ms): dates of changes within a year of it omit the year. */
  at: number;
  display: CurrencyDisplay;
  /** Money shown in a second currency too, or undefined. */
  fx: DisplayFx | undefined;
  strings: PricingTableStrings;
  common: CommonStrings;
  selected: string | undefined;
  /** Rows expanded to their details (phone layout). */
  open: ReadonlySet<string>;
  /** Live-refresh marks (flashed) and marks against a previous catalog. */
  flash: Marks | undefined;
  previous: Marks | undefined;
  /** Bumped by the element whenever `flash` or `previous` change. */
  marksVersion: number;
  /** Position of the group's first row in the whole table (rows far below the fold are laid out lazily). */
  firstIndex: number;
}

interface CellDom {
  td: HTMLTableCellElement;
  main: Text;
  money: HTMLSpanElement;
}

interface RowDom {
  tr: HTMLTableRowElement;
  /** The column keys and labels the row was cloned for. */
  shape: string;
  name: HTMLSpanElement;
  brand: HTMLSpanElement;
  expand: HTMLButtonElement;
  context: HTMLTableCellElement | undefined;
  cells: CellDom[];
  buys: HTMLTableCellElement;
  action: HTMLButtonElement | HTMLAnchorElement;
  /** The model row and the context it was last filled for. */
  row: Row | undefined;
  signature: string;
}

/**
 * The first render lays out as many rows as the viewport could show at this (smallest) row
 * height; the rows after them are `content-visibility: auto`, laid out when scrolled near.
 */
const MIN_ROW_HEIGHT_PX = 48;

// Bounded in practice: shapes are per group, key mode and language.
const prototypes = new Map<string, HTMLTableRowElement>();

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string>, ...children: Node[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** The columns' part of a row's signature, and the key of its prototype. */
const shapeOf = (ctx: RowsContext) =>
  `${ctx.columns.map((c) => `${c.key}=${c.label}=${c.short}`).join()}|${ctx.context}|${ctx.buysLabel}|${ctx.plannerUrl ? 'a' : 'button'}|${ctx.strings.estimate}`;

/**
 * One empty row per column shape (keys and card labels), cloned for every row of that shape: the
 * attributes every row of a group shares come with the clone instead of ~10 setAttribute calls.
 * The grid roles are explicit because rows and cells are CSS grids and blocks, and WebKit drops the
 * table semantics of table parts whose CSS display is changed. Every cell is a grid cell the arrow
 * keys reach (grid-keys.ts makes it focusable when it gets there: fewer attributes to clone). The
 * phone layout's disclosure chevron is drawn by CSS, not an SVG per row.
 */
function prototype(shape: string, ctx: RowsContext): HTMLTableRowElement {
  let tr = prototypes.get(shape);
  if (!tr) {
    const cells = ctx.columns.map((c) =>
      el('td', { role: 'gridcell', part: 'price', class: 'price', 'data-cell': c.key, 'data-label': c.label, 'data-short': c.short }, new Text(), el('span', { class: 'money', part: 'money' }, new Text())),
    );
    const action = ctx.plannerUrl
      ? el('a', { class: 'action', part: 'action', tabindex: '-1' }, new Text(ctx.strings.estimate))
      : el('button', { type: 'button', class: 'action', part: 'action', tabindex: '-1' }, new Text(ctx.strings.estimate));
    tr = el(
      'tr',
      { role: 'row', part: 'row' },
      el(
        'th',
        { role: 'rowheader', scope: 'row', class: 'name', part: 'name' },
        el('button', { type: 'button', class: 'expand', part: 'expand', tabindex: '-1', 'aria-expanded': 'false' }),
        el('span', { class: 'model', part: 'model' }, new Text()),
        el('span', { class: 'brand', part: 'brand-label' }, new Text()),
      ),
      ...(ctx.context ? [el('td', { role: 'gridcell', class: 'context', part: 'context', 'data-label': ctx.strings.context })] : []),
      ...cells,
      el('td', { role: 'gridcell', class: 'buys', part: 'buys', 'data-label': ctx.buysLabel }),
      el('td', { role: 'gridcell', class: 'action-cell' }, action),
    );
    prototypes.set(shape, tr);
  }
  return tr;
}

function createRow(shape: string, ctx: RowsContext): RowDom {
  const tr = prototype(shape, ctx).cloneNode(true) as HTMLTableRowElement;
  const th = tr.firstChild as HTMLTableCellElement;
  const cells: CellDom[] = [];
  let td = th.nextSibling as HTMLTableCellElement;
  let context: HTMLTableCellElement | undefined;
  if (ctx.context) {
    context = td;
    td = td.nextSibling as HTMLTableCellElement;
  }
  for (; td.nextSibling!.nextSibling; td = td.nextSibling as HTMLTableCellElement) {
    cells.push({ td, main: td.firstChild as Text, money: td.lastChild as HTMLSpanElement });
  }
  const [expand, name, brand] = th.children as unknown as [HTMLButtonElement, HTMLSpanElement, HTMLSpanElement];
  return { tr, shape, name, brand, expand, context, cells, buys: td, action: tr.lastChild!.firstChild as HTMLButtonElement, row: undefined, signature: '' };
}

function setText(node: Text, value: string): void {
  if (node.data !== value) node.data = value;
}

function setAttr(node: Element, name: string, value: string): void {
  if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

/** Removes everything after `node` in its parent (the optional badges of a cell or model cell). */
function clearAfter(node: Node): void {
  while (node.nextSibling) node.nextSibling.remove();
}

/** "—" for the eye and a word for screen readers. */
function dash(label: string): Node[] {
  return [el('span', { 'aria-hidden': 'true' }, new Text('—')), el('span', { class: 'visually-hidden' }, new Text(label))];
}

const badge = (kind: string, label: string) => el('span', { part: 'badge', class: `badge ${kind}` }, new Text(label));

const cellClass: Record<PriceCell['state'], string> = { price: 'price', free: 'price free', 'not-offered': 'price not-offered', none: 'price none' };

const YEAR_MS = 330 * 24 * 60 * 60 * 1000;
/** "1 Jan" ("1. Jan."), with the year when the date is not within the year around the instant shown. */
function changeDate(ms: number, ctx: RowsContext): string {
  const year = Math.abs(ms - ctx.at) > YEAR_MS;
  return formatDate(new Date(ms), ctx.locale, { day: 'numeric', month: 'short', ...(year && { year: 'numeric' }) });
}

function fillCell(dom: CellDom, row: Row, key: string, ctx: RowsContext): void {
  const cell = row.cells.get(key)!;
  const id = `${row.service.id}|${key}`;
  const flashed = ctx.flash?.cells.has(id) ?? false;
  const marked = ctx.previous?.cells.has(id) ?? false;
  const t = cellText(ctx.catalog, cell, ctx.locale, ctx.display, ctx.fx);
  const { td, money } = dom;
  const className = `${cellClass[cell.state]}${flashed ? ' flash' : ''}${marked ? ' changed' : ''}`;
  if (td.className !== className) td.className = className;
  // The cell's state as parts too, for a page's ::part() styles (the classes are the element's own).
  setAttr(td, 'part', `price${cell.state === 'price' ? '' : ` price-${cell.state}`}${flashed || marked ? ' price-changed' : ''}`);
  if (td.hasAttribute('data-changed') !== flashed) td.toggleAttribute('data-changed', flashed);
  setText(dom.main, t.main);
  setText(money.firstChild as Text, t.money);
  clearAfter(money);
  const s = ctx.strings;
  if (t.fx !== undefined) {
    td.append(el('span', { class: 'fx', part: 'fx' }, el('span', { 'aria-hidden': 'true' }, new Text('≈ ')), el('span', { class: 'visually-hidden' }, new Text(`${ctx.common.approximately} `)), new Text(t.fx)));
  }
  if (t.listed !== undefined) td.append(' ', el('span', { class: 'listed' }, new Text(`${s.published} `), el('s', {}, new Text(t.listed))));
  if (t.hidden) td.append(...dash(s.notApplicable));
  if (t.tiers) {
    for (const tier of t.tiers) td.append(' ', el('span', { class: 'tier', part: 'price-tier' }, new Text(s.priceAbove(formatContextWindow(tier.above, ctx.locale), tier.price))));
  }
  if (t.was !== undefined) {
    const until = changeDate(cell.was!.at, ctx);
    td.append(' ', el('span', { class: 'change was', part: 'price-change' }, new Text(`${s.priceWas} `), el('s', {}, new Text(t.was)), new Text(` ${s.priceUntil(until)}`)));
  }
  if (t.next !== undefined) td.append(' ', el('span', { class: 'change next', part: 'price-change' }, new Text(s.priceFrom(changeDate(cell.next!.at, ctx), t.next))));
  if (ctx.view.cheapest.has(id)) td.append(' ', badge('cheapest', s.cheapest));
  if (flashed || marked) {
    const percent = ctx.previous?.cells.get(id) ?? ctx.flash?.cells.get(id);
    const shown = percent ? ` ${formatPercent(percent, ctx.locale, { signDisplay: 'exceptZero' })}` : '';
    td.append(' ', badge('changed', `${s.priceChanged}${shown}`));
  }
}

function fillRow(dom: RowDom, row: Row, ctx: RowsContext): void {
  const { service } = row;
  const selected = ctx.selected === service.id;
  const open = ctx.open.has(service.id);
  const s = ctx.strings;
  setAttr(dom.tr, 'data-id', service.id);
  dom.tr.classList.toggle('selected', selected);
  dom.tr.classList.toggle('open', open);
  setAttr(dom.tr, 'part', `row${selected ? ' row-selected' : ''}${open ? ' row-open' : ''}`);
  if (selected) dom.tr.setAttribute('aria-selected', 'true');
  else dom.tr.removeAttribute('aria-selected');
  setAttr(dom.expand, 'aria-expanded', String(open));
  setAttr(dom.expand, 'aria-label', s.details(service.model));
  setText(dom.name.firstChild as Text, service.model);
  setText(dom.brand.firstChild as Text, brandName(service.brand, service.brandEn));
  clearAfter(dom.brand);
  if (ctx.flash?.added.has(service.id) || ctx.previous?.added.has(service.id)) dom.brand.after(badge('new', s.newService));
  if (dom.context) {
    if (service.contextWindow) dom.context.textContent = formatContextWindow(service.contextWindow, ctx.locale);
    else dom.context.replaceChildren(...dash(s.notApplicable));
  }
  ctx.columns.forEach((column, i) => fillCell(dom.cells[i]!, row, column.key, ctx));
  const buys = ctx.buys(row);
  if (buys === undefined) dom.buys.replaceChildren(...dash(ctx.common.notOffered));
  else if (buys.chats === undefined) dom.buys.replaceChildren(el('span', { class: 'quantity', part: 'quantity' }, new Text(buys.quantity)));
  else dom.buys.replaceChildren(el('span', { class: 'chats', part: 'chats' }, new Text(buys.chats)), el('span', { class: 'quantity', part: 'quantity' }, new Text(buys.quantity)));
  setAttr(dom.action, 'aria-label', s.estimateModel(service.model));
  if (ctx.plannerUrl) {
    const href = ctx.plannerUrl(row);
    if (href) setAttr(dom.action, 'href', href);
    else dom.action.removeAttribute('href');
  }
}

/** Everything a row shows besides its model row and shape: when it is unchanged, the row is left alone. */
function signatureOf(row: Row, ctx: RowsContext): string {
  const id = row.service.id;
  let cheapest = '';
  for (const column of ctx.columns) if (ctx.view.cheapest.has(`${id}|${column.key}`)) cheapest += column.key;
  return `${ctx.locale}|${ctx.display}|${ctx.fx?.key}|${ctx.buysKey}|${ctx.selected === id}|${ctx.open.has(id)}|${ctx.marksVersion}|${cheapest}`;
}

/** Rows the viewport could show at the first render, counted from the top of the list. */
const eagerRows = () => Math.ceil(innerHeight / MIN_ROW_HEIGHT_PX);

/**
 * Brings `tbody`'s rows to `ctx.view.rows`, in order, reusing the rows of `doms` by service id.
 * Rows at or after position `limit` in the whole table that do not exist yet are left out (the
 * first render's rows below the first screenful; see RowsDirective).
 */
export function renderRows(tbody: HTMLTableSectionElement, doms: Map<string, RowDom>, ctx: RowsContext, limit = Infinity): void {
  const eager = eagerRows();
  const shape = shapeOf(ctx);
  const shown = new Set<string>();
  let next = tbody.firstChild;
  ctx.view.rows.forEach((row, i) => {
    const id = row.service.id;
    let dom = doms.get(id);
    if (!dom && ctx.firstIndex + i >= limit) return;
    shown.add(id);
    if (dom && dom.shape !== shape) {
      // other columns (key mode, language): a new row
      if (dom.tr === next) next = next.nextSibling;
      dom.tr.remove();
      dom = undefined;
    }
    if (!dom) doms.set(id, (dom = createRow(shape, ctx)));
    const signature = signatureOf(row, ctx);
    if (dom.row !== row || dom.signature !== signature) {
      fillRow(dom, row, ctx);
      dom.row = row;
      dom.signature = signature;
    }
    // Rows below the first screenful skip style and layout until scrolled near (content-visibility).
    dom.tr.classList.toggle('lazy', ctx.firstIndex + i >= eager);
    if (dom.tr === next) next = next.nextSibling;
    else tbody.insertBefore(dom.tr, next);
  });
  while (next) {
    const after = next.nextSibling;
    next.remove();
    next = after;
  }
  // Rows a search hides stay (detached) for when it shows them again; rows of services the group no longer has go.
  if (doms.size > shown.size) {
    const inGroup = new Set(ctx.view.group.rows.map((r) => r.service.id));
    for (const id of doms.keys()) if (!inGroup.has(id)) doms.delete(id);
  }
  // The grid columns of header and rows (custom properties through CSSOM: no inline style attribute, CSP-safe).
  const style = tbody.parentElement!.style;
  const keys = String(ctx.view.group.keys.length);
  const columns = String(ctx.columns.length);
  const context = ctx.context ? 'var(--_context-width)' : '';
  if (style.getPropertyValue('--_price-columns') !== columns) style.setProperty('--_price-columns', columns);
  if (style.getPropertyValue('--_keys') !== keys) style.setProperty('--_keys', keys);
  if (style.getPropertyValue('--_context') !== context) style.setProperty('--_context', context);
}

/** Rows left for after the first paint, by element: what is still to build, and when it is built. */
const deferred = new WeakMap<object, { tasks: (() => void)[]; done: Promise<void>; run: () => void }>();

/**
 * Runs `task` right after the frame that paints the first screen (the next animation frame, then
 * a task), with every other task deferred for the same element. A tab in the background gets no
 * frames: a timer runs them then.
 */
function afterFirstPaint(key: object, task: () => void): void {
  let entry = deferred.get(key);
  if (!entry) {
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    const run = () => {
      if (deferred.get(key) !== entry) return;
      deferred.delete(key);
      for (const t of entry!.tasks) t();
      resolve();
    };
    entry = { tasks: [], done, run };
    deferred.set(key, entry);
    requestAnimationFrame(() => setTimeout(run));
    setTimeout(run, 250);
  }
  entry.tasks.push(task);
}

/** Resolves when the rows an element's first render left for after the first paint are built (undefined: none are left). */
export function rowsSettled(host: object): Promise<void> | undefined {
  return deferred.get(host)?.done;
}

/** Builds the rows an element's first render left for after the first paint now (a key pressed in the grid before then). */
export function settleRows(host: object): void {
  deferred.get(host)?.run();
}

/**
 * Each element's rows, by group (billing type) and service id: kept across renders, also while a
 * search hides a whole group (its table goes, and with it the directive), so a keystroke that
 * brings rows back moves them in instead of building them again.
 */
const rowsOfHost = new WeakMap<object, Map<string, Map<string, RowDom>>>();

function domsOf(host: object, group: string): Map<string, RowDom> {
  let groups = rowsOfHost.get(host);
  if (!groups) rowsOfHost.set(host, (groups = new Map()));
  let doms = groups.get(group);
  if (!doms) groups.set(group, (doms = new Map()));
  return doms;
}

/**
 * Whether this is the element's first render with rows: every group's directive of that one
 * (synchronous) render says yes; from the next microtask on, no.
 */
const renderedRows = new WeakMap<object, 'first' | 'later'>();
function firstRowsRender(host: object): boolean {
  const state = renderedRows.get(host);
  if (state) return state === 'first';
  renderedRows.set(host, 'first');
  queueMicrotask(() => renderedRows.set(host, 'later'));
  return true;
}

/**
 * The first render builds the rows on the first screenful only; the rest of the list follows
 * right after the first paint, in the task after that frame (rows below the fold were already
 * laid out lazily, with content-visibility; now their DOM is built then too). Every later render
 * builds every row: a search, a sort or a filter never waits for a frame. The element's
 * `updateComplete` waits for the deferred rows, and a key pressed in the grid builds them at once.
 */
class RowsDirective extends Directive {
  /** The context of the last render while rows are still deferred. */
  private partial: RowsContext | undefined;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('rows() belongs on a <tbody> element');
  }

  render(_ctx: RowsContext): unknown {
    return noChange;
  }

  override update(part: ElementPart, [ctx]: [RowsContext]): unknown {
    const tbody = part.element as HTMLTableSectionElement;
    const host = part.options?.host ?? tbody;
    const doms = domsOf(host, ctx.view.group.billingType);
    const eager = eagerRows();
    if (firstRowsRender(host) && ctx.firstIndex + ctx.view.rows.length > eager) {
      renderRows(tbody, doms, ctx, eager);
      this.partial = ctx;
      afterFirstPaint(host, () => {
        if (this.partial) renderRows(tbody, doms, this.partial);
        this.partial = undefined;
      });
    } else {
      renderRows(tbody, doms, ctx);
      this.partial = undefined;
    }
    return noChange;
  }
}

/** `<tbody ${rows(ctx)}>`: the group's rows, keyed by service id. */
export const rows = directive(RowsDirective);

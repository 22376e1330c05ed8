// What the price list shows once it has a model: the plan cards, the groups' grids, the jump list
// and the skip link. Loaded lazily with the model builder (pricing-model.ts), in parallel with the
// catalog request, so the element's first paint (toolbar, skeleton) carries none of it.
import { html, nothing, type TemplateResult } from 'lit';
import type { Catalog } from '../../core/catalog/schema.js';
import { billingTypeName, formatNumber, type CommonStrings, type Language } from '../../i18n/index.js';
import { fillUrlTemplate } from '../common/url-template.js';
import type { TypicalChat } from './chats.js';
import { gridFocusin, gridKeydown } from './grid-keys.js';
import { cellKey, type Row, type TableModel } from './model-types.js';
import { buysOf, chatsOf, isChatGroup } from './pricing-model.js';
import type { PricingTableStrings } from './pricing-table.strings.js';
import { rows, type Marks, type RowsContext } from './rows.js';
import type { GroupView, SortState } from './view.js';
import type { CurrencyDisplay, DisplayFx } from './cell-text.js';

export * from './pricing-model.js';
export { viewOf, parseList } from './view.js';
export { syncTabStop } from './grid-keys.js';
export { rowsSettled } from './rows.js';
export { findRate, parseExchangeRates } from '../../core/exchange-rates.js';

/** What the element hands the list's templates: its state, strings and handlers. */
export interface ListHost {
  strings: PricingTableStrings;
  common: CommonStrings;
  language: Language;
  locale: string;
  currencyDisplay: CurrencyDisplay;
  /** Money shown in a second currency too (display-currency with a rate), or undefined. */
  fx: DisplayFx | undefined;
  plannerUrl: string | undefined;
  selected: string | undefined;
  query: string;
  billingTypeFilter: string;
  sort: SortState | undefined;
  chat: TypicalChat;
  open: ReadonlySet<string>;
  wholeGroups: Set<string>;
  flash: Marks | undefined;
  previousMarks: Marks | undefined;
  marksVersion: number;
  shownModes: (catalog: Catalog) => string[];
  keyModeName: (catalog: Catalog, id: string) => string;
  selectKeyMode: (catalog: Catalog) => string;
  onSortClick: (event: Event) => void;
  onRowClick: (event: Event) => void;
  jumpTo: (billingType: string) => void;
  skipList: () => void;
  clearFilters: () => void;
  requestUpdate: () => void;
}

const BUDGET = '1000';
/** On a phone, groups after the first show this many rows until "show all" (CSS hides the rest). */
const COLLAPSED_ROWS = 2;

/** The groups the search and filters leave (`all`: before the billing-type chip), the jump list and the skip link. */
export function renderGroups(h: ListHost, model: TableModel, all: GroupView[]): TemplateResult {
  const catalog = model.catalog;
  const modes = h.shownModes(catalog);
  const locale = h.locale;
  const lang = h.language;
  const views = h.billingTypeFilter ? all.filter((v) => v.group.billingType === h.billingTypeFilter) : all;
  const shown = views.reduce((n, v) => n + v.rows.length, 0);
  const total = model.groups.reduce((n, g) => n + g.rows.length, 0);
  let firstIndex = 0;
  return html`<div class="summary">
      <p class="shown-count" aria-live="polite">${h.strings.shown(formatNumber(shown, locale), formatNumber(total, locale))}</p>
      ${views.length > 1
        ? html`<nav class="jump" aria-label=${h.strings.jumpTo}>
            <span aria-hidden="true">${h.strings.jumpTo}:</span>
            <ul role="list">
              ${views.map(
                (v) =>
                  html`<li><button type="button" class="link" @click=${() => h.jumpTo(v.group.billingType)}>${billingTypeName(v.group.billingType, lang, v.group.catalogName)}</button></li>`,
              )}
            </ul>
          </nav>`
        : nothing}
    </div>
    ${views.length ? html`<button type="button" class="skip" @click=${h.skipList}>${h.strings.skipList}</button>` : nothing}
    <div class="groups" @keydown=${gridKeydown} @focusin=${gridFocusin}>
      ${views.length
        ? views.map((v, i) => {
            const group = renderGroup(h, model, v, modes, firstIndex, i > 0 && views.length > 1);
            firstIndex += v.rows.length;
            return group;
          })
        : html`<div class="message empty">
            <p>${h.strings.empty}</p>
            <button type="button" class="button" @click=${h.clearFilters}>${h.strings.clearFilters}</button>
          </div>`}
    </div>`;
}

function renderGroup(h: ListHost, model: TableModel, full: GroupView, modes: string[], firstIndex: number, collapsible: boolean): TemplateResult {
  const { group } = full;
  const catalog = model.catalog;
  const s = h.strings;
  const common = h.common;
  const lang = h.language;
  const locale = h.locale;
  const groupName = billingTypeName(group.billingType, lang, group.catalogName);
  // Phone (CSS): groups after the first show their first rows until "show all" (a search shows everything it finds).
  const collapsed = collapsible && !h.query && !h.wholeGroups.has(group.billingType) && full.rows.length > COLLAPSED_ROWS + 1;

  const unitWord = h.currencyDisplay === 'money' ? catalog.creditUnit.currency : common.credits;
  const captionId = `group-${group.billingType}`;
  const twoRows = modes.length > 1;
  const buysMode = h.selectKeyMode(catalog);
  const chats = isChatGroup(group);
  const context = group.rows.some((r) => r.service.contextWindow);
  const chat = h.chat;
  const sortHeader = (column: string, label: string, rowspan = 1) => {
    const sort = h.sort;
    const active = sort && (column === 'name' ? sort.column === 'name' : full.sortedColumn === column);
    return html`<th role="columnheader" scope="col" rowspan=${rowspan} aria-sort=${active ? sort.direction : nothing} class=${active ? 'sorted' : ''}
      ><button type="button" class="sort" tabindex="-1" data-column=${column} @click=${h.onSortClick}
        >${label}<span class="sort-mark" aria-hidden="true">${active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}</span></button
      ></th>`;
  };
  const plain = (label: string, cls: string, rowspan: number) =>
    html`<th role="columnheader" scope="col" rowspan=${rowspan} class=${cls}><span class="th-label">${label}</span></th>`;
  const buysLabel = s.buys(formatNumber(BUDGET, locale));
  const template = h.plannerUrl;
  const ctx: RowsContext = {
    catalog,
    view: full,
    columns: modes.flatMap((mode) =>
      group.keys.map((key) => ({ key: cellKey(mode, key), label: twoRows ? `${h.keyModeName(catalog, mode)} · ${s.keys[key]}` : s.keys[key], short: s.keys[key] })),
    ),
    context,
    buysLabel,
    buysKey: `${buysMode}|${chat.inputTokens}|${chat.outputTokens}`,
    buys: (row: Row) => {
      const buys = buysOf(group, row, buysMode);
      if (!buys) return undefined;
      const quantity = buys.quantity === null ? s.unlimited : `${formatNumber(buys.quantity, locale)} ${s.quantity[group.quantityKind]}`;
      if (!chats) return { quantity };
      const n = chatsOf(group, row, buysMode, chat);
      if (n === undefined) return { quantity };
      return { chats: n === null ? s.unlimited : s.chats(formatNumber(n, locale)), quantity };
    },
    plannerUrl: template ? (row: Row) => fillUrlTemplate(template, { service: row.service.id, keyMode: buysMode }) : undefined,
    locale,
    at: model.at,
    display: h.currencyDisplay,
    fx: h.fx,
    strings: s,
    common,
    selected: h.selected,
    open: h.open,
    flash: h.flash,
    previous: h.previousMarks,
    marksVersion: h.marksVersion,
    firstIndex,
  };
  const priceHeaders = (mode: string) => group.keys.map((key) => sortHeader(cellKey(mode, key), s.keys[key]));
  const span = twoRows ? 2 : 1;
  const noteId = `note-${group.billingType}`;
  return html`<section class="group ${collapsed ? 'collapsed' : ''}" aria-labelledby=${captionId}>
    <table part="table" role="grid" aria-labelledby=${captionId} aria-describedby=${chats ? noteId : nothing} class=${context ? 'with-context' : ''}>
      <caption id=${captionId}>
        <span class="group-name">${groupName}</span>
        <span class="unit">${unitWord} ${common.perUnit[group.unit]}</span>
      </caption>
      <thead role="rowgroup">
        <tr role="row">
          ${sortHeader('name', s.model, span)} ${context ? plain(s.context, 'context', span) : nothing}
          ${twoRows
            ? modes.map(
                (mode) =>
                  html`<th role="columnheader" scope="colgroup" colspan=${group.keys.length} class="mode"><span class="th-label">${h.keyModeName(catalog, mode)}</span></th>`,
              )
            : priceHeaders(modes[0]!)}
          ${plain(buysLabel, 'buys', span)}
          <th role="columnheader" scope="col" rowspan=${span} class="action-cell"><span class="visually-hidden">${s.estimate}</span></th>
        </tr>
        ${twoRows ? html`<tr role="row">${modes.map(priceHeaders)}</tr>` : nothing}
      </thead>
      <tbody role="rowgroup" @click=${h.onRowClick} ${rows(ctx)}></tbody>
    </table>
    ${collapsed
      ? html`<button type="button" class="button quiet show-all" @click=${() => {
          h.wholeGroups.add(group.billingType);
          h.requestUpdate();
        }}>${s.showAll(formatNumber(full.rows.length, locale), groupName)}</button>`
      : nothing}
    ${chats
      ? html`<p class="footnote" id=${noteId}>
          ${s.chatAssumption(formatNumber(chat.inputTokens, locale), formatNumber(chat.outputTokens, locale))}${twoRows ? ` (${h.keyModeName(catalog, buysMode)})` : ''}
        </p>`
      : nothing}
  </section>`;
}


import { css } from 'lit';
import { theme } from '../common/theme.styles.js';

export const styles = [
  theme,
  css`
    :host {
      display: block;
      container-type: inline-size;
    }
    .base {
      background: var(--_surface);
      color: var(--_text);
      border-radius: var(--_radius);
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space) calc(var(--_space) * 2);
      align-items: end;
      padding-block-end: var(--_space);
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      font-size: 0.875em;
    }
    .field.search {
      flex: 1 1 16rem;
    }
    input,
    select,
    button {
      font: inherit;
      color: inherit;
    }
    input,
    select {
      min-height: 2.5rem;
      padding: 0.375rem 0.625rem;
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) / 1.5);
      font-size: 1rem;
    }
    .key-mode {
      border: 0;
      margin: 0;
      padding: 0;
    }
    .key-mode legend {
      padding: 0;
      margin-block-end: 0.25rem;
    }
    .segments {
      display: flex;
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) / 1.5);
      overflow: hidden;
    }
    .segments label {
      display: flex;
      align-items: center;
      gap: 0.375rem;
      min-height: 2.5rem;
      padding: 0 0.75rem;
      font-size: 1rem;
      cursor: pointer;
    }
    .segments label + label {
      border-inline-start: 1px solid var(--_border);
    }
    .segments label:has(:checked) {
      background: var(--_surface-alt);
      font-weight: 600;
    }
    .segments input {
      margin: 0;
      accent-color: var(--_accent);
    }
    .count {
      margin: 0 0 var(--_space);
      color: var(--_text-muted);
      font-size: 0.875em;
    }
    .group {
      /* Groups below the fold are not laid out until scrolled near (a quarter of the first render). */
      content-visibility: auto;
      contain-intrinsic-size: auto 30rem;
      margin-block-end: calc(var(--_space) * 3);
      max-height: var(--credit-pricing-table-max-height, none);
      overflow: auto;
    }
    /* A real <table> (with explicit table roles for WebKit), laid out as grids: every row is its own grid on the same
       columns, so rows below the first screenful can skip style and layout until scrolled near
       (content-visibility does not apply to table rows). First column 26 %, "buys" 16 %, the
       price columns share the rest; the counts come from the rows renderer as custom properties. */
    table {
      display: block;
      font-variant-numeric: tabular-nums;
      --_columns: 26% repeat(var(--_price-columns, 4), minmax(0, 1fr)) 16%;
    }
    thead {
      display: grid;
      grid-template-columns: var(--_columns);
    }
    thead tr {
      display: contents;
    }
    thead th[rowspan='2'] {
      grid-row: span 2;
    }
    thead th[scope='colgroup'] {
      grid-column: span var(--_keys, 2);
    }
    tbody {
      display: block;
    }
    tbody tr {
      display: grid;
      grid-template-columns: var(--_columns);
      border-block-end: 1px solid var(--_border);
    }
    tbody tr.lazy {
      content-visibility: auto;
      contain-intrinsic-size: auto 4rem;
    }
    thead th.buys {
      white-space: normal;
    }
    caption {
      display: block;
      text-align: start;
      padding-block: var(--_space);
      font-weight: 600;
      font-size: 1.1em;
    }
    caption .unit {
      margin-inline-start: var(--_space);
      font-weight: 400;
      font-size: 0.85em;
      color: var(--_text-muted);
    }
    th,
    td {
      display: block;
      padding: 0.5rem 0.625rem;
      text-align: start;
    }
    thead th {
      border-block-end: 1px solid var(--_border);
      background: var(--_surface-alt);
      font-size: 0.875em;
      font-weight: 600;
      white-space: nowrap;
    }
    thead th.mode {
      text-align: center;
    }
    td.price,
    thead th:not(:first-child) {
      text-align: end;
    }
    button {
      cursor: pointer;
    }
    .sort {
      background: none;
      border: 0;
      padding: 0.25rem;
      margin: -0.25rem;
      font-weight: inherit;
      border-radius: 0.25rem;
    }
    .sort-mark {
      margin-inline-start: 0.25rem;
      color: var(--_text-muted);
    }
    th.sorted .sort-mark {
      color: var(--_accent);
    }
    tbody th {
      font-weight: 400;
    }
    .model {
      display: block;
      background: none;
      border: 0;
      padding: 0;
      text-align: start;
      font-weight: 600;
      color: var(--_accent);
      text-decoration: underline;
      text-decoration-thickness: 1px;
      text-underline-offset: 0.2em;
    }
    .brand {
      display: block;
      font-size: 0.8125em;
      color: var(--_text-muted);
    }
    tr.selected {
      background: var(--_surface-alt);
      box-shadow: inset 4px 0 0 var(--_accent);
    }
    .money,
    .listed {
      display: block;
      font-size: 0.8125em;
      color: var(--_text-muted);
    }
    .money:empty {
      display: none;
    }
    td.not-offered {
      font-style: italic;
      color: var(--_text-muted);
    }
    td.free {
      color: var(--_positive);
      font-weight: 600;
    }
    .badge {
      display: inline-block;
      margin-block-start: 0.25rem;
      padding: 0 0.375rem;
      border-radius: 999px;
      font-size: 0.75em;
      font-weight: 600;
      border: 1px solid transparent;
    }
    .badge.cheapest {
      background: var(--_positive-surface);
      color: var(--_positive);
    }
    .badge.changed,
    .badge.new {
      background: var(--_warning-surface);
      color: var(--_warning);
    }
    td.flash {
      background: var(--_warning-surface);
      transition: background-color 1s;
    }
    .buys {
      font-size: 0.875em;
      color: var(--_text-muted);
      text-align: end;
    }
    .message {
      padding: var(--_space) calc(var(--_space) * 1.5);
      margin-block-end: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .message p {
      margin: 0 0 var(--_space);
    }
    .message.error {
      border-color: var(--_danger);
    }
    .message.error strong {
      color: var(--_danger);
    }
    .message .detail {
      font-size: 0.875em;
      color: var(--_text-muted);
      overflow-wrap: anywhere;
    }
    .message button {
      min-height: 2.5rem;
      padding: 0.375rem 0.875rem;
      border-radius: calc(var(--_radius) / 1.5);
      border: 1px solid var(--_accent);
      background: var(--_accent);
      color: var(--_accent-contrast);
    }
    .footer {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      font-size: 0.8125em;
      color: var(--_text-muted);
      padding-block-start: var(--_space);
    }
    .skeleton-row {
      display: grid;
      grid-template-columns: 2fr 1fr 1fr;
      gap: 1rem;
      height: 3.25rem;
      padding: 0.75rem 0.625rem;
      border-block-end: 1px solid var(--_border);
    }
    .skeleton-row span {
      border-radius: 0.25rem;
      background: var(--_surface-alt);
    }
    @media (prefers-reduced-motion: no-preference) {
      .skeleton-row span {
        animation: pulse 1.2s ease-in-out infinite alternate;
      }
    }
    @keyframes pulse {
      to {
        opacity: 0.4;
      }
    }
    @media (forced-colors: active) {
      .badge {
        border-color: CanvasText;
      }
      tr.selected {
        outline: 2px solid Highlight;
      }
      td.flash {
        outline: 2px dashed CanvasText;
      }
    }

    /* Cards under ~600 px of the element's own width. */
    @container (max-width: 600px) {
      thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
      }
      tbody tr.lazy {
        contain-intrinsic-size: auto 10rem; /* a card's height before it is laid out */
      }
      tbody tr {
        display: block;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        margin-block-end: var(--_space);
        padding: 0.25rem 0;
      }
      th,
      td {
        border: 0;
        padding: 0.25rem 0.75rem;
      }
      td.price,
      td.buys {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 0 0.75rem;
        text-align: end;
      }
      td[data-label]::before {
        content: attr(data-label);
        color: var(--_text-muted);
        text-align: start;
        flex: 1 0 auto;
      }
      .money,
      .listed {
        display: inline;
      }
    }
  `,
];

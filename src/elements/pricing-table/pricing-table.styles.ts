import { css } from 'lit';
import { theme } from '../common/theme.styles.js';
import { badgeStyles, buttonStyles, comboboxStyles, fieldStyles, segmentedStyles } from '../controls/controls.styles.js';

export const styles = [
  theme,
  buttonStyles,
  fieldStyles,
  segmentedStyles,
  comboboxStyles,
  badgeStyles,
  css`
    :host {
      display: block;
      container-type: inline-size;
      /* Sticky headers: the caption's height, so the column headers stick right under it. */
      --_caption-height: 3rem;
      --_context-width: 5.5rem;
      --_action-width: 11em;
    }
    .base {
      background: var(--_surface);
      color: var(--_text);
      border-radius: var(--_radius);
    }
    p {
      margin: 0;
    }

    /* Plan cards */
    .section-title {
      margin: 0 0 var(--_s3);
      font-size: var(--_fs-title);
      font-weight: var(--_weight-strong);
    }
    .packages {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
      gap: var(--_s3);
      margin: 0 0 var(--_s6);
      padding: 0;
      list-style: none;
    }
    .package {
      position: relative;
      display: flex;
      flex-direction: column;
      gap: var(--_s1);
      padding: var(--_s4) var(--_s3) var(--_s3);
      border: 1px solid var(--_border);
      border-radius: var(--_radius-large);
      background: var(--_surface-raised);
      box-shadow: var(--_shadow-raised);
    }
    .package.recommended {
      border-color: var(--_accent);
      box-shadow: 0 0 0 1px var(--_accent), var(--_shadow-raised);
    }
    .package .flag {
      position: absolute;
      inset-block-start: 0;
      inset-inline-start: var(--_s3);
      translate: 0 -50%;
    }
    .package-name {
      margin: 0;
      font-size: 1em;
      font-weight: var(--_weight-strong);
    }
    .package-price .figure {
      font-size: var(--_fs-figure);
      font-weight: 700;
      line-height: 1.2;
      letter-spacing: -0.01em;
    }
    .package-price .on-request {
      font-size: var(--_fs-title);
    }
    .package-fx {
      display: block;
      font-size: var(--_fs-small);
      color: var(--_text-muted);
    }
    .package-credits {
      font-weight: var(--_weight-strong);
    }
    .package-meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_s1) var(--_s2);
      font-size: var(--_fs-small);
      color: var(--_text-muted);
    }
    .package-description {
      flex: 1;
      font-size: var(--_fs-small);
      color: var(--_text-muted);
    }
    .package .button {
      margin-block-start: var(--_s2);
      inline-size: 100%;
      /* A long name ("Buy Professional") may wrap in a narrow card: two lines with room, not pressed to the edges. */
      padding: var(--_s1) var(--_s2);
      white-space: normal;
      text-align: center;
    }

    /* Toolbar */
    .toolbar {
      display: flex;
      flex-direction: column;
      gap: var(--_s3);
      padding-block-end: var(--_s3);
    }
    .toolbar-row {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_s3) var(--_s4);
      align-items: end;
    }
    .toolbar-row > * {
      min-inline-size: 0;
    }
    .field.search {
      flex: 1 1 16rem;
    }
    .toolbar-row > .field:not(.search) {
      flex: 0 1 16rem;
    }
    .switches .segmented > legend {
      font-size: var(--_fs-small);
      font-weight: var(--_weight-strong);
    }
    .summary {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: var(--_s1) var(--_s4);
      margin-block-end: var(--_s2);
      font-size: var(--_fs-small);
      color: var(--_text-muted);
    }
    .jump {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_s1) var(--_s2);
    }
    .jump ul {
      display: contents;
      list-style: none;
    }
    .jump li + li::before {
      content: '·';
      margin-inline-end: var(--_s2);
      color: var(--_text-muted);
    }
    .skip {
      position: absolute;
      inset-inline-start: -10000px;
      padding: var(--_s2) var(--_s3);
      border: 0;
      border-radius: var(--_radius);
      background: var(--_accent);
      color: var(--_accent-contrast);
      font: inherit;
      font-weight: var(--_weight-strong);
    }
    .skip:focus {
      position: static;
      display: inline-block;
      margin-block-end: var(--_s2);
    }

    /* Groups */
    .group {
      margin-block-end: var(--_s6);
    }
    .base.scrolls .groups {
      max-height: var(--credit-pricing-table-max-height);
      overflow: auto;
    }
    /* A real <table> (explicit grid roles, kept by WebKit) laid out as CSS grids: every row is its
       own grid on the same columns, so rows below the first screenful can skip style and layout
       until scrolled near (content-visibility does not apply to table rows). The price-column
       count and the context column come from the rows renderer as custom properties. */
    table {
      display: block;
      font-variant-numeric: tabular-nums;
      --_columns: minmax(11rem, 2.2fr) var(--_context,) repeat(var(--_price-columns, 4), minmax(0, 1fr)) minmax(7rem, 1.3fr) var(--_action-width);
    }
    caption {
      position: sticky;
      inset-block-start: 0;
      z-index: 2;
      display: flex;
      align-items: baseline;
      flex-wrap: wrap;
      gap: 0 var(--_s2);
      min-block-size: var(--_caption-height);
      padding-block: var(--_s2);
      background: var(--_surface);
      text-align: start;
    }
    caption:focus-visible {
      outline-offset: -2px;
    }
    .group-name {
      font-size: var(--_fs-title);
      font-weight: var(--_weight-strong);
    }
    caption .unit {
      font-size: var(--_fs-small);
      color: var(--_text-muted);
    }
    thead {
      position: sticky;
      inset-block-start: var(--_caption-height);
      z-index: 1;
      display: grid;
      grid-template-columns: var(--_columns);
      background: var(--_surface-alt);
      border-block: 1px solid var(--_border);
    }
    thead tr {
      display: contents;
    }
    thead th[rowspan='2'] {
      grid-row: span 2;
    }
    thead th[scope='colgroup'] {
      grid-column: span var(--_keys, 2);
      border-block-end: 1px solid var(--_border);
    }
    tbody {
      display: block;
    }
    tbody tr {
      display: grid;
      grid-template-columns: var(--_columns);
      align-items: center;
      border-block-end: 1px solid var(--_border);
    }
    tbody tr:hover {
      background: var(--_hover);
    }
    tbody tr.lazy {
      content-visibility: auto;
      contain-intrinsic-size: auto 3.75rem;
    }
    th,
    td {
      display: block;
      padding: var(--_s2) var(--_s3);
      text-align: start;
      min-inline-size: 0;
    }
    th:focus-visible,
    td:focus-visible {
      outline-offset: -2px;
      border-radius: var(--_radius-small);
    }
    thead th {
      align-self: end;
      font-size: var(--_fs-small);
      font-weight: var(--_weight-strong);
      color: var(--_text-muted);
      white-space: nowrap;
    }
    thead th.mode {
      text-align: center;
      color: var(--_text);
    }
    /* Figures align right, their headers too (every group, whatever its keys). */
    td.price,
    td.buys,
    thead th.buys,
    thead th[aria-sort],
    thead tr + tr th,
    thead th:has(.sort[data-column*=':']) {
      text-align: end;
    }
    .sort {
      display: inline-flex;
      align-items: center;
      gap: 0.25em;
      padding: 0.125rem 0.25rem;
      margin: -0.125rem -0.25rem;
      border: 0;
      border-radius: var(--_radius-small);
      background: none;
      color: inherit;
      font: inherit;
      cursor: pointer;
      white-space: nowrap;
    }
    .sort:hover {
      color: var(--_text);
      background: var(--_hover);
    }
    .sort-mark {
      color: var(--_text-muted);
      font-size: 0.8em;
    }
    th.sorted {
      color: var(--_text);
    }
    th.sorted .sort-mark {
      color: var(--_accent);
    }
    tbody th {
      font-weight: 400;
    }
    .model {
      display: block;
      font-weight: var(--_weight-strong);
      overflow-wrap: break-word;
    }
    .brand {
      font-size: var(--_fs-caption);
      color: var(--_text-muted);
      text-transform: none;
    }
    .expand {
      display: none;
    }
    td.context {
      color: var(--_text-muted);
      font-size: var(--_fs-small);
    }
    tr.selected {
      background: var(--_accent-surface);
      box-shadow: inset 3px 0 0 var(--_accent);
    }
    .money,
    .listed {
      display: block;
      font-size: var(--_fs-caption);
      color: var(--_text-muted);
    }
    .money:empty {
      display: none;
    }
    /* An announced change, a recent one and long-context tiers: a caption line each under the price. */
    .change,
    .tier,
    .fx {
      display: block;
      font-size: var(--_fs-caption);
      color: var(--_text-muted);
    }
    .change.next {
      color: var(--_warning);
      font-weight: var(--_weight-strong);
    }
    td.not-offered {
      font-style: italic;
      color: var(--_text-muted);
    }
    td.free {
      color: var(--_positive);
      font-weight: var(--_weight-strong);
    }
    td .badge {
      margin-block-start: 0.125rem;
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
    .brand + .badge {
      margin-inline-start: var(--_s1);
    }
    td.flash {
      background: var(--_warning-surface);
      transition: background-color 1s;
    }
    td.buys {
      font-size: var(--_fs-small);
    }
    .chats {
      display: block;
      font-weight: var(--_weight-strong);
    }
    .chats + .quantity {
      display: block;
      font-size: var(--_fs-caption);
      color: var(--_text-muted);
    }
    td.action-cell {
      text-align: end;
      padding-inline-start: 0;
    }
    .action {
      display: inline-flex;
      align-items: center;
      gap: 0.25em;
      min-block-size: 2rem;
      padding: 0 var(--_s2);
      border: 0;
      border-radius: var(--_radius);
      background: none;
      color: var(--_accent);
      font: inherit;
      font-size: var(--_fs-small);
      font-weight: var(--_weight-strong);
      text-decoration: none;
      white-space: nowrap;
      cursor: pointer;
    }
    .action:hover {
      background: var(--_accent-surface);
    }
    /* the arrow is decoration (the action is named by its aria-label) */
    .action::after {
      content: '→' / '';
    }
    .show-all {
      display: none;
      margin-block-start: var(--_s1);
      max-inline-size: 100%;
      white-space: normal;
      text-align: start;
    }
    .footnote {
      margin-block-start: var(--_s2);
      font-size: var(--_fs-caption);
      color: var(--_text-muted);
    }
    .message {
      padding: var(--_s2) var(--_s3);
      margin-block-end: var(--_s2);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .message p {
      margin: 0 0 var(--_s2);
    }
    .message.error {
      border-color: var(--_danger);
    }
    .message.error strong {
      color: var(--_danger);
    }
    .message .detail {
      font-size: var(--_fs-small);
      color: var(--_text-muted);
      overflow-wrap: anywhere;
    }
    .footer {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      font-size: var(--_fs-caption);
      color: var(--_text-muted);
      padding-block-start: var(--_s2);
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
      tr.selected {
        outline: 2px solid Highlight;
      }
      td.flash {
        outline: 2px dashed CanvasText;
      }
      .package.recommended {
        outline: 2px solid Highlight;
      }
    }

    /* Phone (the element's own width ≤ 600 px): one compact row per model (name, then input and
       output of the first key mode) that opens to the rest as labelled lines. */
    @container (max-width: 600px) {
      .packages {
        grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr));
        gap: var(--_s2);
      }
      .package {
        padding: var(--_s3) var(--_s2) var(--_s2);
      }
      .package-price .figure {
        font-size: var(--_fs-title);
      }
      .package-description {
        display: none;
      }
      .toolbar,
      .toolbar-row {
        gap: var(--_s2);
      }
      .toolbar-row > .field:not(.search) {
        flex: 1 1 100%;
      }
      .switches {
        gap: var(--_s2) var(--_s3);
      }
      /* the key mode takes the whole width, its segments share it and may wrap their words */
      .switches > [part='key-mode'] {
        flex: 1 1 100%;
      }
      .switches > [part='key-mode'] .options {
        display: flex;
      }
      .switches > [part='key-mode'] .option {
        flex: 1 1 0;
        min-inline-size: 0;
        padding: var(--_s1);
        white-space: normal;
        text-align: center;
        line-height: 1.2;
      }
      /* the billing-type chips: one row that scrolls sideways (a phone's usual filter bar) */
      .segmented.chips .options {
        flex-wrap: nowrap;
        overflow-x: auto;
        scrollbar-width: none;
        padding: 3px;
        margin-block: -3px;
      }
      .segmented.chips .option {
        flex: none;
        min-block-size: 2rem;
        padding: 0 var(--_s2);
        font-size: var(--_fs-small);
      }
      table {
        --_columns: minmax(0, 1fr) repeat(2, minmax(3.25rem, max-content));
      }
      caption {
        min-block-size: 0;
        padding-block: var(--_s1);
      }
      .group-name {
        font-size: 1.05em;
      }
      thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
      }
      .group {
        margin-block-end: var(--_s4);
      }
      .jump {
        display: none;
      }
      /* groups after the first: their first two rows, then "show all N" */
      .collapsed tbody tr:nth-child(n + 3) {
        display: none;
      }
      .collapsed .show-all {
        display: inline-flex;
      }
      tbody tr {
        column-gap: var(--_s2);
        cursor: pointer;
      }
      tbody tr.lazy {
        contain-intrinsic-size: auto 2.75rem;
      }
      th,
      td {
        padding: var(--_s1) 0;
      }
      tbody th {
        display: grid;
        grid-template-columns: 1.25rem minmax(0, 1fr);
        align-items: center;
        column-gap: var(--_s1);
        padding-block: 0.3125rem;
      }
      tbody th > .model,
      tbody th > .brand,
      tbody th > .badge {
        grid-column: 2;
      }
      .expand {
        display: inline-flex;
        grid-row: span 2;
        align-items: center;
        justify-content: center;
        inline-size: 1.25rem;
        block-size: 1.25rem;
        padding: 0;
        border: 0;
        background: none;
        color: var(--_text-muted);
        cursor: pointer;
      }
      /* the chevron, drawn (no SVG per row): a right angle pointing right, down when open */
      .expand::before {
        content: '';
        inline-size: 0.4em;
        block-size: 0.4em;
        border-inline-end: 1.6px solid currentColor;
        border-block-end: 1.6px solid currentColor;
        rotate: -45deg;
        transition: rotate 0.15s;
      }
      tr.open .expand::before {
        rotate: 45deg;
      }
      .brand {
        line-height: 1.2;
      }
      .model {
        font-size: 0.9375em;
        line-height: 1.25;
      }
      /* closed: the first two price cells beside the name, as short figures without labels */
      tbody tr:not(.open) > td:not(.price),
      tbody tr:not(.open) > td.price ~ td.price ~ td.price {
        display: none;
      }
      tbody tr:not(.open) > td.price .money,
      tbody tr:not(.open) > td.price .listed,
      tbody tr:not(.open) > td.price .change,
      tbody tr:not(.open) > td.price .fx,
      tbody tr:not(.open) > td.price .tier,
      tbody tr:not(.open) > td.price .badge {
        display: none;
      }
      tbody tr:not(.open) > td.price {
        font-size: var(--_fs-small);
        text-align: end;
        line-height: 1.3;
      }
      tbody tr:not(.open) > td.price::before {
        content: attr(data-short);
        display: block;
        font-size: var(--_fs-caption);
        color: var(--_text-muted);
      }
      /* open: every cell on its own labelled line */
      tbody tr.open > td {
        grid-column: 1 / -1;
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 0 var(--_s3);
        padding-inline-start: calc(1.25rem + var(--_s1));
        text-align: end;
      }
      tbody tr.open > td[data-label]::before {
        content: attr(data-label);
        color: var(--_text-muted);
        text-align: start;
        flex: 1 0 auto;
      }
      tbody tr.open > td.action-cell {
        justify-content: flex-start;
        padding-block-end: var(--_s2);
      }
      tbody tr.open .money,
      tbody tr.open .listed,
      tbody tr.open .change,
      tbody tr.open .fx,
      tbody tr.open .tier,
      tbody tr.open .chats,
      tbody tr.open .quantity {
        display: inline;
      }
      tbody tr.open .chats + .quantity::before {
        content: ' · ';
      }
    }
  `,
];

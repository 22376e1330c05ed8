import { css } from 'lit';
import { theme } from '../common/index.js';
import { dataTableStyles } from '../common/table.styles.js';
import { buttonStyles, disclosureStyles, dropZoneStyles, fieldStyles, segmentedStyles, stepperStyles, comboboxStyles, badgeStyles } from '../controls/index.js';

// Wide (≥ 52rem of the element): form and estimate side by side, the estimate sticking while the
// form scrolls. Narrow: one column, and a bar with the monthly total stays at the bottom of the
// viewport while the form is edited (its place in the flow is after the form, so it stops there).
export const styles = [
  theme,
  buttonStyles,
  fieldStyles,
  segmentedStyles,
  stepperStyles,
  comboboxStyles,
  disclosureStyles,
  dropZoneStyles,
  badgeStyles,
  dataTableStyles,
  css`
    :host {
      display: block;
      container-type: inline-size;
      --_gap: var(--credit-calculator-gap, var(--_s6));
      --_bar: var(--credit-calculator-bar-color, var(--_accent));
      --_bar-b: var(--credit-calculator-bar-b-color, color-mix(in oklab, var(--_bar) 25%, var(--_surface)));
      --_field-width: var(--credit-calculator-field-width, 9rem);
      --_sticky-top: var(--credit-calculator-sticky-top, 1rem);
      --_stepper-width: 5em;
    }
    .base {
      display: grid;
      gap: var(--_gap);
      grid-template-columns: minmax(0, 1fr);
      background: var(--_surface);
      color: var(--_text);
    }
    .main {
      min-inline-size: 0;
    }
    h2,
    h3,
    h4 {
      margin: 0 0 var(--_s2);
      line-height: 1.25;
      font-weight: var(--_weight-strong);
    }
    h2 {
      font-size: var(--_fs-title);
    }
    h3 {
      font-size: 1em;
    }
    h4 {
      font-size: var(--_fs-small);
    }
    p {
      margin: 0 0 var(--_s2);
    }
    .form {
      display: grid;
      gap: var(--_s4);
    }
    .form > h2 {
      margin: 0;
    }

    /* cards: the scenario and each workload */
    .card {
      margin: 0;
      padding: var(--_s4);
      min-inline-size: 0;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-large);
      background: var(--_surface);
      box-shadow: var(--_shadow-raised);
      display: grid;
      gap: var(--_s4);
    }
    .card-legend {
      float: left; /* a legend that floats sits inside the card like a heading */
      inline-size: 100%;
      padding: 0;
      margin-block-end: calc(var(--_s4) * -1 + var(--_s1));
      font-weight: var(--_weight-strong);
    }
    .card-legend + * {
      clear: both;
    }
    .workload {
      padding: 0;
      gap: 0;
    }
    .workload.card > .card-head {
      display: flex;
      align-items: center;
      gap: var(--_s2);
      padding: var(--_s2) var(--_s2) var(--_s2) var(--_s4);
    }
    .card-toggle {
      flex: 1;
      min-inline-size: 0;
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto auto;
      grid-template-areas: 'title credits chevron' 'meta meta meta';
      align-items: baseline;
      gap: 0 var(--_s2);
      padding: var(--_s2) 0;
      min-block-size: var(--_control-height);
      border-radius: var(--_radius-small);
    }
    .card-toggle > .icon {
      grid-area: chevron;
      align-self: center;
      color: var(--_text-muted);
    }
    .card-title {
      grid-area: title;
      font-weight: var(--_weight-strong);
      overflow-wrap: anywhere;
    }
    .card-meta {
      grid-area: meta;
      color: var(--_text-muted);
      font-weight: 400;
      font-size: var(--_fs-small);
      overflow-wrap: anywhere;
    }
    .card-meta > [aria-hidden] {
      display: none;
    }
    .card-credits {
      grid-area: credits;
      font-weight: var(--_weight-strong);
      white-space: nowrap;
    }
    .remove {
      flex: none;
      inline-size: var(--_control-height);
      padding: 0;
      color: var(--_text-muted);
    }
    .remove:hover {
      color: var(--_danger);
      background: var(--_danger-surface);
    }
    .card-body {
      display: grid;
      gap: var(--_s4);
      padding: var(--_s2) var(--_s4) var(--_s4);
      border-block-start: 1px solid var(--_border);
      padding-block-start: var(--_s4);
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 11.5rem), 1fr));
      gap: var(--_s3) var(--_s4);
      align-items: start;
    }
    .span-2 {
      grid-column: span 2;
    }
    .span-all {
      grid-column: 1 / -1;
    }
    @container (max-width: 30rem) {
      .span-2 {
        grid-column: 1 / -1;
      }
    }
    .label {
      font-size: var(--_fs-small);
      font-weight: var(--_weight-strong);
    }
    .segmented .options {
      display: flex;
      max-inline-size: 100%;
      inline-size: fit-content;
    }
    .segmented .option {
      flex: 1 1 auto;
      white-space: normal;
      text-align: center;
      padding-block: var(--_s1);
    }
    .input-group {
      display: flex;
      align-items: center;
      border: 1px solid var(--_border-strong);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .input-group:focus-within {
      border-color: var(--_accent);
      outline: var(--_focus-width) solid var(--_focus);
      outline-offset: 1px;
    }
    .input-group > .input {
      border: 0;
      flex: 1;
      min-inline-size: 0;
    }
    .input-group > .input:focus-visible {
      outline: none;
    }
    .input.number,
    .stepper .input {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    .unit {
      padding-inline-end: var(--_s3);
      color: var(--_text-muted);
      font-size: var(--_fs-small);
      white-space: nowrap;
    }
    .stepper {
      inline-size: fit-content;
      max-inline-size: 100%;
    }
    .stepper .input {
      text-align: center;
    }
    textarea.input {
      min-block-size: 5rem;
      padding-block: var(--_s2);
      resize: vertical;
      font: inherit;
    }
    .prompt .drop-zone {
      flex-direction: row;
      flex-wrap: wrap;
      justify-content: center;
      padding: var(--_s2) var(--_s3);
      font-size: var(--_fs-small);
    }
    .select {
      position: relative;
      display: flex;
      align-items: center;
    }
    .select > select {
      appearance: none;
      padding-inline-end: calc(var(--_s3) * 2 + 1em);
      text-overflow: ellipsis;
    }
    .select > .icon {
      position: absolute;
      inset-inline-end: var(--_s3);
      pointer-events: none;
      color: var(--_text-muted);
    }
    [aria-invalid='true'],
    .stepper:has([aria-invalid='true']),
    .input-group:has([aria-invalid='true']) {
      border-color: var(--_danger);
    }
    .error {
      color: var(--_danger);
      font-size: var(--_fs-small);
    }
    .hint,
    .muted {
      color: var(--_text-muted);
      font-size: var(--_fs-small);
    }
    .slider {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: var(--_s1) var(--_s2);
      align-items: center;
    }
    th .terms {
      display: block;
      color: var(--_text-muted);
      font-size: var(--_fs-small, 0.875em);
      font-weight: normal;
    }
    /* Sliders side by side line up whatever their labels wrap to: each lever stands on the row's floor. */
    .levers-body .grid {
      align-items: end;
    }
    .slider label,
    .slider .span-all {
      grid-column: 1 / -1;
    }
    input[type='range']:disabled {
      opacity: 0.5;
    }
    .slider output {
      min-inline-size: 3.5em;
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    input[type='range'] {
      accent-color: var(--_accent);
      inline-size: 100%;
      min-block-size: 1.5rem;
      margin: 0;
    }
    .levers-body {
      padding-block-start: var(--_s3);
    }
    .presets {
      display: grid;
      gap: var(--_s2);
    }
    .chips,
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_s2);
      align-items: center;
    }
    .chip {
      border-radius: 999px;
      font-weight: 500;
    }
    .form .button,
    .results .button {
      white-space: normal;
      text-align: start;
      max-inline-size: 100%;
    }
    .undo {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_s2);
      margin: 0;
      padding: var(--_s2) var(--_s2) var(--_s2) var(--_s4);
      border-radius: var(--_radius);
      background: var(--_surface-alt);
      border: 1px dashed var(--_border-strong);
    }
    .notice {
      border-radius: var(--_radius);
      padding: var(--_s2) var(--_s3);
      background: var(--_warning-surface);
      color: var(--_warning);
      margin: 0 0 var(--_s4);
    }
    .notice ul {
      margin: var(--_s1) 0 0;
      padding-inline-start: 1.25rem;
    }
    .handover {
      margin: 0 0 var(--_s4);
      padding: var(--_s2) var(--_s3);
      border-radius: var(--_radius);
      border-inline-start: 3px solid var(--_accent);
      background: var(--_accent-surface);
    }
    .handover .muted {
      display: block;
    }
    button.link {
      min-block-size: 1.5rem;
      text-decoration: underline;
    }

    /* A / B */
    .compare-switch {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: var(--_s2) var(--_s3);
    }
    .sides {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
      gap: var(--_s2);
    }
    .side {
      display: grid;
      gap: var(--_s1);
      padding: var(--_s3);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      min-inline-size: 0;
    }
    .side .label {
      display: flex;
      align-items: center;
      gap: var(--_s1);
    }
    .side-total {
      font-size: var(--_fs-title);
      line-height: 1.2;
      overflow-wrap: anywhere;
    }
    .difference {
      margin: var(--_s3) 0;
      padding: var(--_s2) var(--_s3);
      border-radius: var(--_radius);
      background: var(--_surface);
      font-weight: var(--_weight-strong);
    }
    .difference.saves {
      background: var(--_positive-surface);
      color: var(--_positive);
    }
    .difference.costs {
      background: var(--_warning-surface);
      color: var(--_warning);
    }
    .summary-bar-difference {
      inline-size: 100%;
      font-size: var(--_fs-small);
    }

    /* the estimate */
    .results {
      padding: var(--_s4);
      border: 1px solid var(--_border);
      border-radius: var(--_radius-large);
      background: var(--_surface-alt);
      min-inline-size: 0;
    }
    .results > section + section,
    .results > section {
      margin-block-start: var(--_s4);
    }
    .total {
      font-size: var(--_fs-figure);
      font-weight: 700;
      line-height: 1.15;
      letter-spacing: -0.01em;
      margin: 0;
    }
    .money {
      color: var(--_text-muted);
      margin: var(--_s1) 0 0;
    }
    dl.figures {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: var(--_s1) var(--_s3);
      margin: var(--_s3) 0 0;
      padding-block-start: var(--_s3);
      border-block-start: 1px solid var(--_border);
      font-size: var(--_fs-small);
    }
    dl.figures dt {
      color: var(--_text-muted);
    }
    dl.figures dd {
      margin: 0;
      text-align: end;
    }
    @container (min-width: 52rem) {
      .base {
        grid-template-columns: minmax(0, 3fr) minmax(20rem, 2fr);
        align-items: start;
      }
      .results {
        position: sticky;
        top: var(--_sticky-top);
        max-block-size: calc(100vh - 2 * var(--_sticky-top));
        overflow-y: auto;
        overscroll-behavior: contain;
        scrollbar-width: thin;
      }
      .summary-bar {
        display: none;
      }
    }

    /* the phone bar */
    .summary-bar {
      position: sticky;
      bottom: 0;
      z-index: 2;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-large) var(--_radius-large) 0 0;
      background: var(--_surface-raised);
      box-shadow: var(--_shadow-overlay);
    }
    .summary-bar-line {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: var(--_s2);
      padding: var(--_s2) var(--_s3);
    }
    .summary-bar-figures {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0 var(--_s2);
      margin: 0;
      min-inline-size: 0;
    }
    .summary-bar-figures .label {
      inline-size: 100%;
      color: var(--_text-muted);
      font-weight: 400;
    }
    .summary-bar-total {
      font-size: 1.25em;
    }
    .summary-bar-toggle {
      flex: none;
      align-self: start;
      padding-inline: var(--_s2);
    }
    .summary-bar-panel {
      max-block-size: 60vh;
      overflow-y: auto;
      padding: var(--_s3);
      border-block-end: 1px solid var(--_border);
    }
    .main :is(input, select, textarea, button) {
      scroll-margin-block-end: 6rem; /* room for the phone bar (see #keepInView) */
    }

    /* charts */
    .chart {
      display: grid;
      gap: var(--_s2);
      margin: 0 0 var(--_s4);
    }
    .bar-row {
      display: grid;
      grid-template-columns: minmax(5rem, 38%) minmax(3rem, 1fr) auto;
      align-items: center;
      gap: var(--_s1) var(--_s3);
      font-size: var(--_fs-small);
    }
    .bar-label {
      overflow-wrap: anywhere;
      line-height: 1.3;
    }
    .bar-track {
      display: grid;
      gap: 2px;
    }
    .bar-track .bar {
      display: block;
      position: static;
      margin: 0;
      border: 0;
      box-shadow: none;
      block-size: 0.75rem;
      border-radius: 0 var(--_radius-small) var(--_radius-small) 0;
      background: var(--_bar);
    }
    /* B is drawn as an outline: told apart from A by shape, not only by a lighter colour. */
    .bar-track .bar.b {
      background: var(--_bar-b);
      box-shadow: inset 0 0 0 2px var(--_bar);
    }
    .bar-value {
      text-align: end;
      white-space: nowrap;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_s1) var(--_s3);
      align-items: center;
      font-size: var(--_fs-small);
      color: var(--_text-muted);
    }
    .key {
      display: inline-block;
      inline-size: 0.75rem;
      block-size: 0.75rem;
      border-radius: 2px;
      background: var(--_bar);
    }
    .key.b {
      background: var(--_bar-b);
      box-shadow: inset 0 0 0 2px var(--_bar);
    }
    @container (max-width: 26rem) {
      .bar-row {
        grid-template-columns: minmax(3rem, 1fr) auto;
      }
      .bar-label {
        grid-column: 1 / -1;
      }
    }
    @media (forced-colors: active) {
      .bar-track .bar,
      .key {
        forced-color-adjust: none;
        background: CanvasText;
      }
      .bar-track .bar.b,
      .key.b {
        background: Canvas;
        box-shadow: inset 0 0 0 2px CanvasText;
      }
    }

    /* tables and lists */
    table {
      font-size: var(--_fs-small);
      margin-block-end: var(--_s4);
    }
    th,
    td {
      text-align: start;
      padding: var(--_s1) var(--_s2);
      border-block-end: 1px solid var(--_border);
    }
    th[scope='rowgroup'] {
      color: var(--_text-muted);
      font-weight: var(--_weight-strong);
      padding-block-start: var(--_s3);
    }
    tbody th[scope='row'] {
      font-weight: 400;
    }
    td.num,
    th.num {
      text-align: end;
      white-space: nowrap;
    }
    th[scope='row'] {
      overflow-wrap: anywhere;
      hyphens: auto;
    }
    @container (max-width: 26rem) {
      th,
      td {
        padding-inline: var(--_s1);
      }
      .results,
      .summary-bar-panel {
        padding-inline: var(--_s2);
      }
    }
    tfoot th,
    tfoot td {
      font-weight: 700;
      border-block-end: 0;
    }
    ul.plain {
      list-style: none;
      padding: 0;
      margin: 0 0 var(--_s3);
    }
    ul.plain li {
      padding: var(--_s1) 0;
    }
    /* The recommendations read at the size of the breakdown beside them, not larger. */
    [part='recommendations'] :is(ul.plain li, p) {
      font-size: var(--_fs-small);
    }
    /* A note inside a line is as large as the line (not smaller again). */
    [part='recommendations'] :is(li, p) .muted {
      font-size: inherit;
    }
    ul.alternatives li {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: var(--_s1);
      justify-items: start;
      padding: var(--_s2) 0;
      border-block-end: 1px solid var(--_border);
    }
    ul.alternatives .button {
      white-space: normal;
      text-align: start;
      padding-block: var(--_s1);
    }
    .share-link {
      margin-block-start: var(--_s3);
    }

    .print-only {
      display: none;
    }
    @media print {
      :host {
        container-type: normal;
      }
      .print-only {
        display: block;
        font-size: var(--_fs-small);
      }
      .bar-track .bar,
      .key,
      .difference {
        print-color-adjust: exact;
        -webkit-print-color-adjust: exact;
      }
      .base {
        display: block;
      }
      .main,
      .summary-bar,
      .share,
      [part='recommendations'] {
        display: none !important;
      }
      .results {
        position: static;
        max-block-size: none;
        overflow: visible;
        border: 0;
        padding: 0;
        background: none;
      }
      .chart,
      table,
      section {
        break-inside: avoid;
      }
    }
  `,
];

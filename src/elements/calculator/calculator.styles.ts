import { css } from 'lit';
import { theme } from '../common/index.js';

export const styles = [
  theme,
  css`
    :host {
      display: block;
      container-type: inline-size;
      --_gap: var(--credit-calculator-gap, 1rem);
      --_bar: var(--credit-calculator-bar-color, var(--_accent));
      --_bar-b: var(--credit-calculator-bar-b-color, color-mix(in oklab, var(--_bar) 25%, var(--_surface)));
      --_field-width: var(--credit-calculator-field-width, 9rem);
    }
    .base {
      display: grid;
      gap: var(--_gap);
      grid-template-columns: minmax(0, 1fr);
      background: var(--_surface);
      color: var(--_text);
    }
    @container (min-width: 52rem) {
      .base {
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        align-items: start;
      }
    }
    h2,
    h3,
    h4 {
      margin: 0 0 calc(var(--_space) * 0.75);
      line-height: 1.25;
    }
    h2 {
      font-size: 1.25em;
    }
    h3 {
      font-size: 1.05em;
    }
    h4 {
      font-size: 1em;
    }
    fieldset {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      margin: 0 0 var(--_space);
      padding: var(--_space) calc(var(--_space) * 1.5);
      min-width: 0;
    }
    legend {
      font-weight: 600;
      padding: 0 0.25rem;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space) calc(var(--_space) * 1.5);
      align-items: flex-start;
      margin-bottom: var(--_space);
    }
    .field {
      display: grid;
      gap: 0.2rem;
      min-width: var(--_field-width);
    }
    .field.wide {
      flex: 1 1 16rem;
      min-width: 0;
    }
    .field select {
      width: 100%;
    }
    label,
    .label {
      font-size: 0.875em;
      color: var(--_text);
    }
    .unit-input {
      display: flex;
      align-items: center;
      gap: 0.35rem;
    }
    .unit {
      color: var(--_text-muted);
      font-size: 0.875em;
    }
    input,
    select,
    textarea,
    button {
      font: inherit;
      color: inherit;
    }
    input:not([type='range']),
    select,
    textarea {
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) * 0.6);
      padding: 0.35rem 0.5rem;
      min-height: 2.25rem;
      max-width: 100%;
    }
    input.number {
      width: var(--_field-width);
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    textarea {
      width: 100%;
      min-height: 5rem;
      resize: vertical;
    }
    [aria-invalid='true'] {
      border-color: var(--_danger) !important;
      box-shadow: 0 0 0 1px var(--_danger);
    }
    .error {
      color: var(--_danger);
      font-size: 0.875em;
    }
    .hint,
    .muted {
      color: var(--_text-muted);
      font-size: 0.875em;
    }
    button {
      background: var(--_surface-alt);
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) * 0.6);
      padding: 0.35rem 0.75rem;
      min-height: 2.25rem;
      min-width: 2.25rem;
      cursor: pointer;
    }
    button.link {
      background: none;
      border: none;
      padding: 0 0.15rem;
      min-height: 1.5rem;
      color: var(--_accent);
      text-decoration: underline;
      text-underline-offset: 0.15em;
    }
    button.primary {
      background: var(--_accent);
      color: var(--_accent-contrast);
      border-color: var(--_accent);
    }
    button:hover {
      filter: brightness(0.95);
    }
    .slider {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 0.25rem 0.5rem;
      align-items: center;
      min-width: 14rem;
      flex: 1 1 14rem;
    }
    .slider label {
      grid-column: 1 / -1;
    }
    .slider output {
      min-width: 3.5em;
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    input[type='range'] {
      accent-color: var(--_accent);
      width: 100%;
      min-height: 1.5rem;
    }
    .results {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: var(--_space) calc(var(--_space) * 1.5);
      background: var(--_surface-alt);
      position: sticky;
      top: 0;
    }
    .total {
      font-size: 1.75em;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
      margin: 0;
    }
    .money {
      color: var(--_text-muted);
    }
    dl.figures {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 0.15rem 0.75rem;
      margin: var(--_space) 0;
    }
    dl.figures dt {
      color: var(--_text-muted);
    }
    dl.figures dd {
      margin: 0;
      font-variant-numeric: tabular-nums;
    }
    .notice {
      border-radius: var(--_radius);
      padding: 0.5rem 0.75rem;
      background: var(--_warning-surface);
      color: var(--_warning);
      margin: 0 0 var(--_space);
    }
    .handover {
      margin: 0 0 var(--_space);
      padding: 0.5rem 0.75rem;
      border-radius: var(--_radius);
      border-inline-start: 3px solid var(--_accent);
      background: var(--_surface-alt);
    }
    .handover .muted {
      display: block;
    }
    .notice ul {
      margin: 0.25rem 0 0;
      padding-inline-start: 1.25rem;
    }
    .chart {
      display: grid;
      gap: calc(var(--_space) * 0.75);
      margin: 0 0 calc(var(--_space) * 2);
    }
    .bar-row {
      display: grid;
      grid-template-columns: minmax(5rem, 38%) minmax(3rem, 1fr) auto;
      align-items: center;
      gap: calc(var(--_space) * 0.25) var(--_space);
      font-size: 0.875em;
    }
    .bar-label {
      overflow-wrap: anywhere;
      line-height: 1.3;
    }
    .bar-track {
      display: grid;
      gap: 2px;
    }
    .bar {
      display: block;
      block-size: 0.75rem;
      border-radius: 0 calc(var(--_radius) / 2) calc(var(--_radius) / 2) 0;
      background: var(--_bar);
    }
    /* B is drawn as an outline: told apart from A by shape, not only by a lighter colour. */
    .bar.b {
      background: var(--_bar-b);
      box-shadow: inset 0 0 0 2px var(--_bar);
    }
    .bar-value {
      text-align: end;
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    .legend {
      display: flex;
      gap: var(--_space);
      align-items: center;
      font-size: 0.875em;
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
      .bar,
      .key {
        forced-color-adjust: none;
        background: CanvasText;
      }
      .bar.b,
      .key.b {
        background: Canvas;
        box-shadow: inset 0 0 0 2px CanvasText;
      }
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font-size: 0.875em;
      margin-bottom: var(--_space);
    }
    caption {
      text-align: start;
      font-weight: 600;
      padding-bottom: 0.25rem;
    }
    th,
    td {
      text-align: start;
      padding: 0.25rem 0.4rem;
      border-bottom: 1px solid var(--_border);
    }
    td.num,
    th.num {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    tfoot th,
    tfoot td {
      font-weight: 700;
    }
    ul.plain {
      list-style: none;
      padding: 0;
      margin: 0 0 var(--_space);
    }
    ul.plain li {
      padding: 0.2rem 0;
    }
    ul.alternatives li {
      display: grid;
      gap: 0.25rem;
      justify-items: start;
      padding: 0.5rem 0;
      border-bottom: 1px solid var(--_border);
    }
    .badge {
      display: inline-block;
      padding: 0 0.4rem;
      border-radius: 999px;
      background: var(--_accent);
      color: var(--_accent-contrast);
      font-size: 0.8em;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
      align-items: center;
    }
    .workload-head {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: var(--_space);
    }
    details > summary {
      cursor: pointer;
      padding: 0.25rem 0;
    }
    .file-label {
      display: inline-flex;
      align-items: center;
      gap: 0.35rem;
    }
  `,
];

import { css } from 'lit';
import { theme } from '../common/theme.styles.js';
import { meterStyles } from '../common/meter.styles.js';

export const styles = [
  theme,
  meterStyles,
  css`
    :host {
      display: block;
      --_bar: var(--credit-usage-bar-color, var(--_accent));
    }
    .base {
      display: grid;
      gap: calc(var(--_space) * 2);
    }
    p {
      margin: 0;
    }
    .picker {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space) calc(var(--_space) * 2);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: var(--_space) calc(var(--_space) * 2);
      margin: 0;
    }
    legend {
      padding: 0 0.25rem;
      font-weight: 600;
    }
    .choice {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
      min-block-size: 24px;
    }
    .custom {
      display: inline-flex;
      flex-wrap: wrap;
      gap: var(--_space);
    }
    input,
    select,
    button {
      font: inherit;
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) / 2);
      min-block-size: 24px;
    }
    input[type='radio'] {
      accent-color: var(--_accent);
    }
    button {
      color: var(--_accent);
      border-color: currentColor;
      padding: 0 0.75rem;
      cursor: pointer;
    }
    .total {
      font-size: 1.125em;
      font-variant-numeric: tabular-nums;
    }
    .status,
    .muted {
      color: var(--_text-muted);
    }
    .error,
    .offline {
      color: var(--_danger);
    }
    .stale {
      color: var(--_warning);
    }
    .chart {
      margin: 0;
      display: grid;
      gap: var(--_space);
    }
    figcaption,
    .heading {
      font-weight: 600;
    }
    .plot {
      display: grid;
      gap: 0.125rem;
    }
    .axis-max,
    .axis-x {
      font-size: 0.75em;
      color: var(--_text-muted);
      font-variant-numeric: tabular-nums;
    }
    .axis-x {
      display: flex;
      justify-content: space-between;
    }
    svg {
      inline-size: 100%;
      block-size: var(--credit-usage-chart-height, 10rem);
      border-block-end: 1px solid var(--_border);
      display: block;
    }
    rect {
      fill: var(--_bar);
    }
    table {
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
      inline-size: 100%;
    }
    th,
    td {
      padding: 0.125rem 0.5rem;
      text-align: start;
      font-weight: normal;
      border-block-end: 1px solid var(--_border);
    }
    thead th {
      font-weight: 600;
    }
    .num {
      text-align: end;
    }
    .share {
      position: relative;
      min-inline-size: 6rem;
    }
    .share-bar {
      position: absolute;
      inset-block: 0.25rem;
      inset-inline-start: 0;
      background: var(--_surface-alt);
      z-index: -1;
    }
    .breakdown {
      display: grid;
      gap: var(--_space);
      isolation: isolate;
    }
    .by {
      display: inline-flex;
      gap: var(--_space);
      align-items: center;
    }
    .limits {
      display: grid;
      gap: var(--_space);
    }
    summary {
      cursor: pointer;
      color: var(--_accent);
      inline-size: fit-content;
    }
  `,
];

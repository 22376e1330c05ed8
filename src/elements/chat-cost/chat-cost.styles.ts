import { css } from 'lit';
import { theme } from '../common/theme.styles.js';

export const styles = [
  theme,
  css`
    :host {
      display: block;
      font-size: var(--credit-chat-cost-font-size, 0.875rem);
      --_gap: var(--credit-chat-cost-gap, 0.25rem);
    }
    .base {
      display: grid;
      gap: var(--_gap);
    }
    summary {
      cursor: pointer;
      color: var(--_text);
      border-radius: var(--_radius);
      padding: 0.125rem 0.25rem;
      width: fit-content;
    }
    summary:hover {
      background: var(--_surface-alt);
    }
    .total {
      font-variant-numeric: tabular-nums;
    }
    .breakdown {
      border-collapse: collapse;
      margin: var(--_gap) 0 0 1rem;
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      padding: 0.125rem 0.5rem;
      text-align: start;
      font-weight: normal;
    }
    thead th {
      color: var(--_text-muted);
      border-bottom: 1px solid var(--_border);
    }
    tfoot th,
    tfoot td {
      border-top: 1px solid var(--_border);
      font-weight: 600;
    }
    .num {
      text-align: end;
    }
    .note {
      margin: var(--_gap) 0 0 1rem;
      max-inline-size: 36rem;
      font-size: 0.875em;
      color: var(--_text-muted);
    }
    .comparison,
    .status {
      margin: 0;
      color: var(--_text-muted);
    }
    .error {
      color: var(--_danger);
    }
    .detail {
      color: var(--_text-muted);
    }
    button {
      font: inherit;
      color: var(--_accent);
      background: none;
      border: 1px solid currentColor;
      border-radius: var(--_radius);
      padding: 0 0.5rem;
      cursor: pointer;
      min-height: 24px;
    }
  `,
];

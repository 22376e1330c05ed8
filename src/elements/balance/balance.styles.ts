import { css } from 'lit';
import { theme } from '../common/theme.styles.js';
import { meterStyles } from '../common/meter.styles.js';

export const styles = [
  theme,
  meterStyles,
  css`
    :host {
      display: block;
      --_meter-height: var(--credit-balance-meter-height, 0.5rem);
    }
    .base {
      display: grid;
      gap: var(--_space);
      padding: calc(var(--_space) * 2);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    p {
      margin: 0;
    }
    .amount {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: var(--_space);
    }
    .credits {
      font-size: var(--credit-balance-amount-size, 1.75rem);
      font-variant-numeric: tabular-nums;
    }
    .money,
    .recharge,
    .allowance,
    .updated,
    .status {
      color: var(--_text-muted);
    }
    .state {
      font-weight: 600;
    }
    .low .state {
      color: var(--_warning);
    }
    .critical .state,
    .depleted .state,
    .error {
      color: var(--_danger);
    }
    .low {
      border-inline-start: 0.375rem solid var(--_warning);
      background: var(--_warning-surface);
    }
    .critical,
    .depleted {
      border-inline-start: 0.375rem solid var(--_danger);
    }
    .updated {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space);
      font-size: 0.875em;
    }
    .stale {
      color: var(--_warning);
      font-weight: 600;
    }
    .offline {
      color: var(--_danger);
      font-weight: 600;
    }
    button {
      font: inherit;
      color: var(--_accent);
      background: var(--_surface);
      border: 1px solid currentColor;
      border-radius: var(--_radius);
      padding: 0.125rem 0.75rem;
      min-block-size: 24px;
      cursor: pointer;
    }
  `,
];

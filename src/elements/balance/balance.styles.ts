import { css } from 'lit';
import { theme } from '../common/theme.styles.js';
import { meterStyles } from '../common/meter.styles.js';
import { badgeStyles, buttonStyles } from '../controls/controls.styles.js';

export const styles = [
  theme,
  meterStyles,
  buttonStyles,
  badgeStyles,
  css`
    :host {
      display: block;
      --_meter-height: var(--credit-balance-meter-height, 0.5rem);
    }
    .base {
      display: grid;
      gap: var(--_s3);
      padding: var(--_s4) var(--_s4) var(--_s3);
      border: 1px solid var(--_border);
      border-radius: var(--_radius-large);
      background: var(--_surface-raised);
      box-shadow: var(--_shadow-raised);
      min-inline-size: 0;
    }
    .base.none:not(:has(.status)) {
      display: none;
    }
    p,
    ul {
      margin: 0;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--_s2);
    }
    .title {
      font-weight: var(--_weight-strong);
      color: var(--_text-muted);
      font-size: var(--_fs-small);
    }
    .amount {
      display: grid;
      gap: var(--_s1);
    }
    .credits {
      font-size: var(--credit-balance-amount-size, 2em);
      font-weight: 700;
      line-height: 1.1;
      letter-spacing: -0.01em;
      overflow-wrap: anywhere;
    }
    .money {
      color: var(--_text-muted);
    }
    .money-line {
      display: flex;
      flex-wrap: wrap;
      gap: 0 var(--_s2);
    }
    .fx,
    .fx-note {
      color: var(--_text-muted);
    }
    .fx-note {
      font-size: var(--_fs-caption);
    }
    .meter-box {
      display: grid;
      gap: var(--_s1);
    }
    .meter {
      position: relative;
      overflow: visible;
    }
    .meter .fill {
      border-radius: 999px;
    }
    .tick {
      position: absolute;
      inset-block: -0.1875rem;
      inline-size: 2px;
      margin-inline-start: -1px;
      background: var(--_border-strong);
      border-radius: 1px;
    }
    .meter-label {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0 var(--_s2);
      font-size: var(--_fs-small);
      color: var(--_text-muted);
    }
    .meter-label span:first-child {
      color: var(--_text);
      font-weight: var(--_weight-strong);
    }
    .state {
      padding: var(--_s2) var(--_s3);
      border-radius: var(--_radius);
      border-inline-start: 0.25rem solid var(--_warning);
      background: var(--_warning-surface);
      font-weight: var(--_weight-strong);
    }
    .critical .state,
    .depleted .state {
      border-color: var(--_danger);
      background: var(--_danger-surface);
    }
    .facts {
      display: grid;
      gap: var(--_s2);
      padding: 0;
      list-style: none;
      font-size: var(--_fs-small);
      color: var(--_text-muted);
    }
    .facts li {
      display: flex;
      align-items: baseline;
      gap: var(--_s2);
    }
    .facts .icon {
      position: relative;
      inset-block-start: 0.125em;
    }
    .recharge.on .icon {
      color: var(--_positive);
    }
    .expiry {
      color: var(--_text);
    }
    .expiry .icon {
      color: var(--_warning);
    }
    .foot {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--_s2) var(--_s3);
      padding-block-start: var(--_s3);
      border-block-start: 1px solid var(--_border);
    }
    .foot > .button {
      flex: 1 1 auto;
      max-inline-size: 100%;
    }
    .updated {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0 var(--_s2);
      font-size: var(--_fs-small);
      color: var(--_text-muted);
    }
    .button.small {
      min-block-size: 24px;
      padding: 0 var(--_s1);
      font-weight: 500;
    }
    .stale {
      color: var(--_warning);
      font-weight: var(--_weight-strong);
    }
    .offline,
    .error {
      color: var(--_danger);
      font-weight: var(--_weight-strong);
    }
    .status {
      color: var(--_text-muted);
    }
  `,
];

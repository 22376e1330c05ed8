import { css } from 'lit';
import { theme } from '../common/theme.styles.js';
import { dataTableStyles } from '../common/table.styles.js';
import { buttonStyles, fieldStyles, badgeStyles } from '../controls/controls.styles.js';

export const styles = [
  theme,
  buttonStyles,
  fieldStyles,
  badgeStyles,
  dataTableStyles,
  css`
    :host {
      display: block;
      --_bar: var(--credit-statement-bar-color, var(--_accent));
    }
    .base {
      display: grid;
      gap: var(--_s4);
      padding: var(--_s4);
      border: 1px solid var(--_border);
      border-radius: var(--_radius-large);
      background: var(--_surface-raised);
      box-shadow: var(--_shadow-raised);
      min-inline-size: 0;
    }
    p,
    dl,
    dd,
    h3 {
      margin: 0;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      justify-content: space-between;
      gap: var(--_s2) var(--_s3);
    }
    .title {
      font-size: var(--_fs-title);
      font-weight: var(--_weight-strong);
    }
    .picker {
      flex: 0 1 16rem;
      min-inline-size: 0;
    }
    select.input {
      padding-inline-end: var(--_s2);
    }
    .summary {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 11rem), 1fr));
      gap: var(--_s2) var(--_s4);
    }
    .summary dt {
      font-size: var(--_fs-small);
      color: var(--_text-muted);
    }
    .summary dd {
      font-weight: var(--_weight-strong);
      overflow-wrap: anywhere;
    }
    th,
    td {
      padding: var(--_s1) 0;
      text-align: start;
      vertical-align: top;
      overflow-wrap: anywhere;
    }
    thead th {
      font-size: var(--_fs-small);
      font-weight: 500;
      color: var(--_text-muted);
      border-block-end: 1px solid var(--_border);
    }
    tbody tr + tr > * {
      border-block-start: 1px solid var(--_border);
    }
    .num {
      text-align: end;
      padding-inline-start: var(--_s3);
      white-space: nowrap;
    }
    .totals th {
      font-weight: normal;
    }
    .totals .closing > * {
      font-weight: var(--_weight-strong);
      border-block-start: 2px solid var(--_text);
    }
    .sign {
      display: inline-block;
      min-inline-size: 1.25em;
      color: var(--_text-muted);
    }
    .breakdowns {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr));
      gap: var(--_s4);
    }
    .share {
      display: block;
      block-size: 0.25rem;
      margin-block-start: var(--_s1);
      border-radius: 999px;
      background: var(--_bar);
      min-inline-size: 1px;
    }
    .prices {
      display: block;
      font-weight: normal;
    }
    .muted {
      color: var(--_text-muted);
      font-size: var(--_fs-small);
    }
    .downloads {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_s2);
      padding-block-start: var(--_s3);
      border-block-start: 1px solid var(--_border);
    }
    .downloads-label {
      font-weight: var(--_weight-strong);
      margin-inline-end: var(--_s1);
    }
    .status {
      color: var(--_text-muted);
    }
    .error {
      color: var(--_danger);
      font-weight: var(--_weight-strong);
    }
    .status-row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_s2) var(--_s3);
    }
  `,
];

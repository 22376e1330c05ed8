// The look of one control (see ../controls.styles.ts).
import { css } from 'lit';

/** Badges: `.badge` with `.positive`, `.warning`, `.danger`, `.accent`. */
export const badgeStyles = css`
  .badge {
    display: inline-flex;
    align-items: center;
    padding: 0.125em 0.5em;
    border-radius: 999px;
    font-size: var(--_fs-caption);
    font-weight: var(--_weight-strong);
    line-height: 1.4;
    white-space: nowrap;
    background: var(--_surface-alt);
    color: var(--_text-muted);
  }
  .badge.positive {
    background: var(--_positive-surface);
    color: var(--_positive);
  }
  .badge.warning {
    background: var(--_warning-surface);
    color: var(--_warning);
  }
  .badge.danger {
    background: var(--_danger-surface);
    color: var(--_danger);
  }
  .badge.accent {
    background: var(--_accent);
    color: var(--_accent-contrast);
  }
  @media (forced-colors: active) {
    .badge {
      border: 1px solid CanvasText;
    }
  }
`;

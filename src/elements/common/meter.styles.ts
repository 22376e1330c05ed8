import { css } from 'lit';

/** The bar of a `role="meter"` (balance left, a limit or budget used), coloured by the level class around it. */
export const meterStyles = css`
  .meter {
    block-size: var(--_meter-height, 0.5rem);
    background: var(--_surface-alt);
    border: 1px solid var(--_border);
    border-radius: 999px;
    overflow: hidden;
  }
  .fill {
    block-size: 100%;
    background: var(--_positive);
  }
  .low .fill {
    background: var(--_warning);
  }
  .critical .fill,
  .depleted .fill {
    background: var(--_danger);
  }
`;

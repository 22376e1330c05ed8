// The look of one control (see ../controls.styles.ts).
import { css } from 'lit';

/** disclosure(): a button with a chevron that turns when open. */
export const disclosureStyles = css`
  .disclosure {
    display: inline-flex;
    align-items: center;
    gap: var(--_s1);
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    font-weight: var(--_weight-strong);
    text-align: start;
    cursor: pointer;
  }
  .disclosure > .icon {
    transition: transform 0.15s;
  }
  .disclosure[aria-expanded='true'] > .icon {
    transform: rotate(180deg);
  }
  @media (prefers-reduced-motion: reduce) {
    .disclosure > .icon {
      transition: none;
    }
  }
`;

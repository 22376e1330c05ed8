import { css } from 'lit';

/** A data table (a statement's lines, a calculator's breakdown): full width, tabular figures, its caption as a heading. */
export const dataTableStyles = css`
  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    font-weight: var(--_weight-strong);
    padding-block-end: var(--_s1);
  }
`;

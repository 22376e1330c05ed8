// The look of one control (see ../controls.styles.ts).
import { css } from 'lit';

/** segmented(): radio segments (`.segmented`) or wrapping chips (`.segmented.chips`). */
export const segmentedStyles = css`
  .segmented {
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
  }
  .segmented > legend {
    padding: 0;
    margin-block-end: var(--_s1);
  }
  .segmented .options {
    display: inline-flex;
    gap: 2px;
    padding: 3px;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    box-shadow: inset 0 0 0 1px var(--_border);
  }
  .segmented .option {
    position: relative;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.375em;
    min-block-size: calc(var(--_control-height) - 6px);
    padding: 0 var(--_s3);
    border-radius: calc(var(--_radius) - 2px);
    color: var(--_text-muted);
    font-size: var(--_fs-small);
    font-weight: var(--_weight-strong);
    white-space: nowrap;
    cursor: pointer;
  }
  .segmented .option:hover {
    color: var(--_text);
  }
  .segmented input {
    position: absolute;
    inset: 0;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .segmented .option:has(:checked) {
    background: var(--_surface-raised);
    color: var(--_text);
    box-shadow: var(--_shadow-raised), 0 0 0 1px var(--_border);
  }
  .segmented .option:has(:focus-visible) {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 1px;
  }
  .segmented .count {
    color: var(--_text-muted);
    font-weight: 400;
  }
  .segmented.chips .options {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_s2);
    padding: 0;
    background: none;
    box-shadow: none;
  }
  .segmented.chips .option {
    min-block-size: 2rem;
    padding: 0 var(--_s3);
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_text);
    font-weight: 500;
  }
  .segmented.chips .option:hover {
    background: var(--_hover);
  }
  .segmented.chips .option:has(:checked) {
    border-color: var(--_accent);
    background: var(--_accent-surface);
    color: var(--_text);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  @media (forced-colors: active) {
    .segmented .option:has(:checked) {
      outline: 2px solid Highlight;
    }
  }
`;

// The look of one control (see ../controls.styles.ts).
import { css } from 'lit';

/** Buttons: `.button` (secondary), `.button.primary`, `.button.quiet` (text only), `.link` (a link-like action). */
export const buttonStyles = css`
  .button,
  .link {
    font: inherit;
    cursor: pointer;
    -webkit-tap-highlight-color: transparent;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_s2);
    min-block-size: var(--_control-height);
    padding: 0 var(--_s3);
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-weight: var(--_weight-strong);
    line-height: 1.2;
    text-decoration: none;
    white-space: nowrap;
  }
  .button:hover {
    background: var(--_hover);
  }
  .button.primary {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_accent-contrast);
  }
  .button.primary:hover {
    background: color-mix(in oklab, var(--_accent) 86%, var(--_text));
  }
  .button.quiet {
    border-color: transparent;
    background: none;
    color: var(--_accent);
  }
  .button.quiet:hover {
    background: var(--_accent-surface);
  }
  .button:disabled {
    opacity: var(--_disabled-opacity);
    cursor: default;
  }
  .link {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font-weight: 500;
    text-decoration: none;
    text-underline-offset: 0.2em;
  }
  .link:hover {
    text-decoration: underline;
  }
  .icon {
    flex: none;
  }
`;

// The look of one control (see ../controls.styles.ts).
import { css } from 'lit';

/** Popover: the floating panel (native [popover], in the top layer); its trigger is a `.link` (buttonStyles). */
export const popoverStyles = css`
  [popover].panel {
    position: fixed;
    inset: auto;
    margin: 0;
    max-inline-size: min(22rem, calc(100vw - 2rem));
    padding: var(--_s3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    color: var(--_text);
    box-shadow: var(--_shadow-overlay);
    font-size: var(--_fs-small);
  }
`;

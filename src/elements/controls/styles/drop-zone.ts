// The look of one control (see ../controls.styles.ts).
import { css } from 'lit';

/** dropZone(): a dashed area that takes a dropped file and opens the file picker. */
export const dropZoneStyles = css`
  .drop-zone {
    position: relative;
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--_s1);
    padding: var(--_s4);
    border: 1.5px dashed var(--_border-strong);
    border-radius: var(--_radius-large);
    background: var(--_surface-alt);
    color: var(--_text-muted);
    text-align: center;
    cursor: pointer;
  }
  .drop-zone strong {
    color: var(--_text);
  }
  .drop-zone .link {
    text-decoration: underline;
  }
  .drop-zone input {
    position: absolute;
    inset: 0;
    opacity: 0;
    cursor: pointer;
  }
  .drop-zone:has(:focus-visible) {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  .drop-zone.over {
    border-color: var(--_accent);
    background: var(--_accent-surface);
  }
`;

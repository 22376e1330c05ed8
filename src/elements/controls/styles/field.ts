// The look of one control (see ../controls.styles.ts).
import { css } from 'lit';

/** Text fields: `.input` (with `.field` around label and input), `.input-icon` for a leading icon. */
export const fieldStyles = css`
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--_s1);
    min-inline-size: 0;
  }
  .label {
    font-size: var(--_fs-small);
    font-weight: var(--_weight-strong);
    color: var(--_text);
  }
  .input {
    inline-size: 100%;
    min-block-size: var(--_control-height);
    padding: 0 var(--_s3);
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  .input::placeholder {
    color: var(--_text-muted);
    opacity: 1;
  }
  .input:hover {
    border-color: var(--_text-muted);
  }
  .input:focus-visible {
    outline-offset: 0;
    border-color: var(--_accent);
  }
  .with-icon {
    position: relative;
    display: flex;
    align-items: center;
  }
  .with-icon > .icon {
    position: absolute;
    inset-inline-start: var(--_s3);
    color: var(--_text-muted);
    pointer-events: none;
  }
  .with-icon > .input {
    padding-inline-start: calc(var(--_s3) * 2 + 0.5em);
  }
  input[type='search']::-webkit-search-cancel-button {
    cursor: pointer;
  }
`;

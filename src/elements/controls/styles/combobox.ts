// The look of one control (see ../controls.styles.ts).
import { css } from 'lit';

/** Combobox: `.combobox` wraps the input, the toggle and the `[role=listbox]`. */
export const comboboxStyles = css`
  .combobox {
    position: relative;
  }
  .combobox .input {
    padding-inline-end: calc(var(--_s3) + 1.5em);
    text-overflow: ellipsis;
  }
  .combobox .toggle {
    position: absolute;
    inset-block: 0;
    inset-inline-end: 0;
    inline-size: calc(var(--_s3) * 2 + 1em);
    display: flex;
    align-items: center;
    justify-content: center;
    border: 0;
    background: none;
    color: var(--_text-muted);
    cursor: pointer;
  }
  .combobox [role='listbox'] {
    position: absolute;
    z-index: 10;
    inset-inline: 0;
    inset-block-start: calc(100% + 4px);
    min-inline-size: 100%;
    max-block-size: min(20rem, 60vh);
    overflow-y: auto;
    margin: 0;
    padding: var(--_s1);
    list-style: none;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    box-shadow: var(--_shadow-overlay);
  }
  .combobox [role='option'] {
    display: flex;
    align-items: center;
    gap: var(--_s2);
    padding: var(--_s1) var(--_s2);
    border-radius: var(--_radius-small);
    cursor: pointer;
  }
  .combobox [role='option'] .icon {
    visibility: hidden;
    color: var(--_accent);
  }
  .combobox [role='option'][aria-selected='true'] .icon {
    visibility: visible;
  }
  .combobox [role='option'].active {
    background: var(--_hover);
    outline: 1px solid var(--_border-strong);
  }
  .combobox .none {
    padding: var(--_s1) var(--_s2);
    color: var(--_text-muted);
  }
  @media (forced-colors: active) {
    .combobox [role='option'].active {
      outline: 2px solid Highlight;
    }
  }
`;

// The look of the controls, one export per control so an element carries only what it uses. All
// read the theme's private tokens (--_accent, --_border-strong, --_control-height …).
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

/** stepper(): [−][field][+]. */
export const stepperStyles = css`
  .stepper {
    display: inline-flex;
    align-items: stretch;
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius);
    background: var(--_surface);
    overflow: clip;
    overflow-clip-margin: 4px;
  }
  .stepper:focus-within {
    border-color: var(--_accent);
  }
  .stepper .input {
    inline-size: var(--_stepper-width, 5.5em);
    border: 0;
    border-radius: 0;
    text-align: center;
    padding: 0 var(--_s1);
  }
  .stepper button {
    flex: none;
    inline-size: var(--_control-height);
    border: 0;
    background: var(--_surface-alt);
    color: var(--_text);
    font: inherit;
    cursor: pointer;
  }
  .stepper button:hover {
    background: var(--_hover);
  }
  .stepper button:disabled {
    color: var(--_text-muted);
    cursor: default;
  }
`;

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

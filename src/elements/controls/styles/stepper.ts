// The look of one control (see ../controls.styles.ts).
import { css } from 'lit';

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

// A number field with − and + (the ARIA spin button pattern): one Tab stop, the arrow keys step,
// Page Up / Down step by ten, the buttons are for the pointer (out of the Tab order, as in the
// APG example). The text stays the caller's: it parses and validates, the stepper only asks.
import { html, nothing, type TemplateResult } from 'lit';
import type { Language } from '../../i18n/index.js';
import { controlStrings } from './controls.strings.js';
import { minus, plus } from './icons.js';

export interface StepperOptions {
  id: string;
  /** The field's accessible name (its visible label, for the step buttons' names). */
  label: string;
  value: string;
  language: Language;
  /** The typed text, on every input. */
  onInput: (text: string) => void;
  /** A step up (+1) or down (−1), × 10 with Page Up / Down. */
  onStep: (delta: number) => void;
  /** Already at the bound: the button is disabled. */
  atMin?: boolean;
  atMax?: boolean;
  invalid?: boolean;
  /** Id of the error or hint text. */
  describedBy?: string;
}

const STEP_KEYS: Record<string, number> = { ArrowUp: 1, ArrowDown: -1, PageUp: 10, PageDown: -10 };

export function stepper(o: StepperOptions): TemplateResult {
  const s = controlStrings(o.language);
  const keydown = (event: KeyboardEvent) => {
    const delta = STEP_KEYS[event.key];
    if (delta === undefined) return;
    event.preventDefault();
    o.onStep(delta);
  };
  return html`<div class="stepper">
    <button type="button" tabindex="-1" aria-label=${s.decrease(o.label)} ?disabled=${o.atMin} @click=${() => o.onStep(-1)}>${minus}</button>
    <input
      id=${o.id}
      class="input"
      inputmode="decimal"
      autocomplete="off"
      .value=${o.value}
      aria-invalid=${o.invalid ? 'true' : nothing}
      aria-describedby=${o.describedBy ?? nothing}
      @input=${(event: Event) => o.onInput((event.target as HTMLInputElement).value)}
      @keydown=${keydown}
    />
    <button type="button" tabindex="-1" aria-label=${s.increase(o.label)} ?disabled=${o.atMax} @click=${() => o.onStep(1)}>${plus}</button>
  </div>`;
}

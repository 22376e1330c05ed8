// A segmented control (or a row of filter chips): one choice among a few, as native radios, so
// the group is one Tab stop, the arrow keys move the choice and every screen reader knows it
// (the ARIA radio group pattern, with no script). The radio circles are hidden; the segments show.
import { html, nothing, type TemplateResult } from 'lit';

export interface SegmentedOption<T extends string> {
  value: T;
  label: string;
  /** A count shown after the label ("LLM text chat 92"). */
  count?: string;
}

export interface SegmentedOptions<T extends string> {
  /** The radios' name: unique within the element's shadow root. */
  name: string;
  /** What the choice is about ("Prices with"); read as the group's name. */
  legend: string;
  value: T;
  options: readonly SegmentedOption<T>[];
  onChange: (value: T) => void;
  /** `chips` wraps onto several lines, for a longer list (billing types). */
  variant?: 'segments' | 'chips';
  /** Show the legend (a visible label above), or only name the group for screen readers. */
  showLegend?: boolean;
  part?: string;
}

export function segmented<T extends string>(o: SegmentedOptions<T>): TemplateResult {
  const change = (event: Event) => o.onChange((event.target as HTMLInputElement).value as T);
  return html`<fieldset class="segmented ${o.variant ?? 'segments'}" part=${o.part ?? nothing} @change=${change}>
    <legend class=${o.showLegend ? 'label' : 'visually-hidden'}>${o.legend}</legend>
    <div class="options">
      ${o.options.map(
        (option) =>
          html`<label class="option"
            ><input type="radio" name=${o.name} .value=${option.value} .checked=${option.value === o.value} />${option.label}${option.count === undefined
              ? nothing
              : html` <span class="count">${option.count}</span>`}</label
          >`,
      )}
    </div>
  </fieldset>`;
}

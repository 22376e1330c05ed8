// A horizontal bar chart in HTML that reads at a glance: each row names its line, draws its bar
// on a common scale and states its figure at the end of the bar (direct labels, no axis to read
// across). Labels wrap instead of being cut; on a narrow element the label takes its own line
// above the bar. With a comparison each line has an A and a B bar. The figure is one image for
// assistive technology (role="img", its label reading the figures out); the same figures stand
// in the table beside it. Bar lengths are the only place a float is used: geometry, never money.
// Widths are set through the CSSOM (styleProps), which a CSP without 'unsafe-inline' allows.
import { html, nothing, type TemplateResult } from 'lit';
import { styleProps } from '../common/style-props.js';

export interface Bar {
  label: string;
  /** Exact credits (decimal string). */
  credits: string;
  /** Credits as shown. */
  shown: string;
  /** The same line in scenario B, when comparing (null: B has no such line). */
  b?: { credits: string; shown: string } | null;
}

const length = (credits: string | undefined, max: number) => {
  const value = Number(credits ?? 0);
  // A line that costs something keeps a visible sliver, however small beside the largest.
  return max > 0 && value > 0 ? `${Math.max(0.75, (value / max) * 100)}%` : '0%';
};

/** `names`: what the A and B bars are called (legend and label), when comparing. */
export function barChart(title: string, bars: readonly Bar[], names?: { a: string; b: string }): TemplateResult {
  const compare = !!names;
  const max = Math.max(0, ...bars.flatMap((b) => [Number(b.credits), Number(b.b?.credits ?? 0)]));
  const says = (b: Bar) => (compare ? `${b.label}: ${names.a} ${b.shown}, ${names.b} ${b.b?.shown ?? '–'}` : `${b.label}: ${b.shown}`);
  return html`<figure class="chart ${compare ? 'compare' : ''}" part="chart" role="img" aria-label="${title}. ${bars.map(says).join('; ')}">
    ${compare
      ? html`<div class="legend" aria-hidden="true"><span class="key a"></span>${names.a} <span class="key b"></span>${names.b}</div>`
      : nothing}
    ${bars.map(
      (b) => html`<div class="bar-row">
        <span class="bar-label">${b.label}</span>
        <span class="bar-track">
          <span class="bar a" style=${styleProps({ 'inline-size': length(b.credits, max) })}></span>
          ${compare ? html`<span class="bar b" style=${styleProps({ 'inline-size': length(b.b?.credits, max) })}></span>` : nothing}
        </span>
        <span class="bar-value">${b.shown}${compare ? html`<br />${b.b?.shown ?? '–'}` : nothing}</span>
      </div>`,
    )}
  </figure>`;
}

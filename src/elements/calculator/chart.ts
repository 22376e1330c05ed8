// A horizontal bar chart as accessible SVG: role="img" with a <title> and a <desc> that reads the
// figures out; the same figures stand in a real table beside it. Bar lengths are the only place a
// float is used: geometry, never money.
import { svg, html, type TemplateResult } from 'lit';

export interface Bar {
  label: string;
  /** Exact credits (decimal string). */
  credits: string;
  /** Credits as shown. */
  shown: string;
}

const WIDTH = 320;
const ROW = 28;
const LABEL = 130;

export function barChart(id: string, title: string, bars: readonly Bar[]): TemplateResult {
  const max = Math.max(...bars.map((b) => Number(b.credits)), 0);
  const height = Math.max(ROW, bars.length * ROW);
  const desc = bars.map((b) => `${b.label}: ${b.shown}`).join('; ');
  return html`<svg
    class="chart"
    part="chart"
    role="img"
    aria-labelledby="${id}-title ${id}-desc"
    viewBox="0 0 ${WIDTH} ${height}"
    preserveAspectRatio="xMinYMin meet"
  >
    <title id="${id}-title">${title}</title>
    <desc id="${id}-desc">${desc}</desc>
    ${bars.map((b, i) => {
      const length = max > 0 ? Math.max(1, ((WIDTH - LABEL - 8) * Number(b.credits)) / max) : 0;
      const y = i * ROW;
      return svg`<g class="bar">
        <text x="0" y=${y + ROW / 2} dominant-baseline="middle" class="bar-label">${b.label.length > 20 ? `${b.label.slice(0, 19)}…` : b.label}</text>
        <rect x=${LABEL} y=${y + 5} width=${length} height=${ROW - 10} rx="3"></rect>
      </g>`;
    })}
  </svg>`;
}

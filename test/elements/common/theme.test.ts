// The design tokens: every text role reads at WCAG AA on the surfaces it is used on, and control
// outlines and the focus ring at 3:1, in light and dark, with the default accent and a brand one;
// a page restyles everything through the reference tokens alone.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, css, html as litHtml } from 'lit';
import { theme, SYSTEM_COLORS, REFERENCE_COLORS } from '../../../src/elements/common/index.js';

const ROLES = [...Object.keys(REFERENCE_COLORS), ...Object.keys(SYSTEM_COLORS)];

class ThemeProbe extends LitElement {
  static override styles = [theme, css`span { display: block; }`];
  protected override render() {
    return ROLES.map((role) => litHtml`<span data-role=${role} style="color: var(--_${role})"></span>`);
  }
}
customElements.define('theme-probe', ThemeProbe);

const canvas = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
/** Any CSS colour Chromium computes (rgb, oklab, color(srgb …)) as sRGB bytes, through a canvas. */
function rgb(color: string): [number, number, number] {
  canvas.clearRect(0, 0, 1, 1);
  canvas.fillStyle = '#010203';
  canvas.fillStyle = color;
  if (canvas.fillStyle === '#010203') throw new Error(`the canvas does not take the colour ${color}`);
  canvas.fillRect(0, 0, 1, 1);
  const [r, g, b] = canvas.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!];
}
function luminance([r, g, b]: [number, number, number]): number {
  const c = (v: number) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b);
}
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(rgb(a)), luminance(rgb(b))].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

async function colors(scheme: 'light' | 'dark', style = ''): Promise<Record<string, string>> {
  const el = await fixture<ThemeProbe>(html`<theme-probe theme=${scheme} style=${style}></theme-probe>`);
  return Object.fromEntries([...el.shadowRoot!.querySelectorAll<HTMLElement>('[data-role]')].map((s) => [s.dataset['role']!, getComputedStyle(s).color]));
}

/** [foreground, background, minimum ratio]: the pairs the elements draw. */
const PAIRS: [string, string, number][] = [
  ['text', 'surface', 4.5],
  ['text', 'surface-alt', 4.5],
  ['text', 'surface-raised', 4.5],
  ['text', 'accent-surface', 4.5],
  ['text', 'hover', 4.5],
  ['text-muted', 'surface', 4.5],
  ['text-muted', 'surface-alt', 4.5],
  ['text-muted', 'surface-raised', 4.5],
  ['accent', 'surface', 4.5],
  ['accent', 'surface-alt', 4.5],
  ['accent', 'accent-surface', 4.5],
  ['accent-contrast', 'accent', 4.5],
  ['positive', 'surface', 4.5],
  ['positive', 'positive-surface', 4.5],
  ['warning', 'warning-surface', 4.5],
  ['danger', 'surface', 4.5],
  ['danger', 'danger-surface', 4.5],
  ['border-strong', 'surface', 3],
  ['focus', 'surface', 3],
];

for (const [name, style] of [
  ['default', ''],
  ['a brand accent', '--credit-color-accent: #7c3aed'],
] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    it(`theme (${name}, ${scheme}): every role pair meets its contrast`, async () => {
      const c = await colors(scheme, style);
      const failures = PAIRS.map(([fg, bg, min]) => [fg, bg, min, contrast(c[fg]!, c[bg]!)] as const)
        .filter(([, , min, ratio]) => ratio < min)
        .map(([fg, bg, min, ratio]) => `${fg} on ${bg}: ${ratio.toFixed(2)} < ${min}`);
      expect(failures).to.deep.equal([]);
    });
  }
}

it('theme: a page restyles every role from the reference tokens, dark included', async () => {
  const brand = '--credit-color-surface: light-dark(#fffbeb, #1c1917); --credit-color-text: light-dark(#292524, #fafaf9); --credit-color-accent: #b45309';
  for (const scheme of ['light', 'dark'] as const) {
    const base = await colors(scheme);
    const branded = await colors(scheme, brand);
    const unchanged = ['text-muted', 'surface-alt', 'border', 'border-strong', 'hover', 'accent-surface', 'focus'].filter((role) => base[role] === branded[role]);
    expect(unchanged, scheme).to.deep.equal([]);
  }
  const light = await colors('light', brand);
  expect(rgb(light['accent']!)).to.deep.equal([180, 83, 9]);
});

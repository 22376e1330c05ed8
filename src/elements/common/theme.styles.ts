// The global theme: `--credit-*` tokens a page sets anywhere above an element, with light and dark
// defaults. Each element reads the private `--_*` copies that `theme` declares on its :host.
// Light/dark follows `color-scheme` (the OS by default; `theme="light|dark"` forces one), through
// CSS light-dark(), so there is one list of tokens and no duplicated dark block.
import { css, unsafeCSS } from 'lit';

/** token: [light default, dark default]. Every pair passes WCAG AA against its surface. */
export const COLOR_TOKENS = {
  text: ['#1a1a1f', '#ececf1'],
  'text-muted': ['#52555c', '#a8a8b3'],
  surface: ['#ffffff', '#18181b'],
  'surface-alt': ['#f4f5f7', '#26262b'],
  border: ['#d0d3d9', '#45454d'],
  accent: ['#1d4ed8', '#93c5fd'],
  'accent-contrast': ['#ffffff', '#0b1220'],
  positive: ['#166534', '#86efac'],
  'positive-surface': ['#dcfce7', '#133222'],
  warning: ['#8a3b0c', '#fcd34d'],
  'warning-surface': ['#fef3c7', '#3a2a07'],
  danger: ['#b91c1c', '#fca5a5'],
  focus: ['#1d4ed8', '#93c5fd'],
} as const;

const colorDeclarations = Object.entries(COLOR_TOKENS)
  .map(([name, [light, dark]]) => `--_${name}: var(--credit-color-${name}, light-dark(${light}, ${dark}));`)
  .join('\n');

/** Put first in every element's `static styles`. */
export const theme = css`
  :host {
    ${unsafeCSS(colorDeclarations)}
    --_radius: var(--credit-radius, 0.5rem);
    --_space: var(--credit-space, 0.5rem);
    --_focus-width: var(--credit-focus-width, 2px);
    --_font: var(--credit-font-family, inherit);
    color-scheme: light dark;
    font-family: var(--_font);
    font-size: var(--credit-font-size, 1rem);
    line-height: 1.4;
    color: var(--_text);
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none !important;
  }
  @media (forced-colors: active) {
    :host {
      --_text: CanvasText;
      --_text-muted: CanvasText;
      --_surface: Canvas;
      --_surface-alt: Canvas;
      --_border: CanvasText;
      --_accent: LinkText;
      --_accent-contrast: Canvas;
      --_positive: CanvasText;
      --_positive-surface: Canvas;
      --_warning: CanvasText;
      --_warning-surface: Canvas;
      --_danger: CanvasText;
      --_focus: Highlight;
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;

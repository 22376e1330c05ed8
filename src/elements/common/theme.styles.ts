// The design language every creditkit element shares, as CSS custom properties in three tiers:
//
//   1. reference values — what a page sets to brand everything (the "five or six variables"):
//      --credit-color-accent, --credit-color-surface, --credit-color-text, --credit-radius,
//      --credit-font-family, --credit-space (and --credit-font-size).
//   2. system roles — derived from the reference values (muted text, borders, hover, selected,
//      changed, positive/warning/danger, focus, elevation, the type and spacing scales). A page may
//      set any of them; by default they follow tier 1, in light and dark alike, through
//      color-mix() and light-dark(), so there is one list and no duplicated dark block.
//   3. per-element tokens — --credit-<element>-* (declared in each element's styles).
//
// Inside the shadow roots everything reads private --_* copies declared on :host. Light/dark
// follows `color-scheme` (the OS by default; `theme="light|dark"` forces one); forced colours map
// the roles to system colours. Fonts inherit from the page; every figure uses tabular numerals.
import { css, unsafeCSS } from 'lit';

/** Reference colours: token: [light default, dark default]. */
export const REFERENCE_COLORS = {
  accent: ['#1d4ed8', ''], // dark: derived (the light accent mixed with white), or --credit-color-accent-dark
  surface: ['#ffffff', '#16161a'],
  text: ['#18181b', '#ececf1'],
  positive: ['#166534', '#86efac'],
  warning: ['#8a3b0c', '#fcd34d'],
  danger: ['#b91c1c', '#fca5a5'],
} as const;

/**
 * System colour roles and how each derives from the reference values (`mix(a n%, b)` is
 * color-mix in oklab). Every text role passes WCAG AA on surface and surface-alt, light and dark
 * (test/elements/common/theme.test.ts measures them).
 */
export const SYSTEM_COLORS = {
  'text-muted': 'color-mix(in oklab, var(--_text) 68%, var(--_surface))',
  'surface-alt': 'color-mix(in oklab, var(--_text) 4%, var(--_surface))',
  'surface-raised': 'light-dark(var(--_surface), color-mix(in oklab, var(--_text) 7%, var(--_surface)))',
  border: 'color-mix(in oklab, var(--_text) 14%, var(--_surface))',
  'border-strong': 'color-mix(in oklab, var(--_text) 45%, var(--_surface))',
  hover: 'color-mix(in oklab, var(--_text) 6%, var(--_surface))',
  'accent-contrast': 'light-dark(#fff, #0b1020)',
  'accent-surface': 'color-mix(in oklab, var(--_accent) 12%, var(--_surface))',
  'positive-surface': 'color-mix(in oklab, var(--_positive) 14%, var(--_surface))',
  'warning-surface': 'color-mix(in oklab, var(--_warning) 16%, var(--_surface))',
  'danger-surface': 'color-mix(in oklab, var(--_danger) 12%, var(--_surface))',
  focus: 'var(--_accent)',
} as const;

/** The old names of tier-2 roles, still honoured: `--credit-color-changed` = warning surface. */
const ALIASES = { changed: 'warning-surface', selected: 'accent-surface' } as const;

const reference = Object.entries(REFERENCE_COLORS)
  .map(([name, [light, dark]]) =>
    name === 'accent'
      ? `--_accent: light-dark(var(--credit-color-accent, ${light}), var(--credit-color-accent-dark, color-mix(in oklab, var(--credit-color-accent, ${light}) 50%, #fff)));`
      : `--_${name}: var(--credit-color-${name}, light-dark(${light}, ${dark}));`,
  )
  .join('');
const system = Object.entries(SYSTEM_COLORS)
  .map(([name, value]) => `--_${name}: var(--credit-color-${name}, ${value});`)
  .join('');
const aliases = Object.entries(ALIASES)
  .map(([alias, role]) => `--_${alias}: var(--credit-color-${alias}, var(--_${role}));`)
  .join('');

/** Put first in every element's `static styles`. */
export const theme = css`
  :host {
    ${unsafeCSS(reference + system + aliases)}
    /* type scale (relative to the size the element inherits) */
    --_font: var(--credit-font-family, inherit);
    --_fs-caption: var(--credit-font-size-caption, 0.75em);
    --_fs-small: var(--credit-font-size-small, 0.875em);
    --_fs-title: var(--credit-font-size-title, 1.25em);
    --_fs-figure: var(--credit-font-size-figure, 1.75em);
    --_weight-strong: var(--credit-font-weight-strong, 600);
    /* spacing scale: one unit, the steps are multiples of it */
    --_space: var(--credit-space, 0.5rem);
    --_s1: calc(var(--_space) / 2);
    --_s2: var(--_space);
    --_s3: calc(var(--_space) * 1.5);
    --_s4: calc(var(--_space) * 2);
    --_s6: calc(var(--_space) * 3);
    /* radii */
    --_radius: var(--credit-radius, 0.5rem);
    --_radius-small: var(--credit-radius-small, calc(var(--_radius) / 2));
    --_radius-large: var(--credit-radius-large, calc(var(--_radius) * 1.5));
    /* elevation */
    --_shadow-raised: var(--credit-shadow-raised, 0 1px 2px light-dark(#0000000f, #0000004d), 0 1px 3px light-dark(#0000000f, #00000040));
    --_shadow-overlay: var(--credit-shadow-overlay, 0 4px 6px -2px light-dark(#0000001a, #00000080), 0 12px 24px -4px light-dark(#00000024, #00000099));
    /* states */
    --_focus-width: var(--credit-focus-width, 2px);
    --_control-height: var(--credit-control-height, 2.5rem);
    --_disabled-opacity: 0.5;
    color-scheme: light dark;
    font-family: var(--_font);
    font-size: var(--credit-font-size, inherit);
    font-variant-numeric: tabular-nums;
    line-height: 1.5;
    color: var(--_text);
    -webkit-text-size-adjust: 100%;
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
      --_surface-raised: Canvas;
      --_border: CanvasText;
      --_border-strong: CanvasText;
      --_hover: Canvas;
      --_accent: LinkText;
      --_accent-contrast: Canvas;
      --_accent-surface: Canvas;
      --_selected: Canvas;
      --_positive: CanvasText;
      --_positive-surface: Canvas;
      --_warning: CanvasText;
      --_warning-surface: Canvas;
      --_changed: Canvas;
      --_danger: CanvasText;
      --_danger-surface: Canvas;
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

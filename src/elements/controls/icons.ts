// The few icons the controls draw: inline SVG (no font, no request, CSP-safe), sized by the text
// around them and coloured with currentColor.
import { svg } from 'lit';

const icon = (path: ReturnType<typeof svg>) =>
  svg`<svg class="icon" viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round">${path}</svg>`;

export const chevronDown = icon(svg`<path d="m4 6 4 4 4-4"/>`);
export const check = icon(svg`<path d="m3.5 8.5 3 3 6-7"/>`);
export const search = icon(svg`<circle cx="7" cy="7" r="4.5"/><path d="m10.5 10.5 3 3"/>`);
export const minus = icon(svg`<path d="M4 8h8"/>`);
export const plus = icon(svg`<path d="M4 8h8M8 4v8"/>`);
export const info = icon(svg`<circle cx="8" cy="8" r="6"/><path d="M8 7.5v3.5M8 5h.01"/>`);
export const arrowRight = icon(svg`<path d="M3 8h10m-4-4 4 4-4 4"/>`);
export const upload = icon(svg`<path d="M8 11V3m-3 3 3-3 3 3M3 12.5h10"/>`);
export const refresh = icon(svg`<path d="M13 8a5 5 0 1 1-1.5-3.5M13 2.5v3h-3"/>`);
export const clock = icon(svg`<circle cx="8" cy="8" r="6"/><path d="M8 5v3l2 1.5"/>`);
export const download = icon(svg`<path d="M8 3v8m-3-3 3 3 3-3M3 13h10"/>`);

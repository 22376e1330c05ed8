// A disclosure (the ARIA pattern): a button that shows and hides a region, with a chevron. The
// caller keeps `open` and renders the region (or nothing) itself, so closed content costs nothing.
import { html, nothing, type TemplateResult } from 'lit';
import { chevronDown } from './icons.js';

export interface DisclosureOptions {
  /** Id of the region the button controls. */
  controls: string;
  open: boolean;
  onToggle: (open: boolean) => void;
  part?: string;
  className?: string;
}

export function disclosure(o: DisclosureOptions, label: unknown): TemplateResult {
  return html`<button
    type="button"
    class="disclosure ${o.className ?? ''}"
    part=${o.part ?? nothing}
    aria-expanded=${o.open ? 'true' : 'false'}
    aria-controls=${o.controls}
    @click=${() => o.onToggle(!o.open)}
  >
    ${label}${chevronDown}
  </button>`;
}

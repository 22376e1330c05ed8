// A popover: a button that opens a small floating panel (native `popover`: the top layer, light
// dismiss, Escape, focus back to the button), placed under the button and kept in the viewport.
// The panel follows the button in the DOM, so a screen reader reads it next.
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

const supported = typeof HTMLElement !== 'undefined' && 'popover' in HTMLElement.prototype;
const GAP = 6;
const MARGIN = 8;

export class Popover implements ReactiveController {
  #open = false;
  readonly #reposition = () => this.#place();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly id: string,
  ) {
    host.addController(this);
  }

  get open(): boolean {
    return this.#open;
  }

  hostDisconnected(): void {
    this.#listen(false);
  }

  #panel(): HTMLElement | null | undefined {
    return this.host.shadowRoot?.getElementById(this.id);
  }

  #listen(on: boolean): void {
    const method = on ? 'addEventListener' : 'removeEventListener';
    window[method]('scroll', this.#reposition, true);
    window[method]('resize', this.#reposition);
  }

  /** Under the trigger, or above it when there is no room below; inside the viewport either way. */
  #place(): void {
    const panel = this.#panel();
    const trigger = this.host.shadowRoot?.querySelector(`[aria-controls="${this.id}"]`);
    if (!panel || !trigger) return;
    const t = trigger.getBoundingClientRect();
    const p = panel.getBoundingClientRect();
    const below = t.bottom + GAP + p.height <= innerHeight - MARGIN || t.top - GAP - p.height < MARGIN;
    const top = below ? t.bottom + GAP : t.top - GAP - p.height;
    const left = Math.min(Math.max(MARGIN, t.left), innerWidth - MARGIN - p.width);
    panel.style.top = `${Math.round(top)}px`; // CSSOM, not a style attribute: CSP-safe
    panel.style.left = `${Math.round(left)}px`;
  }

  /** The state as the panel opens or closes (synchronous, so aria-expanded follows at once). */
  readonly #onBeforeToggle = (event: Event) => {
    this.#open = (event as ToggleEvent).newState === 'open';
    this.#listen(this.#open);
    this.host.requestUpdate();
  };

  /** Placed once shown, when the panel has a size. */
  readonly #onToggle = () => {
    if (this.#open) this.#place();
  };

  /** Without the Popover API (older browsers) the panel is shown and hidden by hand. */
  readonly #fallbackToggle = () => {
    const panel = this.#panel();
    if (!panel) return;
    this.#open = !this.#open;
    panel.hidden = !this.#open;
    this.host.requestUpdate();
  };

  /** The button that opens the panel. */
  trigger(label: unknown, o: { className?: string; part?: string; ariaLabel?: string } = {}): TemplateResult {
    return html`<button
      type="button"
      class=${o.className ?? 'link'}
      part=${o.part ?? nothing}
      aria-label=${o.ariaLabel ?? nothing}
      aria-expanded=${this.#open ? 'true' : 'false'}
      aria-controls=${this.id}
      popovertarget=${supported ? this.id : nothing}
      @click=${supported ? nothing : this.#fallbackToggle}
    >
      ${label}
    </button>`;
  }

  /** The floating panel; render it right after the trigger. */
  panel(content: unknown, o: { label?: string; part?: string } = {}): TemplateResult {
    return html`<div
      id=${this.id}
      class="panel"
      part=${o.part ?? nothing}
      popover=${supported ? 'auto' : nothing}
      ?hidden=${!supported && !this.#open}
      role="group"
      aria-label=${o.label ?? nothing}
      @beforetoggle=${this.#onBeforeToggle}
      @toggle=${this.#onToggle}
    >
      ${content}
    </div>`;
  }
}

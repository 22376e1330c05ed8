// The base of every creditkit element: registration (`define`), the `theme` attribute, the
// language of the page (closest `lang`), and the SDK client and catalog a container provides
// (`provideCredit`). Subclasses keep their state in #private fields and call requestUpdate().
import { LitElement, type PropertyDeclarations } from 'lit';
import { ContextConsumer } from '@lit/context';
import type { Catalog, CatalogInput } from '../../core/catalog/schema.js';
import type { CreditClient } from '../../sdk/client.js';
import type { Language } from '../../i18n/index.js';
import { catalogContext, clientContext, consumers, type ContextConsumerHost } from './context-keys.js';
import { LocaleController } from './locale-controller.js';

/**
 * The base class of every creditkit element. Its custom properties are the shared theme: set the
 * reference tokens (the first six) on any ancestor to restyle every element; the role tokens
 * follow from them in light and dark, and each may be set on its own.
 *
 * @cssproperty [--credit-color-accent=#1d4ed8] - Reference: the one accent colour (actions, selection, focus, links). Dark mode mixes it with white unless `--credit-color-accent-dark` is set.
 * @cssproperty [--credit-color-surface=light-dark(#fff, #16161a)] - Reference: the background.
 * @cssproperty [--credit-color-text=light-dark(#18181b, #ececf1)] - Reference: the text; muted text, borders and hover tints are mixed from it and the surface.
 * @cssproperty [--credit-radius=0.5rem] - Reference: corner radius (small = half, large = 1.5×).
 * @cssproperty [--credit-font-family=inherit] - Reference: the font (the page's by default).
 * @cssproperty [--credit-space=0.5rem] - Reference: the spacing unit (the scale is ½, 1, 1½, 2 and 3 of it).
 * @cssproperty [--credit-font-size=inherit] - Reference: the base text size (the type scale is relative to it).
 * @cssproperty [--credit-color-accent-dark] - The accent in dark mode.
 * @cssproperty [--credit-color-accent-contrast=light-dark(#fff, #0b1020)] - Text on an accent fill.
 * @cssproperty [--credit-color-accent-surface] - Selected and recommended backgrounds (accent 12 % on the surface).
 * @cssproperty [--credit-color-text-muted] - Secondary text (text 68 % on the surface; AA on surface and surface-alt).
 * @cssproperty [--credit-color-surface-alt] - Header, stripe and input backgrounds (text 4 %).
 * @cssproperty [--credit-color-surface-raised] - Cards and popovers.
 * @cssproperty [--credit-color-border] - Rules and card borders (text 14 %).
 * @cssproperty [--credit-color-border-strong] - Control outlines (text 45 %, 3:1 for WCAG 1.4.11).
 * @cssproperty [--credit-color-hover] - Hover background (text 6 %).
 * @cssproperty [--credit-color-focus] - The focus ring (the accent).
 * @cssproperty [--credit-color-positive=light-dark(#166534, #86efac)] - Good news: cheapest, savings.
 * @cssproperty [--credit-color-warning=light-dark(#8a3b0c, #fcd34d)] - Changed prices, low balance.
 * @cssproperty [--credit-color-danger=light-dark(#b91c1c, #fca5a5)] - Errors, depleted balance.
 * @cssproperty [--credit-color-changed] - Background of a changed figure (the warning surface).
 * @cssproperty [--credit-font-size-small=0.875em] - Type scale: labels, secondary figures.
 * @cssproperty [--credit-font-size-caption=0.75em] - Type scale: badges, footnotes.
 * @cssproperty [--credit-font-size-title=1.25em] - Type scale: group and card titles.
 * @cssproperty [--credit-font-size-figure=1.75em] - Type scale: the headline figure (a total, a package price).
 * @cssproperty [--credit-shadow-raised] - Elevation of cards.
 * @cssproperty [--credit-shadow-overlay] - Elevation of popovers and listboxes.
 * @cssproperty [--credit-focus-width=2px] - Width of the focus ring.
 * @cssproperty [--credit-control-height=2.5rem] - Height of buttons, fields and segmented controls.
 */
export class CreditElement extends LitElement {
  /** The tag `define()` registers when given none. */
  static readonly tag: string = '';

  /** Registers the element as `tag` in `registry` (a subclass for any other tag); idempotent. */
  static define(tag?: string, registry: CustomElementRegistry = customElements): void {
    const name = tag ?? this.tag;
    if (!registry.get(name)) registry.define(name, name === this.tag ? this : class extends this {});
  }

  static override properties: PropertyDeclarations = {
    theme: { type: String, reflect: true },
  };

  /** `light`, `dark`, or unset to follow the page's colour scheme. */
  declare theme: 'light' | 'dark' | undefined;

  readonly #locale = new LocaleController(this);
  readonly #client = new ContextConsumer(this, { context: clientContext, subscribe: true });
  readonly #catalog = new ContextConsumer(this, { context: catalogContext, subscribe: true });
  /** Asks again when a container becomes a provider after this element connected. */
  readonly #consumer: ContextConsumerHost = {
    element: this,
    ask: () => {
      if (this.#client.value === undefined) this.#client.hostConnected();
      if (this.#catalog.value === undefined) this.#catalog.hostConnected();
    },
  };

  override connectedCallback(): void {
    super.connectedCallback();
    consumers.add(this.#consumer);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    consumers.delete(this.#consumer);
  }

  /** BCP 47 tag for Intl ("de-DE", "en"), from the closest `lang`. */
  protected get locale(): string {
    return this.#locale.locale;
  }

  /** The string table's language. */
  protected get language(): Language {
    return this.#locale.language;
  }

  /** The SDK client a container provides (`provideCredit`), if any. */
  protected get providedClient(): CreditClient | undefined {
    return this.#client.value;
  }

  /** The catalog a container provides (`provideCredit`), if any. */
  protected get providedCatalog(): Catalog | CatalogInput | undefined {
    return this.#catalog.value;
  }
}

// A select with a search (the ARIA combobox pattern, list autocomplete with automatic selection):
// a text field that filters a listbox below it. Type to filter, ↓ / ↑ to move, Enter to choose,
// Escape to close; the field shows the chosen option when closed. Focus stays in the field
// (aria-activedescendant), so it is one Tab stop.
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Language } from '../../i18n/index.js';
import { controlStrings } from './controls.strings.js';
import { check, chevronDown } from './icons.js';

export interface ComboboxOption {
  value: string;
  label: string;
  /** Extra words that find the option ("Alibaba" for "阿里"). */
  keywords?: string;
}

export interface ComboboxRender {
  label: string;
  value: string;
  options: readonly ComboboxOption[];
  language: Language;
  placeholder?: string;
  disabled?: boolean;
  part?: string;
  /** Show the label above the field (default), or only name the field for screen readers. */
  showLabel?: boolean;
  invalid?: boolean;
  /** Id of the error or hint text. */
  describedBy?: string;
}

const normal = (text: string) => text.normalize('NFKC').toLowerCase();

export class Combobox implements ReactiveController {
  #open = false;
  /** What the user typed since opening; undefined shows the chosen option. */
  #text: string | undefined;
  #active = -1;
  #shown: readonly ComboboxOption[] = [];
  #scrollActive = false;
  #revision = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly id: string,
    private readonly onSelect: (value: string) => void,
  ) {
    host.addController(this);
  }

  get open(): boolean {
    return this.#open;
  }

  /** Changes whenever the control's own state does: a host that guards its template re-renders on it. */
  get revision(): number {
    return this.#revision;
  }

  hostUpdated(): void {
    if (!this.#scrollActive) return;
    this.#scrollActive = false;
    this.host.shadowRoot?.getElementById(`${this.id}-${this.#active}`)?.scrollIntoView({ block: 'nearest' });
  }

  #set(open: boolean, active = this.#active): void {
    this.#revision++;
    this.#open = open;
    this.#active = open ? active : -1;
    if (!open) this.#text = undefined;
    this.#scrollActive = open;
    this.host.requestUpdate();
  }

  #choose(option: ComboboxOption | undefined): void {
    this.#set(false);
    if (option) this.onSelect(option.value);
  }

  render(o: ComboboxRender): TemplateResult {
    const s = controlStrings(o.language);
    const terms = normal(this.#text ?? '').split(/\s+/).filter(Boolean);
    const shown = (this.#shown = terms.length ? o.options.filter((x) => terms.every((t) => normal(`${x.label} ${x.keywords ?? ''}`).includes(t))) : o.options);
    const selected = o.options.find((x) => x.value === o.value);
    const listId = `${this.id}-list`;
    const selectedIndex = () => Math.max(0, shown.findIndex((x) => x.value === o.value));
    const keydown = (event: KeyboardEvent) => {
      const last = shown.length - 1;
      switch (event.key) {
        case 'ArrowDown':
          if (!this.#open) this.#set(true, event.altKey ? -1 : selectedIndex());
          else this.#set(true, Math.min(last, this.#active + 1));
          break;
        case 'ArrowUp':
          if (!this.#open) this.#set(true, selectedIndex());
          else this.#set(true, Math.max(0, this.#active - 1));
          break;
        case 'Enter':
          if (!this.#open) return;
          this.#choose(shown[this.#active]);
          break;
        case 'Escape':
          if (!this.#open) return;
          this.#set(false);
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    const input = (event: Event) => {
      this.#text = (event.target as HTMLInputElement).value;
      this.#set(true, 0);
    };
    const focusout = (event: FocusEvent) => {
      if (!(event.currentTarget as Element).contains(event.relatedTarget as Node | null)) this.#set(false);
    };
    const toggle = (event: Event) => {
      this.#set(!this.#open, selectedIndex());
      ((event.currentTarget as Element).previousElementSibling as HTMLInputElement).focus();
    };
    const open = this.#open && !o.disabled;
    return html`<div class="field" part=${o.part ?? nothing}>
      <label class=${o.showLabel === false ? 'visually-hidden' : 'label'} for=${this.id}>${o.label}</label>
      <div class="combobox" @focusout=${focusout}>
        <input
          id=${this.id}
          class="input"
          role="combobox"
          autocomplete="off"
          spellcheck="false"
          aria-autocomplete="list"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls=${listId}
          aria-invalid=${o.invalid ? 'true' : nothing}
          aria-describedby=${o.describedBy ?? nothing}
          aria-activedescendant=${open && this.#active >= 0 && shown[this.#active] ? `${this.id}-${this.#active}` : nothing}
          placeholder=${o.placeholder ?? nothing}
          .value=${this.#text ?? selected?.label ?? ''}
          ?disabled=${o.disabled}
          @input=${input}
          @keydown=${keydown}
          @click=${() => !this.#open && this.#set(true, selectedIndex())}
          @focus=${(event: Event) => (event.target as HTMLInputElement).select()}
        />
        <button type="button" class="toggle" tabindex="-1" aria-hidden="true" ?disabled=${o.disabled} @click=${toggle}>${chevronDown}</button>
        <ul id=${listId} role="listbox" aria-label=${o.label} ?hidden=${!open}>
          ${open
            ? shown.length
              ? shown.map(
                  (x, i) =>
                    html`<li
                      id="${this.id}-${i}"
                      role="option"
                      class=${i === this.#active ? 'active' : ''}
                      aria-selected=${x.value === o.value ? 'true' : 'false'}
                      @mousedown=${(e: Event) => e.preventDefault()}
                      @click=${() => this.#choose(x)}
                    >
                      ${check}<span>${x.label}</span>
                    </li>`,
                )
              : html`<li class="none" role="presentation">${s.noMatches}</li>`
            : nothing}
        </ul>
      </div>
    </div>`;
  }
}

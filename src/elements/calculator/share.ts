// Share and export: the share link (copied, or shown selected to copy by hand), the scenario as
// JSON, the breakdown as CSV, and importing a scenario file. It reads the scenario and result the
// calculator last priced.
import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { breakdownCsv, scenarioToJson, type Scenario, type SimulationResult } from '../../core/index.js';
import type { CalculatorStrings } from './calculator.strings.js';
import { downloadText } from '../common/download.js';
import { dropZone } from '../controls/index.js';
import type { Language } from '../../i18n/index.js';

export interface ShareOptions {
  scenario: () => Scenario | undefined;
  result: () => SimulationResult | undefined;
  /** A link to the page with the scenario in its query. */
  url: () => string;
  importJson: (text: string) => void;
  announce: (text: string) => void;
  strings: () => CalculatorStrings;
  language: () => Language;
}

type Host = ReactiveElement & { renderRoot: HTMLElement | DocumentFragment };

export class ShareController {
  #link = '';

  constructor(
    private readonly host: Host,
    private readonly options: ShareOptions,
  ) {}

  /** The link last copied (shown in a field once copied). */
  get link(): string {
    return this.#link;
  }

  readonly copyLink = async (): Promise<void> => {
    this.#link = this.options.url();
    this.host.requestUpdate();
    try {
      await navigator.clipboard.writeText(this.#link);
      this.options.announce(this.options.strings().copied);
    } catch {
      // No clipboard permission: the link stands in the field below, selected, to copy by hand.
    }
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLInputElement>('#share-link')?.select();
  };

  #download(text: string, name: string, type: string): void {
    downloadText(this.host.renderRoot, text, name, type);
  }

  readonly #importFile = async (file: File): Promise<void> => {
    this.options.importJson(await file.text());
  };

  render(): TemplateResult {
    const s = this.options.strings();
    const scenario = this.options.scenario();
    const result = this.options.result();
    return html`<section class="share" part="share" aria-labelledby="share-h">
      <h3 id="share-h">${s.share_}</h3>
      <div class="actions">
        <button type="button" class="button" @click=${this.copyLink} ?disabled=${!scenario}>${s.copyLink}</button>
        <button type="button" class="button" @click=${() => scenario && this.#download(scenarioToJson(scenario), 'scenario.json', 'application/json')} ?disabled=${!scenario}>${s.exportJson}</button>
        <button type="button" class="button" @click=${() => result && this.#download(breakdownCsv(result), 'breakdown.csv', 'text/csv')} ?disabled=${!result}>${s.exportCsv}</button>
      </div>
      ${this.#link
        ? html`<div class="field share-link">
            <label class="label" for="share-link">${s.shareLink}</label>
            <input id="share-link" class="input" type="url" readonly .value=${this.#link} />
          </div>`
        : nothing}
      <div class="share-link">
        ${dropZone({ id: 'import', label: s.importJson, accept: '.json,application/json', language: this.options.language(), onFile: (file) => void this.#importFile(file) })}
      </div>
    </section>`;
  }
}

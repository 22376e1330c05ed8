// The controls library: keyboard behaviour by the ARIA patterns, names in both languages, axe
// clean in light and dark, open and closed.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { css, html as litHtml } from 'lit';
import { CreditElement, theme } from '../../../src/elements/common/index.js';
import {
  Combobox,
  Popover,
  buttonStyles,
  comboboxStyles,
  disclosure,
  disclosureStyles,
  dropZone,
  dropZoneStyles,
  fieldStyles,
  popoverStyles,
  segmented,
  segmentedStyles,
  stepper,
  stepperStyles,
} from '../../../src/elements/controls/index.js';
import { expectAccessible } from '../../helpers/axe.js';

const BRANDS = [
  { value: '', label: 'All brands' },
  { value: 'openai', label: 'OpenAI' },
  { value: 'azure', label: 'Azure' },
  { value: 'ali', label: 'Ali (Alibaba)' },
  { value: 'baidu', label: '百度 (Baidu)' },
];

class ControlsProbe extends CreditElement {
  static override readonly tag = 'controls-probe';
  static override styles = [theme, buttonStyles, fieldStyles, segmentedStyles, comboboxStyles, stepperStyles, disclosureStyles, popoverStyles, dropZoneStyles, css`:host { display: block; padding: 1rem; background: var(--_surface); }`];
  mode = 'both';
  type = 'llm';
  brand = '';
  count = 5;
  open = false;
  files: string[] = [];
  readonly brands = new Combobox(this, 'brand', (value) => {
    this.brand = value;
    this.requestUpdate();
  });
  readonly info = new Popover(this, 'info');
  protected override render() {
    const set = (key: 'mode' | 'type') => (value: string) => {
      this[key] = value;
      this.requestUpdate();
    };
    return litHtml`<button id="before">before</button>
      ${segmented({ name: 'mode', legend: 'Prices with', value: this.mode, onChange: set('mode'), options: [{ value: 'platform', label: 'Platform key' }, { value: 'own', label: 'Own key' }, { value: 'both', label: 'Both' }] })}
      ${segmented({ name: 'type', legend: 'Billing type', variant: 'chips', value: this.type, onChange: set('type'), options: [{ value: 'llm', label: 'LLM text chat', count: '92' }, { value: 'asr', label: 'ASR', count: '5' }] })}
      ${this.brands.render({ label: 'Brand', value: this.brand, options: BRANDS, language: this.language })}
      <label for="users">Users</label>
      ${stepper({ id: 'users', label: 'Users', value: String(this.count), language: this.language, atMin: this.count <= 0, onInput: () => {}, onStep: (d) => { this.count = Math.max(0, this.count + d); this.requestUpdate(); } })}
      ${disclosure({ controls: 'more', open: this.open, onToggle: (open) => { this.open = open; this.requestUpdate(); } }, 'Details')}
      <div id="more" ?hidden=${!this.open}>More</div>
      ${this.info.trigger('How is this counted?')}${this.info.panel(litHtml`<p>A typical chat: 1,000 input and 500 output tokens.</p>`, { label: 'How is this counted?' })}
      ${dropZone({ id: 'file', label: 'Import a scenario (JSON)', accept: '.json', language: this.language, onFile: (f) => this.files.push(f.name) })}`;
  }
}
ControlsProbe.define();

async function probe(lang = 'en', theme = 'light'): Promise<ControlsProbe> {
  const wrap = await fixture<HTMLDivElement>(html`<div lang=${lang}><controls-probe theme=${theme}></controls-probe></div>`);
  const el = wrap.firstElementChild as ControlsProbe;
  await el.updateComplete;
  return el;
}
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const focused = (el: Element) => el.shadowRoot!.activeElement;

describe('controls: segmented control and chips', () => {
  it('is one Tab stop; the arrow keys move the choice (radio group)', async () => {
    const el = await probe();
    $(el, '#before').focus();
    await sendKeys({ press: 'Tab' });
    expect((focused(el) as HTMLInputElement).value).to.equal('both');
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.mode).to.equal('own');
    await sendKeys({ press: 'Tab' }); // past the whole group, into the chips
    expect((focused(el) as HTMLInputElement).name).to.equal('type');
    await sendKeys({ press: 'ArrowRight' });
    expect(el.type).to.equal('asr');
    expect([...el.shadowRoot!.querySelectorAll('fieldset.chips label')].map((l) => l.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['LLM text chat 92', 'ASR 5']);
    expect($(el, 'fieldset.chips legend').textContent).to.equal('Billing type');
  });
});

describe('controls: combobox with search', () => {
  it('filters as you type, moves with the arrows, chooses with Enter, closes with Escape', async () => {
    const el = await probe();
    const input = $<HTMLInputElement>(el, '#brand');
    expect(input.getAttribute('role')).to.equal('combobox');
    expect(input.value).to.equal('All brands');
    input.focus();
    await sendKeys({ type: 'ali' });
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    expect([...el.shadowRoot!.querySelectorAll('[role="option"]')].map((o) => o.textContent!.trim())).to.deep.equal(['Ali (Alibaba)']);
    expect(input.getAttribute('aria-activedescendant')).to.equal('brand-0');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.brand).to.equal('ali');
    expect(input.value).to.equal('Ali (Alibaba)');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    // Down opens at the chosen option; Down and Up move; Escape closes without choosing.
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal('brand-3');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect($(el, '#brand-4').classList.contains('active')).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(el.brand).to.equal('ali');
    // A click chooses too, and the list says so when nothing matches, in German.
    const de = await probe('de');
    const field = $<HTMLInputElement>(de, '#brand');
    field.focus();
    await sendKeys({ type: 'zzz' });
    await de.updateComplete;
    expect($(de, '.combobox .none').textContent).to.equal('Keine Treffer');
    field.value = '';
    field.dispatchEvent(new Event('input'));
    await de.updateComplete;
    ($(de, '#brand-4') as HTMLElement).click();
    await de.updateComplete;
    expect(de.brand).to.equal('baidu');
  });
});

describe('controls: stepper, disclosure, popover, drop zone', () => {
  it('the stepper steps with the arrow keys and Page Up; its buttons are named and out of the Tab order', async () => {
    const el = await probe('de');
    $<HTMLInputElement>(el, '#users').focus();
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'PageUp' });
    expect(el.count).to.equal(16);
    await sendKeys({ press: 'PageDown' });
    await sendKeys({ press: 'PageDown' });
    await el.updateComplete;
    expect(el.count).to.equal(0);
    const buttons = [...el.shadowRoot!.querySelectorAll('.stepper button')];
    expect(buttons.map((b) => b.getAttribute('aria-label'))).to.deep.equal(['Users verringern', 'Users erhöhen']);
    expect(buttons.map((b) => (b as HTMLButtonElement).tabIndex)).to.deep.equal([-1, -1]);
    expect((buttons[0] as HTMLButtonElement).disabled).to.equal(true);
  });

  it('the disclosure says whether it is open; the popover opens under its button and closes with Escape', async () => {
    const el = await probe();
    const toggle = $(el, 'button.disclosure');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect($(el, '#more').hidden).to.equal(false);

    const trigger = $(el, '[aria-controls="info"]');
    const panel = $(el, '#info');
    trigger.focus();
    const shown = oneEvent(panel, 'toggle');
    trigger.click();
    await shown;
    await el.updateComplete;
    expect(panel.matches(':popover-open')).to.equal(true);
    expect(trigger.getAttribute('aria-expanded')).to.equal('true');
    const t = trigger.getBoundingClientRect();
    const p = panel.getBoundingClientRect();
    expect(p.top).to.be.at.least(t.bottom);
    expect(p.right).to.be.at.most(innerWidth);
    await expectAccessible(el);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(panel.matches(':popover-open')).to.equal(false);
    expect(trigger.getAttribute('aria-expanded')).to.equal('false');
  });

  it('the drop zone takes a dropped file and is a named file input for the keyboard', async () => {
    const el = await probe();
    const zone = $(el, '.drop-zone');
    const data = new DataTransfer();
    data.items.add(new File(['{}'], 'scenario.json', { type: 'application/json' }));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, cancelable: true }));
    expect(zone.classList.contains('over')).to.equal(true);
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, cancelable: true }));
    expect(el.files).to.deep.equal(['scenario.json']);
    expect(zone.classList.contains('over')).to.equal(false);
    expect($(el, '#file').getAttribute('aria-label')).to.equal('Import a scenario (JSON)');
  });
});

describe('controls: accessible in light and dark', () => {
  for (const scheme of ['light', 'dark']) {
    it(`axe clean (WCAG 2.2 AA), ${scheme}, with the listbox open`, async () => {
      const el = await probe('en', scheme);
      await expectAccessible(el);
      $<HTMLInputElement>(el, '#brand').focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      await expectAccessible(el);
    });
  }
});

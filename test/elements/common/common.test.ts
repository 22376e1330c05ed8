import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { parseCatalog, CatalogError } from '../../../src/core/index.js';
import { Announcer, CatalogController, CatalogLoadError, CreditEvent, LocaleController, loadParser, theme, type FetchLike } from '../../../src/elements/common/index.js';
import { loadJson } from '../../core/load.js';
import { expectAccessible } from '../../helpers/axe.js';
import { fakeFetch } from '../../helpers/fake-fetch.js';

class SharedProbe extends LitElement {
  static override styles = [theme];
  static override properties = { src: { type: String } };
  declare src: string | undefined;
  fetch: FetchLike | undefined;
  readonly locale = new LocaleController(this);
  readonly loader = new CatalogController(this, {
    onChange: (next, previous) => this.changes.push([previous.version, next.version]),
    onError: (error) => this.errors.push(error),
  });
  readonly announcer = new Announcer(this);
  changes: [string, string][] = [];
  errors: Error[] = [];
  renders = 0;
  protected override willUpdate(): void {
    this.loader.sync({ src: this.src, fetch: this.fetch });
  }
  protected override render() {
    this.renders++;
    return litHtml`<p>${this.locale.locale}:${this.loader.status}:${this.loader.catalog?.version ?? '-'}</p>${this.announcer.render()}`;
  }
}
customElements.define('shared-probe', SharedProbe);

let gptbots: Record<string, unknown>;
before(async () => {
  await loadParser(); // the validator loads lazily; have it ready so `settled()` is the only wait
  gptbots = (await loadJson('/catalog/gptbots.json')) as Record<string, unknown>;
});

describe('shared: LocaleController', () => {
  it('re-renders when an ancestor lang changes', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="en"><shared-probe></shared-probe></div>`);
    const probe = wrap.querySelector('shared-probe') as SharedProbe;
    await probe.updateComplete;
    expect(probe.shadowRoot!.querySelector('p')!.textContent).to.match(/^en:/);
    wrap.lang = 'de-DE';
    await new Promise((r) => setTimeout(r)); // MutationObserver microtask, then the update
    await probe.updateComplete;
    expect(probe.locale.language).to.equal('de');
    expect(probe.shadowRoot!.querySelector('p')!.textContent).to.match(/^de-DE:/);
  });
});

describe('shared: CatalogController', () => {
  it('loads, revalidates with If-None-Match, takes a 304 as current and a new 200 as a change', async () => {
    const v2 = { ...gptbots, version: 'v2' };
    const fetch = fakeFetch([
      { body: gptbots, etag: '"1"' },
      { status: 304 },
      { body: v2, etag: '"2"' },
    ]);
    const probe = await fixture<SharedProbe>(html`<shared-probe></shared-probe>`);
    probe.fetch = fetch;
    probe.src = '/catalog/gptbots.json';
    await probe.updateComplete;
    expect(probe.loader.status).to.equal('loading');
    await fetch.settled();
    await probe.updateComplete;
    expect(probe.loader.status).to.equal('ready');
    expect(probe.loader.catalog!.services).to.have.length(118);
    await probe.loader.revalidate();
    await probe.loader.revalidate();
    expect(fetch.requests.map((r) => r.ifNoneMatch)).to.deep.equal([undefined, '"1"', '"1"']);
    expect(probe.changes).to.deep.equal([['2026-11-23.1', 'v2']]);
    expect(probe.loader.catalog!.version).to.equal('v2');
  });

  it('keeps the last good catalog on a failed refresh and reports the error', async () => {
    const fetch = fakeFetch([{ body: gptbots, etag: '"1"' }, { status: 500 }, { body: { ...gptbots, services: 'nope' } }]);
    const probe = await fixture<SharedProbe>(html`<shared-probe></shared-probe>`);
    probe.fetch = fetch;
    probe.src = '/x.json';
    await probe.updateComplete;
    await fetch.settled();
    await probe.loader.revalidate();
    expect(probe.loader.error).to.be.instanceOf(CatalogLoadError);
    expect(probe.loader.error!.message).to.contain('HTTP 500');
    await probe.loader.revalidate();
    expect(probe.loader.error).to.be.instanceOf(CatalogError);
    expect(probe.loader.catalog!.services).to.have.length(118);
    expect(probe.errors).to.have.length(2);
  });

  it('aborts the older request when src changes', async () => {
    const fetch = fakeFetch([{ body: gptbots, etag: '"a"', hold: true }, { body: { ...gptbots, version: 'b' } }]);
    const probe = await fixture<SharedProbe>(html`<shared-probe></shared-probe>`);
    probe.fetch = fetch;
    probe.src = '/a.json';
    await probe.updateComplete;
    probe.src = '/b.json';
    await probe.updateComplete;
    await fetch.settled();
    await probe.updateComplete;
    expect(fetch.requests.map((r) => r.aborted)).to.deep.equal([true, false]);
    expect(probe.loader.catalog!.version).to.equal('b');
  });
});

describe('shared: events, announcer, theme', () => {
  it('CreditEvent bubbles out of shadow roots with typed detail', async () => {
    const probe = await fixture<SharedProbe>(html`<shared-probe></shared-probe>`);
    let got: { id: string } | undefined;
    document.addEventListener('credit-test', (e) => (got = (e as CreditEvent<{ id: string }>).detail), { once: true });
    probe.shadowRoot!.querySelector('p')!.dispatchEvent(new CreditEvent('credit-test', { id: 'x' }));
    expect(got).to.deep.equal({ id: 'x' });
  });

  it('announces through a polite status region', async () => {
    const probe = await fixture<SharedProbe>(html`<shared-probe></shared-probe>`);
    probe.announcer.announce('Prices changed');
    await new Promise((r) => requestAnimationFrame(r));
    await probe.updateComplete;
    const region = probe.shadowRoot!.querySelector('[role="status"]')!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    expect(region.textContent).to.equal('Prices changed');
    await expectAccessible(probe);
  });

  it('switches tokens with theme="dark" and lets a page token win', async () => {
    const probe = await fixture<SharedProbe>(html`<shared-probe theme="dark"></shared-probe>`);
    expect(getComputedStyle(probe).color).to.equal('rgb(236, 236, 241)');
    probe.setAttribute('theme', 'light');
    expect(getComputedStyle(probe).color).to.equal('rgb(24, 24, 27)');
    probe.style.setProperty('--credit-color-text', 'rgb(1, 2, 3)');
    expect(getComputedStyle(probe).color).to.equal('rgb(1, 2, 3)');
  });

  it('parses what the loader hands over with core parseCatalog', () => {
    expect(parseCatalog(gptbots).services).to.have.length(118);
  });
});

describe('helpers: expectAccessible', () => {
  it('fails, listing the violation, for a problem inside a shadow root', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    const button = document.createElement('button'); // a button without a name
    root.append(button);
    let message = '';
    await expectAccessible(host).catch((e: Error) => (message = e.message));
    expect(message).to.contain('button-name');
    button.textContent = 'Buy';
    await expectAccessible(host);
  });
});

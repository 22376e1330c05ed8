// Tracks an element's locale (closest [lang], then the document) and re-renders the host when any
// `lang` attribute changes above it. One MutationObserver per root (document or shadow root) serves
// every connected element.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { languageOf, resolveLocale, type Language } from '../../i18n/index.js';

type Host = ReactiveControllerHost & HTMLElement;

const hosts = new Set<LocaleController>();
const observedRoots = new WeakSet<Node>();
let observer: MutationObserver | undefined;

function observe(root: Node) {
  if (observedRoots.has(root)) return;
  observer ??= new MutationObserver(() => {
    for (const controller of hosts) controller.refresh();
  });
  observer.observe(root instanceof Document ? root.documentElement : root, {
    attributes: true,
    attributeFilter: ['lang'],
    subtree: true,
  });
  observedRoots.add(root);
}

export class LocaleController implements ReactiveController {
  /** BCP 47 tag used for Intl ("de-DE", "en"). */
  locale = 'en';
  /** String table language. */
  language: Language = 'en';

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this);
    observe(document);
    // Observe every shadow root on the way up, so a lang change inside a host app is seen too.
    for (let root = this.host.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) observe(root);
    this.refresh();
  }

  hostDisconnected(): void {
    hosts.delete(this);
  }

  /** Re-resolves the locale; requests an update of the host when it changed. */
  refresh(notify = true): void {
    const locale = resolveLocale(this.host);
    if (locale === this.locale) return;
    this.locale = locale;
    this.language = languageOf(locale);
    if (notify) this.host.requestUpdate();
  }
}

// The demo site's shell: Kestrel, a fictional AI workspace that sells its usage as credits. Every
// page has <body data-page="…"> and an <html lang>; this module draws the header (brand, the
// pages, the other language) and the footer into #site-header and #site-footer from one table,
// so eleven pages do not repeat their navigation. Built with DOM calls: no HTML strings.

type PageId = 'pricing' | 'planner' | 'product' | 'account' | 'theming' | 'how';
type Lang = 'en' | 'de';

/** Each page's file per language (a page without a German version links to its English one). */
const FILES: Record<PageId, Record<Lang, string>> = {
  pricing: { en: './marketing.html', de: './marketing-de.html' },
  planner: { en: './planner.html', de: './planner-de.html' },
  product: { en: './product.html', de: './product-de.html' },
  account: { en: './account.html', de: './account-de.html' },
  theming: { en: './theming.html', de: './theming-de.html' },
  how: { en: './index.html', de: './index.html' },
};

const NAV: PageId[] = ['pricing', 'planner', 'product', 'account', 'theming', 'how'];

const STRINGS = {
  en: {
    tagline: 'The AI workspace for teams, billed by the credit',
    pages: { pricing: 'Pricing', planner: 'Plan', product: 'Chat', account: 'Account', theming: 'Theming', how: 'How the numbers are made' },
    nav: 'Site',
    other: 'Deutsch',
    otherLabel: 'Diese Seite auf Deutsch',
    footer: 'Kestrel is a fictional platform: the demo of creditkit. Prices come from the GPTBots and meinGPT price lists; nothing here calls a model.',
  },
  de: {
    tagline: 'Der KI-Arbeitsplatz für Teams, abgerechnet in Credits',
    pages: { pricing: 'Preise', planner: 'Planen', product: 'Chat', account: 'Konto', theming: 'Designs', how: 'So entstehen die Zahlen' },
    nav: 'Website',
    other: 'English',
    otherLabel: 'This page in English',
    footer: 'Kestrel ist eine erfundene Plattform: die Demo von creditkit. Die Preise stammen aus den Preislisten von GPTBots und meinGPT; hier wird kein Modell aufgerufen.',
  },
} as const;

/** The page's language: 'de' for German pages, else English. */
export function pageLanguage(): Lang {
  return document.documentElement.lang.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/** An element with its properties and children: the demo's pages build their small parts with it. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function logo(): SVGSVGElement {
  // A kestrel's wing as two strokes, in the brand's accent (currentColor).
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'logo-mark');
  for (const d of ['M3 15c4-1 7-4 9-10 1 5 4 8 9 9', 'M7 19c3-1 5-3 5-6 1 3 3 5 6 6']) {
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

function drawShell(): void {
  const page = document.body.dataset['page'] as PageId | undefined;
  const lang = pageLanguage();
  const s = STRINGS[lang];
  const header = document.getElementById('site-header');
  if (header) {
    const brand = el('a', { className: 'brand', href: FILES.pricing[lang] }, logo(), el('span', { className: 'brand-name' }, 'Kestrel'));
    const list = el('ul', { className: 'nav-list' });
    for (const id of NAV) {
      const link = el('a', { href: FILES[id][lang] }, s.pages[id]);
      if (id === page) link.setAttribute('aria-current', 'page');
      list.append(el('li', {}, link));
    }
    const nav = el('nav', { className: 'site-nav' }, list);
    nav.setAttribute('aria-label', s.nav);
    const other: Lang = lang === 'en' ? 'de' : 'en';
    const switcher = el('a', { className: 'lang-switch', href: page ? FILES[page][other] : FILES.pricing[other], hreflang: other, lang: other }, s.other);
    switcher.setAttribute('aria-label', s.otherLabel);
    header.className = 'site-header';
    header.replaceChildren(el('div', { className: 'site-header-inner' }, brand, nav, switcher));
  }
  const footer = document.getElementById('site-footer');
  if (footer) {
    footer.className = 'site-footer';
    footer.replaceChildren(el('p', {}, el('strong', {}, 'Kestrel'), ` — ${s.tagline}. `, s.footer));
  }
}

drawShell();

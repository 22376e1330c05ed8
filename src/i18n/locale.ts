// Which locale an element speaks: its own or the closest ancestor's `lang` (crossing shadow
// roots), then the document's, then English. The string tables exist in English and German.

export type Language = 'en' | 'de';

/** The closest `lang` attribute from `node` up, through shadow roots to their hosts. */
export function closestLang(node: Node | null): string | undefined {
  let current: Node | null = node;
  while (current) {
    if (current instanceof Element) {
      const found = current.closest('[lang]');
      const lang = found?.getAttribute('lang')?.trim();
      if (lang) return lang;
      if (found) {
        current = found.parentNode; // an empty lang="" means "unknown": keep looking
      } else {
        const root = current.getRootNode();
        current = root === current ? null : root; // a detached element is its own root
      }
    } else if (current instanceof ShadowRoot) {
      current = current.host;
    } else {
      break;
    }
  }
  return undefined;
}

/** A valid BCP 47 tag, or undefined. */
export function canonicalLocale(tag: string | undefined | null): string | undefined {
  if (!tag) return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** The locale for an element: closest `[lang]`, then the document, then 'en'. */
export function resolveLocale(element: Element | null | undefined): string {
  const fromTree = element ? closestLang(element) : undefined;
  const fromDocument = typeof document === 'undefined' ? undefined : document.documentElement.lang;
  return canonicalLocale(fromTree) ?? canonicalLocale(fromDocument) ?? 'en';
}

/** The string table for a locale: German for any `de-*`, English otherwise. */
export function languageOf(locale: string): Language {
  return /^de(?:-|$)/i.test(locale) ? 'de' : 'en';
}

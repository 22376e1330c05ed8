// Defines each creditkit element when a page first uses its tag: a marketing page with one
// <credit-pricing-table> downloads the pricing table and nothing else (no calculator, no
// tokenizer), not even once the page is idle. Tags in the document are found at once and as they
// are added; a tag no document observer can see (inside another component's shadow root) is
// loaded by `load(tag)` or found by `observe(shadowRoot)`.

/** Each tag and the module that defines it (its index registers the tag). */
export const ELEMENT_MODULES: Readonly<Record<string, () => Promise<unknown>>> = {
  'credit-pricing-table': () => import('./pricing-table/index.js'),
  'credit-calculator': () => import('./calculator/index.js'),
  'credit-balance': () => import('./balance/index.js'),
  'credit-usage': () => import('./usage/index.js'),
  'credit-chat-cost': () => import('./chat-cost/index.js'),
  'credit-statement': () => import('./statement/index.js'),
};

export interface AutoloadOptions {
  /** Tag → module loader; every creditkit element by default. */
  modules?: Readonly<Record<string, () => Promise<unknown>>>;
  document?: Document;
}

export interface Autoloader {
  /** Loads and defines one element; resolves once its module has run. A failed load is reported and retried on the next request. */
  load(tag: string): Promise<void>;
  /** Finds the tags inside `root` (a shadow root, say) now and as they are added. Returns a function that stops watching. */
  observe(root: Document | DocumentFragment | Element): () => void;
}

/** Starts autoloading: the tags in the document now and those added later. */
export function autoloadElements(options: AutoloadOptions = {}): Autoloader {
  const { modules = ELEMENT_MODULES, document = globalThis.document } = options;
  const tags = Object.keys(modules);
  const requested = new Map<string, Promise<void>>();

  function load(tag: string): Promise<void> {
    const loader = modules[tag];
    if (!loader) return Promise.reject(new Error(`creditkit has no element <${tag}> (it has <${tags.join('>, <')}>)`));
    let pending = requested.get(tag);
    if (!pending) {
      pending = loader().then(
        () => undefined,
        (error: unknown) => {
          requested.delete(tag);
          console.error(`creditkit: could not load <${tag}>:`, error);
          throw error;
        },
      );
      requested.set(tag, pending);
    }
    return pending;
  }
  const loadQuietly = (tag: string) => void load(tag).catch(() => {}); // reported by load; the page goes on

  function observe(root: Document | DocumentFragment | Element): () => void {
    const discover = () => {
      for (const tag of tags) if (!requested.has(tag) && root.querySelector(tag)) loadQuietly(tag);
    };
    discover();
    // Not disconnected once every tag is requested: a failed load is retried when its tag is added again.
    const observer = new MutationObserver(discover);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }

  observe(document.documentElement);
  return { load, observe };
}

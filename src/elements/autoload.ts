// Defines every creditkit element, each loaded when a page first uses its tag: a marketing page
// with one <credit-pricing-table> gets the pricing table on screen without first downloading the
// calculator or the tokenizer. Tags in the document are found at once and as they are added; the
// rest are loaded only after those, once the page is idle, so a tag no observer can see (inside
// another component's shadow root) is still defined soon and `whenDefined` resolves for all.

/** Each tag and the module that defines it (its index registers the tag). */
export const ELEMENT_MODULES: Readonly<Record<string, () => Promise<unknown>>> = {
  'credit-pricing-table': () => import('./pricing-table/index.js'),
  'credit-calculator': () => import('./calculator/index.js'),
  'credit-balance': () => import('./balance/index.js'),
  'credit-usage': () => import('./usage/index.js'),
  'credit-chat-cost': () => import('./chat-cost/index.js'),
};

export interface AutoloadOptions {
  /** Tag → module loader; every creditkit element by default. */
  modules?: Readonly<Record<string, () => Promise<unknown>>>;
  document?: Document;
  /** Runs `loadRest` when the page is idle; by default after the load event, at idle time. */
  whenIdle?: (loadRest: () => void) => void;
}

export interface Autoloader {
  /** Loads and defines one element; resolves once its module has run. A failed load is reported and retried on the next request. */
  load(tag: string): Promise<void>;
}

function afterLoadWhenIdle(document: Document): (run: () => void) => void {
  return (run) => {
    const idle = () => ('requestIdleCallback' in globalThis ? requestIdleCallback(run, { timeout: 5000 }) : setTimeout(run, 2000));
    if (document.readyState === 'complete') idle();
    else document.defaultView?.addEventListener('load', idle, { once: true });
  };
}

/** Starts autoloading: the tags in the document now, those added later, and the rest when the page is idle. */
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
  const discover = () => {
    for (const tag of tags) if (!requested.has(tag) && document.querySelector(tag)) loadQuietly(tag);
  };

  discover();
  const observer = new MutationObserver(() => (requested.size < tags.length ? discover() : observer.disconnect()));
  observer.observe(document.documentElement, { childList: true, subtree: true });
  // The rest only after what the page shows, so it does not compete with it for the network.
  const loadRest = () => tags.forEach(loadQuietly);
  void Promise.allSettled(requested.values()).then(() => (options.whenIdle ?? afterLoadWhenIdle(document))(loadRest));
  return { load };
}

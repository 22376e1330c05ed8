// One SDK client and one catalog for every element inside a container (@lit/context): a page
// calls `provideCredit(container, { client, catalog })` once instead of setting `.client` and
// `.catalog` on each element. An element's own property still wins over what its container
// provides.
import { ContextProvider } from '@lit/context';
import type { Catalog, CatalogInput } from '../../core/catalog/schema.js';
import type { CreditClient } from '../../sdk/client.js';
import { catalogContext, clientContext, consumers } from './context-keys.js';

export { clientContext, catalogContext };

export interface CreditContextValues {
  client?: CreditClient | undefined;
  /** A catalog (parsed, or JSON that each element validates). */
  catalog?: Catalog | CatalogInput | undefined;
}

export interface CreditContextHandle {
  /** Hands new values to every element inside (only the keys given change). */
  set(values: CreditContextValues): void;
}

const handles = new WeakMap<Element, CreditContextHandle>();

/** True when `node` is `container` or below it, in its light DOM or in a shadow root below it. */
function isInside(container: Node, node: Node | null): boolean {
  for (; node; node = node instanceof ShadowRoot ? node.host : node.parentNode) if (node === container) return true;
  return false;
}

/**
 * Provides `client` and `catalog` to every creditkit element inside `container` (in its light DOM
 * or in shadow roots below it), now and as they are added. Calling it again on the same container
 * updates the values. Elements that connected before the container became a provider ask again.
 */
export function provideCredit(container: HTMLElement, values: CreditContextValues): CreditContextHandle {
  let handle = handles.get(container);
  if (!handle) {
    const client = new ContextProvider(container, { context: clientContext });
    const catalog = new ContextProvider(container, { context: catalogContext });
    handle = {
      set(next) {
        if ('client' in next) client.setValue(next.client);
        if ('catalog' in next) catalog.setValue(next.catalog);
      },
    };
    handles.set(container, handle);
    handle.set(values);
    for (const consumer of consumers) if (isInside(container, consumer.element)) consumer.ask();
    return handle;
  }
  handle.set(values);
  return handle;
}

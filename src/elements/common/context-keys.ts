// The context keys of the SDK client and the catalog a container provides (provideCredit), and
// the elements that consume them. Keyed by Symbol.for, so two copies of creditkit on one page
// share them. Kept apart from the provider so an element's first paint does not carry it.
import { createContext } from '@lit/context';
import type { Catalog, CatalogInput } from '../../core/catalog/schema.js';
import type { CreditClient } from '../../sdk/client.js';

export const clientContext = createContext<CreditClient | undefined>(Symbol.for('creditkit.client'));
export const catalogContext = createContext<Catalog | CatalogInput | undefined>(Symbol.for('creditkit.catalog'));

/** A connected element that consumes the contexts: `ask()` sends its requests again. */
export interface ContextConsumerHost {
  readonly element: Element;
  ask(): void;
}

/** Connected consumers, so that a container made a provider after they connected can answer them. */
export const consumers = new Set<ContextConsumerHost>();

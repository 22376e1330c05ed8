// One service search for every element (the price list's search box, the calculator's service
// search): each word of the query must occur in the service's id, brand (either spelling), model
// or one of its aliases, ignoring case and character width, so "claude sonnet" finds
// Claude-4.5-Sonnet; words also match with the punctuation left out, so "gpt4o" finds GPT-4o.
import type { Service } from './schema.js';

const texts = new WeakMap<Service, string>();

/** The text a service is found by (lower case, NFKC), worked out once per service. */
export function searchTextOf(service: Service): string {
  let text = texts.get(service);
  if (text === undefined) {
    const words = [service.id, service.brand, service.brandEn ?? '', service.model, ...(service.aliases ?? [])].join(' ').normalize('NFKC').toLowerCase();
    text = `${words}\n${words.replace(/[^\p{L}\p{N}]+/gu, '')}`;
    texts.set(service, text);
  }
  return text;
}

/** The words of a search query, normalised as service texts are. */
export function searchTerms(query: string): string[] {
  return query.normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean);
}

/** True when every word (from `searchTerms`) occurs in the service's search text; no words match every service. */
export function matchesSearch(service: Service, terms: readonly string[]): boolean {
  const text = searchTextOf(service);
  return terms.every((t) => text.includes(t));
}

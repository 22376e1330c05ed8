// The hand-over from a price list: a model chosen there arrives as `?service=<id>&keyMode=<mode>`
// in the planner's address (another page: the names <credit-pricing-table>'s links use), as the
// calculator's `service` / `key-mode` attributes, or as a `credit-service-select` event (same
// page). The calculator then starts with (or switches to) that model and says which one, by name.
import { html, nothing, type TemplateResult } from 'lit';
import { serviceName, tryFindService, type Catalog, type Service } from '../../core/index.js';
import { commonStrings, type Language } from '../../i18n/index.js';
import type { CalculatorStrings } from './calculator.strings.js';

/** Query parameters of a hand-over link. */
export const SERVICE_PARAM = 'service';
export const KEY_MODE_PARAM = 'keyMode';

export interface HandoverRequest {
  /** Id, alias or display name. */
  service: string;
  keyMode?: string | undefined;
}

export type Handover =
  | {
      found: true;
      service: Service;
      /** The key mode to price with; undefined: the workload's default. */
      keyMode: string | undefined;
      /** The key mode asked for when the service is not offered in it (then the default is used). */
      refusedKeyMode?: string;
      /** Chosen in a price list (link or event), or set by the page (attributes). */
      origin: 'price-list' | 'page';
    }
  | { found: false; asked: string };

/** The hand-over a page address carries, if any. */
export function handoverFromUrl(href: string): HandoverRequest | undefined {
  const params = new URL(href, 'http://localhost/').searchParams;
  const service = params.get(SERVICE_PARAM)?.trim();
  if (!service) return undefined;
  return { service, keyMode: params.get(KEY_MODE_PARAM)?.trim() || undefined };
}

/** The address without the hand-over's parameters (once the scenario carries the model). */
export function withoutHandover(href: string): string {
  const url = new URL(href, 'http://localhost/');
  url.searchParams.delete(SERVICE_PARAM);
  url.searchParams.delete(KEY_MODE_PARAM);
  return url.toString();
}

/** The asked service and key mode checked against the catalog: a key mode it is not offered in is refused. */
export function resolveHandover(catalog: Catalog, request: HandoverRequest, origin: 'price-list' | 'page'): Handover {
  const service = tryFindService(catalog, request.service);
  if (!service) return { found: false, asked: request.service };
  const asked = request.keyMode;
  if (!asked) return { found: true, service, keyMode: undefined, origin };
  const offered = catalog.keyModes.some((k) => k.id === asked) && !!service.prices[asked];
  return offered ? { found: true, service, keyMode: asked, origin } : { found: true, service, keyMode: undefined, refusedKeyMode: asked, origin };
}

export function keyModeName(catalog: Catalog, id: string, language: Language): string {
  return (commonStrings(language).keyModes as Record<string, string>)[id] ?? catalog.keyModes.find((k) => k.id === id)?.name ?? id;
}

/** "Planning with Anthropic Claude-4.5-Sonnet-200K · Own key, chosen in the price list." */
export function renderHandover(handover: Handover | undefined, catalog: Catalog, strings: CalculatorStrings, language: Language, keyMode: string): TemplateResult | typeof nothing {
  if (!handover) return nothing;
  if (!handover.found) return html`<p class="notice handover" part="handover">${strings.handoverUnknown(handover.asked)}</p>`;
  const key = keyMode && keyModeName(catalog, keyMode, language);
  return html`<p class="handover" part="handover">
    ${strings.handover(serviceName(handover.service), catalog.keyModes.length > 1 ? key : '', handover.origin)}
    ${handover.refusedKeyMode ? html`<span class="muted">${strings.handoverKeyRefused(keyModeName(catalog, handover.refusedKeyMode, language), key)}</span>` : nothing}
  </p>`;
}

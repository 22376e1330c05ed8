// The catalog as it stands at the calculator's instant, looked up once for as long as it holds.
// core's catalogAt picks every service's price period on each call (118 services for GPTBots):
// the calculator asks for it several times per keystroke, and between two price changes the
// answer is the same object. So the answer is kept with the span of time in which no service's
// period begins or ends, and worked out again only outside it or for another catalog.
import { catalogAt, instantMs, pricePeriods, type Catalog } from '../../core/index.js';

/** The instant `now` stands for (a Date, epoch ms or ISO 8601); this moment when unset or not an instant. */
function instantOf(now: Date | number | string | undefined): number {
  const ms = typeof now === 'number' ? now : now instanceof Date ? now.getTime() : instantMs(now);
  return ms === undefined || Number.isNaN(ms) ? Date.now() : ms;
}

export class CatalogNow {
  #held: { catalog: Catalog; from: number; until: number; view: Catalog } | undefined;

  /** core's catalogAt(catalog, now). */
  at(catalog: Catalog, now: Date | number | string | undefined): Catalog {
    const ms = instantOf(now);
    const held = this.#held;
    if (held && held.catalog === catalog && held.from <= ms && ms < held.until) return held.view;
    // The span around `ms` in which no service's price period begins or ends.
    let from = -Infinity;
    let until = Infinity;
    for (const service of catalog.services) {
      for (const period of pricePeriods(service)) {
        for (const edge of [period.from, period.until]) {
          if (edge <= ms) from = Math.max(from, edge);
          else until = Math.min(until, edge);
        }
      }
    }
    const view = catalogAt(catalog, ms);
    this.#held = { catalog, from, until, view };
    return view;
  }
}

// Events of <credit-pricing-table>.
import type { CatalogDiff } from '../../core/catalog/diff.js';
import type { Catalog } from '../../core/catalog/schema.js';
import { CreditEvent } from '../common/events.js';

/** A row was chosen: hand `serviceId` and `keyMode` to <credit-calculator>. */
export class CreditServiceSelectEvent extends CreditEvent<{ serviceId: string; keyMode: string }> {
  constructor(serviceId: string, keyMode: string) {
    super('credit-service-select', { serviceId, keyMode });
  }
}

/** A refresh brought a different catalog: what was added, removed and repriced. */
export class CreditCatalogChangeEvent extends CreditEvent<{ diff: CatalogDiff; catalog: Catalog; previous: Catalog }> {
  constructor(diff: CatalogDiff, catalog: Catalog, previous: Catalog) {
    super('credit-catalog-change', { diff, catalog, previous });
  }
}

/** A credit package's call to action was chosen: `packageId`, its `credits` and `price` (absent for a custom package). */
export class CreditPackageSelectEvent extends CreditEvent<{ packageId: string; credits: string; price?: { amount: string; currency: string } }> {
  constructor(packageId: string, credits: string, price?: { amount: string; currency: string }) {
    super('credit-package-select', { packageId, credits, ...(price && { price }) });
  }
}

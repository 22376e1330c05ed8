// Registers <credit-pricing-table>.
import { CreditPricingTable } from './pricing-table.js';
import type { CreditCatalogChangeEvent, CreditPackageSelectEvent, CreditServiceSelectEvent } from './pricing-table.events.js';
import type { CreditErrorEvent } from '../common/events.js';

CreditPricingTable.define();

declare global {
  interface HTMLElementTagNameMap {
    'credit-pricing-table': CreditPricingTable;
  }
  interface GlobalEventHandlersEventMap {
    'credit-service-select': CreditServiceSelectEvent;
    'credit-catalog-change': CreditCatalogChangeEvent;
    'credit-package-select': CreditPackageSelectEvent;
    'credit-error': CreditErrorEvent;
  }
}

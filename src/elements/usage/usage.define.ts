import { CreditUsage, type CreditPeriodChangeEvent } from './usage.js';
import type { CreditErrorEvent } from '../shared/events.js';

CreditUsage.define();

declare global {
  interface HTMLElementTagNameMap {
    'credit-usage': CreditUsage;
  }
  interface GlobalEventHandlersEventMap {
    'credit-period-change': CreditPeriodChangeEvent;
    'credit-error': CreditErrorEvent;
  }
}

import { CreditUsage } from './usage.js';
import type { CreditPeriodChangeEvent } from './usage.events.js';
import type { CreditErrorEvent } from '../common/events.js';

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
